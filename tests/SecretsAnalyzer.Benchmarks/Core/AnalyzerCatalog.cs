using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
}
