using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>Severity from .editorconfig, from a global config, and from the package's strict preset.</summary>
    public sealed class SeverityConfigurationTests : IClassFixture<PackedPackage>
    {
        private readonly PackedPackage package;

        public SeverityConfigurationTests(PackedPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void EditorConfig_None_SilencesTheRules_EvenWithWarnAsError()
        {
            ConsumerProject consumer = NewConsumer("editorconfig-none");
            consumer.WriteFile(".editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.SECRETS001.severity = none
                dotnet_diagnostic.SECRETS002.severity = none
                """);

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Succeeded(build);
            Assert.DoesNotContain("SECRETS00", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void EditorConfig_Error_FailsTheBuild_WithoutWarnAsError()
        {
            ConsumerProject consumer = NewConsumer("editorconfig-error");
            consumer.WriteFile(".editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.SECRETS001.severity = error
                """);

            ProcessResult build = consumer.Build();

            BuildAssert.Failed(build);
            BuildAssert.Reports(build, "error", "SECRETS001");
            BuildAssert.Reports(build, "warning", "SECRETS002");
        }

        [Fact]
        public void GlobalConfig_None_SilencesTheRules_EvenWithWarnAsError()
        {
            ConsumerProject consumer = NewConsumer("globalconfig-none");
            consumer.WriteFile("secrets.globalconfig", """
                is_global = true

                dotnet_diagnostic.SECRETS001.severity = none
                dotnet_diagnostic.SECRETS002.severity = none
                """);
            consumer.WriteProject(extraItems: """<GlobalAnalyzerConfigFiles Include="../secrets.globalconfig" />""");

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Succeeded(build);
            Assert.DoesNotContain("SECRETS00", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void GlobalConfigFile_Error_FailsTheBuild_WithoutWarnAsError()
        {
            // A file named .globalconfig next to the project is picked up without any MSBuild item.
            ConsumerProject consumer = NewConsumer("globalconfig-error");
            consumer.WriteFile("OrdersFunction/.globalconfig", """
                is_global = true

                dotnet_diagnostic.SECRETS002.severity = error
                """);

            ProcessResult build = consumer.Build();

            BuildAssert.Failed(build);
            BuildAssert.Reports(build, "error", "SECRETS002");
            BuildAssert.Reports(build, "warning", "SECRETS001");
        }

        [Fact]
        public void StrictPreset_MakesEveryRuleAnError_AndPassesOnceTheKeyIsGone()
        {
            ConsumerProject consumer = NewConsumer("strict");
            consumer.WriteProject("<SecretsAnalyzerStrict>true</SecretsAnalyzerStrict>");

            ProcessResult strict = consumer.Build();
            BuildAssert.Failed(strict);
            BuildAssert.Reports(strict, "error", "SECRETS001");
            BuildAssert.Reports(strict, "error", "SECRETS002");

            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", FakeCredentials.CredentialsWithoutKey);
            ProcessResult clean = consumer.Build();
            BuildAssert.Succeeded(clean);
            Assert.DoesNotContain("SECRETS00", clean.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void StrictPreset_YieldsToAnEditorConfigSeverity()
        {
            // The preset is a global config at global_level -1: a team's own .editorconfig still wins.
            ConsumerProject consumer = NewConsumer("strict-editorconfig");
            consumer.WriteProject("<SecretsAnalyzerStrict>true</SecretsAnalyzerStrict>");
            consumer.WriteFile(".editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.SECRETS002.severity = warning
                """);

            ProcessResult build = consumer.Build();

            BuildAssert.Failed(build);
            BuildAssert.Reports(build, "error", "SECRETS001");
            BuildAssert.Reports(build, "warning", "SECRETS002");
        }

        private ConsumerProject NewConsumer(string name)
        {
            var consumer = new ConsumerProject(package, name);
            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", FakeCredentials.CredentialsWithKey);
            return consumer;
        }
    }
}
