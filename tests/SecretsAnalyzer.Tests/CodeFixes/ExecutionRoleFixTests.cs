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
                CodeActionEquivalenceKey = FixKinds.UseExecutionRoleKey,
            };
            await test.RunAsync();
        }
    }
}
