using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Benchmarks.Core;

namespace SecretsAnalyzer.Benchmarks.Bdn
{
    /// <summary>
    /// The BenchmarkDotNet view of the same measurement (MemoryDiagnoser gives allocations per operation): one
    /// operation = compile and analyze a generated 20,000-line Lambda project, single-threaded.
    /// Run: dotnet run -c Release --project tests/SecretsAnalyzer.Benchmarks -- --bdn --filter '*'
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
    public class AnalyzerBenchmarks
    {
        private CSharpCompilation _compilation = null!;
        private Dictionary<string, Configuration> _configurations = null!;
        private PerfHarness _harness = null!;

        [ParamsSource(nameof(ConfigurationNames))]
        public string Configuration { get; set; } = "";

        public static IEnumerable<string> ConfigurationNames() => PerfHarness.Configurations(AnalyzerCatalog.AnalyzerTypes()).Select(c => c.Name);

        [GlobalSetup]
        public void Setup()
        {
            _harness = new PerfHarness(new PerfOptions(), Program.DefaultReferences());
            GeneratedProject project = new LambdaCodeGenerator().Generate(files: 20, linesPerFile: 1000);
            _compilation = _harness.CreateCompilation(project.Trees);
            _configurations = PerfHarness.Configurations(AnalyzerCatalog.AnalyzerTypes()).ToDictionary(c => c.Name);
        }

        [Benchmark]
        public int CompileAndAnalyze()
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers = _configurations[Configuration].Create();
            Sample sample = _harness.Measure(_compilation, analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            return sample.Counts.Count;
        }
    }
}
