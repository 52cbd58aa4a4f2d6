using SecretsAnalyzer.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>
    /// The packed nupkg, restored from a local feed by a consumer project and built by `dotnet build`: the build
    /// gate (warnings as errors in its three spellings) fails on a hard-coded key and passes once it is gone.
    /// </summary>
    public sealed class MSBuildClientTests : IClassFixture<PackedPackage>
    {
        private readonly PackedPackage package;
        private readonly ITestOutputHelper output;

        public MSBuildClientTests(PackedPackage package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public void WarnAsError_FailsWithSecrets001AndSecrets002_AndTheLogHoldsNoSecret()
        {
            ConsumerProject consumer = NewConsumer("warnaserror", FakeCredentials.CredentialsWithKey);

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Failed(build);
            BuildAssert.Reports(build, "error", "SECRETS001");
            BuildAssert.Reports(build, "error", "SECRETS002");
            BuildAssert.HoldsNoSecret(build.Output, "the build log");
            // The message names the key by its prefix and last four characters only.
            Assert.Contains(FakeCredentials.KeyId[..4] + "…" + FakeCredentials.KeyId[^4..], build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void WithoutTheKey_WarnAsError_BuildsClean()
        {
            ConsumerProject consumer = NewConsumer("clean", FakeCredentials.CredentialsWithoutKey);

            ProcessResult build = consumer.Build("-warnaserror");

            BuildAssert.Succeeded(build);
            Assert.DoesNotContain("SECRETS00", build.Output, StringComparison.Ordinal);
            Assert.Contains("0 Warning(s)", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void TreatWarningsAsErrors_FailsOnTheKey_AndPassesOnceItIsGone()
        {
            ConsumerProject consumer = NewConsumer("twae", FakeCredentials.CredentialsWithKey);
            consumer.WriteProject("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

            ProcessResult withKey = consumer.Build();
            BuildAssert.Failed(withKey);
            BuildAssert.Reports(withKey, "error", "SECRETS001");
            BuildAssert.Reports(withKey, "error", "SECRETS002");

            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", FakeCredentials.CredentialsWithoutKey);
            ProcessResult withoutKey = consumer.Build();
            BuildAssert.Succeeded(withoutKey);
            Assert.DoesNotContain("SECRETS00", withoutKey.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void WarnAsErrorForSecrets001Only_FailsOnTheKey_AndPassesOnceItIsGone()
        {
            ConsumerProject consumer = NewConsumer("warnaserror001", FakeCredentials.CredentialsWithKey);

            ProcessResult withKey = consumer.Build("-warnaserror:SECRETS001");
            BuildAssert.Failed(withKey);
            BuildAssert.Reports(withKey, "error", "SECRETS001");
            // Only the named rule becomes an error: the secret key stays a warning.
            BuildAssert.Reports(withKey, "warning", "SECRETS002");

            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", FakeCredentials.CredentialsWithoutKey);
            ProcessResult withoutKey = consumer.Build("-warnaserror:SECRETS001");
            BuildAssert.Succeeded(withoutKey);
            Assert.DoesNotContain("SECRETS00", withoutKey.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void WithoutWarningsAsErrors_TheKeyIsAWarning_AndTheBuildPasses()
        {
            ConsumerProject consumer = NewConsumer("defaults", FakeCredentials.CredentialsWithKey);

            ProcessResult build = consumer.Build();

            BuildAssert.Succeeded(build);
            BuildAssert.Reports(build, "warning", "SECRETS001");
            BuildAssert.Reports(build, "warning", "SECRETS002");
        }

        private ConsumerProject NewConsumer(string name, string credentialsSource)
        {
            var consumer = new ConsumerProject(package, name);
            consumer.WriteFile("OrdersFunction/OrdersCredentials.cs", credentialsSource);
            output.WriteLine("consumer: " + consumer.Directory);
            return consumer;
        }
    }
}
