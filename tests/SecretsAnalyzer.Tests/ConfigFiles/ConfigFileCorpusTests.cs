using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    /// <summary>
    /// The labelled corpus of config files (ConfigFiles/Corpus): every <c>Noncompliant SECRETS00N</c> line must get exactly
    /// those findings, and no other line any. Precision and recall are gated at 1.00; a mismatch names the file, line and
    /// rule, never the value.
    /// </summary>
    public class ConfigFileCorpusTests
    {
        private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "ConfigFiles", "Corpus");

        [Fact]
        public void Corpus_PrecisionAndRecallAreOne()
        {
            var expected = new HashSet<string>(StringComparer.Ordinal);
            var actual = new HashSet<string>(StringComparer.Ordinal);
            int files = 0;
            foreach (string file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                ConfigFileKind kind = ConfigFileKinds.FromPath(file);
                if (kind == ConfigFileKind.None)
                {
                    continue;
                }

                files++;
                string name = Path.GetRelativePath(Root, file).Replace('\\', '/');
                string text = File.ReadAllText(file);
                string[] lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    int marker = lines[i].IndexOf("Noncompliant", StringComparison.Ordinal);
                    if (marker < 0)
                    {
                        continue;
                    }

                    foreach (string rule in lines[i].Substring(marker).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("SECRETS", StringComparison.Ordinal)))
                    {
                        expected.Add(name + ":" + (i + 1) + " " + rule);
                    }
                }

                ConfigDocument document = ConfigFileKinds.Read(kind, file, text);
                Assert.True(document.IsWellFormed, name + ": " + document.Error + " at " + ReaderAssert.Position(text, document.ErrorOffset));
                foreach (ConfigFinding finding in ConfigFileScanner.Scan(kind, document, ConfigScanSettings.Default))
                {
                    actual.Add(name + ":" + ReaderAssert.Position(text, finding.Start).Split(':')[0] + " " + finding.RuleId);
                }
            }

            Assert.True(files >= 9, "corpus files found: " + files);
            Assert.True(expected.Count >= 20, "labelled findings: " + expected.Count);
            var missed = expected.Except(actual).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var falseAlarms = actual.Except(expected).OrderBy(s => s, StringComparer.Ordinal).ToList();
            double precision = actual.Count == 0 ? 0 : (double)(actual.Count - falseAlarms.Count) / actual.Count;
            double recall = (double)(expected.Count - missed.Count) / expected.Count;
            Assert.True(
                missed.Count == 0 && falseAlarms.Count == 0,
                $"precision {precision:F2}, recall {recall:F2}\nmissed:\n  {string.Join("\n  ", missed)}\nfalse alarms:\n  {string.Join("\n  ", falseAlarms)}");
        }
    }
}
