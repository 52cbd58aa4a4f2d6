using System.Threading.Tasks;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>SECRETS003 (the whole connection string moves) and SECRETS004 (role ARN fixes).</summary>
    public class ConnectionStringAndRoleArnFixTests
    {
        private static SecretsCodeFixTest Test(string source, string fixedSource, FixKind kind, bool first = true)
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = first ? FixKinds.RecommendedKey : FixKinds.Key(kind),
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(kind), action.Title),
            };
            test.ExpectHelper();
            return test;
        }

        [Fact]
        public Task ConnectionStringInStaticReadonlyField_MovesWhole() => Test(@"
namespace TestProject
{
    public static class OrdersDatabase
    {
        public static readonly string ConnectionString =
            ""Host=orders-db.internal;Port=5432;Database=orders;Username=orders_app;Password={|SECRETS003:Tr0ub4dor&3-orders|}"";
    }
}", @"
namespace TestProject
{
    public static class OrdersDatabase
    {
        public static string ConnectionString =>
            SecretStore.GetSecret(""orders-database/connection-string"");
    }
}", FixKind.ReadFromSecretsManager).RunAsync();

        [Fact]
        public Task ConstantConcatenation_MovesWhole() => Test(@"
namespace TestProject
{
    public static class Reporting
    {
        private const string Host = ""reporting-db.internal"";

        public static string Connection() => ""Server="" + Host + "";Database=reports;User Id=reporter;Password="" + ""{|SECRETS003:Xy9!kLm2#Reports|}"";
    }
}", @"
namespace TestProject
{
    public static class Reporting
    {
        private const string Host = ""reporting-db.internal"";

        public static string Connection() => SecretStore.GetSecret(""reporting/connection"");
    }
}", FixKind.ReadFromSecretsManager).RunAsync();

        [Fact]
        public Task ConnectionStringInAsyncMethod_ReadFromParameterStore() => Test(@"
using System.Threading.Tasks;

namespace TestProject
{
    public class Repository
    {
        public async Task<int> CountAsync()
        {
            var connectionString = ""Server=sql.internal;Database=orders;User Id=app;Password={|SECRETS003:q7Lm2xVb9RtZ4wKp|};"";
            await Task.Yield();
            return connectionString.Length;
        }
    }
}", @"
using System.Threading.Tasks;

namespace TestProject
{
    public class Repository
    {
        public async Task<int> CountAsync()
        {
            var connectionString = await SecretStore.GetParameterAsync(""/repository/count-connection-string"");
            await Task.Yield();
            return connectionString.Length;
        }
    }
}", FixKind.ReadFromParameterStore, first: false).RunAsync();

        [Fact]
        public Task InterpolationWithHoles_GetsNoFix()
        {
            const string source = @"
namespace TestProject
{
    public class Repository
    {
        public string Connection(string host) => $""Server={host};Database=orders;User Id=app;Password={|SECRETS003:q7Lm2xVb9RtZ4wKp|};"";
    }
}";
            return new SecretsCodeFixTest { TestCode = source, FixedCode = source }.RunAsync();
        }

        [Fact]
        public Task RoleArnInObjectInitializer_ReadFromParameterStore_InAsyncMethod() => Test(@"
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace TestProject
{
    public class CrossAccount
    {
        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        public async Task<Credentials> AssumeReaderAsync()
        {
            var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = ""{|SECRETS004:arn:aws:iam::560788957781:role/OrdersReader|}"",
                RoleSessionName = ""orders"",
            });
            return response.Credentials;
        }
    }
}", @"
using System.Threading.Tasks;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace TestProject
{
    public class CrossAccount
    {
        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        public async Task<Credentials> AssumeReaderAsync()
        {
            var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = await SecretStore.GetParameterAsync(""/cross-account/assume-reader-role-arn""),
                RoleSessionName = ""orders"",
            });
            return response.Credentials;
        }
    }
}", FixKind.ReadRoleArnFromParameterStore).RunAsync();

        [Fact]
        public Task RoleArnInHandler_BuiltFromTheInvokingAccount() => Test(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace TestProject
{
    public class Function
    {
        public async Task<string> Handle(string input, ILambdaContext context)
        {
            using var sts = new AmazonSecurityTokenServiceClient();
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = ""{|SECRETS004:arn:aws:iam::134089144176:role/audit/OrdersAuditor|}"",
                RoleSessionName = input,
            });
            return response.AssumedRoleUser.Arn;
        }
    }
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace TestProject
{
    public class Function
    {
        public async Task<string> Handle(string input, ILambdaContext context)
        {
            using var sts = new AmazonSecurityTokenServiceClient();
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = SecretStore.RoleArnInInvokingAccount(context.InvokedFunctionArn, ""role/audit/OrdersAuditor""),
                RoleSessionName = input,
            });
            return response.AssumedRoleUser.Arn;
        }
    }
}", FixKind.BuildRoleArnFromInvokingAccount, first: false).RunAsync();

        [Fact]
        public Task RoleArnInSyncMethodWithoutContext_ReadFromParameterStore() => Test(@"
namespace TestProject
{
    internal static class Roles
    {
        internal static string Shared() => ""{|SECRETS004:arn:aws:iam::451307871560:role/SharedReports|}"";
    }
}", @"
namespace TestProject
{
    internal static class Roles
    {
        internal static string Shared() => SecretStore.GetParameter(""/roles/shared"");
    }
}", FixKind.ReadRoleArnFromParameterStore).RunAsync();
    }
}
