using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>The calling thread's CPU time (Linux: CLOCK_THREAD_CPUTIME_ID; elsewhere wall time).</summary>
    public static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;
        private static readonly bool s_linux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clockId, out Timespec time);

        public static bool IsThreadCpu => s_linux;

        /// <summary>The whole process's CPU time in nanoseconds (Linux: CLOCK_PROCESS_CPUTIME_ID, exact; elsewhere Process.TotalProcessorTime).</summary>
        public static long ProcessNowNanoseconds()
        {
            if (s_linux && ClockGetTime(2, out Timespec t) == 0)
            {
                return t.Seconds * 1_000_000_000L + t.Nanoseconds;
            }

            return Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;
        }

        public static long NowNanoseconds()
        {
            if (s_linux && ClockGetTime(ClockThreadCpuTimeId, out Timespec t) == 0)
            {
                return t.Seconds * 1_000_000_000L + t.Nanoseconds;
            }

            return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
        }
    }

    /// <summary>
    /// Wraps an analyzer and adds up the thread CPU time spent inside its callbacks. Unlike the driver's
    /// telemetry (wall time), this is not inflated when other processes share the cores. Wrapping the empty
    /// analyzer the same way gives the cost of the wrapper and the callback dispatch itself, to subtract.
    /// <para>
    /// It has no [DiagnosticAnalyzer] attribute, on purpose (RS1001 suppressed here only): it is built in code around the
    /// analyzer it times and has no parameterless constructor, so a host that found it by the attribute could not create
    /// it (CS8032), and the attribute would make this test assembly an analyzer assembly (RS1036), which it is not.
    /// </para>
    /// </summary>
    [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Built in code around another analyzer; never discovered by a host (see the summary).")]
    public sealed class TimedAnalyzer : DiagnosticAnalyzer
    {
        private long _nanoseconds;
        private long _callbacks;

        public TimedAnalyzer(DiagnosticAnalyzer inner)
        {
            Inner = inner;
        }

        public DiagnosticAnalyzer Inner { get; }

        public double CallbackCpuMs => Interlocked.Read(ref _nanoseconds) / 1e6;

        public long Callbacks => Interlocked.Read(ref _callbacks);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context)
        {
            var timing = new TimingContext(context, this);
            Inner.Initialize(timing);

            // The wrapper runs as the inner analyzer asked: concurrently and on generated code only if it did. The driver
            // reads both settings once Initialize returns, so applying them after the registrations changes nothing.
            if (timing.Concurrent)
            {
                context.EnableConcurrentExecution();
            }

            if (timing.GeneratedCode is GeneratedCodeAnalysisFlags flags)
            {
                context.ConfigureGeneratedCodeAnalysis(flags);
            }
        }

        private Action<T> Wrap<T>(Action<T> action) => c =>
        {
            long start = ThreadCpu.NowNanoseconds();
            try
            {
                action(c);
            }
            finally
            {
                Interlocked.Add(ref _nanoseconds, ThreadCpu.NowNanoseconds() - start);
                Interlocked.Increment(ref _callbacks);
            }
        };

        private sealed class TimingContext : AnalysisContext
        {
            private readonly AnalysisContext _inner;
            private readonly TimedAnalyzer _owner;

            public TimingContext(AnalysisContext inner, TimedAnalyzer owner)
            {
                _inner = inner;
                _owner = owner;
            }

            public bool Concurrent { get; private set; }

            public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

            public override void EnableConcurrentExecution() => Concurrent = true;

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
                _inner.RegisterCompilationStartAction(_owner.Wrap<CompilationStartAnalysisContext>(start => action(new TimingStartContext(start, _owner))));

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_owner.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_owner.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_owner.Wrap(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_owner.Wrap(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_owner.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_owner.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_owner.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(_owner.Wrap(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_owner.Wrap(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_owner.Wrap(action));
        }

        private sealed class TimingStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _inner;
            private readonly TimedAnalyzer _owner;

            // RS1012 (a start action that registers nothing) does not apply: this is not a start action but a wrapper of
            // one, whose overrides below forward every registration to `inner`; the constructor only keeps it.
            [SuppressMessage("MicrosoftCodeAnalysisPerformance", "RS1012:Start action has no registered actions", Justification = "A forwarding wrapper; registrations happen in the overrides.")]
            public TimingStartContext(CompilationStartAnalysisContext inner, TimedAnalyzer owner)
                : base(inner.Compilation, inner.Options, inner.CancellationToken)
            {
                _inner = inner;
                _owner = owner;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_owner.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_owner.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_owner.Wrap(action), symbolKinds);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_owner.Wrap(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_owner.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_owner.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_owner.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
                _inner.RegisterSyntaxNodeAction(_owner.Wrap(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_owner.Wrap(action), operationKinds);

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_owner.Wrap(action));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_owner.Wrap(action));

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_owner.Wrap(action), symbolKind);
        }
    }
}
