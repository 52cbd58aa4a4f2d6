using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>
    /// Markup-based code-fix tests that run every SecretsAnalyzer analyzer and every fixer, with .NET 8, the real AWS
    /// packages served here, the Lambda mirrors and the AWSSDK.SecretsManager mirror.
    /// </summary>
    public sealed class SecretsCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
    {
        private readonly List<(string, string)> _stubs = new List<(string, string)>();

        public SecretsCodeFixTest(bool secretsManager = true, bool lambda = true)
        {
            ReferenceAssemblies = TestReferences.Net80WithAws;

            // ConfigFileAnalyzer reports the same four descriptors (the same instances) in config files.
            MarkupOptions |= MarkupOptions.UseFirstDescriptor;
            if (lambda)
            {
                _stubs.Add(("/0/LambdaCore.cs", LambdaStubs.LambdaCore));
            }

            if (secretsManager)
            {
                _stubs.Add(("/0/SecretsManager.cs", LambdaStubs.SecretsManager));
            }
        }

        /// <summary>The helper the fixes add, as the fixed state expects it.</summary>
        public void ExpectHelper(string? rootNamespace = "TestProject", bool secretsManager = true, bool parameterStore = true, bool arn = true, bool batchToo = true)
        {
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(
                SecretsAnalyzer.CodeFixes.HelperClass.Generate(rootNamespace, secretsManager, parameterStore, arn), System.Text.Encoding.UTF8);
            FixedState.Sources.Add((SecretsAnalyzer.CodeFixes.HelperClass.FileName, text));
            if (batchToo && BatchFixedState.Sources.Count > 0)
            {
                BatchFixedState.Sources.Add((SecretsAnalyzer.CodeFixes.HelperClass.FileName, text));
            }
        }

        /// <summary>Adds the stubs to every state that lists sources, then runs.</summary>
        public new System.Threading.Tasks.Task RunAsync(System.Threading.CancellationToken cancellationToken = default)
        {
            foreach (SolutionState state in new[] { TestState, FixedState, BatchFixedState })
            {
                if (state.Sources.Count > 0 || state == TestState)
                {
                    for (int i = _stubs.Count - 1; i >= 0; i--)
                    {
                        state.Sources.Insert(0, (_stubs[i].Item1, Microsoft.CodeAnalysis.Text.SourceText.From(_stubs[i].Item2)));
                    }
                }
            }

            return base.RunAsync(cancellationToken);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() =>
            typeof(SecretsAnalyzer.CodeFixes.HardCodedCredentialCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!);
    }
}
