using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>
    /// Runs an analyzer's syntax-node, syntax-tree and semantic-model actions directly, synchronously, on the calling thread,
    /// without the analyzer driver (which hops to thread-pool threads and adds its own dispatch cost). Two uses:
    /// the benchmark measures the analyzers' own callback cost with it (thread CPU time, allocations), and the
    /// robustness tests run it on a thread with a small stack to prove the analyzers' code does not recurse as
    /// deep as the input (the compiler binds first on a large stack: its recursion is not what is tested).
    /// <para>
    /// The three context constructors it calls are marked obsolete (CS0618, dotnet/roslyn#63440: "use
    /// CompilationWithAnalyzers instead"). No supported API does what this class is for: CompilationWithAnalyzers runs
    /// the driver, which schedules the callbacks on thread-pool threads (so neither the calling thread's CPU clock nor its
    /// small stack sees them) and adds the very dispatch cost the benchmark subtracts. The constructors are public and
    /// still work; each use is suppressed on its own line, nowhere else.
    /// </para>
    /// </summary>
    public sealed class DirectDriver
    {
        private readonly List<(Action<SyntaxNodeAnalysisContext> Action, ImmutableArray<SyntaxKind> Kinds)> _nodeActions = new();
        private readonly List<Action<SyntaxTreeAnalysisContext>> _treeActions = new();
        private readonly List<Action<SemanticModelAnalysisContext>> _modelActions = new();
        private readonly List<Action<AdditionalFileAnalysisContext>> _additionalFileActions = new();
        private readonly DiagnosticAnalyzer _analyzer;

        public DirectDriver(DiagnosticAnalyzer analyzer, Compilation compilation, AnalyzerOptions options)
        {
            _analyzer = analyzer;
            Options = options;
            var context = new RecordingContext(this, compilation, options);
            analyzer.Initialize(context);
            foreach (Action<CompilationStartAnalysisContext> start in context.StartActions)
            {
                start(new RecordingStartContext(this, compilation, options));
            }
        }

        public AnalyzerOptions Options { get; }

        public int ActionCount => _nodeActions.Count + _treeActions.Count + _modelActions.Count + _additionalFileActions.Count;

        /// <summary>Whether the analyzer runs on C# code (and not only on additional files, as ConfigFileAnalyzer does).</summary>
        public bool RunsOnCode => _nodeActions.Count + _treeActions.Count + _modelActions.Count > 0;

        public List<Diagnostic> Run(SyntaxTree tree, SemanticModel model)
        {
            var diagnostics = new List<Diagnostic>();
            ImmutableArray<DiagnosticDescriptor> supported = _analyzer.SupportedDiagnostics;
            Func<Diagnostic, bool> isSupported = d => supported.Any(s => s.Id == d.Id);
            foreach (Action<SyntaxTreeAnalysisContext> action in _treeActions)
            {
#pragma warning disable CS0618 // Obsolete, and the only way to run the callback on this thread (see the class comment).
                action(new SyntaxTreeAnalysisContext(tree, Options, diagnostics.Add, isSupported, CancellationToken.None));
#pragma warning restore CS0618
            }

            foreach (Action<SemanticModelAnalysisContext> action in _modelActions)
            {
#pragma warning disable CS0618 // Obsolete, and the only way to run the callback on this thread (see the class comment).
                action(new SemanticModelAnalysisContext(model, Options, diagnostics.Add, isSupported, CancellationToken.None));
#pragma warning restore CS0618
            }

            if (_nodeActions.Count == 0)
            {
                return diagnostics;
            }

            // DescendantNodesAndSelf walks with an explicit stack, not recursion.
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodesAndSelf())
            {
                var kind = (SyntaxKind)node.RawKind;
                foreach ((Action<SyntaxNodeAnalysisContext> action, ImmutableArray<SyntaxKind> kinds) in _nodeActions)
                {
                    if (kinds.Contains(kind))
                    {
#pragma warning disable CS0618 // Obsolete, and the only way to run the callback on this thread (see the class comment).
                        action(new SyntaxNodeAnalysisContext(node, null, model, Options, diagnostics.Add, isSupported, CancellationToken.None));
#pragma warning restore CS0618
                    }
                }
            }

            return diagnostics;
        }

        /// <summary>Runs <paramref name="work"/> on a new thread with the given stack size and rethrows what it threw.</summary>
        public static T OnThread<T>(int stackBytes, Func<T> work)
        {
            T result = default!;
            Exception? error = null;
            var thread = new Thread(() =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    error = e;
                }
            }, stackBytes);
            thread.Start();
            thread.Join();
            if (error != null)
            {
                throw new InvalidOperationException("The work failed on a " + stackBytes / 1024 + " KiB stack.", error);
            }

            return result;
        }

        private sealed class RecordingContext : AnalysisContext
        {
            private readonly DirectDriver _driver;

            public RecordingContext(DirectDriver driver, Compilation compilation, AnalyzerOptions options)
            {
                _driver = driver;
            }

            public List<Action<CompilationStartAnalysisContext>> StartActions { get; } = new();

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => StartActions.Add(action);

            // Config files (ConfigFileAnalyzer): C# trees are what this driver runs, so additional-file actions are recorded and never run.
            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _driver._additionalFileActions.Add(action);

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _driver._nodeActions.Add((action, syntaxKinds.Select(k => (SyntaxKind)(object)k).ToImmutableArray()));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _driver._treeActions.Add(action);

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _driver._modelActions.Add(action);

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();
        }

        private sealed class RecordingStartContext : CompilationStartAnalysisContext
        {
            private readonly DirectDriver _driver;

            public RecordingStartContext(DirectDriver driver, Compilation compilation, AnalyzerOptions options)
                : base(compilation, options, CancellationToken.None)
            {
                _driver = driver;
            }

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _driver._nodeActions.Add((action, syntaxKinds.Select(k => (SyntaxKind)(object)k).ToImmutableArray()));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _driver._additionalFileActions.Add(action);

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _driver._treeActions.Add(action);

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _driver._modelActions.Add(action);

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();
        }

        private static NotSupportedException Unsupported() =>
            new NotSupportedException("DirectDriver runs syntax-node, syntax-tree and semantic-model actions only; extend it for the new action kind.");
    }
}
