using System.Threading.Tasks;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    public class ExecutionRoleFixTests
    {
        [Fact]
        public async Task CredentialsInClientConstructor_AreRemoved()
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = @"
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

class Function
{
    public async Task<int> Handle(string input)
    {
        // Pasted keys.
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(""{|SECRETS001:AKIAZ7Q3XK4WJ2MNB5RT|}"", ""{|SECRETS002: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|}""), RegionEndpoint.EUWest1);
        return await Task.FromResult(input.Length);
    }
}",
                FixedCode = @"
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

class Function
{
    public async Task<int> Handle(string input)
    {
        // Pasted keys.
        using var s3 = new AmazonS3Client(RegionEndpoint.EUWest1);
        return await Task.FromResult(input.Length);
    }
}",
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.UseExecutionRole), action.Title),
            };
            await test.RunAsync();
        }

        private static SecretsCodeFixTest Role(string source, string fixedSource) => new SecretsCodeFixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = FixKinds.RecommendedKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.UseExecutionRole), action.Title),
        };

        [Fact]
        public Task KeysInClientConstructor_AreRemoved() => Role(@"
using Amazon;
using Amazon.S3;

class Exports
{
    public AmazonS3Client Client() => new AmazonS3Client(""{|SECRETS001:AKIA5SWWRW2WL4XVJKMX|}"", ""{|SECRETS002: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|}"", RegionEndpoint.EUCentral1);
}", @"
using Amazon;
using Amazon.S3;

class Exports
{
    public AmazonS3Client Client() => new AmazonS3Client(RegionEndpoint.EUCentral1);
}").RunAsync();

        [Fact]
        public Task StandaloneCredentials_ComeFromTheDefaultChain() => Role(@"
using Amazon.Runtime;
using Amazon.S3;

class Uploader
{
    public AmazonS3Client Create()
    {
        var credentials = new BasicAWSCredentials(""{|SECRETS001:AKIAHXCTGSVSWI22X5JK|}"", ""{|SECRETS002: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|}"");
        return new AmazonS3Client(credentials);
    }
}", @"
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;

class Uploader
{
    public AmazonS3Client Create()
    {
        var credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
        return new AmazonS3Client(credentials);
    }
}").RunAsync();

        [Fact]
        public Task SessionCredentialsReturnedAsAwsCredentials_ComeFromTheDefaultChain() => Role(@"
using Amazon.Runtime;

class Temporary
{
    public AWSCredentials Get() => new SessionAWSCredentials(
        ""{|SECRETS001:ASIAIZA6RP6CP7RJSS76|}"",
        ""{|SECRETS002:pcqMKRLd7SUqeaG6nyb229X8YzL7iMa3K8Nsv9+Q|}"",
        ""{|SECRETS002:IQoJb3JpZ2luX2VjXX2HdNK44cjXQVIoSTsp5svg+LRTlGrwQ2d8m3Dze9n2cldhT/7JZjyUDevwBJSMglyU59Fo95X07mVvp+DKOHQ9UODdfdFd2lA2D|}"");
}", @"
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

class Temporary
{
    public AWSCredentials Get() => DefaultAWSCredentialsIdentityResolver.GetCredentials();
}").RunAsync();

        [Fact]
        public async Task EnvironmentVariables_AreRemoved_AndTheCommentStays()
        {
            var test = Role(@"
using System;

// The worker's own keys, ""temporarily"".
Environment.SetEnvironmentVariable(""AWS_ACCESS_KEY_ID"", ""{|SECRETS001:AKIAJ3DEORFEBV3EZ7DH|}"");
Environment.SetEnvironmentVariable(""AWS_SECRET_ACCESS_KEY"", ""{|SECRETS002: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|}"");
Console.WriteLine(""ready"");
", @"
using System;

// The worker's own keys, ""temporarily"".
Console.WriteLine(""ready"");
");
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public Task ParameterStoreAction_IsOfferedToo_ForKeysInAConstructor()
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = @"
using Amazon;
using Amazon.S3;

namespace TestProject
{
    class Exports
    {
        public AmazonS3Client Client() => new AmazonS3Client(""{|SECRETS001:AKIASIPX5YLIBVFCFH5P|}"", ""{|SECRETS002: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|}"", RegionEndpoint.EUCentral1);
    }
}",
                FixedCode = @"
using Amazon;
using Amazon.S3;

namespace TestProject
{
    class Exports
    {
        public AmazonS3Client Client() => new AmazonS3Client(SecretStore.GetParameter(""/exports/client-aws-access-key-id""), SecretStore.GetParameter(""/exports/client-aws-secret-access-key""), RegionEndpoint.EUCentral1);
    }
}",
                CodeActionEquivalenceKey = FixKinds.ReadFromParameterStoreKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromParameterStore), action.Title),
            };
            test.ExpectHelper();
            return test.RunAsync();
        }
    }
}
