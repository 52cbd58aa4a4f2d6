using System.Text.RegularExpressions;

namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    internal static class BuildAssert
    {
        public static void Succeeded(ProcessResult build) =>
            Assert.True(build.ExitCode == 0, "expected the build to pass. " + build);

        public static void Failed(ProcessResult build)
        {
            Assert.True(build.ExitCode != 0, "expected the build to fail. " + build);
            Assert.Contains("Build FAILED.", build.Output, StringComparison.Ordinal);
        }

        /// <summary>The build reported <paramref name="ruleId"/> at <paramref name="severity"/> on a source line.</summary>
        public static void Reports(ProcessResult build, string severity, string ruleId)
        {
            var pattern = new Regex(@"\.cs\(\d+,\d+\): " + severity + " " + ruleId + ":", RegexOptions.None, TimeSpan.FromSeconds(5));
            Assert.True(pattern.IsMatch(build.Output), $"expected `{severity} {ruleId}` in the output. " + build);
        }

        public static void DoesNotReport(ProcessResult build, string ruleId) =>
            Assert.False(build.Output.Contains(" " + ruleId + ":", StringComparison.Ordinal), $"expected no {ruleId}. " + build);

        /// <summary>
        /// No fake secret appears, whole or in part: no run of 8 characters of any secret value (a key ID's message
        /// may show its 4-character prefix and last 4 characters, nothing more).
        /// </summary>
        public static void HoldsNoSecret(string text, string what)
        {
            foreach (string secret in FakeCredentials.All)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} holds the secret value {secret}");
                for (int i = 0; i + 8 <= secret.Length; i++)
                {
                    string part = secret.Substring(i, 8);
                    Assert.False(text.Contains(part, StringComparison.Ordinal), $"{what} holds '{part}', part of the secret value {secret}");
                }
            }
        }
    }
}
