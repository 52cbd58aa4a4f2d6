using System.Text.Json;
using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>`-p:ErrorLog=file%2Cversion=2.1`: a valid SARIF 2.1 file with the rules, their help URIs, and no secret.</summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class SarifTests
    {
        private readonly PackedPackage package;

        public SarifTests(PackedPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void ErrorLogVersion21_IsValidSarif_WithRuleIdsAndHelpUris_AndNoSecretText()
        {
            var consumer = new ConsumerProject(package, "sarif");
            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", FakeCredentials.CredentialsWithKey);
            consumer.WriteFile("OrdersFunction/Legacy.cs", FakeCredentials.MoreSecrets);
            string sarifPath = Path.Combine(consumer.Directory, "secrets.sarif");

            ProcessResult build = consumer.Build("-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");

            BuildAssert.Succeeded(build);
            Assert.True(File.Exists(sarifPath), "no SARIF file. " + build);
            string text = File.ReadAllText(sarifPath);
            BuildAssert.HoldsNoSecret(text, "the SARIF file");
            BuildAssert.HoldsNoSecret(build.Output, "the build log");

            using JsonDocument sarif = JsonDocument.Parse(text);
            JsonElement root = sarif.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            // Roslyn writes the schemastore name of the 2.1.0 schema (http://json.schemastore.org/sarif-2.1.0).
            Assert.Matches("sarif-(schema-)?2\\.1\\.0(\\.json)?$", root.GetProperty("$schema").GetString());
            JsonElement run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");

            var rules = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonElement rule in driver.GetProperty("rules").EnumerateArray())
            {
                rules[rule.GetProperty("id").GetString()!] = rule;
            }

            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SECRETS", StringComparison.Ordinal))
                .ToList();
            string[] reported = results.Select(r => r.GetProperty("ruleId").GetString()!).Distinct().Order().ToArray();
            Assert.Contains(RuleIds.AwsAccessKeyId, reported);
            Assert.Contains(RuleIds.AwsSecretKey, reported);

            // Each rule reported is described, with its help link and the Security category.
            foreach (string id in reported)
            {
                Assert.True(rules.TryGetValue(id, out JsonElement rule), $"{id} has results but no rule entry");
                Assert.Equal(RuleIds.HelpLink(id), rule.GetProperty("helpUri").GetString());
                Assert.Equal(RuleIds.Category, rule.GetProperty("properties").GetProperty("category").GetString());
                Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            }

            // Key IDs in code and in the comment, the session key ID, the two secret keys and the token.
            Assert.Equal(3, results.Count(r => r.GetProperty("ruleId").GetString() == RuleIds.AwsAccessKeyId));
            Assert.True(results.Count(r => r.GetProperty("ruleId").GetString() == RuleIds.AwsSecretKey) >= 2);
            foreach (JsonElement result in results)
            {
                Assert.Equal("warning", result.GetProperty("level").GetString());
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
                JsonElement location = Assert.Single(result.GetProperty("locations").EnumerateArray());
                JsonElement physical = location.GetProperty("physicalLocation");
                Assert.EndsWith(".cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
                Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            }

            JsonElement keyIdResult = results.First(r =>
                r.GetProperty("ruleId").GetString() == RuleIds.AwsAccessKeyId
                && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")
                    .GetProperty("uri").GetString()!.EndsWith("OrdersCredentials.cs", StringComparison.Ordinal));
            JsonElement region = keyIdResult.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            string line = FakeCredentials.CredentialsWithKey.Split('\n')[region.GetProperty("startLine").GetInt32() - 1];
            // SARIF columns are 1-based; the squiggle covers exactly the key.
            int startColumn = region.GetProperty("startColumn").GetInt32();
            int endColumn = region.GetProperty("endColumn").GetInt32();
            Assert.Equal(FakeCredentials.KeyId, line.Substring(startColumn - 1, endColumn - startColumn));
        }
    }
}
