using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>
    /// The exact floor for one analyzer: an analyzer that subscribes to exactly what <c>inner</c> subscribes to in
    /// this compilation (the same node kinds, tree, symbol and operation actions, the same generated-code and
    /// concurrency settings) and does nothing in its callbacks. Its cost is what the driver charges for the
    /// subscriptions alone; whatever the real analyzer costs above it is its own code.
    /// <para>
    /// It has no [DiagnosticAnalyzer] attribute, on purpose (RS1001 suppressed here only): it is built in code around the
    /// analyzer it mirrors and has no parameterless constructor, so a host that found it by the attribute could not create
    /// it (CS8032), and the attribute would make this test assembly an analyzer assembly (RS1036), which it is not.
    /// </para>
    /// </summary>
    [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Built in code around another analyzer; never discovered by a host (see the summary).")]
    public sealed class MirrorAnalyzer : DiagnosticAnalyzer
    {
        // RS2008 (analyzer release tracking) is for rules a package ships; MIRROR001 is a measurement harness's id that
        // never reaches a user and is never reported (the mirror's callbacks are empty), so it has no release to track.
#pragma warning disable RS2008
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            "MIRROR001", "Mirror", "Mirror", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

        private readonly Func<DiagnosticAnalyzer> _createInner;

        public MirrorAnalyzer(Func<DiagnosticAnalyzer> createInner)
        {
            _createInner = createInner;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            var recorder = new Recorder();
            _createInner().Initialize(recorder);
            if (recorder.Concurrent)
            {
                context.EnableConcurrentExecution();
            }

            if (recorder.GeneratedCode is GeneratedCodeAnalysisFlags flags)
            {
                context.ConfigureGeneratedCodeAnalysis(flags);
            }

            recorder.ReplayEmpty(context);
            context.RegisterCompilationStartAction(start =>
            {
                var startRecorder = new StartRecorder(start.Compilation, start.Options, start.CancellationToken);
                foreach (Action<CompilationStartAnalysisContext> action in recorder.StartActions)
                {
                    action(startRecorder);
                }

                startRecorder.ReplayEmpty(start);
            });
        }

        private sealed class Recorder : AnalysisContext
        {
            private readonly List<Action<AnalysisContext>> _replays = new();

            public bool Concurrent { get; private set; }

            public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

            public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

            public void ReplayEmpty(AnalysisContext context) => _replays.ForEach(r => r(context));

            public override void EnableConcurrentExecution() => Concurrent = true;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _replays.Add(c => c.RegisterCompilationAction(static _ => { }));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _replays.Add(c => c.RegisterSemanticModelAction(static _ => { }));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _replays.Add(c => c.RegisterSymbolAction(static _ => { }, symbolKinds));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _replays.Add(c => c.RegisterCodeBlockStartAction<TLanguageKindEnum>(static _ => { }));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _replays.Add(c => c.RegisterCodeBlockAction(static _ => { }));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _replays.Add(c => c.RegisterSyntaxTreeAction(static _ => { }));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _replays.Add(c => c.RegisterAdditionalFileAction(static _ => { }));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _replays.Add(c => c.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _replays.Add(c => c.RegisterOperationAction(static _ => { }, operationKinds));
        }

        private sealed class StartRecorder : CompilationStartAnalysisContext
        {
            private readonly List<Action<CompilationStartAnalysisContext>> _replays = new();

            public StartRecorder(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
                : base(compilation, options, cancellationToken)
            {
            }

            public void ReplayEmpty(CompilationStartAnalysisContext context) => _replays.ForEach(r => r(context));

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _replays.Add(c => c.RegisterCompilationEndAction(static _ => { }));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _replays.Add(c => c.RegisterSemanticModelAction(static _ => { }));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _replays.Add(c => c.RegisterSymbolAction(static _ => { }, symbolKinds));

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _replays.Add(c => c.RegisterCodeBlockStartAction<TLanguageKindEnum>(static _ => { }));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _replays.Add(c => c.RegisterCodeBlockAction(static _ => { }));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _replays.Add(c => c.RegisterSyntaxTreeAction(static _ => { }));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _replays.Add(c => c.RegisterAdditionalFileAction(static _ => { }));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _replays.Add(c => c.RegisterSyntaxNodeAction(static _ => { }, syntaxKinds));

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
                _replays.Add(c => c.RegisterOperationAction(static _ => { }, operationKinds));

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _replays.Add(c => c.RegisterOperationBlockAction(static _ => { }));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _replays.Add(c => c.RegisterSymbolStartAction(static _ => { }, symbolKind));
        }
    }
}
