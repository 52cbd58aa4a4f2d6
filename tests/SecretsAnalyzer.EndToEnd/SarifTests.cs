using System.Text.Json;
using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>`-p:ErrorLog=file%2Cversion=2.1`: a valid SARIF 2.1 file with the rules, their help URIs, and no secret.</summary>
    public sealed class SarifTests : IClassFixture<PackedPackage>
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

            // Also every decoded string: a JSON escape (\u002B for '+') must not hide a secret from the raw-text search.
            BuildAssert.HoldsNoSecret(string.Join("\n", AllStrings(root)), "the SARIF file's decoded strings");
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            // Roslyn writes the schemastore name of the 2.1.0 schema (http://json.schemastore.org/sarif-2.1.0).
            Assert.Matches("sarif-(schema-)?2\\.1\\.0(\\.json)?$", root.GetProperty("$schema").GetString());
            JsonElement run = Assert.Single(root.GetProperty("runs").EnumerateArray());
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");

            // One entry per rule id. The consumer references neither AWSSDK.SecretsManager nor
            // AWSSDK.SimpleSystemsManagement, the case in which the findings once came with a per-compilation copy of the
            // descriptor, and the compiler listed SECRETS001-004 twice.
            var rules = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (JsonElement rule in driver.GetProperty("rules").EnumerateArray())
            {
                string id = rule.GetProperty("id").GetString()!;
                Assert.True(rules.TryAdd(id, rule) || !id.StartsWith("SECRETS", StringComparison.Ordinal), id + " is listed more than once in tool.driver.rules");
            }

            Assert.DoesNotContain("AWSSDK.SecretsManager", File.ReadAllText(consumer.ProjectPath), StringComparison.Ordinal);
            Assert.DoesNotContain("AWSSDK.SimpleSystemsManagement", File.ReadAllText(consumer.ProjectPath), StringComparison.Ordinal);

            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SECRETS", StringComparison.Ordinal))
                .ToList();
            string[] reported = results.Select(r => r.GetProperty("ruleId").GetString()!).Distinct().Order().ToArray();
            Assert.Contains(RuleIds.AwsAccessKeyId, reported);
            Assert.Contains(RuleIds.AwsSecretKey, reported);

            // Every SecretsAnalyzer rule is described, with its help link and the Security category, and every
            // reported rule is among them.
            Assert.Contains(RuleIds.AwsAccessKeyId, rules.Keys);
            Assert.Contains(RuleIds.AwsSecretKey, rules.Keys);
            Assert.All(reported, id => Assert.Contains(id, rules.Keys));
            foreach (string id in rules.Keys.Where(k => k.StartsWith("SECRETS", StringComparison.Ordinal)))
            {
                JsonElement rule = rules[id];
                Assert.True(rule.TryGetProperty("helpUri", out JsonElement helpUri), id + " has no helpUri");
                Assert.Equal(RuleIds.HelpLink(id), helpUri.GetString());
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

        private static IEnumerable<string> AllStrings(JsonElement element)
        {
            var stack = new Stack<JsonElement>();
            stack.Push(element);
            while (stack.Count > 0)
            {
                JsonElement current = stack.Pop();
                switch (current.ValueKind)
                {
                    case JsonValueKind.String:
                        yield return current.GetString()!;
                        break;
                    case JsonValueKind.Array:
                        foreach (JsonElement item in current.EnumerateArray())
                        {
                            stack.Push(item);
                        }

                        break;
                    case JsonValueKind.Object:
                        foreach (JsonProperty property in current.EnumerateObject())
                        {
                            yield return property.Name;
                            stack.Push(property.Value);
                        }

                        break;
                }
            }
        }
    }
}
