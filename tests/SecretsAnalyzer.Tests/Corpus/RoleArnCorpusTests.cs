using Xunit;
using Xunit.Abstractions;

namespace SecretsAnalyzer.Tests.Corpus
{
    /// <summary>SECRETS004's share of the labelled corpus: enough cases, and the precision/recall gate for the rule.</summary>
    public sealed class RoleArnCorpusTests : IClassFixture<CorpusRunner>
    {
        private readonly CorpusRunner _run;
        private readonly ITestOutputHelper _output;

        public RoleArnCorpusTests(CorpusRunner run, ITestOutputHelper output)
        {
            _run = run;
            _output = output;
        }

        [Fact]
        public void RoleArns_HaveAtLeast30PositivesAnd30LookAlikes_AndMeetTheGate()
        {
            Assert.True(_run.Scores.TryGetValue(RuleIds.RoleArn, out RuleScore? score), "SECRETS004 has no score");
            _output.WriteLine(CorpusTests.FormatTable(new[] { score! }));
            foreach (string miss in score!.Misses)
            {
                _output.WriteLine(miss);
            }

            Assert.True(score.Positives >= 30, $"SECRETS004 positives: {score.Positives}");
            Assert.True(score.LookAlikes >= 30, $"SECRETS004 look-alikes: {score.LookAlikes}");
            Assert.True(score.Precision >= CorpusTests.MinPrecision, $"SECRETS004 precision {score.Precision:F3}\n" + string.Join("\n", score.Misses));
            Assert.True(score.Recall >= CorpusTests.MinRecall, $"SECRETS004 recall {score.Recall:F3}\n" + string.Join("\n", score.Misses));
        }

        [Fact]
        public void RoleArnFiles_CompileAndNoOtherRuleFiresOnThem()
        {
            Assert.DoesNotContain(_run.CompileErrors, e => e.Contains("RoleArns"));
            Assert.DoesNotContain(_run.Findings, f => f.File.StartsWith("RoleArns", System.StringComparison.Ordinal) && f.RuleId != RuleIds.RoleArn);
        }
    }
}
