using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.AwsAccessKeyIdAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS001 on every value form, with the squiggle on the key inside a one-token literal, else on the expression.</summary>
    public class AwsAccessKeyIdAnalyzerTests
    {
        // Fresh fake key IDs (random base32), never the AWS documentation examples.
        private const string Key = "AKIAR7TQ2WXZ5MNB3KLD";
        private const string Body = "R7TQ2WXZ5MNB3KLD";

        private static Task Verify001(string source, params DiagnosticResult[] expected)
            => SecretsTest.Create<AwsAccessKeyIdAnalyzer>(source, expected).RunAsync();

        [Fact]
        public Task KeyInBasicCredentials_IsReportedUnderTheKey() => Verify001($$"""
            using Amazon.Runtime;
            class C
            {
                AWSCredentials Creds() => new BasicAWSCredentials("{|SECRETS001:{{Key}}|}", "x");
            }
            """);

        [Theory]
        [InlineData("ASIA")]
        [InlineData("ABIA")]
        [InlineData("ACCA")]
        public Task EveryCredentialPrefix(string prefix) => VerifyPrefix(prefix + "Z3XQ7LMN2BVC6RTY");

        // The key is built in the body so that no test name shows a whole key ID.
        private static Task VerifyPrefix(string key) => Verify001($$"""
            class C { const string Id = "{|SECRETS001:{{key}}|}"; }
            """);

        [Fact]
        public Task KeySplitAcrossAConstantOfAnotherTypeAndALiteral_IsReported() => Verify001($$"""
            static class Keys { public const string Prefix = "AKIA"; }
            class C { string Id() => {|SECRETS001:Keys.Prefix + "{{Body}}"|}; }
            """);

        [Fact]
        public Task ALocalThatHidesTheConstant_IsNotFoldedAsTheConstant() => Verify001($$"""
            class C
            {
                const string Prefix = "AKIA";
                string Id()
                {
                    string Prefix = System.Environment.MachineName;
                    return Prefix + "{{Body}}";
                }
            }
            """);

        [Fact]
        public Task TheConstantOfTheEnclosingType_WinsOverAnotherOfTheSameName() => Verify001($$"""
            class A { const string Prefix = "AKIA"; string Id() => {|SECRETS001:Prefix + "{{Body}}"|}; }
            class B { const string Prefix = "none"; string Id() => Prefix + "{{Body}}"; }
            """);

        [Fact]
        public Task VerbatimLiteral_WithEscapedQuotes() => Verify001($$"""
            class C { string Id = @"key ""{|SECRETS001:{{Key}}|}"" here"; }
            """);

        [Fact]
        public Task RegularLiteral_WithEscapesBeforeTheKey() => Verify001($$"""
            class C { string Id = "a\tb\\c {|SECRETS001:{{Key}}|}"; }
            """);

        [Fact]
        public Task RawSingleLineLiteral() => Verify001($$""""
            class C { string Id = """{|SECRETS001:{{Key}}|}"""; }
            """");

        [Fact]
        public Task RawMultiLineLiteral() => Verify001($$""""
            class C
            {
                string Ini = """
                    [default]
                    aws_access_key_id = {|SECRETS001:{{Key}}|}
                    """;
            }
            """");

        [Fact]
        public Task Utf8Literal() => Verify001($$"""
            class C { System.ReadOnlySpan<byte> Id => "{|SECRETS001:{{Key}}|}"u8; }
            """);

        [Fact]
        public Task InterpolatedText_AroundAHole() => Verify001($$"""
            class C { string Line(string region) => $"[{region}] key={|SECRETS001:{{Key}}|}"; }
            """);

        [Fact]
        public Task Concatenation_KeyInsideOneLiteral_IsUnderTheKey() => Verify001($$"""
            class C { string Line(string user) => "user " + user + " key {|SECRETS001:{{Key}}|}"; }
            """);

        [Fact]
        public Task Concatenation_KeySplitAcrossLiterals_IsTheWholeExpression() => Verify001($$"""
            class C { const string Id = {|SECRETS001:"AKIA" + "{{Body.Substring(0, 8)}}" + "{{Body.Substring(8)}}"|}; }
            """);

        [Fact]
        public Task ConstantsDeclaredInAnotherFile() => SecretsTest.Create<AwsAccessKeyIdAnalyzer>($$"""
            class C
            {
                string Id => {|SECRETS001:Parts.Prefix + Parts.Body|};
                string Interpolated => {|#0:$"{Parts.Prefix}{{Body}}"|};
            }
            """, Verify.Diagnostic("SECRETS001").WithLocation(0))
            .WithSource("/0/Parts.cs", $$"""
            static class Parts
            {
                public const string Prefix = "AKIA";
                public const string Body = "{{Body}}";
            }
            """).RunAsync();

        [Fact]
        public Task CoalesceFallback() => Verify001($$"""
            class C { string Id => System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "{|SECRETS001:{{Key}}|}"; }
            """);

        [Fact]
        public Task Initializers_Tuples_Attributes_Defaults_NamedArguments() => Verify001($$"""
            using System.Collections.Generic;
            using Amazon.Runtime;
            class KeyAttribute : System.Attribute { public KeyAttribute(string id) { } public string Other { get; set; } }
            class Options { public string AccessKey { get; set; } }
            [Key("{|SECRETS001:AKIAZ3XQ7LMN2BVC6RTY|}", Other = "{|SECRETS001:AKIAQ4XQ7LMN2BVC6RTY|}")]
            class C
            {
                Options O = new Options { AccessKey = "{|SECRETS001:AKIAR7TQ2WXZ5MNB3KLD|}" };
                List<string> L = new List<string> { "{|SECRETS001:AKIAS7TQ2WXZ5MNB3KLD|}" };
                Dictionary<string, string> D = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "{|SECRETS001:AKIAT7TQ2WXZ5MNB3KLD|}" };
                (string, string) T = ("{|SECRETS001:AKIAU7TQ2WXZ5MNB3KLD|}", "x");
                void M(string id = "{|SECRETS001:AKIAV7TQ2WXZ5MNB3KLD|}") { }
                AWSCredentials N() => new BasicAWSCredentials(secretKey: "x", accessKey: "{|SECRETS001:AKIAW7TQ2WXZ5MNB3KLD|}");
            }
            """);

        [Fact]
        public Task Comments_XmlDocComments_AndDisabledCode() => Verify001($$"""
            /// <summary>Uses {|SECRETS001:AKIAR7TQ2WXZ5MNB3KLD|} for uploads.</summary>
            class C
            {
                // old key: {|SECRETS001:AKIAS7TQ2WXZ5MNB3KLD|}
                /* and {|SECRETS001:AKIAT7TQ2WXZ5MNB3KLD|} */
            #if NEVER
                const string Id = "{|SECRETS001:AKIAU7TQ2WXZ5MNB3KLD|}";
            #endif
            }
            """);

        [Fact]
        public Task LookAlikes_AreSilent() => Verify001("""
            class C
            {
                const string Docs = "AKIAIOSFODNN7EXAMPLE";
                const string Placeholder = "AKIAXXXXXXXXXXXXXXXX";
                const string Role = "AROAR7TQ2WXZ5MNB3KLD";
                const string User = "AIDAR7TQ2WXZ5MNB3KLD";
                const string Regex = "(AKIA|ASIA)[A-Z2-7]{16}";
                const string EnvName = "AWS_ACCESS_KEY_ID";
                const string Longer = "AKIAR7TQ2WXZ5MNB3KLDQ";
                const string Digits = "AKIA1234567890123456";
                // Keys start with AKIA; never paste one here.
            }
            """);

        [Fact]
        public Task Message_ShowsOnlyPrefixAndLastFour_AndNamesTheHandler() => Verify001($$"""
            using Amazon.Lambda.Core;
            public class Function
            {
                public string Handle(string input, ILambdaContext context) => "{|#0:{{Key}}|}";
                public string Helper() => "{|#1:{{Key}}|}";
            }
            """,
            Verify.Diagnostic("SECRETS001").WithLocation(0).WithArguments("AKIA\u20263KLD", " in Lambda handler Function.Handle"),
            // Other members of a handler's type are handler code too (docs/lambda-handler-model.md).
            Verify.Diagnostic("SECRETS001").WithLocation(1).WithArguments("AKIA\u20263KLD", " in Lambda handler Function.Handle"));
    }
}
