using System.Linq;
using SecretsAnalyzer.Tests.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS003's share of the labelled corpus (Corpus/ConnectionStrings): enough cases, in every form, and the gate.</summary>
    public sealed class ConnectionStringCorpusTests : IClassFixture<CorpusRunner>
    {
        private readonly CorpusRunner _run;
        private readonly ITestOutputHelper _output;

        public ConnectionStringCorpusTests(CorpusRunner run, ITestOutputHelper output)
        {
            _run = run;
            _output = output;
        }

        [Fact]
        public void Corpus_HasEnoughConnectionStringCases()
        {
            RuleScore score = _run.Scores[RuleIds.ConnectionStringPassword];
            _output.WriteLine($"SECRETS003: {score.Positives} positives, {score.LookAlikes} look-alikes, precision {score.Precision:0.000}, recall {score.Recall:0.000}");
            Assert.True(score.Positives >= 60, $"SECRETS003 has {score.Positives} labelled positives; the corpus needs at least 60.");
            Assert.True(score.LookAlikes >= 60, $"SECRETS003 has {score.LookAlikes} labelled look-alikes; the corpus needs at least 60.");
        }

        [Fact]
        public void Corpus_ConnectionStringPrecisionAndRecall()
        {
            RuleScore score = _run.Scores[RuleIds.ConnectionStringPassword];
            Assert.True(score.Precision >= CorpusTests.MinPrecision && score.Recall >= CorpusTests.MinRecall,
                $"SECRETS003: precision {score.Precision:0.000}, recall {score.Recall:0.000}\n" + string.Join("\n", score.Misses));
        }

        [Fact]
        public void Corpus_ConnectionStringMessagesNameHostsNotPasswords()
        {
            CorpusFinding[] findings = _run.Findings.Where(f => f.RuleId == RuleIds.ConnectionStringPassword).ToArray();
            Assert.NotEmpty(findings);
            Assert.Contains(findings, f => f.Message.StartsWith("Connection string for '", System.StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Message.Contains(" in Lambda handler ", System.StringComparison.Ordinal));
            foreach (CorpusFinding finding in findings)
            {
                string located = finding.LocatedText.Trim('"');
                Assert.False(located.Length >= 4 && finding.Message.Contains(located, System.StringComparison.Ordinal), finding.File + ":" + finding.StartLine + " " + finding.Message);
            }
        }
    }
}
