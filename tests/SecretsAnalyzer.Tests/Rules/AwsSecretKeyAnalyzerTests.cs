using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.AwsSecretKeyAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS002: a secret key counts only with evidence; every value form and every kind of evidence.</summary>
    public class AwsSecretKeyAnalyzerTests
    {
        // Fresh fake values (random base64), never the AWS documentation examples.
        private const string Key = "AKIAR7TQ2WXZ5MNB3KLD";
        private const string Secret = "q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi";
        private const string Secret2 = "Zt4Kq/9Lm2Xw7Rb5Nc1Vh8Jd3Gf6Ys0Ep+Ua4Oi2";
        private const string Token = "IQoJb3JpZ2luX2VjEN7//////////wEaCWV1LXdlc3QtMSJHMEUCIQDx7Rk2Lz8p4Qm9Vt3Yw6Hs1Ja5Nc0Gb2Kf7Ue4Xi8OdAIgTq3Lw9Zp2Vn6Ms1Rj8Kb4Yh7Fc0Dx5Ga3Ue9Ti2Wo1Qq/gIIchAAGgw5ODc2NTQzMjEwOTgiDPk2Rz7Lm4Vq9Ws3Xt1Yn8Bh5Jc0Gd6Kf2Ue7Ti4Wo3Qp1Ra9Sb5Mc8Nd2Le6Vf0";
        private const string PlainToken = "Wm9vYmFyYmF6cXV4Tm9yZ2x5Rmx1ZmZ5UGFuY2FrZXNXYWZmbGVzQ3JlcGVzQmFnZWxzTXVmZmluc1Njb25lc0Nyb2lzc2FudHNEb251dHNQcmV0emVsc0JyaW9jaGVDaWFiYXR0YUZvY2FjY2lh==";

        private static Task Verify002(string source, params DiagnosticResult[] expected)
            => SecretsTest.Create<AwsSecretKeyAnalyzer>(source, expected).RunAsync();

        [Fact]
        public Task ReceivingParameters() => Verify002($$"""
            using Amazon;
            using Amazon.Runtime;
            using Amazon.S3;
            class C
            {
                AWSCredentials A() => new BasicAWSCredentials("id", "{|SECRETS002:{{Secret}}|}");
                AWSCredentials B() => new SessionAWSCredentials("id", "{|SECRETS002:{{Secret}}|}", "{|SECRETS002:{{Token}}|}");
                AmazonS3Client S() => new AmazonS3Client("id", "{|SECRETS002:{{Secret}}|}", RegionEndpoint.EUWest1);
                AmazonS3Client T() => new AmazonS3Client("id", "{|SECRETS002:{{Secret}}|}", "{|SECRETS002:{{PlainToken}}|}", RegionEndpoint.EUWest1);
                void E()
                {
                    System.Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "{|SECRETS002:{{Secret}}|}");
                    System.Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "{|SECRETS002:{{PlainToken}}|}");
                }
            }
            """);

        [Fact]
        public Task NamesThatSaySecret() => Verify002($$"""
            using System.Collections.Generic;
            class Options { public string SecretAccessKey { get; set; } public string SessionToken { get; set; } }
            class C
            {
                const string AwsSecret = "{|SECRETS002:{{Secret}}|}";
                string secretKey = "{|SECRETS002:{{Secret}}|}";
                string Secret { get; } = "{|SECRETS002:{{Secret}}|}";
                string GetSecretKey() { return "{|SECRETS002:{{Secret}}|}"; }
                Options O = new Options { SecretAccessKey = "{|SECRETS002:{{Secret}}|}", SessionToken = "{|SECRETS002:{{PlainToken}}|}" };
                Dictionary<string, string> D = new() { ["aws_secret_access_key"] = "{|SECRETS002:{{Secret}}|}" };
                Dictionary<string, string> P = new() { { "AWS_SECRET_ACCESS_KEY", "{|SECRETS002:{{Secret}}|}" } };
                void M(string secret = "{|SECRETS002:{{Secret}}|}") { }
                object Anonymous = new { awsSecretAccessKey = "{|SECRETS002:{{Secret}}|}" };
            }
            """);

        [Fact]
        public Task KeyIdSittingWithIt() => Verify002($$"""
            using System.Collections.Generic;
            class Pair { public string Id { get; set; } public string Value { get; set; } }
            class C
            {
                (string, string) T = ("{{Key}}", "{|SECRETS002:{{Secret}}|}");
                string[] A = { "{{Key}}", "{|SECRETS002:{{Secret}}|}" };
                List<string> L = ["{{Key}}", "{|SECRETS002:{{Secret}}|}"];
                Pair P = new Pair { Id = "{{Key}}", Value = "{|SECRETS002:{{Secret}}|}" };
                Dictionary<string, string> D = new() { { "id", "{{Key}}" }, { "value", "{|SECRETS002:{{Secret}}|}" } };
                string Pair(string a, string b) => a + b;
                string Call() => Pair("{{Key}}", "{|SECRETS002:{{Secret}}|}");
                void M(string id = "{{Key}}", string value = "{|SECRETS002:{{Secret}}|}") { }
                void Locals() { string id = "{{Key}}", value = "{|SECRETS002:{{Secret}}|}"; }
            }
            """);

        [Fact]
        public Task WithoutAnyName_FollowsTheValueToWhereItGoes() => Verify002($$"""
            using Amazon;
            using Amazon.Runtime;
            using Amazon.S3;
            class C
            {
                static readonly string Material = "{|SECRETS002:{{Secret}}|}";
                const string Blob = "{|SECRETS002:{{Secret2}}|}";
                AWSCredentials FromConstant() => new BasicAWSCredentials("id", Blob);
                AmazonS3Client Make()
                {
                    var k = "{|SECRETS002:{{Secret2}}|}";
                    var creds = new BasicAWSCredentials(System.Environment.GetEnvironmentVariable("ID"), k);
                    return new AmazonS3Client(System.Environment.GetEnvironmentVariable("ID"), Material, RegionEndpoint.EUWest1);
                }
            }
            """);

        [Fact]
        public Task NextToAKeyIdDeclaration_WhenItsNameCouldBeTheOtherHalf() => Verify002($$"""
            class C
            {
                static readonly string Primary = "{{Key}}";
                static readonly string SecondaryKey = "{|SECRETS002:{{Secret}}|}";
                static readonly string RequestNonce = "{{Secret2}}";
                void M()
                {
                    var a = "{{Key}}";
                    var b = "{|SECRETS002:{{Secret2}}|}";
                    var cursor = "{{Secret}}";
                    System.Console.WriteLine(a + b + cursor + Primary + SecondaryKey + RequestNonce);
                }
            }
            """);

        [Fact]
        public Task ReadTogetherWithAKeyIdVariable() => Verify002($$"""
            class C
            {
                static readonly string Primary = "{{Key}}";
                static readonly string Secondary = "{|SECRETS002:{{Secret}}|}";
                static readonly string Unrelated = "{{Secret2}}";
                static string Sign(string keyId, string material) => keyId + material;
                string M() => Sign(Primary, Secondary) + Sign("x", Unrelated);
            }
            """);

        [Fact]
        public Task CoalesceAndConditional_TakeTheNameOfTheOtherSide() => Verify002($$"""
            class Config { public string this[string key] => null; public string SecretKey => null; }
            class C
            {
                string A(Config c) { var v = System.Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "{|SECRETS002:{{Secret}}|}"; return v; }
                string B(Config c) { var v = c["Aws:SecretAccessKey"] ?? "{|SECRETS002:{{Secret}}|}"; return v; }
                string D(Config c, bool local) { var v = local ? "{|SECRETS002:{{Secret}}|}" : c.SecretKey; return v; }
                string E() { var v = System.Environment.GetEnvironmentVariable("SIGNING_KEY") ?? "{{Secret}}"; return v; }
            }
            """);

        [Fact]
        public Task ValueForms() => Verify002($$""""
            using Amazon.Runtime;
            class C
            {
                string Verbatim = @"aws_secret_access_key = ""{|SECRETS002:{{Secret}}|}""";
                System.ReadOnlySpan<byte> SecretBytes => "{|SECRETS002:{{Secret}}|}"u8;
                string Raw = """aws_secret_access_key={|SECRETS002:{{Secret}}|}""";
                string Ini = """
                    [default]
                    aws_access_key_id = {{Key}}
                    aws_secret_access_key = {|SECRETS002:{{Secret}}|}
                    aws_session_token = {|SECRETS002:{{PlainToken}}|}
                    """;
                string Interpolated(string p) => $"[{p}] aws_secret_access_key={|SECRETS002:{{Secret}}|}";
                const string Folded = {|SECRETS002:"aws_secret_access_key=" + "{{Secret.Substring(0, 20)}}" + "{{Secret.Substring(20)}}"|};
                AWSCredentials Named() => new BasicAWSCredentials(secretKey: "{|SECRETS002:{{Secret}}|}", accessKey: "id");
                string Json = "{\"AccessKeyId\":\"ASIAZ3XQ7LMN2BVC6RTY\",\"SecretAccessKey\":\"{|SECRETS002:{{Secret}}|}\",\"SessionToken\":\"{|SECRETS002:{{Token}}|}\"}";
            }
            """");

        [Fact]
        public Task AttributeArguments() => Verify002($$"""
            [System.AttributeUsage(System.AttributeTargets.All)]
            class CredsAttribute : System.Attribute
            {
                public CredsAttribute(string accessKeyId, string secretAccessKey) { }
                public string FallbackSecret { get; set; }
            }
            [Creds("id", "{|SECRETS002:{{Secret}}|}", FallbackSecret = "{|SECRETS002:{{Secret2}}|}")]
            class C { }
            """);

        [Fact]
        public Task ConstantsFromAnotherFile_ReportedWhereTheyArePassed() => SecretsTest.Create<AwsSecretKeyAnalyzer>("""
            using Amazon.Runtime;
            class C
            {
                AWSCredentials A() => new BasicAWSCredentials("id", {|SECRETS002:Keys.Material|});
                AWSCredentials B() => new BasicAWSCredentials("id", Keys.SecretKey);
            }
            """)
            .WithSource("/0/Keys.cs", $$"""
            static class Keys
            {
                public const string Material = "{{Secret}}";
                public const string SecretKey = "{|SECRETS002:{{Secret2}}|}";
            }
            """).RunAsync();

        [Fact]
        public Task Comments() => Verify002($$"""
            class C
            {
                // aws_secret_access_key = {|SECRETS002:{{Secret}}|}
                /// <summary>Deploy user: {{Key}} / {|SECRETS002:{{Secret2}}|}</summary>
                void M() { }
                // {{Key}}
                // {|SECRETS002:{{Secret}}|}
                // Secret access key: {|SECRETS002:{{Secret2}}|}
                // unrelated: {{Secret}}
            }
            """);

        [Fact]
        public Task LookAlikes_AreSilent() => Verify002($$"""
            using Amazon.Runtime;
            class C
            {
                const string Sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
                const string SecretHex = "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709";
                const string DocsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
                const string NoEvidence = "{{Secret}}";
                const string ClientSecret = "{{Secret}}";
                const string JwtSecret = "{{Secret}}";
                const string Payload = "{{Secret}}=";
                const string Regex = "[A-Za-z0-9/+=]{40}";
                const string EnvName = "AWS_SECRET_ACCESS_KEY";
                const string NextToken = "{{PlainToken}}";
                const string Guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
                AWSCredentials Hex() => new BasicAWSCredentials("id", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
                string Jwt() { var token = "eyJhbGciOiJIUzI1NiJ9.{{PlainToken.TrimEnd('=')}}.c2ln"; return token; }
                // The secret key goes in AWS Secrets Manager, never here.
            }
            """);

        [Fact]
        public Task Message_NeverShowsTheSecret_AndNamesTheHandler() => Verify002($$"""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Core;
            using Amazon.Runtime;
            public class Api
            {
                [LambdaFunction]
                public string Get(string id) => new BasicAWSCredentials(id, "{|#0:{{Secret}}|}").ToString();

                public string Handle(string input, ILambdaContext context) => new SessionAWSCredentials(input, "x", "{|#1:{{Token}}|}").ToString();
            }
            """,
            Verify.Diagnostic("SECRETS002").WithLocation(0).WithArguments("secret access key", " in Lambda handler Api.Get"),
            Verify.Diagnostic("SECRETS002").WithLocation(1).WithArguments("session token", " in Lambda handler Api.Handle"));
    }
}
