using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>
    /// The analyzers and code fixes of the SecretsAnalyzer assemblies this tool ships with: the very classes the
    /// build and the IDE load, found the way the compiler finds them (by their export attributes).
    /// </summary>
    internal static class RuleCatalog
    {
        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() =>
            Instantiate<DiagnosticAnalyzer>(typeof(RuleIds).Assembly, t =>
                t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))));

        private static readonly Lazy<ImmutableArray<CodeFixProvider>> LazyFixers = new(() =>
            Instantiate<CodeFixProvider>(CodeFixesAssembly, t =>
                t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))));

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

        public static ImmutableArray<CodeFixProvider> Fixers => LazyFixers.Value;

        /// <summary>Every rule the analyzers report, by id.</summary>
        public static ImmutableSortedDictionary<string, DiagnosticDescriptor> Rules { get; } =
            LazyAnalyzers.Value.SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .ToImmutableSortedDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public static string ToolVersion =>
            typeof(RuleCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(RuleCatalog).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        private static Assembly CodeFixesAssembly => Assembly.Load(new AssemblyName("SecretsAnalyzer.CodeFixes"));

        private static ImmutableArray<T> Instantiate<T>(Assembly assembly, Func<Type, bool> exported)
            where T : class
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t != null).ToArray()!;
            }

            var instances = new List<T>();
            foreach (Type type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (!type.IsAbstract && typeof(T).IsAssignableFrom(type) && exported(type) && type.GetConstructor(Type.EmptyTypes) != null)
                {
                    instances.Add((T)Activator.CreateInstance(type)!);
                }
            }

            return instances.ToImmutableArray();
        }
    }
}
