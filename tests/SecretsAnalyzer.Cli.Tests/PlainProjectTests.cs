using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>
    /// The tool on a small project that is not a Lambda project: which rules are off there and why, the command's name in
    /// its help, and a second `migrate` with the same script path when there is nothing to migrate.
    /// </summary>
    [Collection(CliCollection.Name)]
    public sealed class PlainProjectTests
    {
        private readonly TestRepo _repo;

        public PlainProjectTests(TestRepo repo) => _repo = repo;

        [Fact]
        public void Help_names_the_installed_command()
        {
            ProcessResult help = _repo.Cli(_repo.Root, "--help");
            Assert.True(help.ExitCode == 0, help.All);
            Assert.Contains("Usage:\n  secrets-analyzer [command] [options]", help.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.DoesNotContain("SecretsAnalyzer.Cli", help.All);

            ProcessResult migrateHelp = _repo.Cli(_repo.Root, "migrate", "--help");
            Assert.True(migrateHelp.ExitCode == 0, migrateHelp.All);
            Assert.Contains("secrets-analyzer migrate [<path>] [options]", migrateHelp.StandardOutput);

            ProcessResult none = _repo.Cli(_repo.Root);
            Assert.Equal(2, none.ExitCode);
            Assert.Contains("secrets-analyzer --help", none.StandardError);
        }

        [Fact]
        public void A_rule_that_is_off_in_a_project_is_named_once_with_its_reason_in_every_format()
        {
            string dir = NewPlainProject("plain-activity", out string project);
            string sarifPath = Path.Combine(dir, "scan.sarif");

            // Text: the summary cell says "off" and one note says why, once for the project.
            ProcessResult text = _repo.Cli(dir, "scan", project);
            Assert.True(text.ExitCode == 0, text.All);
            string note = "SECRETS004 is inactive in project 'Plain': it checks Lambda projects only";
            Assert.Equal(1, Occurrences(text.StandardOutput, note));
            Assert.Contains("Amazon.Lambda.Core", text.StandardOutput);
            Assert.Contains("secrets_analyzer.SECRETS004.scope = all", text.StandardOutput);
            string row = text.StandardOutput.Split('\n').Single(l => l.Contains("Plain", StringComparison.Ordinal) && l.Contains('\u2502'));
            Assert.Contains("off", row);
            Assert.DoesNotContain("SECRETS001 is inactive", text.StandardOutput);

            // JSON: per project, with the reason; the note also goes to standard error, never into the document.
            ProcessResult json = _repo.Cli(dir, "scan", project, "--format", "json", "--no-restore");
            Assert.True(json.ExitCode == 0, json.All);
            using (JsonDocument doc = JsonDocument.Parse(json.StandardOutput))
            {
                JsonElement plain = doc.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Plain");
                JsonElement inactive = Assert.Single(plain.GetProperty("inactiveRules").EnumerateArray());
                Assert.Equal("SECRETS004", inactive.GetProperty("ruleId").GetString());
                Assert.Contains("Amazon.Lambda.Core", inactive.GetProperty("reason").GetString());
            }

            Assert.Equal(1, Occurrences(json.StandardError, note));

            // SARIF: a tool configuration notification of the run, tied to the rule; each rule listed once.
            ProcessResult sarif = _repo.Cli(dir, "scan", project, "--format", "sarif", "--output", sarifPath, "--no-restore");
            Assert.True(sarif.ExitCode == 0, sarif.All);
            using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(sarifPath)))
            {
                JsonElement run = doc.RootElement.GetProperty("runs")[0];
                var ids = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
                Assert.Equal(new[] { "SECRETS001", "SECRETS002", "SECRETS003", "SECRETS004", "SECRETS005", "SECRETS006" }, ids);
                JsonElement notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolConfigurationNotifications").EnumerateArray());
                Assert.Equal("SECRETS004", notification.GetProperty("associatedRule").GetProperty("id").GetString());
                Assert.Equal(ids.IndexOf("SECRETS004"), notification.GetProperty("associatedRule").GetProperty("index").GetInt32());
                Assert.StartsWith(note, notification.GetProperty("message").GetProperty("text").GetString());
            }

            // Widened scope: the rule reports the ARN and the note is gone; a rule set to none is named instead.
            File.WriteAllText(
                Path.Combine(dir, ".editorconfig"),
                "root = true\n\n[*.cs]\nsecrets_analyzer.SECRETS004.scope = all\ndotnet_diagnostic.SECRETS001.severity = none\n");
            ProcessResult widened = _repo.Cli(dir, "scan", project, "--format", "json", "--no-restore");
            Assert.True(widened.ExitCode == 1, widened.All);
            using (JsonDocument doc = JsonDocument.Parse(widened.StandardOutput))
            {
                JsonElement finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
                Assert.Equal("SECRETS004", finding.GetProperty("ruleId").GetString());
                Assert.Equal("AWSSDK.SimpleSystemsManagement", finding.GetProperty("fixNeedsPackage").GetString());
                JsonElement plain = doc.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Plain");
                JsonElement inactive = Assert.Single(plain.GetProperty("inactiveRules").EnumerateArray());
                Assert.Equal("SECRETS001", inactive.GetProperty("ruleId").GetString());
                Assert.Contains("severity is none", inactive.GetProperty("reason").GetString());
            }
        }

        [Fact]
        public void Migrate_with_the_script_of_an_earlier_run_says_nothing_to_migrate_and_exits_0()
        {
            string dir = NewPlainProject("plain-again", out string project);
            string outDir = Path.Combine(_repo.Root, "out-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Directory.CreateDirectory(outDir);
            string script = Path.Combine(outDir, "provision.sh");
            File.WriteAllText(script, "# the script of an earlier run\n");
            Dictionary<string, string> before = TestRepo.Snapshot(dir);

            // No finding at all.
            ProcessResult clean = _repo.Cli(dir, "migrate", project, "--store", "secrets-manager", "--provision-script", script);
            Assert.True(clean.ExitCode == 0, clean.All);
            Assert.Contains("Nothing to migrate", clean.StandardError);
            Assert.DoesNotContain("refusing", clean.All);

            // A finding that no fix can move here (the project has no AWS SDK package).
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.cs]\nsecrets_analyzer.SECRETS004.scope = all\n");
            before = TestRepo.Snapshot(dir);
            ProcessResult unfixable = _repo.Cli(dir, "migrate", project, "--store", "parameter-store", "--provision-script", script, "--no-restore");
            Assert.True(unfixable.ExitCode == 0, unfixable.All);
            Assert.Contains("Nothing to migrate", unfixable.StandardError);
            // The summary (standard output) names the finding, and the package its fix needs.
            string row = unfixable.StandardOutput.Split('\n').Single(l => l.Contains("Roles.cs:5:", StringComparison.Ordinal));
            Assert.Contains("not fixable", row);
            Assert.Contains("SECRETS004", row);
            Assert.Contains("needs the NuGet package AWSSDK.SimpleSystemsManagement", row);

            Assert.Equal(before, TestRepo.Snapshot(dir));
            Assert.Equal("# the script of an earlier run\n", File.ReadAllText(script));
            Assert.False(File.Exists(Path.Combine(outDir, "provision.rotation-checklist.md")));
        }

        /// <summary>
        /// A class library without any Lambda package, holding an account-bound role ARN, in a folder of its own (its own
        /// empty build settings, so nothing of the repository's is inherited). Returns the folder; the project's path in
        /// <paramref name="project"/>.
        /// </summary>
        private string NewPlainProject(string name, out string project)
        {
            string dir = Path.Combine(_repo.Root, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />\n");
            project = Path.Combine(dir, "Plain.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");

            // Built here so that no account id stands in this file's text.
            string account = string.Concat(Enumerable.Range(0, 12).Select(i => (char)('0' + ((i * 7 + 3) % 10))));
            File.WriteAllText(
                Path.Combine(dir, "Roles.cs"),
                "namespace Plain\n{\n    public static class Roles\n    {\n        public const string Reader = \"arn:aws:iam::" + account + ":role/Reader\";\n    }\n}\n");
            return dir;
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
