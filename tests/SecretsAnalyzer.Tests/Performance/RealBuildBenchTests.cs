using SecretsAnalyzer.Benchmarks.Core;
using Xunit;

namespace SecretsAnalyzer.Tests.Performance
{
    /// <summary>The benchmark tool's real-build headline, read from a measure.py document (its field names and units).</summary>
    public class RealBuildBenchTests
    {
        private const string TwoSets = @"{""sets"": [
  {""label"": ""SecretsAnalyzer"", ""canary"": {""per_rule"": {""SECRETS001"": 1}},
   ""corpora"": [{""name"": ""lambda"", ""analyzer_s"": 0.5, ""baseline"": {""csc_median_s"": 50.0}, ""analyzer_vs_baseline_compile"": 0.01, ""diagnostics"": []}],
   ""totals"": {""analyzer_s"": 0.5, ""baseline_csc_s"": 50.0, ""analyzer_vs_baseline_compile"": 0.01, ""diagnostics"": 0}},
  {""label"": ""sonar"", ""canary"": {""per_rule"": {""S2068"": 3}},
   ""corpora"": [{""name"": ""lambda"", ""analyzer_s"": 5.0, ""baseline"": {""csc_median_s"": 50.0}, ""analyzer_vs_baseline_compile"": 0.1, ""diagnostics"": [{""rule"": ""S2068""}]}],
   ""totals"": {""analyzer_s"": 5.0, ""baseline_csc_s"": 50.0, ""analyzer_vs_baseline_compile"": 0.1, ""diagnostics"": 1}}]}";

        [Fact]
        public void Format_ShowsSharePerCorpusAndTotal_AndTheRatioOfTwoSets()
        {
            string text = RealBuildBench.Format(TwoSets);

            Assert.Contains("lambda", text);
            Assert.Contains("1.00%", text);
            Assert.Contains("10.00%", text);
            Assert.Contains("TOTAL", text);
            Assert.Contains("\"SECRETS001\": 1", text);
            Assert.Contains("sonar / SecretsAnalyzer: 10.0x", text);
        }
    }
}
