using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Benchmarks.Core;
using Xunit;

namespace SecretsAnalyzer.Tests.Performance
{
    /// <summary>
    /// The rules built on the shared base subscribe to one semantic-model action and to nothing that runs when a
    /// compilation starts: in a real build a start action is billed for the compiler's own lazy work (reference
    /// manager, merged namespaces, assembly attributes) that the type lookups trigger before the compiler has done it,
    /// which was most of the rules' time on many small projects (docs/performance-real-build.md).
    /// </summary>
    public class RegistrationTests
    {
        public static IEnumerable<object[]> BaseRules() => AnalyzerCatalog.AnalyzerTypes()
            .Where(t => DerivesFromGeneric(t, typeof(SecretsAnalyzer.Rules.SecretsAnalyzerBase<>)))
            .Select(t => new object[] { t.Name });

        [Theory]
        [MemberData(nameof(BaseRules))]
        public void BaseRule_RegistersOneSemanticModelActionAndNoStartAction(string name)
        {
            Type type = AnalyzerCatalog.AnalyzerTypes().Single(t => t.Name == name);
            var context = new RecordingContext();
            AnalyzerCatalog.Create(type).Initialize(context);

            Assert.Equal(new[] { "SemanticModel" }, context.Registered);
            Assert.True(context.Concurrent);
        }

        [Fact]
        public void TheFourRulesAreOnTheSharedBase()
        {
            Assert.True(BaseRules().Count() >= 4);
        }

        private static bool DerivesFromGeneric(Type type, Type generic)
        {
            for (Type? t = type.BaseType; t != null; t = t.BaseType)
            {
                if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class RecordingContext : AnalysisContext
        {
            public List<string> Registered { get; } = new List<string>();

            public bool Concurrent { get; private set; }

            public override void EnableConcurrentExecution() => Concurrent = true;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Registered.Add("CompilationStart");

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Registered.Add("Compilation");

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Registered.Add("SemanticModel");

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Registered.Add("Symbol");

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Registered.Add("CodeBlockStart");

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Registered.Add("CodeBlock");

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Registered.Add("SyntaxTree");

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Registered.Add("SyntaxNode");

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Registered.Add("Operation");

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Registered.Add("OperationBlockStart");

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Registered.Add("OperationBlock");

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Registered.Add("AdditionalFile");

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Registered.Add("SymbolStart");
        }
    }
}
