using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>
    /// Raising the severity to error in .editorconfig, the way the compiler applies it (an analyzer config set turned
    /// into per-tree options): the finding becomes an error, so the rule can gate a build.
    /// </summary>
    public class SeverityConfigurationTests
    {
        private const string Source = "class C { const string Id = \"AKIAR7TQ2WXZ5MNB3KLD\"; string secretKey = \"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\"; }";

        [Theory]
        [InlineData("error", DiagnosticSeverity.Error)]
        [InlineData("warning", DiagnosticSeverity.Warning)]
        [InlineData("suggestion", DiagnosticSeverity.Info)]
        public async Task EditorConfigSeverity_IsApplied(string configured, DiagnosticSeverity expected)
        {
            var diagnostics = await AnalyzeAsync($"root = true\n[*.cs]\ndotnet_diagnostic.SECRETS001.severity = {configured}\ndotnet_diagnostic.SECRETS002.severity = {configured}\n");
            Assert.Equal(2, diagnostics.Length);
            Assert.All(diagnostics, d => Assert.Equal(expected, d.Severity));
        }

        [Fact]
        public async Task EditorConfigNone_RemovesTheFinding()
        {
            var diagnostics = await AnalyzeAsync("root = true\n[*.cs]\ndotnet_diagnostic.SECRETS001.severity = none\n");
            Assert.Equal(new[] { "SECRETS002" }, diagnostics.Select(d => d.Id).ToArray());
        }

        [Fact]
        public async Task CategoryConfiguration_AppliesToBothRules()
        {
            var diagnostics = await AnalyzeAsync("root = true\n[*.cs]\ndotnet_analyzer_diagnostic.category-Security.severity = error\n");
            Assert.Equal(2, diagnostics.Length);
            Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string editorConfig)
        {
            const string path = "/src/Function.cs";
            AnalyzerConfigSet set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, "/.editorconfig")));
            AnalyzerConfigOptionsResult result = set.GetOptionsForSourcePath(path);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Source, path: path);
            ImmutableArray<MetadataReference> references = await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSyntaxTreeOptionsProvider(new TreeOptions(tree, result));
            var compilation = CSharpCompilation.Create("Severity", new[] { tree }, references, options);
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptionsProvider(tree, result));
            return await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AwsAccessKeyIdAnalyzer(), new AwsSecretKeyAnalyzer()), analyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly SyntaxTree _tree;
            private readonly AnalyzerConfigOptionsResult _result;

            public TreeOptions(SyntaxTree tree, AnalyzerConfigOptionsResult result)
            {
                _tree = tree;
                _result = result;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
                => _result.TreeOptions.TryGetValue(diagnosticId, out severity) && tree == _tree;

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return false;
            }
        }

        private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly SyntaxTree _tree;
            private readonly Options _options;

            public ConfigOptionsProvider(SyntaxTree tree, AnalyzerConfigOptionsResult result)
            {
                _tree = tree;
                _options = new Options(result.AnalyzerOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => tree == _tree ? _options : Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new Options(ImmutableDictionary<string, string>.Empty);

                private readonly ImmutableDictionary<string, string> _values;

                public Options(ImmutableDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
            }
        }
    }
}
