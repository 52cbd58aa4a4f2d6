using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>
    /// `migrate` per finding, never all or nothing (issue 16 §1), on the sample with three more files: a key ID folded from
    /// two constants in two files, a connection string folded from a constant of another file, and a key ID whose fold
    /// holds an #if (its value depends on the build configuration, so the tool cannot account for it byte for byte).
    /// </summary>
    [Collection(CliCollection.Name)]
    public sealed class PerFindingMigrationTests
    {
        private readonly TestRepo _repo;

        public PerFindingMigrationTests(TestRepo repo) => _repo = repo;

        [Fact]
        public void Folded_values_are_moved_an_unaccountable_one_is_skipped_and_reported_and_the_exit_code_is_3()
        {
            string sln = _repo.NewSample("PerFindingSample");
            string dir = Path.GetDirectoryName(sln)!;
            string orders = Path.Combine(dir, "OrdersFunction");

            // Key-shaped data, built here so that no whole value stands in this file.
            string keyTail = "UJZDEGXDNCF3" + "ZQRT";
            string password = "Zx9kq2" + "Lm4PwQ";
            string server = "Server=orders-db.internal;Database=orders;";
            string credentials = "User Id=app;Password=" + password + ";";
            File.WriteAllText(Path.Combine(orders, "KeyParts.cs"), "namespace OrdersFunction\n{\n    public static class KeyParts\n    {\n        public const string Prefix = \"AKIA\";\n    }\n}\n");
            File.WriteAllText(Path.Combine(orders, "LegacyKeys.cs"), "namespace OrdersFunction\n{\n    public static class LegacyKeys\n    {\n        public const string Id = KeyParts.Prefix + \"" + keyTail + "\";\n\n        public static string KeyId() => Id;\n    }\n}\n");
            File.WriteAllText(Path.Combine(orders, "DbParts.cs"), "namespace OrdersFunction\n{\n    public static class DbParts\n    {\n        public const string Server = \"" + server + "\";\n    }\n}\n");
            File.WriteAllText(Path.Combine(orders, "DbConfig.cs"), "namespace OrdersFunction\n{\n    public static class DbConfig\n    {\n        public const string ConnectionString = DbParts.Server + \"" + credentials + "\";\n\n        public static string Get() => ConnectionString;\n    }\n}\n");
            string buildKeys = "namespace OrdersFunction\n{\n    public static class BuildKeys\n    {\n        public const string Id = \"AKIA\"\n#if DEBUG\n            + \"UJZDEGXDNCF3" + "DBUG\";\n#else\n            + \"UJZDEGXDNCF3" + "RLSE\";\n#endif\n\n        public static string KeyId() => Id;\n    }\n}\n";
            File.WriteAllText(Path.Combine(orders, "BuildKeys.cs"), buildKeys);
            Dictionary<string, string> original = TestRepo.Snapshot(dir);

            string outDir = Path.Combine(_repo.Root, "out-" + Guid.NewGuid().ToString("N").Substring(0, 6));
            Directory.CreateDirectory(outDir);
            string script = Path.Combine(outDir, "provision.sh");

            // --dry-run: the same table, the same exit code, nothing written.
            ProcessResult dryRun = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", script, "--dry-run");
            Assert.True(dryRun.ExitCode == 3, dryRun.All);
            AssertSummary(dryRun);
            Assert.Equal(original, TestRepo.Snapshot(dir));
            Assert.False(File.Exists(script));

            // The real run: everything else moves; the skipped value stays as it was, byte for byte.
            ProcessResult migrate = _repo.Cli(dir, "migrate", sln, "--store", "secrets-manager", "--provision-script", script, "--no-restore");
            Assert.True(migrate.ExitCode == 3, migrate.All);
            AssertSummary(migrate);
            Assert.Equal(buildKeys, File.ReadAllText(Path.Combine(orders, "BuildKeys.cs")));

            List<ScriptEntry> entries = ScriptParser.Parse(File.ReadAllText(script));
            // (Assert.True on Any: a failing Contains would print every value of the script into the test log.)
            string[] buildTails = { "UJZDEGXDNCF3" + "DBUG", "UJZDEGXDNCF3" + "RLSE" };
            Assert.True(entries.Any(e => e.Value == "AKIA" + keyTail && e.RuleId == "SECRETS001"), "the split key ID is not in the script as the whole fold");
            Assert.True(entries.Any(e => e.Value == server + credentials && e.RuleId == "SECRETS003"), "the cross-file connection string is not in the script as the whole fold");
            Assert.False(entries.Any(e => buildTails.Any(t => e.Value.Contains(t, StringComparison.Ordinal))), "the skipped key ID is in the script");

            // The folds are gone from the code (their harmless parts stay), and the code reads the names from the store.
            string legacy = File.ReadAllText(Path.Combine(orders, "LegacyKeys.cs"));
            string db = File.ReadAllText(Path.Combine(orders, "DbConfig.cs"));
            Assert.DoesNotContain(keyTail, legacy);
            Assert.DoesNotContain(password, db);
            Assert.Contains("\"" + entries.Single(e => e.Value == "AKIA" + keyTail).Name + "\"", legacy);
            Assert.Contains("\"" + entries.Single(e => e.Value == server + credentials).Name + "\"", db);
            Assert.Contains("\"AKIA\"", File.ReadAllText(Path.Combine(orders, "KeyParts.cs")));

            // Both folds name every declaration they come from.
            Assert.Contains("folded with KeyParts.cs:5", migrate.StandardOutput);
            Assert.Contains("folded with DbParts.cs:5", migrate.StandardOutput);

            // The checklist says the skipped key stays, and why.
            string checklist = File.ReadAllText(Path.Combine(outDir, "provision.rotation-checklist.md"));
            string block = checklist.Split("- [ ] ").Single(b => b.Contains("OrdersFunction/BuildKeys.cs:5:", StringComparison.Ordinal));
            Assert.Contains("**Still in the source:** cannot be accounted for byte for byte", block);
            string logs = checklist + migrate.All + dryRun.All;
            Assert.False(buildTails.Concat(new[] { keyTail, password }).Any(t => logs.Contains(t, StringComparison.Ordinal)), "a value of the test is in the tool's output or checklist");
        }

        private static void AssertSummary(ProcessResult run)
        {
            string[] lines = run.StandardOutput.Split('\n');
            Assert.Contains(lines, l => l.Contains("Migration summary", StringComparison.Ordinal));
            string[] cells = lines.Where(l => l.Contains('\u2502')).Select(Cells).Single(c => c.Length == 5 && c[0] == "Total");
            Assert.Equal("1", cells[2]);
            Assert.True(int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture) >= 2);
            string skipped = lines.Single(l => l.Contains("BuildKeys.cs:5:", StringComparison.Ordinal));
            Assert.Contains("skipped", skipped);
            Assert.Contains("SECRETS001", skipped);
            Assert.Contains("#if", skipped);
            Assert.DoesNotContain(lines, l => l.Contains("LegacyKeys.cs", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("DbConfig.cs", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
            Assert.Contains("1 finding skipped", run.StandardError);
        }

        private static string[] Cells(string row) =>
            row.Split('\u2502', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
    }
}
