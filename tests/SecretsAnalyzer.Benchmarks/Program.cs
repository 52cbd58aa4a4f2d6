using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Benchmarks.Core;

namespace SecretsAnalyzer.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project tests/SecretsAnalyzer.Benchmarks -- [options]
    ///   --real-bench [DIR]   THE HEADLINE: the rules in a real `dotnet build -p:ReportAnalyzer=true` of ~183k lines of
    ///                        real C#, by the shared bench's measure.py in DIR (default: $SECRETS_REAL_BENCH), with the
    ///                        analyzer assembly this program was built with; its corpora must be prepared (run.sh prepare)
    ///     --bench-work DIR --bench-corpora a,b --bench-runs N --bench-sonar (Sonar's credential rules in the same run)
    ///     --bench-out FILE   measure.py's JSON
    ///   (no option)          the driver-level diagnostics: 200,000-line generated project, keystroke cost, hostile-input
    ///                        scaling (a model of a build; with $SECRETS_REAL_BENCH set, the real-build figure is printed first)
    ///   --smoke              a tiny run that finishes in seconds (what CI runs)
    ///   --files N --lines N --rounds N --edits N --scaling-scale X (0 skips scaling)
    ///   --real DIR           the configuration table for the C# files under DIR (repeatable; bin/obj skipped)
    ///   --only TEXT          only configurations whose name contains TEXT (repeatable), to run parts in parallel
    ///   --skip-compile-check do not compile once first to check the generated project has no errors
    ///   --totals-only        only the compiler alone, the floor of all and all analyzers (no per-class rows)
    ///   --thread-cpu         also time each analyzer's callbacks in thread CPU (TimedAnalyzer) and log it per round
    ///   --refs DIR           reference every assembly in DIR too (for --real)
    ///   --sections a,b       only these parts: table, direct, keystroke, scaling
    ///   --out FILE           also write the report to FILE
    ///   --profile-loop N     the four rules N times over fresh models of one bound compilation (for dotnet-trace)
    ///   --parts              where the analyzers' own time goes, part by part (a design aid)
    ///   --bdn [BDN args]     the BenchmarkDotNet suite (MemoryDiagnoser) on a medium project
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--bdn")
            {
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
                return 0;
            }

            PerfOptions options = args.Contains("--smoke") ? PerfOptions.Smoke() : new PerfOptions();
            var bench = new RealBuildBenchOptions
            {
                BenchDir = Environment.GetEnvironmentVariable("SECRETS_REAL_BENCH") ?? string.Empty,
                Work = Environment.GetEnvironmentVariable("BENCH_WORK"),
            };
            bool realBench = false;
            string? output = null;
            var real = new List<string>();
            var extraReferenceDirs = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
                switch (args[i])
                {
                    case "--smoke": break;
                    case "--real-bench":
                        realBench = true;
                        if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            bench.BenchDir = Value();
                        }

                        break;
                    case "--bench-work": bench.Work = Value(); break;
                    case "--bench-corpora": bench.Corpora = Value(); break;
                    case "--bench-runs": bench.Runs = int.Parse(Value()); break;
                    case "--bench-sonar": bench.Sonar = true; break;
                    case "--bench-out": bench.Out = Value(); break;
                    case "--parts": break;
                    case "--profile-loop": i++; break;
                    case "--files": options.Files = int.Parse(Value()); break;
                    case "--lines": options.LinesPerFile = int.Parse(Value()); break;
                    case "--rounds": options.Rounds = int.Parse(Value()); break;
                    case "--edits": options.KeystrokeEdits = int.Parse(Value()); break;
                    case "--context-files": options.KeystrokeContextFiles = int.Parse(Value()); break;
                    case "--scaling-scale": options.ScalingScale = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--scaling-repetitions": options.ScalingRepetitions = int.Parse(Value()); break;
                    case "--out": output = Value(); break;
                    case "--real": real.Add(Value()); break;
                    case "--refs": extraReferenceDirs.Add(Value()); break;
                    case "--totals-only": options.PerAnalyzer = false; break;
                    case "--thread-cpu": options.CallbackThreadCpu = true; break;
                    case "--only": options.Only.Add(Value()); break;
                    case "--skip-compile-check": options.SkipCompileCheck = true; break;
                    case "--sections": options.Sections = new HashSet<string>(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }
            }

            if (realBench)
            {
                return RealBuildBench.Run(bench, Console.Out);
            }

            bool headline = args.Length == 0 && bench.BenchDir.Length > 0;
            if (headline && RealBuildBench.Run(bench, Console.Out) != 0)
            {
                return 1;
            }

            if (args.Length == 0)
            {
                Console.WriteLine(headline
                    ? "The driver-level figures below are diagnostics; the real-build figure above is the headline."
                    : "Driver-level figures (a model of a build). The headline is the real build: --real-bench DIR (or set SECRETS_REAL_BENCH).");
            }

            var references = new List<MetadataReference>(DefaultReferences());
            foreach (string dir in extraReferenceDirs)
            {
                var known = new HashSet<string>(references.Select(r => Path.GetFileName(r.Display ?? "")), StringComparer.OrdinalIgnoreCase);
                references.AddRange(Directory.EnumerateFiles(dir, "*.dll")
                    .Where(f => !known.Contains(Path.GetFileName(f)) && IsManagedAssembly(f))
                    .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)));
            }

            var harness = new PerfHarness(options, references, Console.Out);
            int loopAt = Array.IndexOf(args, "--profile-loop");
            if (loopAt >= 0)
            {
                PartsProfile.Loop(harness, options, int.Parse(args[loopAt + 1]), Console.Out);
                return 0;
            }

            if (args.Contains("--parts"))
            {
                PartsProfile.Run(harness, options, Console.Out);
                return 0;
            }

            PerfReport report;
            if (real.Count > 0)
            {
                // Every .cs under the given folders (bin/obj skipped), parsed with the latest language version.
                List<SyntaxTree> trees = real.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories))
                    .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"))
                    .Distinct()
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(p), new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), p, System.Text.Encoding.UTF8))
                    .ToList();
                report = harness.RunOnTrees(trees, string.Join("+", real.Select(r => Path.GetFileName(Path.GetFullPath(r).TrimEnd(Path.DirectorySeparatorChar)))));
            }
            else
            {
                report = harness.Run();
            }

            string text = PerfHarness.Format(report);
            Console.WriteLine();
            Console.WriteLine(text);
            if (output != null)
            {
                File.WriteAllText(output, text);
            }

            return report.AnalyzerExceptions.Count == 0 ? 0 : 1;
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return !Path.GetFileName(path).StartsWith("SecretsAnalyzer", StringComparison.OrdinalIgnoreCase);
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        /// <summary>The .NET reference assemblies, the real AWS SDK assemblies, and every assembly next to this program (for --real).</summary>
        public static IReadOnlyList<MetadataReference> DefaultReferences()
        {
            var references = new List<MetadataReference>(References.Framework());
            foreach (Type type in new[] { typeof(Amazon.Runtime.BasicAWSCredentials), typeof(Amazon.S3.AmazonS3Client), typeof(Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient), typeof(Amazon.SecurityToken.Model.AssumeRoleRequest) })
            {
                references.Add(MetadataReference.CreateFromFile(type.Assembly.Location));
            }

            return references;
        }
    }
}
