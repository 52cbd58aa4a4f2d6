using System.Text.Json;
using System.Text.RegularExpressions;
using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>
    /// Config and deployment files, from the packed nupkg: the package's targets pass the project folder's
    /// aws-lambda-tools-defaults.json, template.yaml and appsettings.json to the analyzer, which reports in them at the
    /// exact line and column, in the build log and in SARIF; .editorconfig silences them; and the analyzer loads and runs
    /// without AD0001 or a load warning in the SDK's compiler and in Microsoft.Net.Compilers.Toolset 4.14.0.
    /// </summary>
    [Collection(EndToEndCollection.Name)]
    public sealed class ConfigFileTests
    {
        private const string ToolsDefaults = """
            {
              "profile": "",
              "region": "eu-west-1",
              "function-handler": "OrdersFunction::OrdersFunction.Function::Handle",
              // Written by `dotnet lambda deploy-function`.
              "function-role": "arn:aws:iam::560788957781:role/lambda-orders",
            }
            """;

        private static readonly string Template = $$"""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: OrdersFunction::OrdersFunction.Function::Handle
                  Role: arn:aws:iam::560788957781:role/orders-lambda   # bound to one account
                  Environment:
                    Variables:
                      ORDERS_DB: "Host=orders-db;Database=orders;Username=app;Password={{FakeCredentials.DatabasePassword}}"
                      OWN_ROLE: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/own"
            """;

        private static readonly string AppSettings = $$"""
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "ConnectionStrings": {
                "Orders": "Server=orders-db;Database=orders;User Id=app;Password={{FakeCredentials.DatabasePassword}}"
              }
            }
            """;

        private const string Code = """
            namespace OrdersFunction
            {
                public class Function
                {
                    public string Handle(string input) => input;
                }
            }
            """;

        private readonly PackedPackage package;

        public ConfigFileTests(PackedPackage package)
        {
            this.package = package;
        }

        /// <summary>Where each finding must be: file, 1-based line and column of the reported text, rule.</summary>
        private static IEnumerable<(string File, int Line, int Column, string Rule)> ExpectedFindings()
        {
            yield return Locate("aws-lambda-tools-defaults.json", ToolsDefaults, "arn:aws:iam::560788957781:role/lambda-orders", "SECRETS004");
            yield return Locate("template.yaml", Template, "arn:aws:iam::560788957781:role/orders-lambda", "SECRETS004");
            yield return Locate("template.yaml", Template, FakeCredentials.DatabasePassword, "SECRETS003");
            yield return Locate("appsettings.json", AppSettings, FakeCredentials.DatabasePassword, "SECRETS003");
        }

        private static (string, int, int, string) Locate(string file, string text, string value, string rule)
        {
            int offset = text.IndexOf(value, StringComparison.Ordinal);
            Assert.True(offset >= 0);
            int line = text.Take(offset).Count(c => c == '\n') + 1;
            int column = offset - (text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1) + 1;
            return (file, line, column, rule);
        }

        private ConsumerProject NewConsumer(string name, string extraItems = "")
        {
            var consumer = new ConsumerProject(package, name);
            consumer.WriteProject(extraItems: extraItems);
            consumer.WriteFile("OrdersFunction/Function.cs", Code);
            consumer.WriteFile("OrdersFunction/aws-lambda-tools-defaults.json", ToolsDefaults);
            consumer.WriteFile("OrdersFunction/template.yaml", Template);
            consumer.WriteFile("OrdersFunction/appsettings.json", AppSettings);
            return consumer;
        }

        private static void AssertFindingsInConfigFiles(ProcessResult build, string severity)
        {
            foreach ((string file, int line, int column, string rule) in ExpectedFindings())
            {
                var pattern = new Regex(Regex.Escape(file) + @"\(" + line + "," + column + @"\): " + severity + " " + rule + ":", RegexOptions.None, TimeSpan.FromSeconds(5));
                Assert.True(pattern.IsMatch(build.Output), $"expected `{file}({line},{column}): {severity} {rule}` in the output. " + build);
            }

            Assert.Contains("in template.yaml at 'Resources.OrdersFunction.Properties.Role'", build.Output, StringComparison.Ordinal);
            Assert.Contains("in appsettings.json at 'ConnectionStrings:Orders'", build.Output, StringComparison.Ordinal);
            AssertLoadedCleanly(build);
        }

        private static void AssertLoadedCleanly(ProcessResult build)
        {
            // AD0001: an analyzer threw. CS8032/CS8033/CS8034: an analyzer could not be loaded or created.
            foreach (string id in new[] { "AD0001", "CS8032", "CS8033", "CS8034", "CS8784", "CS8785" })
            {
                Assert.False(build.Output.Contains(id, StringComparison.Ordinal), $"{id} in the output. " + build);
            }

            BuildAssert.HoldsNoSecret(build.Output, "the build log");
        }

        [Fact]
        public void WarnAsError_FailsOnConfigFiles_AtTheirLines_AndSarifPointsThere()
        {
            ConsumerProject consumer = NewConsumer("config-files");
            string sarifPath = Path.Combine(consumer.Directory, "config.sarif");

            ProcessResult build = consumer.Build("-warnaserror", "-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");

            BuildAssert.Failed(build);
            AssertFindingsInConfigFiles(build, "error");
            BuildAssert.DoesNotReport(build, "SECRETS001");

            string text = File.ReadAllText(sarifPath);
            BuildAssert.HoldsNoSecret(text, "the SARIF file");
            using JsonDocument sarif = JsonDocument.Parse(text);
            JsonElement run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonElement result in run.GetProperty("results").EnumerateArray())
            {
                string rule = result.GetProperty("ruleId").GetString()!;
                if (!rule.StartsWith("SECRETS", StringComparison.Ordinal))
                {
                    continue;
                }

                JsonElement physical = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                string uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                JsonElement region = physical.GetProperty("region");
                reported.Add(uri[(uri.LastIndexOf('/') + 1)..] + ":" + region.GetProperty("startLine").GetInt32() + ":" + region.GetProperty("startColumn").GetInt32() + ":" + rule);
            }

            Assert.Equal(
                ExpectedFindings().Select(f => f.File + ":" + f.Line + ":" + f.Column + ":" + f.Rule).Order(StringComparer.Ordinal),
                reported.Order(StringComparer.Ordinal));
        }

        [Fact]
        public void OlderCompiler_Toolset414_LoadsAndRunsTheAnalyzer()
        {
            ConsumerProject consumer = NewConsumer(
                "config-files-toolset",
                """<PackageReference Include="Microsoft.Net.Compilers.Toolset" Version="4.14.0" PrivateAssets="all" />""");

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Failed(build);
            Assert.Contains("microsoft.net.compilers.toolset", build.Output.ToLowerInvariant() + File.ReadAllText(Path.Combine(consumer.Directory, "OrdersFunction", "obj", "project.assets.json")).ToLowerInvariant(), StringComparison.Ordinal);
            AssertFindingsInConfigFiles(build, "error");
        }

        [Fact]
        public void EditorConfigSectionSeverityNone_SilencesConfigFiles_EvenWithWarnAsError()
        {
            ConsumerProject consumer = NewConsumer("config-files-none");
            consumer.WriteFile(".editorconfig", """
                root = true

                [*.{json,yaml}]
                secrets_analyzer.severity = none
                """);

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Succeeded(build);
            Assert.DoesNotContain("SECRETS00", build.Output, StringComparison.Ordinal);
            AssertLoadedCleanly(build);
        }

        [Fact]
        public void ScanConfigFilesFalse_LeavesThemOut()
        {
            ConsumerProject consumer = NewConsumer("config-files-off");

            ProcessResult build = consumer.Build("-warnaserror", "-p:SecretsAnalyzerScanConfigFiles=false");

            BuildAssert.Succeeded(build);
            Assert.DoesNotContain("SECRETS00", build.Output, StringComparison.Ordinal);
        }
    }
}
