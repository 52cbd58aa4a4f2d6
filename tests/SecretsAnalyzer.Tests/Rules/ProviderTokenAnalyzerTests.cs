using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Detection;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Detection;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ProviderTokenAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>
    /// SECRETS006 in every place a value or comment can hold a token, with the squiggle on the token. Tokens are generated
    /// in the test bodies (<see cref="FakeTokens"/>), so no test name or message holds one.
    /// </summary>
    public class ProviderTokenAnalyzerTests
    {
        private static Task Verify006(string source, params DiagnosticResult[] expected)
            => SecretsTest.Create<ProviderTokenAnalyzer>(source, expected).RunAsync();

        [Fact]
        public Task EveryProvider_InALiteral_IsReportedUnderTheToken()
        {
            var f = new FakeTokens(101);
            return Verify006($$"""
                class Tokens
                {
                    const string GitHub = "{|SECRETS006:{{f.GitHub('p')}}|}";
                    const string GitHubApp = "{|SECRETS006:{{f.GitHub('s')}}|}";
                    const string FineGrained = "{|SECRETS006:{{f.FineGrained()}}|}";
                    const string Npm = "//registry.npmjs.org/:_authToken={|SECRETS006:{{f.Npm()}}|}";
                    const string SlackBot = "{|SECRETS006:{{f.SlackBot()}}|}";
                    const string SlackUser = "{|SECRETS006:{{f.SlackUser()}}|}";
                    const string SlackApp = "{|SECRETS006:{{f.SlackApp()}}|}";
                    const string SlackRefresh = "{|SECRETS006:{{f.SlackRefresh()}}|}";
                    const string Webhook = "{|SECRETS006:{{f.SlackWebhook()}}|}";
                    const string Stripe = "{|SECRETS006:{{f.Stripe()}}|}";
                    const string StripeRestricted = "{|SECRETS006:{{f.Stripe("rk_live_")}}|}";
                    const string SendGrid = "{|SECRETS006:{{f.SendGrid()}}|}";
                    const string Twilio = "{{f.TwilioSid()}}:{|SECRETS006:{{f.TwilioSecret()}}|}";
                    const string Google = "https://maps.googleapis.com/maps/api/geocode/json?key={|SECRETS006:{{f.Google()}}|}";
                    const string GitLab = "{|SECRETS006:{{f.GitLab()}}|}";
                    const string Azure = "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey={|SECRETS006:{{f.AzureKey()}}|};EndpointSuffix=core.windows.net";
                    const string Shopify = "{|SECRETS006:{{f.Shopify()}}|}";
                }
                """);
        }

        [Fact]
        public Task Message_NamesTheProviderAndKind_ShowsOnlyPrefixAndLastFour_AndNamesTheHandler()
        {
            var f = new FakeTokens(102);
            string github = f.GitHub(), webhook = f.SlackWebhook();
            return Verify006($$"""
                using Amazon.Lambda.Core;
                public class Function
                {
                    public string Handle(string input, ILambdaContext context) => "{|#0:{{github}}|}";
                }
                class Notifier
                {
                    const string Url = "{|#1:{{webhook}}|}";
                }
                """,
                Verify.Diagnostic("SECRETS006").WithLocation(0).WithArguments("GitHub personal access token", "ghp_\u2026" + github.Substring(36), " in Lambda handler Function.Handle"),
                Verify.Diagnostic("SECRETS006").WithLocation(1).WithArguments("Slack incoming webhook URL", "https://hooks.slack.com/services/\u2026" + webhook.Substring(webhook.Length - 4), string.Empty));
        }

        [Fact]
        public Task Comments_XmlDocComments_AndDisabledCode()
        {
            var f = new FakeTokens(103);
            return Verify006($$"""
                /// <summary>Posts to {|SECRETS006:{{f.SlackWebhook()}}|}.</summary>
                class C
                {
                    // old token: {|SECRETS006:{{f.GitHub()}}|}
                    /* stripe {|SECRETS006:{{f.Stripe()}}|} */
                #if NEVER
                    const string Key = "{|SECRETS006:{{f.Google()}}|}";
                #endif
                }
                """);
        }

        [Fact]
        public Task Interpolations_AndFolds()
        {
            var f = new FakeTokens(104);
            string token = f.GitHub();
            return Verify006($$"""
                static class Parts { public const string Prefix = "ghp_"; public const string Body = "{{token.Substring(4)}}"; }
                class C
                {
                    string Header(string user) => $"token {|SECRETS006:{{f.GitHub('o')}}|} for {user}";
                    string Folded => {|SECRETS006:Parts.Prefix + Parts.Body|};
                    string Split => {|SECRETS006:"{{token.Substring(0, 20)}}" + "{{token.Substring(20)}}"|};
                    const string Sid = "{{f.TwilioSid()}}";
                    // A constant's own token is reported at its declaration, not again at each use in a fold.
                    const string Maps = "{|SECRETS006:{{f.Google()}}|}";
                    string Url(string address) => $"https://maps.googleapis.com/maps/api/geocode/json?address={address}&key={Maps}";
                    string Bearer => "Bearer " + Maps;
                    // The secret lies inside one literal of the fold: the squiggle is on it alone.
                    string Pair => Sid + ":{|SECRETS006:{{f.TwilioSecret()}}|}";
                }
                """);
        }

        [Fact]
        public Task PrivateKeys_InVerbatimRawAndEscapedLiterals()
        {
            var f = new FakeTokens(105);
            string escaped = f.Pem("RSA ", "\\n");
            string[] lines = f.Pem("EC ").Split('\n');
            string raw = string.Join("\n        ", lines);
            return Verify006($$""""
                class Keys
                {
                    // Escapes inside the key: the value no longer stands as such in the source, so the whole literal is marked.
                    const string Escaped = {|SECRETS006:"{{escaped}}\n"|};
                    const string Verbatim = @"{|SECRETS006:{{f.Pem("")}}|}
                ";
                    // A multi-line raw string's value drops the indentation: the whole literal is marked too.
                    const string Raw = {|SECRETS006:"""
                        {{raw}}
                        """|};
                    const string Public = "-----BEGIN PUBLIC KEY-----\n{{f.Random(64, FakeTokens.Base64)}}\n-----END PUBLIC KEY-----";
                    const string HeaderOnly = "-----BEGIN OPENSSH PRIVATE KEY-----";
                }
                """");
        }

        [Fact]
        public Task LookAlikes_AreSilent()
        {
            var f = new FakeTokens(106);
            string valid = f.GitHub();
            string wrongChecksum = valid.Substring(0, 39) + (valid[39] == 'a' ? 'b' : 'a');
            return Verify006($$"""
                class C
                {
                    const string Test = "{{f.Stripe("sk_test_")}}";
                    const string Publishable = "{{f.Stripe("pk_live_")}}";
                    const string Checksum = "{{wrongChecksum}}";
                    const string Longer = "{{valid}}x";
                    const string Joined = "x{{valid}}";
                    const string Docs = "xoxb-not-a-real-token-this-will-not-work";
                    const string Webhook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
                    const string Placeholder = "sk_live_YOUR_SECRET_KEY_HERE";
                    const string Format = "ghp_{0}";
                    const string Sid = "{{f.TwilioSid()}}";
                    const string Hash = "{{f.Random(64, FakeTokens.LowerHex)}}";
                    const string Random = "{{f.Random(88, FakeTokens.Base64)}}";
                    const string Emulator = "UseDevelopmentStorage=true;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
                    const string Prose = "GitHub tokens start with ghp_; Stripe live keys with sk_live_.";
                    // Use a ghp_ token with the repo scope; never paste it here.
                }
                """);
        }

        [Fact]
        public Task IgnoredValues_AndCommentsOff_AreHonoured()
        {
            var f = new FakeTokens(107);
            string fixture = f.GitHub();
            return SecretsTest.Create<ProviderTokenAnalyzer>($$"""
                class C
                {
                    const string Fixture = "{{fixture}}";
                    const string Real = "{|SECRETS006:{{f.GitHub()}}|}";
                    // {{f.Stripe()}}
                }
                """).WithEditorConfig<ProviderTokenAnalyzer>("secrets_analyzer.ignored_values = " + fixture + "\nsecrets_analyzer.analyze_comments = false").RunAsync();
        }

        [Fact]
        public Task AnAzureStorageKey_IsMarkedAlone_AndItsMessageShowsTheConnectionStringKey()
        {
            var f = new FakeTokens(108);
            string key = f.AzureKey(), sendGrid = f.SendGrid();
            return Verify006($$"""
                class C
                {
                    const string Storage = "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey={|#0:{{key}}|};EndpointSuffix=core.windows.net";
                    const string Mail = "{|#1:{{sendGrid}}|}";
                }
                """,
                Verify.Diagnostic("SECRETS006").WithLocation(0).WithArguments("Azure Storage account key", "AccountKey=\u2026" + key.Substring(84), string.Empty),
                Verify.Diagnostic("SECRETS006").WithLocation(1).WithArguments("SendGrid API key", "SG.\u2026" + sendGrid.Substring(65), string.Empty));
        }
    }
}
