using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Cli.Loading;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>A loaded input and the analysis of each of its C# projects.</summary>
    internal sealed class ScanSession : IDisposable
    {
        /// <summary>
        /// Compiler errors that mean the project was not loaded completely (unresolved types, namespaces,
        /// assemblies or metadata files): the analysis of such a project would silently miss findings.
        /// </summary>
        private static readonly ImmutableHashSet<string> MissingReferenceErrors =
            ImmutableHashSet.Create(StringComparer.Ordinal, "CS0006", "CS0009", "CS0012", "CS0234", "CS0246", "CS0400", "CS0518", "CS1705", "CS8021");

        private ScanSession(LoadedSolution loaded, IReadOnlyList<ProjectAnalysis> projects)
        {
            Loaded = loaded;
            Projects = projects;
        }

        public LoadedSolution Loaded { get; }

        public IReadOnlyList<ProjectAnalysis> Projects { get; }

        public string RootDirectory => Loaded.Input.RootDirectory;

        /// <summary>The distinct project names, in report order.</summary>
        public IReadOnlyList<string> ProjectNames =>
            Projects.Select(p => SolutionLoader.DisplayName(p.Project)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

        public IReadOnlyList<Finding> Findings =>
            Finding.Normalize(Projects.SelectMany(p => p.Findings.Select(d => Finding.From(d, SolutionLoader.DisplayName(p.Project), RootDirectory))));

        /// <summary>
        /// Rules that cannot report anything in a project, once per project (a multi-targeting project: inactive in every
        /// target framework), in report order.
        /// </summary>
        public IReadOnlyList<InactiveRule> InactiveRules =>
            Projects.GroupBy(p => SolutionLoader.DisplayName(p.Project))
                .SelectMany(g => g.First().InactiveRules.Where(r => g.All(p => p.InactiveRules.Any(o => o.RuleId == r.RuleId))))
                .OrderBy(r => r.Project, StringComparer.Ordinal)
                .ThenBy(r => r.RuleId, StringComparer.Ordinal)
                .ToList();

        /// <summary>Compiler errors that are not about missing references: the scan goes on but says so.</summary>
        public IEnumerable<(string Project, Diagnostic Error)> OtherCompilerErrors =>
            Projects.SelectMany(p => p.CompilerErrors.Where(e => !MissingReferenceErrors.Contains(e.Id)).Select(e => (SolutionLoader.DisplayName(p.Project), e)));

        public static async Task<(ScanSession? Session, IReadOnlyList<LoadProblem> Problems)> OpenAsync(
            string path, LoadOptions options, Action<string> status, CancellationToken cancellationToken)
        {
            ResolvedInput? input = InputResolver.Resolve(path, out LoadProblem? problem);
            if (input == null)
            {
                return (null, new[] { problem! });
            }

            var (loaded, problems) = await SolutionLoader.LoadAsync(input, options, status, cancellationToken).ConfigureAwait(false);
            if (loaded == null)
            {
                return (null, problems);
            }

            var (analyses, analysisProblems) = await AnalyzeAsync(loaded.Solution, loaded.Targets, status, cancellationToken).ConfigureAwait(false);
            if (analysisProblems.Count > 0)
            {
                loaded.Dispose();
                return (null, analysisProblems);
            }

            return (new ScanSession(loaded, analyses), Array.Empty<LoadProblem>());
        }

        /// <summary>Analyzes <paramref name="targets"/> of <paramref name="solution"/>; missing references are load problems.</summary>
        public static async Task<(IReadOnlyList<ProjectAnalysis> Analyses, IReadOnlyList<LoadProblem> Problems)> AnalyzeAsync(
            Solution solution, IReadOnlyList<ProjectId> targets, Action<string> status, CancellationToken cancellationToken)
        {
            var analyses = new List<ProjectAnalysis>();
            var problems = new List<LoadProblem>();
            int index = 0;
            foreach (ProjectId id in targets)
            {
                Project project = solution.GetProject(id)!;
                status("Analyzing " + project.Name + " (" + ++index + "/" + targets.Count + ")");
                ProjectAnalysis analysis = await SecretsScanner.AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
                Diagnostic[] missing = analysis.CompilerErrors.Where(e => MissingReferenceErrors.Contains(e.Id)).ToArray();
                if (missing.Length > 0)
                {
                    string first = string.Join("; ", missing.Take(3).Select(e => FormatError(e)));
                    problems.Add(new LoadProblem(
                        SolutionLoader.DisplayName(project),
                        "the project does not compile because references are missing (" + missing.Length + " error" + (missing.Length == 1 ? string.Empty : "s") + ", e.g. " + first + "); run `dotnet restore` / `dotnet build` on it"));
                }

                foreach (string failure in analysis.AnalyzerFailures)
                {
                    problems.Add(new LoadProblem(SolutionLoader.DisplayName(project), "an analyzer failed: " + failure));
                }

                analyses.Add(analysis);
            }

            return (analyses, problems);
        }

        public static string FormatError(Diagnostic error)
        {
            FileLinePositionSpan span = error.Location.GetMappedLineSpan();
            string where = error.Location.IsInSource ? System.IO.Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " : string.Empty;
            return where + error.Id + " " + error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose() => Loaded.Dispose();
    }
}
