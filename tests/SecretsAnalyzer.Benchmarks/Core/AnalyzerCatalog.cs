using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>
    /// Every analyzer class the SecretsAnalyzer assembly ships, found by reflection, so rules added later
    /// (SECRETS003, SECRETS004, …) are measured and stress-tested without touching this code.
    /// </summary>
    public static class AnalyzerCatalog
    {
        public static Assembly AnalyzerAssembly => typeof(SecretsAnalyzer.Rules.AwsAccessKeyIdAnalyzer).Assembly;

        /// <summary>The analyzer types, ordered by their first diagnostic id.</summary>
        public static IReadOnlyList<Type> AnalyzerTypes()
        {
            Type[] types;
            try
            {
                types = AnalyzerAssembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t != null).Select(t => t!).ToArray();
            }

            return types
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
                .OrderBy(t => FirstId(Create(t)), StringComparer.Ordinal)
                .ToList();
        }

        public static DiagnosticAnalyzer Create(Type type) => (DiagnosticAnalyzer)Activator.CreateInstance(type)!;

        /// <summary>A fresh instance of every analyzer class.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAll() => AnalyzerTypes().Select(Create).ToImmutableArray();

        public static string FirstId(DiagnosticAnalyzer analyzer) =>
            analyzer.SupportedDiagnostics.Length > 0 ? analyzer.SupportedDiagnostics[0].Id : analyzer.GetType().Name;

        /// <summary>"SECRETS001 AwsAccessKeyIdAnalyzer".</summary>
        public static string Describe(DiagnosticAnalyzer analyzer) => FirstId(analyzer) + " " + analyzer.GetType().Name;
    }

    /// <summary>
    /// The floor: an analyzer that subscribes to exactly what the SecretsAnalyzer rules subscribe to (the value
    /// node kinds, arguments, syntax trees, generated code included) and does nothing in its callbacks.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "EMPTY001", "Empty", "Empty", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        private static readonly SyntaxKind[] ArgumentKinds = { SyntaxKind.Argument };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSyntaxNodeAction(static _ => { }, CandidateCollector.ValueKinds);
                start.RegisterSyntaxNodeAction(static _ => { }, ArgumentKinds);
                start.RegisterSyntaxTreeAction(static _ => { });
            });
        }
    }
}
