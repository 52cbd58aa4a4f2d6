using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>The tool on copies of the bundled sample solution, as a user runs it.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [Collection(CliCollection.Name)]
    public sealed class EndToEndTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
        private readonly TestRepo _repo;

        public EndToEndTests(TestRepo repo) => _repo = repo;

        [Fact]
        public void Scan_finds_what_the_build_finds_and_writes_sarif()
        {
            string sln = _repo.NewSample("ScanSample");
            string dir = Path.GetDirectoryName(sln)!;

            ProcessResult build = Build(sln);
            HashSet<FindingKey> fromBuild = FindingKey.FromBuildOutput(build.StandardOutput, dir);
            Assert.NotEmpty(fromBuild);

            ProcessResult scan = _repo.Cli(dir, "scan", sln, "--format", "json", "--no-restore");
            Assert.True(scan.ExitCode == 1, scan.All);
            // The build runs the rules where the sample references the analyzer (its three projects); the tool runs
            // them on every project of the solution, which here also lists the analyzer's own sources under ../src.
            List<FindingKey> fromTool = FindingKey.FromJson(scan.StandardOutput).Where(f => !f.Path.StartsWith('/')).ToList();
            Assert.Equal(fromTool.Count, fromTool.Distinct().Count());
            Assert.Equal(fromBuild.OrderBy(f => f.ToString()), fromTool.OrderBy(f => f.ToString()));

            // Text: grouped by project and rule, with file:line:column.
            ProcessResult text = _repo.Cli(dir, "scan", dir, "--no-restore");
            Assert.Equal(1, text.ExitCode);
            foreach (FindingKey f in fromBuild)
            {
                Assert.Contains(f.Path + ":" + f.Line + ":" + f.Column, text.StandardOutput);
            }

            // SARIF 2.1.0 to a file, every rule with its help URI.
            string sarifPath = Path.Combine(_repo.Root, "scan.sarif");
            ProcessResult sarif = _repo.Cli(dir, "scan", sln, "--format", "sarif", "--output", sarifPath, "--no-restore");
            Assert.Equal(1, sarif.ExitCode);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(sarifPath));
            Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
            JsonElement run = doc.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
            Assert.NotEmpty(rules);
            Assert.All(rules, r => Assert.StartsWith("https://", r.GetProperty("helpUri").GetString()));
            var results = run.GetProperty("results").EnumerateArray().Select(r => new FindingKey(
                r.GetProperty("ruleId").GetString()!,
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32()))
                .Where(f => !f.Path.StartsWith("file:", StringComparison.Ordinal));
            Assert.Equal(fromBuild.OrderBy(f => f.ToString()), results.OrderBy(f => f.ToString()));

            // Messages are redacted: no secret literal of the sample is in any output.
            foreach (string secret in SecretLiterals(dir, fromTool))
            {
                Assert.DoesNotContain(secret, scan.All + text.All + File.ReadAllText(sarifPath));
            }
        }

        [Fact]
        public void Migrate_moves_every_value_into_the_script_and_the_solution_still_builds()
        {
            string sln = _repo.NewSample("MigrateSample");
            string dir = Path.GetDirectoryName(sln)!;
            Build(sln);
            ProcessResult before = _repo.Cli(dir, "scan", sln, "--format", "json", "--no-restore");
            Assert.True(before.ExitCode == 1, before.All);
            List<FindingKey> findings = FindingKey.FromJson(before.StandardOutput).Where(f => !f.Path.StartsWith('/')).ToList();
            var literals = Literals(dir, findings);
            Assert.NotEmpty(literals);
            var secrets = Literals(dir, findings.Where(f => f.RuleId != "SECRETS004"));
            Dictionary<string, string> original = TestRepo.Snapshot(dir);

            // --dry-run: prints the diff and the names, changes nothing, shows no secret.
            string outDir = Path.Combine(_repo.Root, "out-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Directory.CreateDirectory(outDir);
            string script = Path.Combine(outDir, "provision.sh");
            ProcessResult dryRun = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", script, "--dry-run", "--no-restore");
            Assert.True(dryRun.ExitCode == 0, dryRun.All);
            Assert.Contains("@@", dryRun.StandardOutput);
            Assert.Contains("Would create", dryRun.StandardOutput);
            Assert.Equal(original, TestRepo.Snapshot(dir));
            Assert.False(File.Exists(script));
            foreach (var literal in secrets)
            {
                Assert.DoesNotContain(literal.Text, dryRun.All);
            }

            // The real run.
            ProcessResult migrate = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", script, "--no-restore");
            Assert.True(migrate.ExitCode == 0, migrate.All);
            if (!OperatingSystem.IsWindows())
            {
                // Owner-only (0600) where the file system has Unix modes; Windows has none (the tool does not set one there).
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(script));
            }

            string scriptText = File.ReadAllText(script);
            List<ScriptEntry> entries = ScriptParser.Parse(scriptText);
            Assert.NotEmpty(entries);
            // Credentials go to the chosen store; role ARNs (configuration, not secrets) to Parameter Store.
            Assert.All(entries, e => Assert.Equal(e.RuleId == "SECRETS004" ? "ssm" : "secretsmanager", e.Service));
            Assert.Contains(entries, e => e.Service == "secretsmanager");
            Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct().Count());

            // Never inline: each AWS CLI command takes its value as file://.
            foreach (string line in scriptText.Split('\n').Where(l => l.StartsWith("aws ", StringComparison.Ordinal)))
            {
                Assert.Contains("file://", line);
                Assert.DoesNotContain(literals, l => line.Contains(l.Text, StringComparison.Ordinal));
            }

            // The rotation checklist lists every finding by location, never by value, and says which ones stay.
            string checklist = File.ReadAllText(Path.Combine(outDir, "provision.rotation-checklist.md"));
            foreach (FindingKey finding in findings)
            {
                Assert.Contains(finding.Path + ":" + finding.Line + ":" + finding.Column, checklist);
            }

            foreach (var literal in secrets)
            {
                Assert.DoesNotContain(literal.Text, checklist);
            }

            // The wildcard iam:PassRole policy of the sample is not moved: it stays, keeps its finding, and both the
            // summary and the checklist call it out as a policy to narrow by hand (issue 16 §2).
            FindingKey policy = findings.Single(f => f.RuleId == "SECRETS004" && f.Path == "OrdersFunction/PolicyTemplates.cs");
            string policyBlock = checklist.Split("- [ ] ").Single(b => b.Contains("`" + policy.Path + ":" + policy.Line + ":" + policy.Column + "`", StringComparison.Ordinal));
            Assert.Contains("**Still in the source:** policy to narrow by hand", policyBlock);
            Assert.Contains("Policies to narrow by hand (1)", checklist);
            Assert.Contains(migrate.StandardOutput.Split('\n'), l => l.Contains(policy.Path + ":" + policy.Line + ":" + policy.Column, StringComparison.Ordinal) && l.Contains("narrow by hand", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Value.Contains("iam:PassRole", StringComparison.Ordinal));

            var stayingLocations = checklist.Split("- [ ] ").Where(block => block.Contains("**Still in the source:**", StringComparison.Ordinal))
                .Select(block => block.Split('`')[1]).Where(location => !location.StartsWith('/')).ToHashSet();
            var moved = Literals(dir, findings.Where(f => !stayingLocations.Contains(f.Path + ":" + f.Line + ":" + f.Column)), original: true);
            Assert.NotEmpty(moved);

            // Nothing is lost: every literal that held a moved finding is in the script, exactly when it was the whole
            // value, and is gone from the source.
            string migratedSources = string.Join("\n", Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                .Select(File.ReadAllText));
            foreach (var literal in moved)
            {
                Assert.DoesNotContain(literal.Text, migratedSources);
                if (literal.WholeValue)
                {
                    Assert.Contains(entries, e => e.Value == literal.Text);
                }
                else
                {
                    Assert.Contains(entries, e => e.Value.Contains(literal.Text, StringComparison.Ordinal));
                }
            }

            // The script, run, hands the AWS CLI exactly these bytes under exactly these names, through private files.
            var calls = ScriptParser.RunWithFakeAws(script, outDir);
            Assert.Equal(entries.Select(e => (e.Service, e.Name)), calls.Select(c => (c.Service, c.Name)));
            Assert.Equal(entries.Select(e => Convert.ToHexString(Encoding.UTF8.GetBytes(e.Value))), calls.Select(c => Convert.ToHexString(c.Value)));

            // The migrated code reads each name.
            foreach (ScriptEntry entry in entries)
            {
                Assert.Contains("\"" + entry.Name + "\"", migratedSources);
            }

            // The dry run announced the same names.
            foreach (ScriptEntry entry in entries)
            {
                Assert.Contains(entry.Name, dryRun.StandardOutput);
            }

            // Then scan finds nothing that a fix could move, and the solution builds.
            ProcessResult after = _repo.Cli(dir, "scan", sln, "--format", "json", "--no-restore");
            Assert.Equal(stayingLocations.Count, FindingKey.FromJson(after.StandardOutput).Count(f => !f.Path.StartsWith('/')));
            Assert.Contains(FindingKey.FromJson(after.StandardOutput), f => f.RuleId == "SECRETS004" && f.Path == policy.Path);
            ProcessResult rebuild = Build(sln);
            Assert.Contains(" 0 Error(s)", rebuild.StandardOutput);

            // A second run finds nothing to migrate and changes nothing.
            Dictionary<string, string> migrated = TestRepo.Snapshot(dir);
            string second = Path.Combine(outDir, "second.sh");
            ProcessResult again = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", second, "--no-restore");
            Assert.True(again.ExitCode == 0, again.All);
            Assert.Contains("Nothing to migrate", again.All);
            Assert.Equal(migrated, TestRepo.Snapshot(dir));
            Assert.False(File.Exists(second));
        }

        [Fact]
        public void A_broken_project_gets_exit_code_2_a_clear_message_and_no_change()
        {
            string sln = _repo.NewSample("BrokenSample");
            string dir = Path.GetDirectoryName(sln)!;
            string broken = Path.Combine(dir, "Broken");
            Directory.CreateDirectory(broken);
            File.WriteAllText(Path.Combine(broken, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"missing-build-settings.targets\" />\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(broken, "Class1.cs"), "namespace Broken { public class Class1 { } }\n");
            AddToSolution(sln, "Broken", "Broken\\Broken.csproj", "{5D1E0B7A-2C44-4E4B-9B7E-0F6A3C1D2E99}");
            Dictionary<string, string> snapshot = TestRepo.Snapshot(_repo.Root);

            // With the implicit restore (the default) and without it (MSBuildWorkspace's own failure report).
            foreach (string[] extra in new[] { Array.Empty<string>(), new[] { "--no-restore" } })
            {
                ProcessResult scan = _repo.Cli(dir, new[] { "scan", sln }.Concat(extra).ToArray());
                Assert.True(scan.ExitCode == 2, scan.All);
                Assert.Contains("'Broken'", scan.StandardError);
                Assert.Contains("missing-build-settings.targets", scan.StandardError);

                string script = Path.Combine(_repo.Root, "broken-" + extra.Length + ".sh");
                ProcessResult migrate = _repo.Cli(dir, new[] { "migrate", sln, "--store", "parameter-store", "--provision-script", script }.Concat(extra).ToArray());
                Assert.True(migrate.ExitCode == 2, migrate.All);
                Assert.Contains("'Broken'", migrate.StandardError);
                Assert.Contains("missing-build-settings.targets", migrate.StandardError);
                Assert.False(File.Exists(script));
            }

            Assert.Equal(snapshot, TestRepo.Snapshot(_repo.Root));
        }

        [Fact]
        public void Migrate_refuses_a_script_path_inside_a_git_work_tree_that_is_not_ignored()
        {
            string sln = _repo.NewSample("GitSample");
            string dir = Path.GetDirectoryName(sln)!;
            string repository = Path.Combine(_repo.Root, "git-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Directory.CreateDirectory(repository);
            Assert.Equal(0, TestRepo.Run("git", new[] { "init", "-q", repository }, _repo.Root, TimeSpan.FromMinutes(1)).ExitCode);
            Dictionary<string, string> snapshot = TestRepo.Snapshot(dir);

            string script = Path.Combine(repository, "provision.sh");
            ProcessResult refused = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", script, "--no-restore");
            Assert.True(refused.ExitCode == 1, refused.All);
            Assert.Contains("not git-ignored", refused.StandardError);
            Assert.False(File.Exists(script));
            Assert.Equal(snapshot, TestRepo.Snapshot(dir));
        }

        /// <summary>Adds a project to a .sln by hand (`dotnet sln add` refuses a project that does not evaluate).</summary>
        private static void AddToSolution(string sln, string name, string relativePath, string guid)
        {
            string text = File.ReadAllText(sln);
            string nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            string project = "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"" + name + "\", \"" + relativePath + "\", \"" + guid + "\"" + nl + "EndProject" + nl;
            int global = text.IndexOf(nl + "Global" + nl, StringComparison.Ordinal);
            text = text.Insert(global + nl.Length, project);
            var configurations = new StringBuilder();
            foreach (string configuration in new[] { "Debug", "Release" })
            {
                foreach (string platform in new[] { "Any CPU", "x64", "x86" })
                {
                    configurations.Append("\t\t" + guid + "." + configuration + "|" + platform + ".ActiveCfg = " + configuration + "|Any CPU" + nl);
                    configurations.Append("\t\t" + guid + "." + configuration + "|" + platform + ".Build.0 = " + configuration + "|Any CPU" + nl);
                }
            }

            int marker = text.IndexOf("GlobalSection(ProjectConfigurationPlatforms) = postSolution", StringComparison.Ordinal);
            int end = text.IndexOf("\tEndGlobalSection", marker, StringComparison.Ordinal);
            text = text.Insert(end, configurations.ToString());
            Assert.Contains(name, text);
            File.WriteAllText(sln, text);
        }

        private ProcessResult Build(string sln)
        {
            ProcessResult build = TestRepo.Run(
                "dotnet",
                new[] { "build", sln, "--no-incremental", "-nologo", "-clp:NoSummary", "-p:TreatWarningsAsErrors=false" },
                Path.GetDirectoryName(sln)!,
                BuildTimeout);
            Assert.True(build.ExitCode == 0, build.All);
            return build;
        }

        /// <summary>The string literal (its value) under each finding, and whether it is the whole value a fix moves.</summary>
        private readonly Dictionary<string, string> _originalText = new Dictionary<string, string>(StringComparer.Ordinal);

        private List<(string Text, bool WholeValue)> Literals(string dir, IEnumerable<FindingKey> findings, bool original = false)
        {
            var result = new List<(string, bool)>();
            foreach (FindingKey finding in findings)
            {
                string path = Path.Combine(dir, finding.Path);
                string text = original ? _originalText[path] : File.ReadAllText(path);
                _originalText.TryAdd(path, text);
                SyntaxTree tree = CSharpSyntaxTree.ParseText(text);
                var position = tree.GetText().Lines[finding.Line - 1].Start + finding.Column - 1;
                SyntaxToken token = tree.GetRoot().FindToken(position);
                if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    // Part of a constant interpolation: the script holds the whole interpolated value.
                    result.Add((token.ValueText, false));
                    continue;
                }

                if (!token.IsKind(SyntaxKind.StringLiteralToken) || token.Parent is not LiteralExpressionSyntax literal)
                {
                    continue;
                }

                bool whole = literal.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax;
                result.Add((token.ValueText, whole));
            }

            return result;
        }

        private IEnumerable<string> SecretLiterals(string dir, IEnumerable<FindingKey> findings) =>
            Literals(dir, findings.Where(f => f.RuleId != "SECRETS004")).Select(l => l.Text);
    }
}
