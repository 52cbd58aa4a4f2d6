using System.Text.Json;
using SecretsAnalyzer.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>
    /// <c>dotnet format analyzers</c> on copies of the bundled sample solution (with the analyzer and code-fix sources it
    /// references), as a newcomer runs it from a fresh clone: the README's command, first thing, where the analyzer
    /// has never been built. Every fixable finding is gone and none is new, the fixed solution builds, each project that
    /// needed the helper has it once, a second run changes nothing, and no removed value is left in the source.
    /// </summary>
    /// <remarks>
    /// Two copies: "before" is only built, for the findings as they were (a SARIF file per project); "fresh" gets the
    /// README's command first, then a build for the findings that remain. The build of "before" and the first format of
    /// "fresh" run at the same time: they share nothing.
    /// </remarks>
    public sealed class DotnetFormatTests : IDisposable
    {
        /// <summary>The README's command, run verbatim from the root of a copy of the repository.</summary>
        public static readonly string[] ReadmeCommand =
        {
            "format", "analyzers", "tests/samples/LambdaSample/LambdaSample.sln",
            "--diagnostics", "SECRETS001", "SECRETS002", "SECRETS003", "SECRETS004", "SECRETS005", "SECRETS006", "--severity", "info",
        };

        private static readonly string[] Rules = { "SECRETS001", "SECRETS002", "SECRETS003", "SECRETS004", "SECRETS005", "SECRETS006" };

        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

        private readonly ITestOutputHelper _output;
        private readonly string _root;

        public DotnetFormatTests(ITestOutputHelper output)
        {
            _output = output;
            _root = Path.Combine(Path.GetTempPath(), "secrets-e2e-format-" + Guid.NewGuid().ToString("N").Substring(0, 8));
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
        public void ReadmeCommand_IsTheOneTheReadmeShows()
        {
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            Assert.Contains("dotnet " + string.Join(" ", ReadmeCommand) + "\n", readme.Replace("\r\n", "\n"), StringComparison.Ordinal);
        }

        [Fact]
        public async Task ReadmeCommand_OnAFreshClone_FixesTheSampleSolution()
        {
            string beforeRoot = CopyRepository("before");
            string freshRoot = CopyRepository("fresh");
            string beforeSample = SampleOf(beforeRoot);
            string sample = SampleOf(freshRoot);

            // A fresh clone: the analyzer and code-fix projects have never been built (no bin/, no obj/).
            foreach (string project in new[] { "SecretsAnalyzer", "SecretsAnalyzer.CodeFixes" })
            {
                Assert.False(Directory.Exists(Path.Combine(freshRoot, "src", project, "bin")), project + "/bin exists in the fresh copy");
                Assert.False(Directory.Exists(Path.Combine(freshRoot, "src", project, "obj")), project + "/obj exists in the fresh copy");
            }

            Dictionary<string, string> original = Snapshot(sample);

            // The findings as they were (copy "before"), and the README's command on the fresh copy, side by side.
            Task<ProcessResult> buildBefore = Task.Run(() => Build(beforeRoot, "build of the unchanged copy"));
            ProcessResult firstFormat = Format(freshRoot, "first");
            ProcessResult before = await buildBefore;
            AssertBuildHasNoErrors(before);
            List<Finding> findingsBefore = ReadFindings(beforeSample);
            _output.WriteLine($"Findings before: {findingsBefore.Count}");
            foreach (Finding f in findingsBefore)
            {
                _output.WriteLine("  " + f);
            }

            Assert.True(findingsBefore.Count >= 15, $"The sample needs at least 15 findings, has {findingsBefore.Count}.");
            Assert.All(Rules, rule => Assert.Contains(findingsBefore, f => f.Rule == rule));
            Assert.True(findingsBefore.Select(f => f.Project).Distinct().Count() >= 2, "Findings must come from at least two projects.");

            // The first try changed the sources (before the fix in the sample's Directory.Solution.targets it loaded no
            // analyzer on a fresh clone and changed nothing, with exit code 0).
            Dictionary<string, string> afterFirst = Snapshot(sample);
            bool unchanged = original.Count == afterFirst.Count && original.All(p => afterFirst.TryGetValue(p.Key, out string? t) && t == p.Value);
            Assert.False(unchanged, "dotnet format changed nothing on the fresh copy. " + firstFormat);

            // It builds, every fixable finding is gone and none is new.
            AssertBuildHasNoErrors(Build(freshRoot, "build of the formatted copy"));
            List<Finding> after = ReadFindings(sample);
            _output.WriteLine($"Findings after: {after.Count}");
            foreach (Finding f in after)
            {
                _output.WriteLine("  " + f);
            }

            Assert.All(after, f => Assert.Contains(findingsBefore, b => b.SameFinding(f)));
            List<Finding> fixedFindings = findingsBefore.Where(b => !after.Any(a => a.SameFinding(b))).ToList();
            Assert.True(fixedFindings.Count >= 15, $"Only {fixedFindings.Count} findings were fixed.");

            // What stays is what docs/code-fixes.md says has no fix: in code, the attribute argument; and every finding in
            // the config files (appsettings.json, template.yaml), which have no fix yet (docs/config-files.md).
            Assert.All(after.Where(f => IsCode(f)), f => Assert.Contains("LambdaFunction(Role", File.ReadAllLines(f.File)[f.Line - 1], StringComparison.Ordinal));
            Assert.Equal(
                findingsBefore.Where(f => !IsCode(f)).Select(f => f.ToString()).Order(StringComparer.Ordinal),
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
                Assert.False(allSource.Contains(f.Text, StringComparison.Ordinal), $"{f.Rule} value from {f.RelativeFile}:{f.Line} is still in the source.");
            }

            // A second run changes nothing.
            Dictionary<string, string> beforeSecond = Snapshot(sample);
            Format(freshRoot, "second");
            Dictionary<string, string> afterSecond = Snapshot(sample);
            Assert.Equal(beforeSecond.Keys.OrderBy(k => k), afterSecond.Keys.OrderBy(k => k));
            foreach (KeyValuePair<string, string> file in beforeSecond)
            {
                Assert.True(file.Value == afterSecond[file.Key], $"The second run changed {file.Key}.");
            }
        }

        private static string SampleOf(string root) => Path.Combine(root, "tests", "samples", "LambdaSample");

        /// <summary>
        /// What a clone holds for the sample: the root build settings, the analyzer and code-fix sources, the sample; no
        /// build output. Instrumentation of the copy only: every sample project writes its findings as SARIF 2.1.
        /// </summary>
        private string CopyRepository(string name)
        {
            string root = Path.Combine(_root, name);
            Directory.CreateDirectory(root);
            foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(root, file));
            }

            RepoPaths.CopyTree(Path.Combine(RepoPaths.Root, "src", "SecretsAnalyzer"), Path.Combine(root, "src", "SecretsAnalyzer"));
            RepoPaths.CopyTree(Path.Combine(RepoPaths.Root, "src", "SecretsAnalyzer.CodeFixes"), Path.Combine(root, "src", "SecretsAnalyzer.CodeFixes"));
            string sample = SampleOf(root);
            RepoPaths.CopyTree(RepoPaths.Sample, sample);
            // Instrumentation of the copy only: every project writes its findings as SARIF 2.1 next to itself. The sample's
            // own Directory.Build.targets (the config-file targets) stays in place.
            string targets = Path.Combine(sample, "Directory.Build.targets");
            File.WriteAllText(targets, File.ReadAllText(targets).Replace("</Project>", """
                  <PropertyGroup>
                    <ErrorLog>$(MSBuildProjectDirectory)/obj/findings.sarif,version=2.1</ErrorLog>
                  </PropertyGroup>
                </Project>
                """, StringComparison.Ordinal));
            return root;
        }

        private ProcessResult Build(string root, string what)
        {
            ProcessResult result = ProcessRunner.Dotnet(root, Timeout, "build", "tests/samples/LambdaSample/LambdaSample.sln", "-nologo", "-v:q", "-clp:NoSummary");
            Timings.Record($"dotnet format test, {what}: {result.Elapsed.TotalSeconds:F1} s, exit {result.ExitCode}");
            return result;
        }

        private void AssertBuildHasNoErrors(ProcessResult build)
        {
            int errors = build.Output.Split('\n').Count(l => l.Contains(": error ", StringComparison.Ordinal));
            if (build.ExitCode != 0 || errors > 0)
            {
                _output.WriteLine(build.ToString());
            }

            Assert.True(build.ExitCode == 0 && errors == 0, $"the build failed with {errors} error(s). " + build);
        }

        private ProcessResult Format(string root, string which)
        {
            ProcessResult result = ProcessRunner.Dotnet(root, Timeout, ReadmeCommand);
            Timings.Record($"dotnet format test, {which} `dotnet format analyzers`: {result.Elapsed.TotalSeconds:F1} s, exit {result.ExitCode}");
            _output.WriteLine(result.ToString());
            Assert.True(result.ExitCode == 0, result.ToString());
            return result;
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
                        findings.Add(new Finding(rule, Path.GetFileName(project), file, Path.GetRelativePath(sample, file), line, text));
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

        private sealed record Finding(string Rule, string Project, string File, string RelativeFile, int Line, string Text)
        {
            /// <summary>
            /// The same finding after a rewrite may sit on another line, in another copy: compare rule, file (relative to
            /// the sample) and the text found.
            /// </summary>
            public bool SameFinding(Finding other) => Rule == other.Rule && RelativeFile == other.RelativeFile && Text == other.Text;

            public override string ToString() => $"{Rule} {Project}/{Path.GetFileName(File)}:{Line}";
        }
    }
}
