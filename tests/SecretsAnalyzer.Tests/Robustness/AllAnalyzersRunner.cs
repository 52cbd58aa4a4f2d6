using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Benchmarks.Core;
using SecretsAnalyzer.Tests.Verifiers;

namespace SecretsAnalyzer.Tests.Robustness
{
    /// <summary>What running every SecretsAnalyzer analyzer over one source gave.</summary>
    public sealed class AnalyzerRunResult
    {
        public AnalyzerRunResult(ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public IReadOnlyList<string> Exceptions { get; }

        public int Count(string id) => Diagnostics.Count(d => d.Id == id);
    }

    /// <summary>Runs every analyzer of the SecretsAnalyzer assembly (found by reflection) through the real analyzer driver.</summary>
    public static class AllAnalyzersRunner
    {
        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> s_references = new Lazy<Task<ImmutableArray<MetadataReference>>>(
            () => TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

        public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => s_references.Value;

        public static async Task<CSharpCompilation> CompileAsync(string source, string path = "Hostile.cs")
        {
            ImmutableArray<MetadataReference> references = await ReferencesAsync();
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, LambdaCodeGenerator.ParseOptions, path);
            SyntaxTree stubs = CSharpSyntaxTree.ParseText(LambdaStubs.LambdaCore, LambdaCodeGenerator.ParseOptions, "LambdaStubs.cs");
            return CSharpCompilation.Create("Hostile", new[] { tree, stubs }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        public static async Task<AnalyzerRunResult> RunAsync(HostileInput input)
        {
            CSharpCompilation compilation = await CompileAsync(input.Source, input.Path);
            return await RunAsync(compilation, input.Options);
        }

        public static async Task<AnalyzerRunResult> RunAsync(Compilation compilation, AnalyzerOptions options)
        {
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = compilation.WithAnalyzers(
                AnalyzerCatalog.CreateAll(),
                new CompilationWithAnalyzersOptions(
                    options,
                    (e, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + e),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return new AnalyzerRunResult(diagnostics, exceptions.ToList());
        }
    }
}
