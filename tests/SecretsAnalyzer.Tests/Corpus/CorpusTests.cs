using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace SecretsAnalyzer.Tests.Corpus
{
    /// <summary>
    /// The quality gate: every analyzer of the package over the labelled corpus (Corpus/README.md). Fails on a
    /// compile error, an analyzer exception (AD0001), an unreadable label, a rule below precision 0.98 or recall
    /// 0.95, a message that repeats a secret, or a corpus too small to mean anything.
    /// </summary>
    public sealed class CorpusTests : IClassFixture<CorpusRunner>
    {
        public const double MinPrecision = 0.98;
        public const double MinRecall = 0.95;

        private readonly CorpusRunner _run;
        private readonly ITestOutputHelper _output;

        public CorpusTests(CorpusRunner run, ITestOutputHelper output)
        {
            _run = run;
            _output = output;
        }

        [Fact]
        public void Corpus_FindsEveryAnalyzerAndFile()
        {
            string[] ids = _run.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToArray();
            Assert.Contains(RuleIds.AwsAccessKeyId, ids);
            Assert.Contains(RuleIds.AwsSecretKey, ids);
            Assert.Contains(_run.Files, f => f.StartsWith("AwsKeys/", StringComparison.Ordinal));
        }

        [Fact]
        public void Corpus_LabelsAreReadable()
        {
            Assert.True(_run.ParseErrors.Count == 0, "Unreadable corpus labels:\n" + string.Join("\n", _run.ParseErrors.Select(e => $"{e.File}:{e.Line}: {e.Message}")));
        }

        [Fact]
        public void Corpus_CompilesWithoutErrors()
        {
            Assert.True(_run.CompileErrors.Count == 0, "Corpus compile errors:\n" + string.Join("\n", _run.CompileErrors));
        }

        [Fact]
        public void Corpus_AnalyzersNeverThrow()
        {
            Assert.True(_run.AnalyzerFailures.Count == 0, "Analyzer failures (AD0001):\n" + string.Join("\n", _run.AnalyzerFailures));
        }

        [Fact]
        public void Corpus_PrecisionAndRecallPerRule()
        {
            string table = FormatTable(_run.Scores.Values);
            _output.WriteLine(table);
            Console.WriteLine(table);

            var failures = new List<string>();
            foreach (RuleScore score in _run.Scores.Values)
            {
                string figures = $"{score.RuleId}: precision {score.Precision:0.000}, recall {score.Recall:0.000}";
                if (score.Positives > 0 && (score.Precision < MinPrecision || score.Recall < MinRecall))
                {
                    failures.Add(figures + " (needs ≥ " + MinPrecision.ToString("0.00", CultureInfo.InvariantCulture) + " / ≥ " + MinRecall.ToString("0.00", CultureInfo.InvariantCulture) + ")");
                }
                else if (score.Positives == 0 && score.FalsePositives > 0)
                {
                    // With nothing labelled, every finding of the rule is a false alarm.
                    failures.Add($"{score.RuleId}: {score.FalsePositives} findings but no labelled positive");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + table);
        }

        [Fact]
        public void Corpus_HasEnoughAwsKeyCases()
        {
            RuleScore keyIds = Score(RuleIds.AwsAccessKeyId);
            RuleScore secrets = Score(RuleIds.AwsSecretKey);
            int positives = keyIds.Positives + secrets.Positives;
            int lookAlikes = keyIds.LookAlikes + secrets.LookAlikes;
            _output.WriteLine($"SECRETS001+002: {positives} positives, {lookAlikes} look-alikes");

            Assert.True(positives >= 40, $"SECRETS001+002 have {positives} labelled positives; the corpus needs at least 40.");
            Assert.True(lookAlikes >= 40, $"SECRETS001+002 have {lookAlikes} labelled look-alikes; the corpus needs at least 40.");
            foreach (RuleScore score in new[] { keyIds, secrets })
            {
                Assert.True(score.Positives >= 20, $"{score.RuleId} has only {score.Positives} labelled positives (at least 20 each).");
                Assert.True(score.LookAlikes >= 20, $"{score.RuleId} has only {score.LookAlikes} labelled look-alikes (at least 20 each).");
            }
        }

        [Fact]
        public void Corpus_MessagesNeverRepeatTheSecret()
        {
            var leaks = new List<string>();
            foreach (CorpusFinding finding in _run.Findings)
            {
                string located = finding.LocatedText.Trim().Trim('"', '\'', '@', '$');
                if (located.Length >= 6 && finding.Message.Contains(located, StringComparison.Ordinal))
                {
                    leaks.Add($"{finding.File}:{finding.StartLine} {finding.RuleId}: the message repeats the flagged text");
                    continue;
                }

                if (finding.RuleId != RuleIds.AwsAccessKeyId && finding.RuleId != RuleIds.AwsSecretKey)
                {
                    continue;
                }

                // Keys and tokens: not even 8 characters in a row of any key-like run in the flagged text.
                foreach (string run in KeyLikeRuns(finding.LocatedText, 16))
                {
                    for (int i = 0; i + 8 <= run.Length; i++)
                    {
                        if (finding.Message.Contains(run.Substring(i, 8), StringComparison.Ordinal))
                        {
                            leaks.Add($"{finding.File}:{finding.StartLine} {finding.RuleId}: the message repeats part of the key");
                            break;
                        }
                    }
                }
            }

            Assert.True(_run.Findings.Count > 0, "The corpus raised no finding at all.");
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        }

        public static string FormatTable(IEnumerable<RuleScore> scores)
        {
            var builder = new StringBuilder();
            builder.AppendLine("| Rule       | Positives | Look-alikes | TP  | FP  | FN  | Look-alikes hit | Precision | Recall |");
            builder.AppendLine("|------------|-----------|-------------|-----|-----|-----|-----------------|-----------|--------|");
            var misses = new List<string>();
            foreach (RuleScore s in scores)
            {
                builder.AppendLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0,-10} | {1,9} | {2,11} | {3,3} | {4,3} | {5,3} | {6,15} | {7,9:0.000} | {8,6:0.000} |",
                    s.RuleId, s.Positives, s.LookAlikes, s.TruePositives, s.FalsePositives, s.FalseNegatives, s.LookAlikesHit, s.Precision, s.Recall));
                misses.AddRange(s.Misses.Select(m => s.RuleId + " " + m));
            }

            foreach (string miss in misses)
            {
                builder.AppendLine(miss);
            }

            return builder.ToString();
        }

        private RuleScore Score(string id) => _run.Scores.TryGetValue(id, out RuleScore? score) ? score : new RuleScore(id);

        private static IEnumerable<string> KeyLikeRuns(string text, int minLength)
        {
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool keyChar = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '/' || text[i] == '+');
                if (keyChar && start < 0)
                {
                    start = i;
                }
                else if (!keyChar && start >= 0)
                {
                    if (i - start >= minLength)
                    {
                        yield return text.Substring(start, i - start);
                    }

                    start = -1;
                }
            }
        }
    }
}
