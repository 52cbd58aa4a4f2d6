using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>SECRETS005: the value given to an authentication API moves to Secrets Manager or Parameter Store.</summary>
    public class AuthenticationSecretFixTests
    {
        private static SecretsCodeFixTest Test(string source, string fixedSource, FixKind kind = FixKind.ReadFromSecretsManager, bool first = true, string[]? extra = null)
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = first ? FixKinds.RecommendedKey : FixKinds.Key(kind),
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(kind), action.Title),
            };
            foreach (string stub in extra ?? System.Array.Empty<string>())
            {
                test.TestState.Sources.Add(("/0/Stub.cs", stub));
                test.FixedState.Sources.Add(("/0/Stub.cs", stub));
            }

            test.ExpectHelper();
            return test;
        }

        [Fact]
        public Task NetworkCredentialPassword_MovesToSecretsManager() => Test(@"
using System.Net;
using System.Net.Mail;

namespace TestProject
{
    public class MailNotifier
    {
        public SmtpClient Relay() => new SmtpClient(""smtp.mail.orders.example"", 587)
        {
            Credentials = new NetworkCredential(""orders-relay"", ""{|SECRETS005:Wq7!fR2mKp9z|}""),
        };
    }
}", @"
using System.Net;
using System.Net.Mail;

namespace TestProject
{
    public class MailNotifier
    {
        public SmtpClient Relay() => new SmtpClient(""smtp.mail.orders.example"", 587)
        {
            Credentials = new NetworkCredential(""orders-relay"", SecretStore.GetSecret(""mail-notifier/relay-password"")),
        };
    }
}").RunAsync();

        [Fact]
        public Task HmacKey_KeepsTheEncodingCall_ParameterStore() => Test(@"
using System.Security.Cryptography;
using System.Text;

namespace TestProject
{
    public static class Webhooks
    {
        public static HMAC Verifier() => new HMACSHA256(Encoding.UTF8.GetBytes(""{|SECRETS005:whsec_Lq8Rz2Xw7Kp4Mv9Tn3Hb6Yc|}""));
    }
}", @"
using System.Security.Cryptography;
using System.Text;

namespace TestProject
{
    public static class Webhooks
    {
        public static HMAC Verifier() => new HMACSHA256(Encoding.UTF8.GetBytes(SecretStore.GetParameter(""/webhooks/verifier-s"")));
    }
}", FixKind.ReadFromParameterStore, first: false).RunAsync();

        [Fact]
        public Task SymmetricSecurityKey_KeepsTheEncodingCall() => Test(@"
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TestProject
{
    public static class Jwt
    {
        public static SymmetricSecurityKey SigningKey() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(""{|SECRETS005:9fK2mQ7xLp4Wz8Rt1Vn6Bc3Hy5Gj0Ds|}""));
    }
}", @"
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace TestProject
{
    public static class Jwt
    {
        public static SymmetricSecurityKey SigningKey() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SecretStore.GetSecret(""jwt/signing-key-s"")));
    }
}", extra: new[] { LambdaStubs.IdentityModelTokens }).RunAsync();

        [Fact]
        public Task NamedConstant_DeclarationMoves() => Test(@"
namespace TestProject
{
    public class PaymentsClient
    {
        private static readonly string PaymentsApiToken = ""{|SECRETS005:pt_8Kq2Lw9Xp4Rz7Tv1Mn6B|}"";

        public string Token() => PaymentsApiToken;
    }
}", @"
namespace TestProject
{
    public class PaymentsClient
    {
        private static string PaymentsApiToken => SecretStore.GetSecret(""payments-client/payments-api-token"");

        public string Token() => PaymentsApiToken;
    }
}").RunAsync();

        [Fact]
        public Task FixAll_EverySinkInTheDocument()
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = @"
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TestProject
{
    public class Partner
    {
        public void Configure(HttpClient client, NetworkCredential credential)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", ""{|SECRETS005:FYY#kv5ZJr3J1TWDtkwtDD|}"");
            client.DefaultRequestHeaders.Add(""X-Api-Key"", ""{|SECRETS005:b!xHKas1_VOq^g6YYZYn9Zhy|}"");
            credential.Password = ""{|SECRETS005:_2O76UMFxFkM-#R5|}"";
        }
    }
}",
                FixedCode = @"
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TestProject
{
    public class Partner
    {
        public void Configure(HttpClient client, NetworkCredential credential)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", SecretStore.GetSecret(""partner/configure-parameter""));
            client.DefaultRequestHeaders.Add(""X-Api-Key"", SecretStore.GetSecret(""partner/configure-value""));
            credential.Password = SecretStore.GetSecret(""partner/configure-password"");
        }
    }
}",
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                NumberOfFixAllIterations = 1,
            };
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck;
            test.ExpectHelper();
            return test.RunAsync();
        }
    }
}
