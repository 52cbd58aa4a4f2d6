using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>"Read from AWS Secrets Manager" in every context; the helper is added once per project.</summary>
    public class SecretsManagerFixTests
    {
        private static SecretsCodeFixTest Test(string source, string fixedSource)
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromSecretsManager), action.Title),
            };
            test.ExpectHelper();
            return test;
        }

        [Fact]
        public Task AsyncMethod_GetsAwaitedLookup_AndUsingIsAdded() => Test(@"
using System.Threading.Tasks;

namespace Orders
{
    class OrdersApiFunction
    {
        public async Task<string> Handle(string input)
        {
            string accessKeyId = /* pasted */ ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}""; // keep me
            return await Task.FromResult(accessKeyId + input);
        }
    }
}", @"
using System.Threading.Tasks;
using TestProject;

namespace Orders
{
    class OrdersApiFunction
    {
        public async Task<string> Handle(string input)
        {
            string accessKeyId = /* pasted */ await SecretStore.GetSecretAsync(""orders-api-function/handle-access-key-id""); // keep me
            return await Task.FromResult(accessKeyId + input);
        }
    }
}").RunAsync();

        [Fact]
        public Task SyncMethod_GetsSynchronousAccessor() => Test(@"
namespace TestProject
{
    class Uploader
    {
        public string KeyId()
        {
            return ""{|SECRETS001:AKIAUL66LDQBWZB2XYA4|}"";
        }
    }
}", @"
namespace TestProject
{
    class Uploader
    {
        public string KeyId()
        {
            return SecretStore.GetSecret(""uploader/key-id"");
        }
    }
}").RunAsync();

        [Fact]
        public Task FieldInitializer_GetsSynchronousAccessor() => Test(@"
namespace TestProject
{
    class OrdersApiFunction
    {
        private static readonly string AccessKeyId = ""{|SECRETS001:AKIA2JDC7VNII2GK3XJD|}"";
        public string Use() => AccessKeyId;
    }
}", @"
namespace TestProject
{
    class OrdersApiFunction
    {
        private static string AccessKeyId => SecretStore.GetSecret(""orders-api-function/access-key-id"");
        public string Use() => AccessKeyId;
    }
}").RunAsync();

        [Fact]
        public Task PropertyInitializer_GetsSynchronousAccessor() => Test(@"
namespace TestProject
{
    class Settings
    {
        public string SecretAccessKey { get; } = ""{|SECRETS002:9Kk1v1MIdzu4xCxf8CvgroOx9ye17SWjAEVaSZJ0|}"";
    }
}", @"
namespace TestProject
{
    class Settings
    {
        public string SecretAccessKey { get; } = SecretStore.GetSecret(""settings/secret-access-key"");
    }
}").RunAsync();

        [Fact]
        public Task UnusedConst_BecomesStaticProperty() => Test(@"
namespace TestProject
{
    static class Keys
    {
        // The deployment user's key.
        internal const string DeployKeyId = ""{|SECRETS001:AKIA5SWWRW2WL4XVJKMX|}"";
    }
}", @"
namespace TestProject
{
    static class Keys
    {
        // The deployment user's key.
        internal static string DeployKeyId => SecretStore.GetSecret(""keys/deploy-key-id"");
    }
}").RunAsync();

        [Fact]
        public Task UsedConst_BecomesStaticProperty_AndUsesStay() => Test(@"
namespace TestProject
{
    class Client
    {
        private const string KeyId = ""{|SECRETS001:AKIAHXCTGSVSWI22X5JK|}"";

        public string Describe() => {|SECRETS001:""key "" + KeyId|};

        public int Length => KeyId.Length;
    }
}", @"
namespace TestProject
{
    class Client
    {
        private static string KeyId => SecretStore.GetSecret(""client/key-id"");

        public string Describe() => ""key "" + KeyId;

        public int Length => KeyId.Length;
    }
}").RunAsync();

        [Fact]
        public Task LocalConstInAsyncMethod_BecomesAwaitedVariable() => Test(@"
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<int> Handle(string input)
        {
            const string keyId = ""{|SECRETS001:AKIAIZA6RP6CP7RJSS76|}"";
            await Task.Yield();
            return keyId.Length + input.Length;
        }
    }
}", @"
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<int> Handle(string input)
        {
            string keyId = await SecretStore.GetSecretAsync(""function/handle-key-id"");
            await Task.Yield();
            return keyId.Length + input.Length;
        }
    }
}").RunAsync();

        [Fact]
        public Task AsyncLambdaHandler_GetsAwaitedLookup() => Test(@"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace TestProject
{
    static class Worker
    {
        public static Func<Stream, ILambdaContext, Task<string>> Handler = async (input, context) =>
        {
            var keyId = ""{|SECRETS001:AKIAJ3DEORFEBV3EZ7DH|}"";
            context.Logger.LogLine(""starting"");
            return await Task.FromResult(keyId);
        };
    }
}", @"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace TestProject
{
    static class Worker
    {
        public static Func<Stream, ILambdaContext, Task<string>> Handler = async (input, context) =>
        {
            var keyId = await SecretStore.GetSecretAsync(""worker/handler-key-id"");
            context.Logger.LogLine(""starting"");
            return await Task.FromResult(keyId);
        };
    }
}").RunAsync();

        [Fact]
        public async Task TopLevelStatements_GetAwaitedLookup()
        {
            var test = Test(@"
using System;

var keyId = ""{|SECRETS001:AKIASIPX5YLIBVFCFH5P|}"";
Console.WriteLine(keyId.Length);
", @"
using System;
using TestProject;

var keyId = await SecretStore.GetSecretAsync(""test-project/key-id"");
Console.WriteLine(keyId.Length);
");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }
    }
}
