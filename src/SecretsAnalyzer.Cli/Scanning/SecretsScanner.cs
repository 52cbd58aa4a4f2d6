using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>What the rules and the compiler said about one project.</summary>
    internal sealed class ProjectAnalysis
    {
        public ProjectAnalysis(Project project, ImmutableArray<Diagnostic> findings, ImmutableArray<Diagnostic> compilerErrors, ImmutableArray<string> analyzerFailures, ImmutableArray<InactiveRule> inactiveRules)
        {
            InactiveRules = inactiveRules;
            Project = project;
            Findings = findings;
            CompilerErrors = compilerErrors;
            AnalyzerFailures = analyzerFailures;
        }

        public Project Project { get; }

        /// <summary>SecretsAnalyzer diagnostics as the build reports them: severity from .editorconfig and global configs, suppressions applied.</summary>
        public ImmutableArray<Diagnostic> Findings { get; }

        public ImmutableArray<Diagnostic> CompilerErrors { get; }

        public ImmutableArray<string> AnalyzerFailures { get; }

        /// <summary>Rules that cannot report anything in this project, and why.</summary>
        public ImmutableArray<InactiveRule> InactiveRules { get; }
    }

    /// <summary>Runs the SecretsAnalyzer rules on a project exactly as the compiler does during a build.</summary>
    internal static class SecretsScanner
    {
        public static async Task<ProjectAnalysis> AnalyzeAsync(Project project, CancellationToken cancellationToken)
        {
            project = ConfigFileDocuments.AddMissing(project);
            Compilation compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("project " + project.Name + " has no compilation");

            var failures = new List<string>();
            ImmutableArray<DiagnosticAnalyzer> analyzers = RuleCatalog.Analyzers.AddRange(SuppressorsFrom(project));

            // The project's AnalyzerOptions carry its additional files and the .editorconfig / global config options,
            // and the compilation options carry the severities (editorconfig, NoWarn, WarningsAsErrors), so the result
            // is filtered exactly as the build filters it, #pragma and [SuppressMessage] included.
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (exception, analyzer, diagnostic) =>
                {
                    lock (failures)
                    {
                        failures.Add(analyzer.GetType().Name + " threw " + exception.GetType().Name + ": " + exception.Message);
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            ImmutableArray<Diagnostic> all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            ImmutableArray<Diagnostic> findings = all
                .Where(d => RuleCatalog.Rules.ContainsKey(d.Id) && d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed &&
                            (d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile))
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            ImmutableArray<Diagnostic> errors = all
                .Where(d => d.Severity == DiagnosticSeverity.Error && !RuleCatalog.Rules.ContainsKey(d.Id) && !d.IsSuppressed)
                .ToImmutableArray();
            return new ProjectAnalysis(project, findings, errors, failures.ToImmutableArray(), RuleActivity.Inactive(project, compilation, cancellationToken));
        }

        /// <summary>
        /// Diagnostic suppressors that the project's own analyzer references declare for SecretsAnalyzer rules: the
        /// build runs them, so the scan does too. Other analyzers of the project are not run.
        /// </summary>
        private static IEnumerable<DiagnosticAnalyzer> SuppressorsFrom(Project project)
        {
            foreach (AnalyzerReference reference in project.AnalyzerReferences)
            {
                ImmutableArray<DiagnosticAnalyzer> analyzers;
                try
                {
                    analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
                }
                catch (Exception)
                {
                    continue;
                }

                foreach (DiagnosticSuppressor suppressor in analyzers.OfType<DiagnosticSuppressor>())
                {
                    bool relevant;
                    try
                    {
                        relevant = suppressor.SupportedSuppressions.Any(s => RuleCatalog.Rules.ContainsKey(s.SuppressedDiagnosticId));
                    }
                    catch (Exception)
                    {
                        relevant = false;
                    }

                    if (relevant)
                    {
                        yield return suppressor;
                    }
                }
            }
        }
    }
}
