using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>Markup-based analyzer tests (<c>{|SECRETS001:…|}</c>, <c>[|…|]</c>); never line/column numbers.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net80WithAws;
            }
        }

        /// <summary>Verifies that exactly the marked spans are reported, with the given extra sources (stubs).</summary>
        public static Task VerifyAsync(string source, params string[] additionalSources)
        {
            var test = new Test { TestCode = source };
            foreach (string extra in additionalSources)
            {
                test.TestState.Sources.Add(extra);
            }

            return test.RunAsync(CancellationToken.None);
        }

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);
    }
}
