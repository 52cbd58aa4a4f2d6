using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.ConfigFiles;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>
    /// The config and deployment files of a project (docs/config-files.md), as additional documents, so
    /// <c>ConfigFileAnalyzer</c> reads them in the scan as in the build. A project that references the SecretsAnalyzer
    /// package (or its analyzer projects) already lists them through the package's targets, with
    /// <c>SecretsAnalyzerScanConfigFiles</c> honoured, and is left as it is; for any other project the scan adds the files
    /// of the project folder that the targets would add.
    /// </summary>
    internal static class ConfigFileDocuments
    {
        public static Project AddMissing(Project project)
        {
            if (project.FilePath == null || ReferencesSecretsAnalyzer(project))
            {
                return project;
            }

            string? folder = Path.GetDirectoryName(project.FilePath);
            if (folder == null || !Directory.Exists(folder))
            {
                return project;
            }

            StringComparer comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var listed = new HashSet<string>(
                project.AdditionalDocuments.Where(d => d.FilePath != null).Select(d => Path.GetFullPath(d.FilePath!)),
                comparer);
            IEnumerable<string> candidates = Directory.EnumerateFiles(folder);
            string launchSettings = Path.Combine(folder, "Properties", "launchSettings.json");
            if (File.Exists(launchSettings))
            {
                candidates = candidates.Append(launchSettings);
            }

            foreach (string file in candidates.OrderBy(f => f, StringComparer.Ordinal))
            {
                string full = Path.GetFullPath(file);
                if (ConfigFileKinds.FromPath(full) == ConfigFileKind.None || listed.Contains(full))
                {
                    continue;
                }

                SourceText text;
                try
                {
                    using FileStream stream = File.OpenRead(full);
                    text = SourceText.From(stream);
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                project = project.AddAdditionalDocument(Path.GetFileName(full), text, filePath: full).Project;
            }

            return project;
        }

        private static bool ReferencesSecretsAnalyzer(Project project) =>
            project.AnalyzerReferences.Any(r => r.FullPath != null &&
                string.Equals(Path.GetFileName(r.FullPath), "SecretsAnalyzer.dll", StringComparison.OrdinalIgnoreCase));
    }
}
