using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.VisualStudio.SolutionPersistence;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace SecretsAnalyzer.Cli.Loading
{
    /// <summary>A loaded solution and the C# projects the user asked for.</summary>
    internal sealed class LoadedSolution : IDisposable
    {
        public LoadedSolution(MSBuildWorkspace workspace, ResolvedInput input, IReadOnlyList<ProjectId> targets, IReadOnlyList<string> notes)
        {
            Workspace = workspace;
            Input = input;
            Targets = targets;
            Notes = notes;
        }

        public MSBuildWorkspace Workspace { get; }

        public Solution Solution => Workspace.CurrentSolution;

        public ResolvedInput Input { get; }

        /// <summary>The C# projects to analyze (one per target framework of a multi-targeting project).</summary>
        public IReadOnlyList<ProjectId> Targets { get; }

        /// <summary>Things worth saying that are not failures (skipped non-C# projects, MSBuild warnings).</summary>
        public IReadOnlyList<string> Notes { get; }

        public void Dispose() => Workspace.Dispose();
    }

    internal sealed class LoadOptions
    {
        public bool Restore { get; init; } = true;

        public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>Loads a solution, project or folder through MSBuildWorkspace and says clearly when that fails.</summary>
    internal static class SolutionLoader
    {
        public static async Task<(LoadedSolution? Loaded, IReadOnlyList<LoadProblem> Problems)> LoadAsync(
            ResolvedInput input, LoadOptions options, Action<string> status, CancellationToken cancellationToken)
        {
            var problems = new List<LoadProblem>();
            HashSet<string>? wanted = null;
            if (input.SolutionPath != null)
            {
                try
                {
                    wanted = await ReadSolutionProjectsAsync(input.SolutionPath, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return (null, new[] { new LoadProblem(Path.GetFileName(input.SolutionPath), "cannot read the solution: " + e.Message) });
                }
            }

            // Evaluate every project as the build would, before anything else runs.
            status("Evaluating projects");
            var projectFiles = (wanted ?? (IEnumerable<string>)input.ProjectPaths).Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p, StringComparer.Ordinal).ToList();
            problems.AddRange(ProjectValidator.Validate(projectFiles, options.Properties));
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            if (options.Restore)
            {
                foreach (string entry in input.EntryPoints)
                {
                    status("Restoring " + Path.GetFileName(entry));
                    problems.AddRange(await RestoreAsync(entry, options, cancellationToken).ConfigureAwait(false));
                }

                if (problems.Count > 0)
                {
                    return (null, problems);
                }
            }

            var workspace = MSBuildWorkspace.Create(options.Properties.ToDictionary(p => p.Key, p => p.Value));
            var failures = new List<WorkspaceDiagnostic>();
            workspace.RegisterWorkspaceFailedHandler(e => { lock (failures) { failures.Add(e.Diagnostic); } });
            var progress = new Progress(status);
            var notes = new List<string>();
            try
            {
                if (input.SolutionPath != null)
                {
                    status("Loading " + Path.GetFileName(input.SolutionPath));
                    await workspace.OpenSolutionAsync(input.SolutionPath, progress, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (string project in input.ProjectPaths)
                    {
                        if (!workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, project)))
                        {
                            status("Loading " + Path.GetFileName(project));
                            await workspace.OpenProjectAsync(project, progress, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problems.Add(new LoadProblem(Path.GetFileName(input.SolutionPath ?? input.ProjectPaths[0]), e.Message));
            }

            // Failures name the file; warnings are worth a note but do not stop the scan.
            foreach (WorkspaceDiagnostic diagnostic in failures.Concat(workspace.Diagnostics).Distinct())
            {
                if (diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    problems.Add(new LoadProblem(ProjectNamedIn(diagnostic.Message, input, workspace.CurrentSolution), diagnostic.Message));
                }
                else if (!diagnostic.Message.StartsWith("Duplicate source file", StringComparison.Ordinal))
                {
                    // (Duplicate items are harmless: the compiler takes each file once.)
                    notes.Add(diagnostic.Message);
                }
            }

            Solution solution = workspace.CurrentSolution;
            var targets = new List<ProjectId>();
            if (wanted != null)
            {
                foreach (string path in wanted.OrderBy(p => p, StringComparer.Ordinal))
                {
                    Project[] loaded = solution.Projects.Where(p => SamePath(p.FilePath, path)).ToArray();
                    if (loaded.Length == 0)
                    {
                        if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                        {
                            notes.Add("skipped " + Path.GetFileName(path) + ": not a C# project");
                        }
                        else if (!problems.Any(p => p.Message.Contains(path, StringComparison.Ordinal)))
                        {
                            problems.Add(new LoadProblem(Path.GetFileNameWithoutExtension(path), "MSBuild did not load the project (" + path + ")"));
                        }

                        continue;
                    }

                    targets.AddRange(loaded.Where(p => p.Language == LanguageNames.CSharp).Select(p => p.Id));
                }
            }
            else
            {
                // A project or a folder of projects: the projects named and the projects they reference, as a build would.
                var seen = new HashSet<ProjectId>();
                var pending = new Stack<Project>(solution.Projects.Where(p => input.ProjectPaths.Any(path => SamePath(p.FilePath, path))));
                while (pending.Count > 0)
                {
                    Project project = pending.Pop();
                    if (!seen.Add(project.Id))
                    {
                        continue;
                    }

                    if (project.Language == LanguageNames.CSharp)
                    {
                        targets.Add(project.Id);
                    }

                    foreach (ProjectReference reference in project.ProjectReferences)
                    {
                        Project? referenced = solution.GetProject(reference.ProjectId);
                        if (referenced != null)
                        {
                            pending.Push(referenced);
                        }
                    }
                }

                foreach (string path in input.ProjectPaths)
                {
                    if (!solution.Projects.Any(p => SamePath(p.FilePath, path)) && !problems.Any(p => p.Message.Contains(path, StringComparison.Ordinal)))
                    {
                        problems.Add(new LoadProblem(Path.GetFileNameWithoutExtension(path), "MSBuild did not load the project (" + path + ")"));
                    }
                }
            }

            foreach (ProjectId id in targets)
            {
                Project project = solution.GetProject(id)!;
                if (!project.Documents.Any())
                {
                    problems.Add(new LoadProblem(DisplayName(project), "the design-time build found no C# source files (" + project.FilePath + "); build it with `dotnet build` to see why"));
                }
            }

            if (problems.Count > 0)
            {
                workspace.Dispose();
                return (null, problems);
            }

            targets.Sort((a, b) => string.CompareOrdinal(solution.GetProject(a)!.Name, solution.GetProject(b)!.Name));
            return (new LoadedSolution(workspace, input, targets, notes), problems);
        }

        /// <summary>The project name without the "(net8.0)" that the workspace appends for multi-targeting projects.</summary>
        public static string DisplayName(Project project)
        {
            string name = project.Name;
            int paren = name.IndexOf('(', StringComparison.Ordinal);
            return paren > 0 && name.EndsWith(')') ? name.Substring(0, paren) : name;
        }

        public static bool SamePath(string? a, string? b) =>
            a != null && b != null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        private static async Task<HashSet<string>> ReadSolutionProjectsAsync(string solutionPath, CancellationToken cancellationToken)
        {
            string path = solutionPath;
            if (path.EndsWith(".slnf", StringComparison.OrdinalIgnoreCase))
            {
                // A solution filter lists its projects relative to the solution it filters.
                using var doc = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
                var sln = doc.RootElement.GetProperty("solution");
                string slnDir = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, sln.GetProperty("path").GetString()!)))!;
                return sln.GetProperty("projects").EnumerateArray()
                    .Select(p => Path.GetFullPath(Path.Combine(slnDir, p.GetString()!.Replace('\\', Path.DirectorySeparatorChar))))
                    .ToHashSet(StringComparer.Ordinal);
            }

            ISolutionSerializer? serializer = SolutionSerializers.GetSerializerByMoniker(path);
            if (serializer == null)
            {
                throw new InvalidOperationException("unknown solution format: " + path);
            }

            var model = await serializer.OpenAsync(path, cancellationToken).ConfigureAwait(false);
            string dir = Path.GetDirectoryName(path)!;
            return model.SolutionProjects
                .Select(p => Path.GetFullPath(Path.Combine(dir, p.FilePath.Replace('\\', Path.DirectorySeparatorChar))))
                .ToHashSet(StringComparer.Ordinal);
        }

        private static string ProjectNamedIn(string message, ResolvedInput input, Solution solution)
        {
            // MSBuild messages quote the project file: "Msbuild failed when processing the file '/x/Broken.csproj' with message: …".
            int start = message.IndexOf('\'', StringComparison.Ordinal);
            int end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
            if (start >= 0 && end > start)
            {
                string quoted = message.Substring(start + 1, end - start - 1);
                if (quoted.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                {
                    return Path.GetFileNameWithoutExtension(quoted);
                }
            }

            Project? named = solution.Projects.FirstOrDefault(p => p.FilePath != null && message.Contains(p.FilePath, StringComparison.Ordinal));
            return named != null ? DisplayName(named) : Path.GetFileName(input.SolutionPath ?? input.ProjectPaths[0]);
        }

        private static async Task<IReadOnlyList<LoadProblem>> RestoreAsync(string path, LoadOptions options, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(DotNetHost.Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add("restore");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("--nologo");
            start.ArgumentList.Add("-clp:NoSummary");
            foreach (KeyValuePair<string, string> property in options.Properties)
            {
                start.ArgumentList.Add("-p:" + property.Key + "=" + property.Value);
            }

            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            string output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
            if (process.ExitCode == 0)
            {
                return Array.Empty<LoadProblem>();
            }

            var problems = new List<LoadProblem>();
            foreach (string line in output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.Ordinal)).Distinct())
            {
                problems.Add(new LoadProblem(ProjectOfMSBuildLine(line) ?? Path.GetFileName(path), "restore failed: " + line));
            }

            if (problems.Count == 0)
            {
                problems.Add(new LoadProblem(Path.GetFileName(path), "`dotnet restore` failed (exit code " + process.ExitCode + "): " + output.Trim()));
            }

            return problems;
        }

        /// <summary>MSBuild error lines end with "[/path/Project.csproj]".</summary>
        private static string? ProjectOfMSBuildLine(string line)
        {
            // "/x/Broken.csproj : error NU1015: …" or "/x/Broken.csproj(12,5): error MSB4025: …" names the project first.
            int error = line.IndexOf(": error ", StringComparison.Ordinal);
            if (error > 0)
            {
                string head = line.Substring(0, error).TrimEnd();
                int paren = head.LastIndexOf('(');
                if (paren > 0 && head.EndsWith(')'))
                {
                    head = head.Substring(0, paren);
                }

                if (head.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                {
                    return Path.GetFileNameWithoutExtension(head);
                }
            }

            int open = line.LastIndexOf('[');
            if (open >= 0 && line.EndsWith(']'))
            {
                string inside = line.Substring(open + 1, line.Length - open - 2);
                int comma = inside.IndexOf("::", StringComparison.Ordinal);
                if (comma >= 0)
                {
                    inside = inside.Substring(0, comma);
                }

                return Path.GetFileNameWithoutExtension(inside.Trim());
            }

            return null;
        }

        private sealed class Progress : IProgress<ProjectLoadProgress>
        {
            private readonly Action<string> _status;

            public Progress(Action<string> status) => _status = status;

            public void Report(ProjectLoadProgress value)
            {
                string tfm = value.TargetFramework != null ? " (" + value.TargetFramework + ")" : string.Empty;
                _status(value.Operation + " " + Path.GetFileName(value.FilePath) + tfm);
            }
        }
    }

    internal static class DotNetHost
    {
        /// <summary>The dotnet executable that runs this tool (DOTNET_HOST_PATH), or "dotnet" from PATH.</summary>
        public static string Path
        {
            get
            {
                string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                if (!string.IsNullOrEmpty(host) && File.Exists(host))
                {
                    return host;
                }

                string? main = Environment.ProcessPath;
                if (main != null && System.IO.Path.GetFileNameWithoutExtension(main).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
                {
                    return main;
                }

                return "dotnet";
            }
        }
    }
}
