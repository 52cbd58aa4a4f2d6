using System.Threading.Tasks;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Detection;
using SecretsAnalyzer.Tests.Detection;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>
    /// SECRETS006: a token in a value moves to Secrets Manager or Parameter Store like SECRETS001-003; a token in a comment
    /// is redacted in place. Tokens are generated in the test bodies.
    /// </summary>
    public class ProviderTokenFixTests
    {
        [Fact]
        public Task AWebhookInAnAsyncNotifier_IsReadFromSecretsManager()
        {
            string webhook = new FakeTokens(201).SlackWebhook();
            var test = new SecretsCodeFixTest
            {
                TestCode = $$"""
                    using System.Net.Http;
                    using System.Threading.Tasks;

                    namespace TestProject
                    {
                        class OrderNotifier
                        {
                            private static readonly HttpClient Http = new HttpClient();

                            public async Task NotifyAsync(string text)
                            {
                                string webhookUrl = "{|SECRETS006:{{webhook}}|}";
                                await Http.PostAsync(webhookUrl, new StringContent(text));
                            }
                        }
                    }
                    """,
                FixedCode = """
                    using System.Net.Http;
                    using System.Threading.Tasks;

                    namespace TestProject
                    {
                        class OrderNotifier
                        {
                            private static readonly HttpClient Http = new HttpClient();

                            public async Task NotifyAsync(string text)
                            {
                                string webhookUrl = await SecretStore.GetSecretAsync("order-notifier/notify-webhook-url");
                                await Http.PostAsync(webhookUrl, new StringContent(text));
                            }
                        }
                    }
                    """,
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromSecretsManager), action.Title),
            };
            test.ExpectHelper();
            return test.RunAsync();
        }

        [Fact]
        public Task AConstStripeKey_IsReadFromParameterStore_AndStopsBeingConst()
        {
            string key = new FakeTokens(202).Stripe();
            var test = new SecretsCodeFixTest
            {
                TestCode = $$"""
                    namespace TestProject
                    {
                        static class Billing
                        {
                            public const string StripeApiKey = "{|SECRETS006:{{key}}|}";
                        }
                    }
                    """,
                FixedCode = """
                    namespace TestProject
                    {
                        static class Billing
                        {
                            public static string StripeApiKey => SecretStore.GetParameter("/billing/stripe-api-key");
                        }
                    }
                    """,
                CodeActionEquivalenceKey = FixKinds.ReadFromParameterStoreKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromParameterStore), action.Title),
            };
            test.ExpectHelper();
            return test.RunAsync();
        }

        [Fact]
        public Task ATokenInAComment_IsRedactedInPlace()
        {
            string token = new FakeTokens(203).GitHub();
            var test = new SecretsCodeFixTest
            {
                TestCode = $$"""
                    namespace TestProject
                    {
                        class Sync
                        {
                            // token used for the mirror: {|SECRETS006:{{token}}|} (expires in May)
                            public int Run() => 0;
                        }
                    }
                    """,
                FixedCode = $$"""
                    namespace TestProject
                    {
                        class Sync
                        {
                            // token used for the mirror: ghp_{{Redaction.Ellipsis}}{{token.Substring(36)}} (expires in May)
                            public int Run() => 0;
                        }
                    }
                    """,
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.RedactInComment), action.Title),
            };
            return test.RunAsync();
        }

        [Fact]
        public Task FixAll_MovesValues_AndRedactsBlockAndDocComments_InOnePass_ButLeavesDisabledCode()
        {
            var f = new FakeTokens(204);
            string google = f.Google(), stripe = f.Stripe(), pem = f.Pem("RSA ", "\n * "), webhook = f.SlackWebhook(), sendGrid = f.SendGrid(), gitlab = f.GitLab();
            string pemBody = pem.Substring("-----BEGIN RSA PRIVATE KEY-----".Length);
            var test = new SecretsCodeFixTest
            {
                TestCode = $$"""
                    namespace TestProject
                    {
                        /// <summary>Posts to {|SECRETS006:{{webhook}}|} on failure.</summary>
                        class Geocoder
                        {
                            private static readonly string MapsKey = "{|SECRETS006:{{google}}|}";

                            /* signing key, rotated yearly:
                             * {|SECRETS006:{{pem}}|}
                             */
                            public string Key() => MapsKey;

                            // old: {|SECRETS006:{{stripe}}|} and {|SECRETS006:{{sendGrid}}|}
                            public string Mail() => "{|SECRETS006:{{sendGrid}}|}";
                    #if LEGACY
                            const string GitLab = "{|SECRETS006:{{gitlab}}|}";
                    #endif
                        }
                    }
                    """,
                FixedCode = $$"""
                    namespace TestProject
                    {
                        /// <summary>Posts to https://hooks.slack.com/services/{{Redaction.Ellipsis}}{{webhook.Substring(webhook.Length - 4)}} on failure.</summary>
                        class Geocoder
                        {
                            private static string MapsKey => SecretStore.GetSecret("geocoder/maps-key");

                            /* signing key, rotated yearly:
                             * -----BEGIN RSA PRIVATE KEY-----{{Redaction.Ellipsis}}
                             */
                            public string Key() => MapsKey;

                            // old: sk_live_{{Redaction.Ellipsis}}{{stripe.Substring(stripe.Length - 4)}} and SG.{{Redaction.Ellipsis}}{{sendGrid.Substring(65)}}
                            public string Mail() => SecretStore.GetSecret("geocoder/mail");
                    #if LEGACY
                            const string GitLab = "{|#0:{{gitlab}}|}";
                    #endif
                        }
                    }
                    """,
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectHelper();
            test.FixedState.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SECRETS006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
            test.BatchFixedState.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SECRETS006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));

            // One at a time, as many steps as fixable findings (each fix is planned again on the new document). Code in an
            // #if block that is off may be compiled in another configuration: no fix is offered there, the finding stays.
            test.NumberOfIncrementalIterations = 6;
            Assert.DoesNotContain(pemBody.Substring(10, 20), test.FixedState.Sources[0].content.ToString());
            return test.RunAsync();
        }
    }
}
