using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>Builds analyzer tests with the Lambda stubs, extra files and .editorconfig / global config text.</summary>
    public static class SecretsTest
    {
        public static CSharpAnalyzerVerifier<TAnalyzer>.Test Create<TAnalyzer>(string source, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
            test.TestState.Sources.Add(("/0/LambdaCore.cs", LambdaStubs.LambdaCore));
            test.TestState.Sources.Add(("/0/LambdaAnnotations.cs", LambdaStubs.LambdaAnnotations));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        public static CSharpAnalyzerVerifier<TAnalyzer>.Test WithEditorConfig<TAnalyzer>(this CSharpAnalyzerVerifier<TAnalyzer>.Test test, string body)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + body + "\n"));
            return test;
        }

        public static CSharpAnalyzerVerifier<TAnalyzer>.Test WithGlobalConfig<TAnalyzer>(this CSharpAnalyzerVerifier<TAnalyzer>.Test test, string body)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + body + "\n"));
            return test;
        }

        public static CSharpAnalyzerVerifier<TAnalyzer>.Test WithSource<TAnalyzer>(this CSharpAnalyzerVerifier<TAnalyzer>.Test test, string path, string source)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            test.TestState.Sources.Add((path, source));
            return test;
        }
    }
}
