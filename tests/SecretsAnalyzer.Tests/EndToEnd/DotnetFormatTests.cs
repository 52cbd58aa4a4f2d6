using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace SecretsAnalyzer.Tests.EndToEnd
{
    /// <summary>
    /// <c>dotnet format analyzers</c> on a copy of the bundled sample solution (with the analyzer and code-fix sources it
    /// references): the fixed solution builds, every fixable finding is gone and none is new, each project that needed
    /// the helper has it once, a second run changes nothing, and no removed value is left in the source.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class DotnetFormatTests : IDisposable
    {
        private static readonly string[] Rules = { "SECRETS001", "SECRETS002", "SECRETS003", "SECRETS004" };

        private readonly ITestOutputHelper _output;
        private readonly string _root;

        public DotnetFormatTests(ITestOutputHelper output)
        {
            _output = output;
            _root = Path.Combine(Path.GetTempPath(), "secrets-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        [Fact]
        public void DotnetFormat_FixesTheSampleSolution()
        {
            string repo = FindRepoRoot();
            Directory.CreateDirectory(_root);
            foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(repo, file), Path.Combine(_root, file));
            }

            CopyDirectory(Path.Combine(repo, "src", "SecretsAnalyzer"), Path.Combine(_root, "src", "SecretsAnalyzer"));
            CopyDirectory(Path.Combine(repo, "src", "SecretsAnalyzer.CodeFixes"), Path.Combine(_root, "src", "SecretsAnalyzer.CodeFixes"));
            string sample = Path.Combine(_root, "tests", "samples", "LambdaSample");
            CopyDirectory(Path.Combine(repo, "tests", "samples", "LambdaSample"), sample);

            // Instrumentation of the copy only: every project writes its findings as SARIF 2.1 next to itself. The sample's
            // own Directory.Build.targets (the config-file targets) stays in place.
            string targets = Path.Combine(sample, "Directory.Build.targets");
            File.WriteAllText(targets, File.ReadAllText(targets).Replace("</Project>", @"  <PropertyGroup>
    <ErrorLog>$(MSBuildProjectDirectory)/obj/findings.sarif,version=2.1</ErrorLog>
  </PropertyGroup>
</Project>", StringComparison.Ordinal));
            string solution = Path.Combine(sample, "LambdaSample.sln");

            // Before.
            Build(solution, out int errorsBefore);
            Assert.Equal(0, errorsBefore);
            List<Finding> before = ReadFindings(sample);
            _output.WriteLine($"Findings before: {before.Count}");
            foreach (Finding f in before)
            {
                _output.WriteLine("  " + f);
            }

            Assert.True(before.Count >= 15, $"The sample needs at least 15 findings, has {before.Count}.");
            Assert.All(Rules, rule => Assert.Contains(before, f => f.Rule == rule));
            Assert.True(before.Select(f => f.Project).Distinct().Count() >= 2, "Findings must come from at least two projects.");

            // dotnet format.
            Dictionary<string, string> original = Snapshot(sample);
            Format(solution);
            Dictionary<string, string> afterFirst = Snapshot(sample);
            bool unchanged = original.Count == afterFirst.Count && original.All(p => afterFirst.TryGetValue(p.Key, out string? t) && t == p.Value);
            Assert.False(unchanged, "dotnet format changed nothing.");

            // It builds, every fixable finding is gone and none is new.
            Build(solution, out int errorsAfter);
            Assert.Equal(0, errorsAfter);
            List<Finding> after = ReadFindings(sample);
            _output.WriteLine($"Findings after: {after.Count}");
            foreach (Finding f in after)
            {
                _output.WriteLine("  " + f);
            }

            Assert.All(after, f => Assert.Contains(before, b => b.SameFinding(f)));
            List<Finding> fixedFindings = before.Where(b => !after.Any(a => a.SameFinding(b))).ToList();
            Assert.True(fixedFindings.Count >= 15, $"Only {fixedFindings.Count} findings were fixed.");

            // What stays is what docs/code-fixes.md says has no fix: in code, the attribute argument; and every finding in
            // the config files (appsettings.json, template.yaml), which have no fix yet (docs/config-files.md).
            Assert.All(after.Where(f => IsCode(f)), f => Assert.Contains("LambdaFunction(Role", File.ReadAllLines(f.File)[f.Line - 1], StringComparison.Ordinal));
            Assert.Equal(
                before.Where(f => !IsCode(f)).Select(f => f.ToString()).Order(StringComparer.Ordinal),
                after.Where(f => !IsCode(f)).Select(f => f.ToString()).Order(StringComparer.Ordinal));
            Assert.Equal(3, after.Count(f => !IsCode(f)));

            // The helper, exactly once in each project that needed it, and nowhere else.
            var projectsWithFixes = fixedFindings.Select(f => f.Project).Distinct().ToList();
            foreach (string projectDirectory in Directory.GetDirectories(sample))
            {
                int helpers = Directory.GetFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
                    .Where(p => !IsBuildOutput(p))
                    .Count(p => File.ReadAllText(p).Contains("internal static class SecretStore", StringComparison.Ordinal));
                string name = Path.GetFileName(projectDirectory);
                bool needsHelper = Directory.GetFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
                    .Where(p => !IsBuildOutput(p))
                    .Any(p => File.ReadAllText(p).Contains("SecretStore.", StringComparison.Ordinal));
                Assert.Equal(needsHelper ? 1 : 0, helpers);
                if (projectsWithFixes.Contains(name))
                {
                    _output.WriteLine($"{name}: helper present: {helpers == 1}");
                }
            }

            Assert.Contains("OrdersFunction", projectsWithFixes);
            Assert.Contains("ReportsWorker", projectsWithFixes);

            // Under dotnet format the project files stay as they were (no explicit <Compile> item, see docs/code-fixes.md).
            Assert.All(original.Where(p => p.Key.EndsWith(".csproj", StringComparison.Ordinal)), p => Assert.Equal(p.Value, afterFirst[p.Key]));

            // No removed value is left anywhere in the source.
            string allSource = string.Join("\n", Snapshot(sample).Values);
            foreach (Finding f in fixedFindings)
            {
                Assert.False(allSource.Contains(f.Text, StringComparison.Ordinal), $"{f.Rule} value from {Path.GetFileName(f.File)}:{f.Line} is still in the source.");
            }

            // A second run changes nothing.
            Dictionary<string, string> beforeSecond = Snapshot(sample);
            Format(solution);
            Dictionary<string, string> afterSecond = Snapshot(sample);
            Assert.Equal(beforeSecond.Keys.OrderBy(k => k), afterSecond.Keys.OrderBy(k => k));
            foreach (KeyValuePair<string, string> file in beforeSecond)
            {
                Assert.True(file.Value == afterSecond[file.Key], $"The second run changed {file.Key}.");
            }
        }

        private void Build(string solution, out int errors)
        {
            (int exit, string output) = Run("dotnet", $"build \"{solution}\" --no-incremental -nologo -v:q -clp:NoSummary");
            errors = output.Split('\n').Count(l => l.Contains(": error ", StringComparison.Ordinal));
            if (exit != 0 || errors > 0)
            {
                _output.WriteLine(output);
                errors = Math.Max(errors, 1);
            }
        }

        private void Format(string solution)
        {
            (int exit, string output) = Run("dotnet", $"format analyzers \"{solution}\" --diagnostics {string.Join(" ", Rules)} --severity info -v:n");
            _output.WriteLine(output);
            Assert.Equal(0, exit);
        }

        private static (int, string) Run(string file, string arguments)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using Process process = Process.Start(start)!;
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(20 * 60 * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {arguments} did not finish in 20 minutes.");
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString());
        }

        private static bool IsCode(Finding finding) => finding.File.EndsWith(".cs", StringComparison.Ordinal);

        private static List<Finding> ReadFindings(string sample)
        {
            var findings = new List<Finding>();
            foreach (string project in Directory.GetDirectories(sample))
            {
                string sarif = Path.Combine(project, "obj", "findings.sarif");
                if (!File.Exists(sarif))
                {
                    continue;
                }

                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(sarif));
                foreach (JsonElement run in document.RootElement.GetProperty("runs").EnumerateArray())
                {
                    if (!run.TryGetProperty("results", out JsonElement results))
                    {
                        continue;
                    }

                    foreach (JsonElement result in results.EnumerateArray())
                    {
                        string rule = result.GetProperty("ruleId").GetString()!;
                        if (!Rules.Contains(rule) || !result.TryGetProperty("locations", out JsonElement locations) || locations.GetArrayLength() == 0)
                        {
                            continue;
                        }

                        JsonElement physical = locations[0].GetProperty("physicalLocation");
                        string file = new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                        JsonElement region = physical.GetProperty("region");
                        int line = region.GetProperty("startLine").GetInt32();
                        int column = region.GetProperty("startColumn").GetInt32();
                        int endLine = region.TryGetProperty("endLine", out JsonElement el) ? el.GetInt32() : line;
                        int endColumn = region.GetProperty("endColumn").GetInt32();
                        string[] lines = File.ReadAllLines(file);
                        string text = line == endLine
                            ? lines[line - 1].Substring(column - 1, endColumn - column)
                            : lines[line - 1].Substring(column - 1);
                        findings.Add(new Finding(rule, Path.GetFileName(project), file, line, text));
                    }
                }
            }

            return findings.Distinct().ToList();
        }

        private static Dictionary<string, string> Snapshot(string directory) =>
            Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p) && (p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal)))
                .ToDictionary(p => Path.GetRelativePath(directory, p), File.ReadAllText);

        private static bool IsBuildOutput(string path) =>
            path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        private static void CopyDirectory(string from, string to)
        {
            foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                if (IsBuildOutput(file))
                {
                    continue;
                }

                string target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        private static string FindRepoRoot()
        {
            for (string? directory = AppContext.BaseDirectory; directory != null; directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "SecretsAnalyzer.sln")))
                {
                    return directory;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (SecretsAnalyzer.sln).");
        }

        private sealed record Finding(string Rule, string Project, string File, int Line, string Text)
        {
            /// <summary>The same finding after a rewrite may sit on another line: compare rule, file and the text found.</summary>
            public bool SameFinding(Finding other) => Rule == other.Rule && File == other.File && Text == other.Text;

            public override string ToString() => $"{Rule} {Project}/{Path.GetFileName(File)}:{Line}";
        }
    }
}
