using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Benchmarks.Core;
using SecretsAnalyzer.Tests.Robustness;
using Xunit;

namespace SecretsAnalyzer.Tests.Performance
{
    /// <summary>
    /// CI's short version of the benchmark (tests/SecretsAnalyzer.Benchmarks): the same generator and measurement
    /// code at a tiny size. It proves the benchmark runs and produces every figure; it asserts no timing.
    /// </summary>
    public class BenchmarkSmokeTests
    {
        [Fact]
        public async Task SmokeRun_ProducesEveryFigure_ForEveryAnalyzerClass()
        {
            ImmutableArray<MetadataReference> references = await AllAnalyzersRunner.ReferencesAsync();
            var log = new StringWriter();
            PerfReport report = new PerfHarness(PerfOptions.Smoke(), references, log).Run();
            string text = PerfHarness.Format(report);

            int analyzerClasses = AnalyzerCatalog.AnalyzerTypes().Count;
            Assert.True(analyzerClasses >= 2);
            Assert.Equal(analyzerClasses, report.Analyzers.Count);
            Assert.True(report.Lines > 500);
            Assert.True(report.Literals > 200);

            // Compiler alone, then a floor and the analyzer for each class, then the floor of all and all together.
            Assert.Equal(1 + (2 * analyzerClasses) + 2, report.Configurations.Count);
            foreach (ConfigurationResult configuration in report.Configurations.Skip(1))
            {
                Assert.True(configuration.CpuMs > 0, configuration.Name);
                Assert.False(double.IsNaN(configuration.AddedRatio) || double.IsInfinity(configuration.AddedRatio), configuration.Name);
                if (!configuration.IsFloor)
                {
                    Assert.False(double.IsNaN(configuration.AboveFloorRatio), configuration.Name);
                    Assert.False(double.IsNaN(configuration.BytesPerLiteralAboveFloor), configuration.Name);
                }
            }

            Assert.Equal(2 * analyzerClasses + 2, report.Direct.Count);
            Assert.All(report.Direct.Where(d => !d.Name.StartsWith("floor", StringComparison.Ordinal)), d => Assert.False(double.IsNaN(d.Ratio), d.Name));

            // The planted credentials are found: the run measured real analysis, not an empty one.
            ConfigurationResult all = report.Configurations.Last();
            Assert.True(all.Counts.Where(kv => kv.Key.StartsWith("SECRETS", StringComparison.Ordinal)).Sum(kv => kv.Value) >= 1, text);

            Assert.Equal(4, report.Keystroke.Count);
            Assert.All(report.Keystroke, k => Assert.True(k.Samples > 0 && !double.IsNaN(k.MedianMs) && !double.IsNaN(k.P95Ms), k.Name));

            Assert.Equal(HostileInputs.Scalable().Count, report.Scaling.Count);
            Assert.Empty(report.AnalyzerExceptions);
            Assert.Contains("all " + analyzerClasses + " SecretsAnalyzer analyzers", text);
        }

        [Fact]
        public void Generator_MeetsTheIssueSizes_AtFullScale_AndCompilesAtSmallScale()
        {
            // 200 files of 1,000 lines is the full benchmark; check the per-file density that makes it >= 50,000 literals.
            GeneratedProject sample = new LambdaCodeGenerator().Generate(files: 4, linesPerFile: 1000);
            int handlerLines = sample.Lines - sample.Trees.Take(2).Sum(t => t.GetText().Lines.Count);
            Assert.InRange(handlerLines / 4, 990, 1100);
            Assert.True(sample.Literals * 50 >= 50_000, $"{sample.Literals} literals in 4 files");
        }
    }
}
