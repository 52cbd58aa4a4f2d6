using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SecretsAnalyzer.Cli.Loading
{
    /// <summary>What the user pointed at: a solution, one project, or a folder of projects.</summary>
    internal sealed class ResolvedInput
    {
        public ResolvedInput(string rootDirectory, string? solutionPath, IReadOnlyList<string> projectPaths)
        {
            RootDirectory = rootDirectory;
            SolutionPath = solutionPath;
            ProjectPaths = projectPaths;
        }

        /// <summary>The folder that relative paths in reports start from.</summary>
        public string RootDirectory { get; }

        /// <summary>The .sln/.slnx/.slnf file, when the input is (or the folder holds exactly) one solution.</summary>
        public string? SolutionPath { get; }

        /// <summary>The project files to open when there is no solution.</summary>
        public IReadOnlyList<string> ProjectPaths { get; }

        /// <summary>What restore and the workspace open: the solution, or else the project files.</summary>
        public IEnumerable<string> EntryPoints => SolutionPath != null ? new[] { SolutionPath } : ProjectPaths;
    }

    internal static class InputResolver
    {
        private static readonly string[] SolutionExtensions = { ".sln", ".slnx", ".slnf" };
        private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules", "artifacts" };

        /// <summary>Resolves <paramref name="path"/>; returns null and sets <paramref name="problem"/> when it names nothing loadable.</summary>
        public static ResolvedInput? Resolve(string path, out LoadProblem? problem)
        {
            problem = null;
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                string ext = Path.GetExtension(full);
                string dir = Path.GetDirectoryName(full)!;
                if (SolutionExtensions.Contains(ext, StringComparer.OrdinalIgnoreCase))
                {
                    return new ResolvedInput(dir, full, Array.Empty<string>());
                }

                if (ext.Equals(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    return new ResolvedInput(dir, null, new[] { full });
                }

                problem = new LoadProblem(Path.GetFileName(full), "not a C# project (.csproj) or solution (.sln, .slnx, .slnf) file");
                return null;
            }

            if (!Directory.Exists(full))
            {
                problem = new LoadProblem(path, "no such file or folder");
                return null;
            }

            string[] solutions = Directory.GetFiles(full)
                .Where(f => SolutionExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !f.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            if (solutions.Length == 1)
            {
                return new ResolvedInput(full, solutions[0], Array.Empty<string>());
            }

            if (solutions.Length > 1)
            {
                problem = new LoadProblem(path, "the folder holds several solutions (" + string.Join(", ", solutions.Select(Path.GetFileName)) + "): name one");
                return null;
            }

            List<string> projects = FindProjects(full);
            if (projects.Count == 0)
            {
                problem = new LoadProblem(path, "the folder holds no solution and no C# project");
                return null;
            }

            return new ResolvedInput(full, null, projects);
        }

        private static List<string> FindProjects(string root)
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                found.AddRange(Directory.GetFiles(dir, "*.csproj"));
                foreach (string sub in Directory.GetDirectories(dir))
                {
                    string name = Path.GetFileName(sub);
                    if (!SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase) && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }
    }
}
