using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace SecretsAnalyzer.Cli.Loading
{
    /// <summary>
    /// Evaluates each project file with the SDK's MSBuild (registered by Microsoft.Build.Locator) as `dotnet build`
    /// would. The workspace's design-time build tolerates missing imports and keeps going, so without this a project
    /// that cannot build would be scanned (or rewritten) as if it were fine.
    /// </summary>
    internal static class ProjectValidator
    {
        public static IReadOnlyList<LoadProblem> Validate(IEnumerable<string> projectPaths, IReadOnlyDictionary<string, string> properties)
        {
            var problems = new List<LoadProblem>();
            using var collection = new ProjectCollection(properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
            foreach (string path in projectPaths)
            {
                string name = Path.GetFileNameWithoutExtension(path);
                if (!File.Exists(path))
                {
                    problems.Add(new LoadProblem(name, "the project file " + path + " does not exist"));
                    continue;
                }

                try
                {
                    collection.LoadProject(path);
                }
                catch (InvalidProjectFileException e)
                {
                    string where = e.ProjectFile ?? path;
                    if (e.LineNumber > 0)
                    {
                        where += "(" + e.LineNumber + "," + e.ColumnNumber + ")";
                    }

                    problems.Add(new LoadProblem(name, "MSBuild error " + e.ErrorCode + " in " + where + ": " + e.BaseMessage));
                }
            }

            return problems;
        }
    }
}
