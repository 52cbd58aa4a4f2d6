using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ConnectionStringPasswordAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS003 in test projects: <c>secrets_analyzer.test_hosts</c> and how a test project is recognised.</summary>
    public class ConnectionStringTestProjectTests
    {
        private const string Source = @"
using Npgsql;
using Microsoft.Data.SqlClient;
class Fixture
{
    const string Local = ""Host=localhost;Port=5432;Database=orders;Username=app;Password={|#0:Lh7!bLp2|}"";
    const string Compose = ""Server=sqlserver,1433;Database=orders;User Id=sa;Password={|#1:Cp7!bLp2|}"";
    const string Uri = ""postgres://app:{|#2:Ur7!bLp2|}@127.0.0.1:5432/orders"";
    const string Prod = ""Host=pg-prod.internal;Database=orders;Username=app;Password={|#3:Pr7!bLp2|}"";
    const string NoHost = ""Database=orders;Username=app;Password={|#4:Nh7!bLp2|}"";

    object Builder()
    {
        var b = new NpgsqlConnectionStringBuilder();
        b.Host = ""db.test"";
        b.Password = ""{|#5:Bt7!bLp2|}"";
        return b;
    }
}";

        private static DiagnosticResult Finding(int markup, string? host) =>
            Verify.Diagnostic("SECRETS003").WithLocation(markup).WithArguments(host == null ? string.Empty : " for '" + host + "'", string.Empty);

        private static readonly DiagnosticResult[] All =
        {
            Finding(0, "localhost"), Finding(1, "sqlserver"), Finding(2, "127.0.0.1"), Finding(3, "pg-prod.internal"), Finding(4, null), Finding(5, "db.test"),
        };

        private static Task RunAsync(string? globalConfig, bool referenceXunit, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Source, ReferenceAssemblies = ConnectionStringReferences.Net80WithProviders };
            if (globalConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
            }

            if (referenceXunit)
            {
                test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task OutsideTestProjects_LocalHostsAreReported() => RunAsync(null, referenceXunit: false, All);

        [Fact]
        public Task IsTestProject_LocalHostsAreQuiet_OthersAreReported() =>
            RunAsync("build_property.IsTestProject = true", referenceXunit: false, Finding(3, "pg-prod.internal"), Finding(4, null));

        [Fact]
        public Task IsTestProjectFalse_LocalHostsAreReported() => RunAsync("build_property.IsTestProject = false", referenceXunit: false, All);

        [Fact]
        public Task ReferenceToATestFramework_MakesATestProject() =>
            RunAsync(null, referenceXunit: true, Finding(3, "pg-prod.internal"), Finding(4, null));

        [Fact]
        public Task TestHostsReport_ReportsThemAgain() =>
            RunAsync("build_property.IsTestProject = true\nsecrets_analyzer.test_hosts = report", referenceXunit: false, All);

        [Fact]
        public Task TestHostsReport_PerRule() =>
            RunAsync("build_property.IsTestProject = true\nsecrets_analyzer.SECRETS003.test_hosts = report", referenceXunit: false, All);

        [Fact]
        public Task TestHostsIgnore_IsTheDefault() =>
            RunAsync("build_property.IsTestProject = true\nsecrets_analyzer.test_hosts = ignore", referenceXunit: false, Finding(3, "pg-prod.internal"), Finding(4, null));
    }
}
