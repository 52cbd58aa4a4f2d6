using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>
    /// The headline figure: what the rules cost in a real <c>dotnet build -p:ReportAnalyzer=true</c> of real code,
    /// measured by the shared bench (<c>../shared/bench/measure.py</c>, about 183k lines of public C#) with the
    /// analyzer assembly this program was built with. The driver-level figures of the other modes are diagnostics
    /// next to it.
    /// </summary>
    public sealed class RealBuildBenchOptions
    {
        /// <summary>The folder that holds <c>measure.py</c> (option <c>--real-bench DIR</c>, else <c>SECRETS_REAL_BENCH</c>).</summary>
        public string BenchDir { get; set; } = string.Empty;

        /// <summary>The bench's work folder, prepared by <c>run.sh prepare</c> (<c>--bench-work</c>, else <c>BENCH_WORK</c>).</summary>
        public string? Work { get; set; }

        /// <summary>Comma-separated corpus names; all by default.</summary>
        public string? Corpora { get; set; }

        public int Runs { get; set; } = 2;

        /// <summary>Also measure Sonar's credential rules in the same run, against the same baseline builds.</summary>
        public bool Sonar { get; set; }

        /// <summary>Where measure.py writes its JSON; a temporary file by default.</summary>
        public string? Out { get; set; }
    }

    public static class RealBuildBench
    {
        public const string SonarPackage = "SonarAnalyzer.CSharp@9.32.0.97167";
        public const string SonarRules = "S2068,S6418,S2115,S6437";

        /// <summary>Runs the bench and writes its headline; returns measure.py's exit code (2 when it cannot start).</summary>
        public static int Run(RealBuildBenchOptions options, TextWriter output)
        {
            string measure = Path.Combine(options.BenchDir, "measure.py");
            if (!File.Exists(measure))
            {
                output.WriteLine("real-build bench: no measure.py in " + options.BenchDir + " (give --real-bench DIR or SECRETS_REAL_BENCH)");
                return 2;
            }

            // measure.py adds every *.dll of the folder as an analyzer: give it this build's analyzer assembly alone.
            string analyzers = Path.Combine(Path.GetTempPath(), "secrets-real-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(analyzers);
            string dll = AnalyzerCatalog.AnalyzerAssembly.Location;
            File.Copy(dll, Path.Combine(analyzers, Path.GetFileName(dll)));
            string rules = string.Join(",", AnalyzerCatalog.AnalyzerTypes()
                .SelectMany(t => AnalyzerCatalog.Create(t).SupportedDiagnostics.Select(d => d.Id))
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal));
            string outFile = options.Out ?? Path.Combine(analyzers, "real-bench.json");

            var args = new List<string> { measure };
            if (options.Work != null)
            {
                args.AddRange(new[] { "--work", options.Work });
            }

            if (options.Corpora != null)
            {
                args.AddRange(new[] { "--corpora", options.Corpora });
            }

            args.AddRange(new[] { "--runs", options.Runs.ToString(CultureInfo.InvariantCulture), "--out", outFile });
            args.AddRange(new[] { "--analyzers", analyzers, "--rules", rules, "--label", "SecretsAnalyzer" });
            if (options.Sonar)
            {
                args.AddRange(new[]
                {
                    "--and", "--package", SonarPackage, "--rules", SonarRules, "--isolate-rules",
                    "--globalconfig", Path.Combine(options.BenchDir, "peers", "sonar.globalconfig"),
                    "--additional-file", Path.Combine(options.BenchDir, "peers", "SonarLint.xml"), "--label", "sonar",
                });
            }

            output.WriteLine("real-build bench: python3 " + string.Join(" ", args.Select(Quote)));
            var start = new ProcessStartInfo("python3") { UseShellExecute = false, WorkingDirectory = options.BenchDir };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using (Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start"))
            {
                process.WaitForExit();
                if (process.ExitCode != 0 || !File.Exists(outFile))
                {
                    output.WriteLine("real-build bench: measure.py failed (exit " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + ")");
                    return process.ExitCode != 0 ? process.ExitCode : 2;
                }
            }

            output.WriteLine();
            output.WriteLine(Format(File.ReadAllText(outFile)));
            output.WriteLine("(JSON: " + outFile + ")");
            return 0;
        }

        /// <summary>The headline table of a measure.py document: per set, per corpus and in total, the share of the baseline compile.</summary>
        public static string Format(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            IEnumerable<JsonElement> sets = root.TryGetProperty("sets", out JsonElement many) ? many.EnumerateArray() : new[] { root };
            var text = new System.Text.StringBuilder();
            text.AppendLine("Real build (dotnet build -p:ReportAnalyzer=true, shared bench): analyzer time / baseline Csc time of the same run");
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-16} {2,10} {3,12} {4,10} {5,9}", "set", "corpus", "analyzer s", "baseline Csc", "share", "findings"));
            var totals = new List<(string Label, double Seconds)>();
            foreach (JsonElement set in sets)
            {
                string label = set.TryGetProperty("label", out JsonElement l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "?";
                foreach (JsonElement corpus in set.GetProperty("corpora").EnumerateArray())
                {
                    text.AppendLine(Row(label, corpus.GetProperty("name").GetString()!, Number(corpus, "analyzer_s"),
                        Number(corpus.GetProperty("baseline"), "csc_median_s"), Number(corpus, "analyzer_vs_baseline_compile"),
                        corpus.GetProperty("diagnostics").GetArrayLength()));
                }

                JsonElement t = set.GetProperty("totals");
                text.AppendLine(Row(label, "TOTAL", Number(t, "analyzer_s"), Number(t, "baseline_csc_s"), Number(t, "analyzer_vs_baseline_compile"), (int)Number(t, "diagnostics")));
                if (set.TryGetProperty("canary", out JsonElement canary) && canary.ValueKind == JsonValueKind.Object && canary.TryGetProperty("per_rule", out JsonElement perRule))
                {
                    text.AppendLine("  canary: " + perRule.GetRawText());
                }

                totals.Add((label, Number(t, "analyzer_s")));
            }

            if (totals.Count == 2 && totals[0].Seconds > 0)
            {
                text.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0} / {1}: {2:0.0}x", totals[1].Label, totals[0].Label, totals[1].Seconds / totals[0].Seconds));
            }

            return text.ToString();
        }

        private static string Row(string set, string corpus, double seconds, double baseline, double share, int findings) =>
            string.Format(CultureInfo.InvariantCulture, "{0,-16} {1,-16} {2,10:0.000} {3,12:0.00} {4,9:0.00}% {5,9}", set, corpus, seconds, baseline, share * 100, findings);

        private static double Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

        private static string Quote(string arg) => arg.Contains(' ') ? "\"" + arg + "\"" : arg;
    }
}
