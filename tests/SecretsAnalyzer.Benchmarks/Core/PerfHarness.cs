using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>What to measure and how big.</summary>
    public sealed class PerfOptions
    {
        public int Files { get; set; } = 200;

        public int LinesPerFile { get; set; } = 1000;

        /// <summary>Measured rounds; each round runs every configuration once, in a rotated order.</summary>
        public int Rounds { get; set; } = 5;

        /// <summary>Handler files in the warm-up compilation (JIT, caches), not measured.</summary>
        public int WarmupFiles { get; set; } = 8;

        public int KeystrokeEdits { get; set; } = 60;

        public int KeystrokeWarmup { get; set; } = 5;

        /// <summary>Other files in the project around the edited 1,000-line document.</summary>
        public int KeystrokeContextFiles { get; set; } = 20;

        /// <summary>Scale of the hostile inputs for the n-versus-2n comparison (1.0: 2n is the issue's size); 0 skips it.</summary>
        public double ScalingScale { get; set; } = 1.0;

        public int ScalingRepetitions { get; set; } = 3;

        public int Seed { get; set; } = 20261125;

        /// <summary>Which parts to run: table (driver rounds, always when direct), direct, keystroke, scaling.</summary>
        public HashSet<string> Sections { get; set; } = new HashSet<string> { "table", "direct", "keystroke", "scaling" };

        /// <summary>
        /// Also wrap each analyzer in <see cref="TimedAnalyzer"/> and log the thread CPU its callbacks took in each round,
        /// next to the driver's own timing (which is wall time).
        /// </summary>
        public bool CallbackThreadCpu { get; set; }

        /// <summary>False: only the compiler alone, the floor of all analyzers and all analyzers (no per-class rows).</summary>
        public bool PerAnalyzer { get; set; } = true;

        /// <summary>Only the configurations whose name contains one of these (empty: all); lets the parts run in parallel processes.</summary>
        public List<string> Only { get; set; } = new List<string>();

        /// <summary>Skip the check that the generated project compiles without errors (the smoke test checks it).</summary>
        public bool SkipCompileCheck { get; set; }

        /// <summary>A tiny run that finishes in seconds: what CI runs.</summary>
        public static PerfOptions Smoke() => new PerfOptions
        {
            Files = 3,
            LinesPerFile = 300,
            Rounds = 1,
            WarmupFiles = 1,
            KeystrokeEdits = 3,
            KeystrokeWarmup = 1,
            KeystrokeContextFiles = 1,
            ScalingScale = 0.01,
            ScalingRepetitions = 1,
        };
    }

    /// <summary>One configuration measured once.</summary>
    public sealed class Sample
    {
        public double CpuMs { get; set; }

        public double WallMs { get; set; }

        public long AllocatedBytes { get; set; }

        /// <summary>Analyzer execution time the driver logged, summed over this configuration's analyzers.</summary>
        public double TelemetryMs { get; set; }

        /// <summary>Thread CPU of the analyzers' callbacks (<see cref="TimedAnalyzer"/>), when <see cref="PerfOptions.CallbackThreadCpu"/>.</summary>
        public double? CallbackThreadCpuMs { get; set; }

        public Dictionary<string, int> Counts { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>One configuration's callbacks run directly (<see cref="DirectDriver"/>) over every tree of a fresh compilation copy.</summary>
    public sealed class DirectSample
    {
        /// <summary>Warm pass: the binding is cached, this is the analyzers' own code.</summary>
        public double ThreadCpuMs { get; set; }

        /// <summary>Cold pass: includes the binding that the analyzers' semantic calls trigger on fresh semantic models.</summary>
        public double ColdThreadCpuMs { get; set; }

        public long ColdAllocatedBytes { get; set; }

        public long AllocatedBytes { get; set; }

        public int Findings { get; set; }
    }

    /// <summary>The computed figures of the direct measurement for one configuration.</summary>
    public sealed class DirectResult
    {
        public string Name { get; set; } = "";

        public double ThreadCpuMs { get; set; }

        /// <summary>Median over rounds of (this − as many empty analyzers in the same round).</summary>
        public double AboveEmptyMs { get; set; }

        /// <summary><see cref="AboveEmptyMs"/> / compiler-alone CPU.</summary>
        public double Ratio { get; set; }

        public double ColdThreadCpuMs { get; set; }

        public double ColdAboveEmptyMs { get; set; }

        public double ColdRatio { get; set; }

        public double ColdBytesPerLiteral { get; set; }

        public double BytesPerLiteral { get; set; }

        public int Findings { get; set; }
    }

    /// <summary>A set of analyzers to run with the compilation.</summary>
    public sealed class Configuration
    {
        public Configuration(string name, Func<ImmutableArray<DiagnosticAnalyzer>> create, int ruleCount, bool isFloor, string? floorKey)
        {
            FloorKey = floorKey;
            Name = name;
            Create = create;
            RuleCount = ruleCount;
            IsFloor = isFloor;
        }

        public string Name { get; }

        public Func<ImmutableArray<DiagnosticAnalyzer>> Create { get; }

        /// <summary>How many analyzers it runs (0 = the compiler alone).</summary>
        public int RuleCount { get; }

        public bool IsFloor { get; }

        /// <summary>Pairs an analyzer configuration with its floor.</summary>
        public string? FloorKey { get; }

        public List<Sample> Samples { get; } = new List<Sample>();

        public List<DirectSample> DirectSamples { get; } = new List<DirectSample>();
    }

    /// <summary>The computed figures for one configuration.</summary>
    public sealed class ConfigurationResult
    {
        public string Name { get; set; } = "";

        public int AnalyzerCount { get; set; }

        public bool IsFloor { get; set; }

        public double CpuMs { get; set; }

        public double WallMs { get; set; }

        /// <summary>Median over rounds of (this − compiler alone in the same round), CPU ms.</summary>
        public double AddedCpuMs { get; set; }

        /// <summary><see cref="AddedCpuMs"/> / compiler-alone CPU.</summary>
        public double AddedRatio { get; set; }

        /// <summary>Median over rounds of (this − the floor with as many empty analyzers), CPU ms; NaN for the floor itself.</summary>
        public double AboveFloorCpuMs { get; set; }

        public double AboveFloorRatio { get; set; }

        /// <summary>Driver-logged execution time of the analyzers' callbacks, and its ratio to compiler-alone CPU.</summary>
        public double TelemetryMs { get; set; }

        public double TelemetryRatio { get; set; }

        /// <summary>Each round's driver-logged callback time, and its ratio to the compiler alone's CPU in the same round.</summary>
        public List<(double Ms, double Ratio)> TelemetryRounds { get; } = new List<(double Ms, double Ratio)>();

        /// <summary>The fastest round's CPU, and its difference to the compiler alone's fastest round (the least disturbed runs).</summary>
        public double MinCpuMs { get; set; }

        public double AddedMinCpuMs { get; set; }

        public double AddedMinRatio { get; set; }

        public double AllocatedMB { get; set; }

        /// <summary>(allocations − the floor's) / string literals in the compilation.</summary>
        public double BytesPerLiteralAboveFloor { get; set; }

        public Dictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();
    }

    public sealed class KeystrokeResult
    {
        public string Name { get; set; } = "";

        public double MedianMs { get; set; }

        public double P95Ms { get; set; }

        /// <summary>Wall-clock median and p95 (inflated when other processes share the cores).</summary>
        public double WallMedianMs { get; set; }

        public double WallP95Ms { get; set; }

        public int Samples { get; set; }
    }

    public sealed class ScalingResult
    {
        public string Name { get; set; } = "";

        public int N { get; set; }

        public double RulesMsAtN { get; set; }

        public double RulesMsAt2N { get; set; }

        public double RulesRatio => RulesMsAtN > 0 ? RulesMsAt2N / RulesMsAtN : double.NaN;

        public double CompilerMsAtN { get; set; }

        public double CompilerMsAt2N { get; set; }

        public double CompilerRatio => CompilerMsAtN > 0 ? CompilerMsAt2N / CompilerMsAtN : double.NaN;

        public long BytesAtN { get; set; }

        public long BytesAt2N { get; set; }
    }

    public sealed class PerfReport
    {
        public string Environment { get; set; } = "";

        public int Lines { get; set; }

        public int Literals { get; set; }

        public int Files { get; set; }

        public int CredentialsPlanted { get; set; }

        public int Rounds { get; set; }

        public List<string> Analyzers { get; } = new List<string>();

        public List<ConfigurationResult> Configurations { get; } = new List<ConfigurationResult>();

        public List<DirectResult> Direct { get; } = new List<DirectResult>();

        public double CompilerAloneCpuMs { get; set; }

        public List<KeystrokeResult> Keystroke { get; } = new List<KeystrokeResult>();

        public int KeystrokeDocumentLines { get; set; }

        public int KeystrokeProjectLines { get; set; }

        public List<ScalingResult> Scaling { get; } = new List<ScalingResult>();

        public List<string> AnalyzerExceptions { get; } = new List<string>();
    }

    /// <summary>
    /// Measures, in one process and one run, the compilation alone, with an empty analyzer (the floor), with each
    /// SecretsAnalyzer analyzer class alone and with all of them; rounds interleave the configurations so that
    /// noise on a shared machine hits them alike, and each figure is the median of per-round differences.
    /// Everything but the keystroke section runs single-threaded (concurrentBuild and concurrentAnalysis off) so process CPU time is the work.
    /// </summary>
    public sealed class PerfHarness
    {
        private readonly PerfOptions _options;
        private readonly IReadOnlyList<MetadataReference> _references;
        private readonly TextWriter _log;
        private readonly ConcurrentQueue<string> _exceptions = new ConcurrentQueue<string>();

        public PerfHarness(PerfOptions options, IReadOnlyList<MetadataReference> references, TextWriter? log = null)
        {
            _options = options;
            _references = references;
            _log = log ?? TextWriter.Null;
        }

        public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            concurrentBuild: false,
            nullableContextOptions: NullableContextOptions.Disable);

        public CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees, string name = "Contoso.Orders") =>
            CSharpCompilation.Create(name, trees, _references, CompilationOptions);

        public PerfReport Run()
        {
            var report = new PerfReport
            {
                Environment = $"{RuntimeInfo()}; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; {System.Environment.ProcessorCount} cores",
                Rounds = _options.Rounds,
            };

            IReadOnlyList<Type> types = AnalyzerCatalog.AnalyzerTypes();
            report.Analyzers.AddRange(types.Select(t => AnalyzerCatalog.Describe(AnalyzerCatalog.Create(t))));
            List<Configuration> configurations = Configurations(types);
            if (!_options.PerAnalyzer)
            {
                configurations = configurations.Where(c => c.RuleCount == 0 || c.FloorKey == "*").ToList();
            }

            if (_options.Only.Count > 0)
            {
                configurations = configurations.Where(c => _options.Only.Any(o => c.Name.IndexOf(o, StringComparison.OrdinalIgnoreCase) >= 0)).ToList();
            }

            _log.WriteLine($"Analyzers found by reflection: {string.Join(", ", report.Analyzers)}");
            var generator = new LambdaCodeGenerator(_options.Seed);
            GeneratedProject project = generator.Generate(_options.Files, _options.LinesPerFile);
            report.Files = _options.Files;
            report.Lines = project.Lines;
            report.Literals = project.Literals;
            report.CredentialsPlanted = project.Credentials;
            _log.WriteLine($"Generated {_options.Files:N0} handler files, {project.Lines:N0} lines, {project.Literals:N0} string literals, {project.Credentials} credential statements.");

            CSharpCompilation compilation = CreateCompilation(project.Trees);
            int errors = _options.SkipCompileCheck ? 0 : compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0)
            {
                Diagnostic first = compilation.GetDiagnostics().First(d => d.Severity == DiagnosticSeverity.Error);
                throw new InvalidOperationException($"The generated project has {errors} compile errors, first: {first}");
            }

            // Warm-up: JIT and one-time caches, on a small compilation.
            CSharpCompilation warm = CreateCompilation(project.Trees.Take(2 + Math.Min(_options.WarmupFiles, _options.Files)));
            foreach (Configuration configuration in configurations)
            {
                if (_options.Sections.Contains("table"))
                {
                    Measure(warm, configuration.Create(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
                }
            }

            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            int tableRounds = _options.Sections.Contains("table") ? _options.Rounds : 0;
            for (int round = 0; round < tableRounds; round++)
            {
                for (int i = 0; i < configurations.Count; i++)
                {
                    Configuration configuration = configurations[(i + round) % configurations.Count];
                    Sample sample = Measure(compilation, configuration.Create(), analyzerOptions);
                    configuration.Samples.Add(sample);
                    _log.WriteLine($"  round {round + 1}/{_options.Rounds} {configuration.Name,-40} cpu {sample.CpuMs,9:F0} ms  wall {sample.WallMs,9:F0} ms  analyzers {sample.TelemetryMs,7:F0} ms  alloc {sample.AllocatedBytes / 1048576.0,8:F1} MB" +
                        (sample.CallbackThreadCpuMs is double threadCpu ? $"  callbacks' thread CPU {threadCpu,7:F0} ms" : ""));
                }
            }

            if (tableRounds > 0)
            {
                Compute(report, configurations, project.Literals);
            }

            if (_options.Sections.Contains("direct"))
            {
                Direct(report, compilation, configurations, analyzerOptions, project.Literals);
            }

            if (_options.Sections.Contains("keystroke"))
            {
                Keystroke(report, types);
            }

            if (_options.ScalingScale > 0 && _options.Sections.Contains("scaling"))
            {
                Scaling(report);
            }

            report.AnalyzerExceptions.AddRange(_exceptions.Distinct());
            return report;
        }

        /// <summary>The same configuration table for an existing code base (no keystroke or scaling part).</summary>
        public PerfReport RunOnTrees(IReadOnlyList<SyntaxTree> trees, string name)
        {
            var report = new PerfReport
            {
                Environment = $"{RuntimeInfo()}; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}; {System.Environment.ProcessorCount} cores",
                Rounds = _options.Rounds,
            };

            IReadOnlyList<Type> types = AnalyzerCatalog.AnalyzerTypes();
            report.Analyzers.AddRange(types.Select(t => AnalyzerCatalog.Describe(AnalyzerCatalog.Create(t))));
            List<Configuration> configurations = Configurations(types);
            GeneratedProject project = LambdaCodeGenerator.Measure(trees, 0);
            report.Files = trees.Count;
            report.Lines = project.Lines;
            report.Literals = project.Literals;
            CSharpCompilation compilation = CreateCompilation(trees, name);
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            _log.WriteLine($"{name}: {trees.Count:N0} files, {project.Lines:N0} lines, {project.Literals:N0} string literals, {errors.Length} compile errors{(errors.Length > 0 ? ", first: " + errors[0] : "")}");
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            foreach (Configuration configuration in configurations)
            {
                Measure(compilation, configuration.Create(), analyzerOptions);
            }

            for (int round = 0; round < _options.Rounds; round++)
            {
                for (int i = 0; i < configurations.Count; i++)
                {
                    Configuration configuration = configurations[(i + round) % configurations.Count];
                    Sample sample = Measure(compilation, configuration.Create(), analyzerOptions);
                    configuration.Samples.Add(sample);
                    _log.WriteLine($"  round {round + 1}/{_options.Rounds} {configuration.Name,-40} cpu {sample.CpuMs,9:F0} ms  wall {sample.WallMs,9:F0} ms  analyzers {sample.TelemetryMs,7:F0} ms");
                }
            }

            Compute(report, configurations, project.Literals);
            Direct(report, compilation, configurations, analyzerOptions, project.Literals);
            report.AnalyzerExceptions.AddRange(_exceptions.Distinct());
            return report;
        }

        private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + " " + System.Runtime.InteropServices.RuntimeInformation.OSDescription;

        /// <summary>
        /// The compiler alone; per analyzer class, its floor (a <see cref="MirrorAnalyzer"/>: the same subscriptions,
        /// empty callbacks) and the analyzer itself; the floor of all of them together; all of them together.
        /// </summary>
        public static List<Configuration> Configurations(IReadOnlyList<Type> types)
        {
            int n = types.Count;
            ImmutableArray<DiagnosticAnalyzer> Mirrors(IEnumerable<Type> of) => of.Select(t => (DiagnosticAnalyzer)new MirrorAnalyzer(() => AnalyzerCatalog.Create(t))).ToImmutableArray();
            var list = new List<Configuration>
            {
                new Configuration("compiler alone (no analyzers)", () => ImmutableArray<DiagnosticAnalyzer>.Empty, 0, false, null),
            };

            foreach (Type type in types)
            {
                string id = AnalyzerCatalog.Describe(AnalyzerCatalog.Create(type));
                list.Add(new Configuration("floor of " + id.Split(' ')[0], () => Mirrors(new[] { type }), 1, true, type.FullName));
                list.Add(new Configuration(id, () => ImmutableArray.Create(AnalyzerCatalog.Create(type)), 1, false, type.FullName));
            }

            list.Add(new Configuration($"floor of all {n}", () => Mirrors(types), n, true, "*"));
            list.Add(new Configuration($"all {n} SecretsAnalyzer analyzers", () => types.Select(AnalyzerCatalog.Create).ToImmutableArray(), n, false, "*"));
            return list;
        }

        /// <summary>Runs the compiler (and the analyzers, if any) over a fresh copy of the compilation, single-threaded.</summary>
        public Sample Measure(Compilation baseCompilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            Compilation compilation = baseCompilation.Clone();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            TimedAnalyzer[]? timed = null;
            if (_options.CallbackThreadCpu && !analyzers.IsEmpty)
            {
                timed = analyzers.Select(a => new TimedAnalyzer(a)).ToArray();
                analyzers = timed.ToImmutableArray<DiagnosticAnalyzer>();
            }

            long cpu0 = ThreadCpu.ProcessNowNanoseconds();
            long bytes0 = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            ImmutableArray<Diagnostic> diagnostics;
            CompilationWithAnalyzers? withAnalyzers = null;
            if (analyzers.IsEmpty)
            {
                diagnostics = compilation.GetDiagnostics();
            }
            else
            {
                withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    options, OnAnalyzerException, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                diagnostics = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            stopwatch.Stop();
            long bytes1 = GC.GetTotalAllocatedBytes(precise: true);
            long cpu1 = ThreadCpu.ProcessNowNanoseconds();

            var sample = new Sample
            {
                CallbackThreadCpuMs = timed?.Sum(t => t.CallbackCpuMs),
                CpuMs = (cpu1 - cpu0) / 1e6,
                WallMs = stopwatch.Elapsed.TotalMilliseconds,
                AllocatedBytes = bytes1 - bytes0,
            };

            if (withAnalyzers != null)
            {
                AnalysisResult result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
                foreach (DiagnosticAnalyzer analyzer in analyzers)
                {
                    double viaApi = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                    double viaResult = result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out AnalyzerTelemetryInfo? info) ? info.ExecutionTime.TotalMilliseconds : 0;
                    sample.TelemetryMs += Math.Max(viaApi, viaResult);
                }
            }

            foreach (Diagnostic diagnostic in diagnostics)
            {
                string key = diagnostic.Id.StartsWith("CS", StringComparison.Ordinal) ? "CS " + diagnostic.Severity : diagnostic.Id;
                sample.Counts[key] = sample.Counts.TryGetValue(key, out int c) ? c + 1 : 1;
            }

            return sample;
        }

        /// <summary>
        /// Runs the configuration's callbacks directly over every tree of a fresh copy of the compilation, on this
        /// thread, twice over the same semantic models: the first (cold) pass pays for the binding the analyzers'
        /// semantic calls trigger, the second (warm) pass is their own code alone.
        /// </summary>
        public static DirectSample MeasureDirect(Compilation baseCompilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            Compilation compilation = baseCompilation.Clone();
            var models = compilation.SyntaxTrees.ToDictionary(t => t, t => compilation.GetSemanticModel(t));

            // Hold every red node so no pass (and no configuration) pays for re-creating weakly held ones.
            List<SyntaxNode> keepAlive = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodesAndSelf()).ToList();
            var sample = new DirectSample();
            for (int pass = 0; pass < 2; pass++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                long cpu0 = ThreadCpu.NowNanoseconds();
                long bytes0 = GC.GetAllocatedBytesForCurrentThread();
                int findings = RunDirect(compilation, models, analyzers, options);
                long bytes1 = GC.GetAllocatedBytesForCurrentThread();
                long cpu1 = ThreadCpu.NowNanoseconds();
                if (pass == 0)
                {
                    sample.ColdThreadCpuMs = (cpu1 - cpu0) / 1e6;
                    sample.ColdAllocatedBytes = bytes1 - bytes0;
                }
                else
                {
                    sample.ThreadCpuMs = (cpu1 - cpu0) / 1e6;
                    sample.AllocatedBytes = bytes1 - bytes0;
                    sample.Findings = findings;
                }
            }

            GC.KeepAlive(keepAlive);
            return sample;
        }

        private static int RunDirect(Compilation compilation, Dictionary<SyntaxTree, SemanticModel> models, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            var drivers = analyzers.Select(a => new DirectDriver(a, compilation, options)).ToList();
            int findings = 0;
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                // One semantic model per tree, shared by the analyzers and kept across passes, as the driver does.
                SemanticModel model = models[tree];
                foreach (DirectDriver driver in drivers)
                {
                    findings += driver.Run(tree, model).Count;
                }
            }

            return findings;
        }

        /// <summary>
        /// The analyzers' own cost, without the driver: their callbacks (and the binding their semantic questions
        /// trigger) over every tree, minus the same walk with as many empty analyzers; interleaved rounds, medians.
        /// </summary>
        private void Direct(PerfReport report, Compilation compilation, List<Configuration> configurations, AnalyzerOptions options, int literals)
        {
            List<Configuration> direct = configurations.Where(c => c.RuleCount > 0).ToList();
            foreach (Configuration configuration in direct)
            {
                MeasureDirect(compilation, configuration.Create(), options);
            }

            for (int round = 0; round < _options.Rounds; round++)
            {
                for (int i = 0; i < direct.Count; i++)
                {
                    Configuration configuration = direct[(i + round) % direct.Count];
                    DirectSample sample = MeasureDirect(compilation, configuration.Create(), options);
                    configuration.DirectSamples.Add(sample);
                    _log.WriteLine($"  direct {round + 1}/{_options.Rounds} {configuration.Name,-40} warm {sample.ThreadCpuMs,8:F0} ms {sample.AllocatedBytes / 1048576.0,7:F1} MB   cold {sample.ColdThreadCpuMs,8:F0} ms {sample.ColdAllocatedBytes / 1048576.0,7:F1} MB  findings {sample.Findings}");
                }
            }

            foreach (Configuration configuration in direct)
            {
                Configuration? floor = direct.FirstOrDefault(c => c.IsFloor && c.FloorKey == configuration.FloorKey);
                Configuration empty = floor ?? configuration;
                int rounds = configuration.DirectSamples.Count;
                var result = new DirectResult
                {
                    Name = configuration.Name,
                    ThreadCpuMs = Median(configuration.DirectSamples.Select(d => d.ThreadCpuMs)),
                    AboveEmptyMs = configuration.IsFloor || floor == null ? double.NaN : Median(Enumerable.Range(0, rounds).Select(r => configuration.DirectSamples[r].ThreadCpuMs - empty.DirectSamples[r].ThreadCpuMs)),
                    BytesPerLiteral = configuration.IsFloor || floor == null ? double.NaN : Median(Enumerable.Range(0, rounds).Select(r => (double)(configuration.DirectSamples[r].AllocatedBytes - empty.DirectSamples[r].AllocatedBytes))) / literals,
                    Findings = configuration.DirectSamples.Last().Findings,
                    ColdThreadCpuMs = Median(configuration.DirectSamples.Select(d => d.ColdThreadCpuMs)),
                    ColdAboveEmptyMs = configuration.IsFloor || floor == null ? double.NaN : Median(Enumerable.Range(0, rounds).Select(r => configuration.DirectSamples[r].ColdThreadCpuMs - empty.DirectSamples[r].ColdThreadCpuMs)),
                    ColdBytesPerLiteral = configuration.IsFloor || floor == null ? double.NaN : Median(Enumerable.Range(0, rounds).Select(r => (double)(configuration.DirectSamples[r].ColdAllocatedBytes - empty.DirectSamples[r].ColdAllocatedBytes))) / literals,
                };
                result.Ratio = result.AboveEmptyMs / report.CompilerAloneCpuMs;
                result.ColdRatio = result.ColdAboveEmptyMs / report.CompilerAloneCpuMs;
                report.Direct.Add(result);
            }
        }

        private void OnAnalyzerException(Exception exception, DiagnosticAnalyzer analyzer, Diagnostic diagnostic)
        {
            _exceptions.Enqueue(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message);
        }

        private static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        private static double Percentile(IEnumerable<double> values, double p)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            int index = (int)Math.Ceiling(p * sorted.Length) - 1;
            return sorted[Math.Max(0, Math.Min(sorted.Length - 1, index))];
        }

        private static void Compute(PerfReport report, List<Configuration> configurations, int literals)
        {
            Configuration? baseline = configurations.FirstOrDefault(c => c.RuleCount == 0);
            double baselineCpu = baseline == null ? double.NaN : Median(baseline.Samples.Select(s => s.CpuMs));
            report.CompilerAloneCpuMs = baselineCpu;
            foreach (Configuration configuration in configurations)
            {
                Configuration? floor = configuration.RuleCount == 0 || configuration.IsFloor
                    ? null
                    : configurations.FirstOrDefault(c => c.IsFloor && c.FloorKey == configuration.FloorKey && c.Samples.Count == configuration.Samples.Count);
                int rounds = configuration.Samples.Count;
                var result = new ConfigurationResult
                {
                    Name = configuration.Name,
                    AnalyzerCount = configuration.RuleCount,
                    IsFloor = configuration.IsFloor,
                    CpuMs = Median(configuration.Samples.Select(s => s.CpuMs)),
                    WallMs = Median(configuration.Samples.Select(s => s.WallMs)),
                    AddedCpuMs = baseline == null ? double.NaN : Median(Enumerable.Range(0, rounds).Select(r => configuration.Samples[r].CpuMs - baseline.Samples[r].CpuMs)),
                    TelemetryMs = Median(configuration.Samples.Select(s => s.TelemetryMs)),
                    AllocatedMB = Median(configuration.Samples.Select(s => (double)s.AllocatedBytes)) / 1048576.0,
                    Counts = configuration.Samples.Last().Counts,
                };

                result.AddedRatio = result.AddedCpuMs / baselineCpu;
                result.MinCpuMs = configuration.Samples.Min(x => x.CpuMs);
                if (baseline != null)
                {
                    double baselineMin = baseline.Samples.Min(x => x.CpuMs);
                    result.AddedMinCpuMs = result.MinCpuMs - baselineMin;
                    result.AddedMinRatio = result.AddedMinCpuMs / baselineMin;
                }
                result.TelemetryRatio = result.TelemetryMs / baselineCpu;
                if (baseline != null && configuration.RuleCount > 0 && !configuration.IsFloor)
                {
                    result.TelemetryRounds.AddRange(Enumerable.Range(0, rounds).Select(r => (configuration.Samples[r].TelemetryMs, configuration.Samples[r].TelemetryMs / baseline.Samples[r].CpuMs)));
                }

                if (floor != null)
                {
                    result.AboveFloorCpuMs = Median(Enumerable.Range(0, rounds).Select(r => configuration.Samples[r].CpuMs - floor.Samples[r].CpuMs));
                    result.AboveFloorRatio = result.AboveFloorCpuMs / baselineCpu;
                    double bytes = Median(Enumerable.Range(0, rounds).Select(r => (double)(configuration.Samples[r].AllocatedBytes - floor.Samples[r].AllocatedBytes)));
                    result.BytesPerLiteralAboveFloor = bytes / literals;
                }
                else
                {
                    result.AboveFloorCpuMs = double.NaN;
                    result.AboveFloorRatio = double.NaN;
                    result.BytesPerLiteralAboveFloor = double.NaN;
                }

                report.Configurations.Add(result);
            }
        }

        /// <summary>
        /// The IDE's per-keystroke cost: a one-character edit in a 1,000-line document, then syntax and semantic
        /// analyzer diagnostics for that document only, on a new compilation (as the IDE gets after an edit), with
        /// concurrent analysis on as the IDE runs it (the only part of this harness that is not single-threaded).
        /// </summary>
        private void Keystroke(PerfReport report, IReadOnlyList<Type> types)
        {
            var generator = new LambdaCodeGenerator(_options.Seed + 1);
            GeneratedProject context = generator.Generate(_options.KeystrokeContextFiles, _options.LinesPerFile);
            SyntaxTree document = LambdaCodeGenerator.Parse(generator.HandlerFile(9999, 1000), "Functions/Edited.cs");
            report.KeystrokeDocumentLines = document.GetText().Lines.Count;
            report.KeystrokeProjectLines = context.Lines + report.KeystrokeDocumentLines;
            CSharpCompilation baseCompilation = CreateCompilation(context.Trees.Concat(new[] { document }));

            var positions = document.GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
                .Select(t => t.SpanStart + (t.IsKind(SyntaxKind.StringLiteralToken) ? 1 : 0))
                .ToArray();
            var random = new Random(_options.Seed);
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var names = new[] { "compiler alone: the document's compiler diagnostics", "floor of all " + types.Count + " (same subscriptions, empty callbacks)", "all " + types.Count + " SecretsAnalyzer analyzers" };
            var wall = names.Select(_ => new List<double>()).ToArray();
            var cpu = names.Select(_ => new List<double>()).ToArray();
            SyntaxTree current = document;
            int total = _options.KeystrokeWarmup + _options.KeystrokeEdits;
            for (int edit = 0; edit < total; edit++)
            {
                // Type one character inside a string literal (positions shift by one per earlier edit before them; stay inside the token).
                int position = positions[random.Next(positions.Length)] + edit;
                SourceText text = current.GetText();
                position = Math.Min(position, text.Length - 1);
                SyntaxTree edited = current.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), "x")));
                current = edited;

                for (int i = 0; i < names.Length; i++)
                {
                    int which = (i + edit) % names.Length;
                    Compilation compilation = baseCompilation.ReplaceSyntaxTree(document, edited);
                    ImmutableArray<DiagnosticAnalyzer> analyzers = which == 0
                        ? ImmutableArray<DiagnosticAnalyzer>.Empty
                        : which == 1 ? types.Select(t => (DiagnosticAnalyzer)new MirrorAnalyzer(() => AnalyzerCatalog.Create(t))).ToImmutableArray()
                        : types.Select(AnalyzerCatalog.Create).ToImmutableArray();
                    long cpu0 = ThreadCpu.ProcessNowNanoseconds();
                    var stopwatch = Stopwatch.StartNew();
                    SemanticModel model = compilation.GetSemanticModel(edited);
                    if (analyzers.IsEmpty)
                    {
                        model.GetDiagnostics();
                    }
                    else
                    {
                        // As the IDE runs them: one CompilationWithAnalyzers per document, concurrent analysis on.
                        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                            options, OnAnalyzerException, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
                        withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None).GetAwaiter().GetResult();
                        withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
                    }

                    stopwatch.Stop();
                    long cpu1 = ThreadCpu.ProcessNowNanoseconds();
                    if (edit >= _options.KeystrokeWarmup)
                    {
                        wall[which].Add(stopwatch.Elapsed.TotalMilliseconds);
                        cpu[which].Add((cpu1 - cpu0) / 1e6);
                    }
                }
            }

            for (int i = 0; i < names.Length; i++)
            {
                report.Keystroke.Add(new KeystrokeResult { Name = names[i], MedianMs = Median(cpu[i]), P95Ms = Percentile(cpu[i], 0.95), WallMedianMs = Median(wall[i]), WallP95Ms = Percentile(wall[i], 0.95), Samples = cpu[i].Count });
            }

            var added = Enumerable.Range(0, cpu[2].Count).Select(k => cpu[2][k] - cpu[1][k]).ToList();
            var addedWall = Enumerable.Range(0, wall[2].Count).Select(k => wall[2][k] - wall[1][k]).ToList();
            report.Keystroke.Add(new KeystrokeResult { Name = "added by the SecretsAnalyzer analyzers (all − floor, per edit)", MedianMs = Median(added), P95Ms = Percentile(added, 0.95), WallMedianMs = Median(addedWall), WallP95Ms = Percentile(addedWall, 0.95), Samples = added.Count });
        }

        /// <summary>
        /// Linear-time evidence: each scalable hostile input at n and 2n; the analyzers' own execution time (driver
        /// telemetry, minimum over repetitions) should double, not quadruple.
        /// </summary>
        private void Scaling(PerfReport report)
        {
            ImmutableArray<DiagnosticAnalyzer> Rules() => AnalyzerCatalog.CreateAll();
            foreach ((string name, int size, Func<int, HostileInput> make) in HostileInputs.Scalable())
            {
                int n = Math.Max(4, (int)(size * _options.ScalingScale / 2));
                var result = new ScalingResult { Name = name, N = n };
                foreach (int m in new[] { n, 2 * n })
                {
                    HostileInput input = make(m);
                    SyntaxTree tree = LambdaCodeGenerator.Parse(input.Source, input.Path);
                    CSharpCompilation compilation = CreateCompilation(new[] { tree }, "Hostile");
                    double rules = double.MaxValue, compiler = double.MaxValue;
                    long bytes = long.MaxValue;
                    for (int r = 0; r < Math.Max(1, _options.ScalingRepetitions); r++)
                    {
                        // Thread CPU of the analyzers' own callbacks (direct, warm pass): immune to preemption by other
                        // processes, unlike the driver's wall-clock telemetry.
                        Sample alone = Measure(compilation, ImmutableArray<DiagnosticAnalyzer>.Empty, input.Options);
                        DirectSample with = MeasureDirect(compilation, Rules(), input.Options);
                        compiler = Math.Min(compiler, alone.CpuMs);
                        rules = Math.Min(rules, with.ThreadCpuMs);
                        bytes = Math.Min(bytes, with.AllocatedBytes);
                    }

                    if (m == n)
                    {
                        result.RulesMsAtN = rules;
                        result.CompilerMsAtN = compiler;
                        result.BytesAtN = bytes;
                    }
                    else
                    {
                        result.RulesMsAt2N = rules;
                        result.CompilerMsAt2N = compiler;
                        result.BytesAt2N = bytes;
                    }
                }

                _log.WriteLine($"  scaling {name}: n={n:N0} rules {result.RulesMsAtN:F1} ms, 2n rules {result.RulesMsAt2N:F1} ms (x{result.RulesRatio:F2})");
                report.Scaling.Add(result);
            }
        }

        public static string Format(PerfReport report)
        {
            var w = new StringWriter(CultureInfo.InvariantCulture);
            w.WriteLine($"Environment: {report.Environment}");
            w.WriteLine($"Analyzers (reflection): {string.Join(", ", report.Analyzers)}");
            w.WriteLine($"Compilation: {report.Files:N0} files, {report.Lines:N0} lines, {report.Literals:N0} string literals, {report.CredentialsPlanted} planted credentials; {report.Rounds} interleaved rounds, single-threaded, medians.");
            if (report.Configurations.Any(c => c.CpuMs > 0))
            {
                Configuration0(w, report);
            }

            foreach (ConfigurationResult c in report.Configurations.Where(c => c.TelemetryRounds.Count > 0))
            {
                w.WriteLine($"{c.Name}: callbacks by round (driver timing, and its share of the compiler alone in the same round): " +
                    string.Join(", ", c.TelemetryRounds.Select(t => $"{t.Ms:F0} ms {Pct(t.Ratio)}")) +
                    $"; median of the shares {Pct(Median(c.TelemetryRounds.Select(t => t.Ratio)))}");
            }

            if (report.Direct.Count > 0)
            {
                w.WriteLine();
                w.WriteLine($"The analyzers' own cost, without the driver: their callbacks run directly over every tree of a fresh compilation copy, thread CPU minus as many empty analyzers, ratio to the compiler alone ({report.CompilerAloneCpuMs:F0} ms CPU). Warm: second pass over the same semantic models (the analyzers' code alone). Cold: first pass, including the binding their semantic calls trigger on fresh models (an upper bound: the driver's own work binds too).");
                w.WriteLine($"| {"configuration",-42} | {"warm CPU ms",11} | {"above empty",11} | {"ratio",7} | {"B/literal",9} | {"cold CPU ms",11} | {"above empty",11} | {"ratio",7} | {"B/literal",9} | {"findings",8} |");
                w.WriteLine($"|{new string('-', 44)}|{new string('-', 13)}|{new string('-', 13)}|{new string('-', 9)}|{new string('-', 11)}|{new string('-', 13)}|{new string('-', 13)}|{new string('-', 9)}|{new string('-', 11)}|{new string('-', 10)}|");
                foreach (DirectResult d in report.Direct)
                {
                    w.WriteLine($"| {d.Name,-42} | {d.ThreadCpuMs,11:F0} | {Num(d.AboveEmptyMs, "F0"),11} | {Pct(d.Ratio),7} | {Num(d.BytesPerLiteral, "F0"),9} | {d.ColdThreadCpuMs,11:F0} | {Num(d.ColdAboveEmptyMs, "F0"),11} | {Pct(d.ColdRatio),7} | {Num(d.ColdBytesPerLiteral, "F0"),9} | {d.Findings,8} |");
                }
            }

            if (report.Keystroke.Count > 0)
            {
            w.WriteLine();
            w.WriteLine($"Per keystroke: one-character edit in a {report.KeystrokeDocumentLines:N0}-line document of a {report.KeystrokeProjectLines:N0}-line project; syntax + semantic analyzer diagnostics of that document on the new compilation; ms per document (process CPU, and wall clock)");
            w.WriteLine($"| {"measure",-66} | {"CPU median",10} | {"CPU p95",8} | {"wall median",11} | {"wall p95",8} | {"edits",5} |");
            w.WriteLine($"|{new string('-', 68)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 10)}|{new string('-', 7)}|");
            foreach (KeystrokeResult k in report.Keystroke)
            {
                w.WriteLine($"| {k.Name,-66} | {k.MedianMs,10:F1} | {k.P95Ms,8:F1} | {k.WallMedianMs,11:F1} | {k.WallP95Ms,8:F1} | {k.Samples,5} |");
            }
            }

            if (report.Scaling.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("Scaling of the hostile inputs (all analyzers' callbacks run directly, thread CPU and allocations of the warm pass, min of repetitions; compiler = process CPU of the compilation alone): time(2n)/time(n) ≈ 2 means linear, ≈ 4 quadratic");
                w.WriteLine($"| {"input",-24} | {"n",9} | {"analyzers ms n",14} | {"analyzers ms 2n",15} | {"ratio",5} | {"compiler ms n",13} | {"compiler ms 2n",14} | {"ratio",5} | {"alloc MB n → 2n",17} |");
                w.WriteLine($"|{new string('-', 26)}|{new string('-', 11)}|{new string('-', 16)}|{new string('-', 17)}|{new string('-', 7)}|{new string('-', 15)}|{new string('-', 16)}|{new string('-', 7)}|{new string('-', 19)}|");
                foreach (ScalingResult s in report.Scaling)
                {
                    w.WriteLine($"| {s.Name,-24} | {s.N,9:N0} | {s.RulesMsAtN,14:F1} | {s.RulesMsAt2N,15:F1} | {s.RulesRatio,5:F2} | {s.CompilerMsAtN,13:F1} | {s.CompilerMsAt2N,14:F1} | {s.CompilerRatio,5:F2} | {s.BytesAtN / 1048576.0,7:F1} → {s.BytesAt2N / 1048576.0,7:F1} |");
                }
            }

            w.WriteLine();
            w.WriteLine(report.AnalyzerExceptions.Count == 0 ? "Analyzer exceptions: none." : "Analyzer exceptions: " + string.Join("; ", report.AnalyzerExceptions));
            return w.ToString();
        }

        private static void Configuration0(StringWriter w, PerfReport report)
        {
            w.WriteLine($"| {"configuration",-42} | {"CPU ms",8} | {"wall ms",8} | {"added CPU",9} | {"ratio",7} | {"min CPU",8} | {"added, min",10} | {"ratio",7} | {"above floor",11} | {"ratio",7} | {"analyzer time",13} | {"ratio",7} | {"alloc MB",8} | {"B/literal",9} | findings |");
            w.WriteLine($"|{new string('-', 44)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 9)}|{new string('-', 10)}|{new string('-', 12)}|{new string('-', 9)}|{new string('-', 13)}|{new string('-', 9)}|{new string('-', 15)}|{new string('-', 9)}|{new string('-', 10)}|{new string('-', 11)}|----------|");
            foreach (ConfigurationResult c in report.Configurations)
            {
                string findings = string.Join(" ", c.Counts.Where(kv => !kv.Key.StartsWith("CS", StringComparison.Ordinal) && kv.Key != "EMPTY001").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + ":" + kv.Value));
                w.WriteLine($"| {c.Name,-42} | {c.CpuMs,8:F0} | {c.WallMs,8:F0} | {c.AddedCpuMs,9:F0} | {Pct(c.AddedRatio),7} | {c.MinCpuMs,8:F0} | {c.AddedMinCpuMs,10:F0} | {Pct(c.AddedMinRatio),7} | {Num(c.AboveFloorCpuMs, "F0"),11} | {Pct(c.AboveFloorRatio),7} | {c.TelemetryMs,13:F0} | {Pct(c.TelemetryRatio),7} | {c.AllocatedMB,8:F0} | {Num(c.BytesPerLiteralAboveFloor, "F0"),9} | {findings} |");
            }
        }

        private static string Pct(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "" : (ratio * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

        private static string Num(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);
    }
}
