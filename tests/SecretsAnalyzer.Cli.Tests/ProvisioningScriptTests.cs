using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretsAnalyzer.Cli.Migration;
using SecretsAnalyzer.Cli.Scanning;
using Xunit;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>The provisioning script carries any value byte for byte, through a real shell.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class ProvisioningScriptTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "secrets-analyzer-script-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public ProvisioningScriptTests() => Directory.CreateDirectory(_dir);

        public static IEnumerable<object[]> Values() => new[]
        {
            new object[] { "Host=db;Username=app;Password=p@ss'w\"o`rd$HOME\\n%s;" },
            new object[] { "trailing newline\n" },
            new object[] { "\n\nleading and trailing\n\n" },
            new object[] { "windows\r\nline endings\r\n" },
            new object[] { "SECRETS_ANALYZER_VALUE_1\nlooks like the delimiter\nSECRETS_ANALYZER_VALUE_1" },
            new object[] { "$(rm -rf /) `id` ${PATH} \\\\ \t tab" },
            new object[] { "unicode: pässwörd ✓ 𝄞" },
            new object[] { string.Empty },
            new object[] { "-----BEGIN KEY-----\nMIIBOgIBAAJBAK\n-----END KEY-----" },
        };

        [Theory]
        [MemberData(nameof(Values))]
        public void Every_value_reaches_the_aws_cli_byte_for_byte_through_a_private_file(string value)
        {
            var moves = new List<MovedValue>
            {
                Move(1, StoreKind.SecretsManager, "orders-function/orders-db", value),
                Move(2, StoreKind.ParameterStore, "/orders-function/it's-quoted", value + "x"),
            };
            string text = ProvisioningScript.Render(moves, "/src/App.sln", DateTimeOffset.UnixEpoch);
            string script = Path.Combine(_dir, "provision.sh");
            ScriptLocation.CreatePrivate(script, text);
            if (!OperatingSystem.IsWindows())
            {
                // Owner-only (0600) where the file system has Unix modes; Windows has none (ScriptLocation sets none there).
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(script));
            }


            // Parsed back from the text...
            List<ScriptEntry> parsed = ScriptParser.Parse(text);
            Assert.Equal(new[] { value, value + "x" }, parsed.Select(p => p.Value));
            Assert.Equal(new[] { "secretsmanager", "ssm" }, parsed.Select(p => p.Service));
            Assert.All(parsed, p => Assert.Equal("SECRETS003", p.RuleId));

            // ...and run by sh with a stand-in aws.
            var calls = ScriptParser.RunWithFakeAws(script, _dir);
            Assert.Equal(2, calls.Count);
            Assert.Equal(("secretsmanager", "orders-function/orders-db"), (calls[0].Service, calls[0].Name));
            Assert.Equal(("ssm", "/orders-function/it's-quoted"), (calls[1].Service, calls[1].Name));
            Assert.Equal(Encoding.UTF8.GetBytes(value), calls[0].Value);
            Assert.Equal(Encoding.UTF8.GetBytes(value + "x"), calls[1].Value);

            // No value on any command line.
            foreach (string line in text.Split('\n').Where(l => l.StartsWith("aws ", StringComparison.Ordinal)))
            {
                Assert.Contains("file://", line);
                if (value.Length > 0)
                {
                    Assert.DoesNotContain(value, line);
                }
            }
        }

        [Fact]
        public void Values_a_shell_cannot_carry_are_refused()
        {
            Assert.NotNull(ProvisioningScript.Unsupported("a\0b"));
            Assert.NotNull(ProvisioningScript.Unsupported("lone \ud800 surrogate"));
            Assert.Null(ProvisioningScript.Unsupported("pair 𝄞"));
        }

        [Fact]
        public void The_script_is_never_overwritten_and_git_decides_inside_a_work_tree()
        {
            string repository = Path.Combine(_dir, "repo");
            Directory.CreateDirectory(repository);
            Assert.Equal(0, TestRepo.Run("git", new[] { "init", "-q", repository }, _dir, TimeSpan.FromMinutes(1)).ExitCode);
            File.WriteAllText(Path.Combine(repository, ".gitignore"), "*.secret.sh\n");

            Assert.Contains("not git-ignored", ScriptLocation.Refusal(Path.Combine(repository, "provision.sh")));
            Assert.Null(ScriptLocation.Refusal(Path.Combine(repository, "provision.secret.sh")));
            Assert.Null(ScriptLocation.Refusal(Path.Combine(_dir, "outside.sh")));

            string existing = Path.Combine(_dir, "existing.sh");
            File.WriteAllText(existing, "old");
            Assert.Contains("already exists", ScriptLocation.Refusal(existing));
            Assert.Throws<IOException>(() => ScriptLocation.CreatePrivate(existing, "new"));
            Assert.Equal("old", File.ReadAllText(existing));
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private static MovedValue Move(int number, StoreKind store, string name, string value)
        {
            var finding = new Finding("SECRETS003", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, "Connection string contains a hard-coded password", "App", "/src/App/Db.cs", "App/Db.cs", 3, 5, 3, 20, "ConnectionString");
            return new MovedValue(number, store, name, value, "SECRETS003", "ConnectionString", "App", "App/Db.cs:3:5", finding);
        }
    }
}
