using System;
using System.Collections.Generic;
using System.Linq;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    /// <summary>
    /// The provider-token core. Every token is generated in the test body (random, with the checksum computed here), so no
    /// test name holds one; look-alikes are mutations of valid tokens.
    /// </summary>
    public class ProviderTokensTests
    {
        private static readonly string[] Surroundings = { "", "\"", "token=", "Bearer ", "x: '", "(", "\n", "[", "{\"key\":\"" };
        private static readonly string[] Endings = { "", "\"", ";", " ", "'", ")", "\n", ".", ",", "/" };

        public static IEnumerable<object[]> KindNames() => Enum.GetNames(typeof(ProviderTokenKind)).Select(n => new object[] { n });

        /// <summary>One valid token of each kind (several per kind), with the kind expected.</summary>
        private static IEnumerable<(string Token, ProviderTokenKind Kind)> Valid(int seed)
        {
            var f = new FakeTokens(seed);
            yield return (f.GitHub('p'), ProviderTokenKind.GitHubPersonalAccessToken);
            yield return (f.GitHub('o'), ProviderTokenKind.GitHubOAuthToken);
            yield return (f.GitHub('u'), ProviderTokenKind.GitHubUserToServerToken);
            yield return (f.GitHub('s'), ProviderTokenKind.GitHubServerToServerToken);
            yield return (f.GitHub('r'), ProviderTokenKind.GitHubRefreshToken);
            yield return (f.FineGrained(), ProviderTokenKind.GitHubFineGrainedToken);
            yield return (f.Npm(), ProviderTokenKind.NpmAccessToken);
            yield return (f.SlackBot(), ProviderTokenKind.SlackBotToken);
            yield return (f.SlackUser(), ProviderTokenKind.SlackUserToken);
            yield return (f.SlackWorkspace(), ProviderTokenKind.SlackWorkspaceToken);
            yield return (f.SlackRefresh(), ProviderTokenKind.SlackRefreshToken);
            yield return (f.SlackApp(), ProviderTokenKind.SlackAppToken);
            yield return (f.SlackWebhook(), ProviderTokenKind.SlackWebhook);
            yield return (f.Stripe("sk_live_"), ProviderTokenKind.StripeSecretKey);
            yield return (f.Stripe("sk_live_", 24), ProviderTokenKind.StripeSecretKey);
            yield return (f.Stripe("rk_live_"), ProviderTokenKind.StripeRestrictedKey);
            yield return (f.SendGrid(), ProviderTokenKind.SendGridApiKey);
            yield return (f.Google(), ProviderTokenKind.GoogleApiKey);
            yield return (f.GitLab(), ProviderTokenKind.GitLabPersonalAccessToken);
            yield return (f.Shopify("shpat_"), ProviderTokenKind.ShopifyAccessToken);
            yield return (f.Shopify("shpca_"), ProviderTokenKind.ShopifyAccessToken);
            yield return (f.Shopify("shppa_"), ProviderTokenKind.ShopifyAccessToken);
            yield return (f.Shopify("shpss_"), ProviderTokenKind.ShopifySharedSecret);
            foreach (string label in new[] { "", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED " })
            {
                yield return (f.Pem(label), ProviderTokenKind.PrivateKey);
            }

            yield return (f.Pem("RSA ", "\r\n"), ProviderTokenKind.PrivateKey);
            yield return (f.Pem("EC ", "\\n"), ProviderTokenKind.PrivateKey);
        }

        [Fact]
        public void Crc32_IsTheIeeeChecksum_AndTheBase62ChecksumMatchesAPublishedVector()
        {
            Assert.Equal(0xCBF43926u, ProviderTokens.Crc32("123456789", 0, 9));
            Assert.Equal(0u, ProviderTokens.Crc32(string.Empty, 0, 0));

            // CredSweeper's GitHub/npm checksum test vector: 31 zeros and "4WZ4EQ".
            Assert.Equal("4WZ4EQ", ProviderTokens.Checksum(new string('0', 31)));
            Assert.Equal("4WZ4EQ", FakeTokens.Checksum(new string('0', 31)));
            var f = new FakeTokens(3);
            for (int n = 0; n < 200; n++)
            {
                string random = f.Random(30);
                Assert.Equal(FakeTokens.Checksum(random), ProviderTokens.Checksum(random));
            }
        }

        [Fact]
        public void EveryValidToken_IsFound_WithItsKindAndExactSpan_InEverySurrounding()
        {
            var kinds = new HashSet<ProviderTokenKind>();
            for (int seed = 1; seed <= 6; seed++)
            {
                int index = 0;
                foreach ((string token, ProviderTokenKind kind) in Valid(seed))
                {
                    index++;
                    foreach (string before in Surroundings)
                    {
                        foreach (string after in Endings)
                        {
                            string text = before + token + after;
                            List<ProviderTokenMatch> found = ProviderTokens.FindTokens(text);
                            string where = $"seed {seed}, {kind} #{index}, '{before.Replace("\n", "\\n")}' … '{after.Replace("\n", "\\n")}'";
                            Assert.True(found.Count == 1, where + ": " + found.Count + " found");
                            Assert.Equal(kind, found[0].Kind);
                            Assert.True(found[0].Start == before.Length && found[0].Length == token.Length, where + $": at {found[0].Start}+{found[0].Length}");
                            Assert.True(ProviderTokens.ContainsToken(text), where);
                            Assert.True(ProviderTokens.MayContainToken(text), where);
                        }
                    }

                    kinds.Add(kind);
                }
            }

            // Every kind but the Twilio secret (tested in pairs below) and the Azure key (after AccountKey=) is covered here.
            var expected = Enum.GetValues(typeof(ProviderTokenKind)).Cast<ProviderTokenKind>()
                .Except(new[] { ProviderTokenKind.TwilioApiKeySecret, ProviderTokenKind.AzureStorageAccountKey });
            Assert.Empty(expected.Except(kinds));
        }

        [Fact]
        public void ATokenThatRunsIntoALongerWord_IsNotFound()
        {
            foreach ((string token, ProviderTokenKind kind) in Valid(11))
            {
                if (kind == ProviderTokenKind.PrivateKey)
                {
                    continue;
                }

                // A webhook is found from its host on ("xhttps://hooks.slack.com/…" still holds the webhook's path).
                foreach (string before in kind == ProviderTokenKind.SlackWebhook ? new string[0] : new[] { "a", "Z", "7", "_" })
                {
                    Assert.False(ProviderTokens.ContainsToken(before + token), kind + " after " + before);
                }

                // A letter or digit after a variable-length secret (Stripe, Slack) only makes it longer; '_' joins it to a word.
                bool variable = kind == ProviderTokenKind.StripeSecretKey || kind == ProviderTokenKind.StripeRestrictedKey ||
                                (kind >= ProviderTokenKind.SlackBotToken && kind <= ProviderTokenKind.SlackAppToken);
                foreach (string after in variable ? new[] { "_" } : new[] { "a", "Z", "7", "_" })
                {
                    Assert.False(ProviderTokens.ContainsToken(token + after), kind + " before " + after);
                }
            }
        }

        [Fact]
        public void WrongLengths_AreNotFound()
        {
            foreach ((string token, ProviderTokenKind kind) in Valid(12))
            {
                if (kind == ProviderTokenKind.PrivateKey)
                {
                    continue;
                }

                // One character fewer (the last dropped): no kind has a length one below a valid one that keeps the structure,
                // except the variable-length secrets of Stripe and Slack, which are cut below their minimum below.
                string shorter = token.Substring(0, token.Length - 1);
                bool variable = kind == ProviderTokenKind.StripeSecretKey || kind == ProviderTokenKind.StripeRestrictedKey ||
                                kind == ProviderTokenKind.SlackBotToken || kind == ProviderTokenKind.SlackUserToken ||
                                kind == ProviderTokenKind.SlackWorkspaceToken || kind == ProviderTokenKind.SlackRefreshToken ||
                                kind == ProviderTokenKind.SlackAppToken;
                if (!variable)
                {
                    Assert.False(ProviderTokens.ContainsToken(shorter), kind + " one shorter");
                }
            }

            var f = new FakeTokens(13);
            Assert.False(ProviderTokens.ContainsToken(f.Stripe("sk_live_", 23)), "Stripe body of 23");
            Assert.False(ProviderTokens.ContainsToken("xoxb-" + f.Random(11, "0123456789") + "-" + f.Random(11, "0123456789") + "-" + f.Random(23)), "Slack bot secret of 23");
            Assert.False(ProviderTokens.ContainsToken("xoxb-" + f.Random(11, "0123456789") + "-" + f.Random(24)), "Slack bot with one id");
            Assert.False(ProviderTokens.ContainsToken("xoxp-" + f.Random(10, "0123456789") + "-" + f.Random(10, "0123456789") + "-" + f.Random(32, FakeTokens.LowerHex)), "Slack user with two ids");
            Assert.False(ProviderTokens.ContainsToken("xoxb-" + f.Random(7, "0123456789") + "-" + f.Random(11, "0123456789") + "-" + f.Random(24)), "Slack id of 7 digits");
            Assert.False(ProviderTokens.ContainsToken("https://hooks.slack.com/services/T" + f.Random(8, "ABCDEFGH23") + "/B" + f.Random(8, "ABCDEFGH23") + "/" + f.Random(23)), "webhook secret of 23");
            Assert.False(ProviderTokens.ContainsToken("https://hooks.slack.com/services/T" + f.Random(8, "ABCDEFGH23") + "/B" + f.Random(8, "ABCDEFGH23") + "/" + f.Random(25)), "webhook secret of 25");
            Assert.False(ProviderTokens.ContainsToken("https://hooks.slack.com/services/T" + f.Random(7, "ABCDEFGH23") + "/B" + f.Random(8, "ABCDEFGH23") + "/" + f.Random(24)), "team id of 7");
            Assert.False(ProviderTokens.ContainsToken("SG." + f.Random(21, FakeTokens.UrlSafe) + "." + f.Random(43, FakeTokens.UrlSafe)), "SendGrid id of 21");
            Assert.False(ProviderTokens.ContainsToken("SG." + f.Random(22, FakeTokens.UrlSafe) + "." + f.Random(44, FakeTokens.UrlSafe)), "SendGrid secret of 44");
            Assert.False(ProviderTokens.ContainsToken("AIza" + f.Random(34, FakeTokens.UrlSafe)), "Google of 34");
            Assert.False(ProviderTokens.ContainsToken("glpat-" + f.Random(21, FakeTokens.UrlSafe)), "GitLab of 21");
            Assert.False(ProviderTokens.ContainsToken("github_pat_" + f.Random(22) + "_" + f.Random(58)), "fine-grained of 58");
            Assert.False(ProviderTokens.ContainsToken("ghp_" + f.Random(35)), "classic of 35");
            Assert.False(ProviderTokens.ContainsToken("ghp_" + f.Random(37)), "classic of 37");
        }

        [Fact]
        public void ClassicGitHubAndNpmTokens_WithAWrongChecksum_AreNotFound()
        {
            var f = new FakeTokens(21);
            int tried = 0;
            foreach (string prefix in new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_" })
            {
                for (int n = 0; n < 40; n++)
                {
                    string token = f.Checksummed(prefix);
                    Assert.True(ProviderTokens.ContainsToken(token));

                    // Any one character changed, in the random part or the checksum (base62 stays base62).
                    int at = prefix.Length + (n % 36);
                    char c = token[at];
                    char other = FakeTokens.Base62[(FakeTokens.Base62.IndexOf(c) + 1 + n) % 62];
                    string mutated = token.Substring(0, at) + other + token.Substring(at + 1);
                    Assert.False(ProviderTokens.ContainsToken(mutated), prefix + " mutated at " + at);

                    // Random 36 characters: right shape, wrong checksum (one in 62^6 would pass).
                    Assert.False(ProviderTokens.ContainsToken(prefix + f.Random(36)), prefix + " random");
                    tried++;
                }
            }

            Assert.Equal(240, tried);
        }

        [Fact]
        public void ANonTokenPrefixOfTheSameShape_IsNotFound()
        {
            var f = new FakeTokens(22);
            string random30 = f.Random(30);
            foreach (string prefix in new[] { "gha_", "ghx_", "gh__", "Ghp_", "GHP_", "npmx", "NPM_" })
            {
                Assert.False(ProviderTokens.ContainsToken(FakeTokens.WithChecksum(prefix, random30)), prefix);
            }

            Assert.False(ProviderTokens.ContainsToken("xoxz-" + f.Random(11, "0123456789") + "-" + f.Random(11, "0123456789") + "-" + f.Random(24)), "xoxz");
            Assert.False(ProviderTokens.ContainsToken("gldt-" + f.Random(20, FakeTokens.UrlSafe)), "deploy token prefix");
            Assert.False(ProviderTokens.ContainsToken("AIzb" + f.Random(35, FakeTokens.UrlSafe)), "AIzb");
            Assert.False(ProviderTokens.ContainsToken("shpxx_" + f.Random(32, FakeTokens.LowerHex)), "shpxx_");
        }

        [Fact]
        public void TestModeAndPublishableStripeKeys_AreNotFound()
        {
            var f = new FakeTokens(23);
            foreach (string prefix in new[] { "sk_test_", "rk_test_", "pk_live_", "pk_test_", "sk_prod_", "SK_LIVE_" })
            {
                Assert.False(ProviderTokens.ContainsToken(f.Stripe(prefix)), prefix);
            }
        }

        [Fact]
        public void PlaceholdersAndDocumentationTokens_AreNotFound()
        {
            var f = new FakeTokens(24);
            string[] lookAlikes =
            {
                // Placeholder bodies that even carry a valid checksum.
                FakeTokens.WithChecksum("ghp_", new string('x', 30)),
                FakeTokens.WithChecksum("ghp_", "EXAMPLE" + f.Random(23)),
                FakeTokens.WithChecksum("ghp_", f.Random(10) + "YourTokenHere" + f.Random(7)),
                FakeTokens.WithChecksum("npm_", "000000000000000000000000000000"),
                FakeTokens.WithChecksum("ghp_", "0123456789" + f.Random(20)),
                FakeTokens.WithChecksum("gho_", "aaaaabbbbbcccccdddddeeeeefffff"),
                "ghp_" + new string('X', 36),
                "ghp_<your-token>",
                "ghp_************************************",
                "github_pat_" + new string('X', 22) + "_" + new string('X', 59),
                "xoxb-not-a-real-token-this-will-not-work",
                "xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
                "xoxb-" + f.Random(11, "0123456789") + "-" + f.Random(11, "0123456789") + "-EXAMPLE" + f.Random(17),
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/" + f.Random(24),
                "sk_live_" + new string('x', 24),
                "sk_live_YOUR_SECRET_KEY_HERE",
                "sk_live_" + "abcdefghijklmnopqrstuvwxyz0123",
                "sk_live_EXAMPLE" + f.Random(20),
                "SG." + new string('x', 22) + "." + new string('x', 43),
                "SG.EXAMPLE" + f.Random(15, FakeTokens.UrlSafe) + "." + f.Random(43, FakeTokens.UrlSafe),
                "AIza" + new string('X', 35),
                "AIzaSyDUMMY" + f.Random(28, FakeTokens.UrlSafe),
                "glpat-xxxxxxxxxxxxxxxxxxxx",
                "glpat-" + "12345678901234567890",
                "shpat_" + new string('0', 32),
                "AccountKey=" + new string('x', 86) + "==",
            };
            foreach (string lookAlike in lookAlikes)
            {
                Assert.False(ProviderTokens.ContainsToken(lookAlike), "look-alike of " + lookAlike.Length + " characters starting " + lookAlike.Substring(0, 5));
            }
        }

        [Fact]
        public void TheStorageEmulatorKey_IsNotFound_ButAnotherAccountKeyIs()
        {
            // Microsoft's published development storage (Azurite) key, in its published connection string.
            const string Emulator = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
            Assert.False(ProviderTokens.ContainsToken(Emulator));

            var f = new FakeTokens(25);
            string key = f.AzureKey();
            foreach (string keyName in new[] { "AccountKey=", "accountkey=", "ACCOUNTKEY=" })
            {
                string text = "DefaultEndpointsProtocol=https;AccountName=ordersprod;" + keyName + key + ";EndpointSuffix=core.windows.net";
                List<ProviderTokenMatch> found = ProviderTokens.FindTokens(text);
                Assert.Single(found);
                Assert.Equal(ProviderTokenKind.AzureStorageAccountKey, found[0].Kind);
                Assert.Equal(text.IndexOf(key, StringComparison.Ordinal), found[0].Start);
                Assert.Equal(88, found[0].Length);
                Assert.Equal("AccountKey=" + Redaction.Ellipsis + key.Substring(84), ProviderTokens.Redact(text, found[0]));
            }

            // Wrong lengths and padding, a SAS signature, a key without the name.
            Assert.False(ProviderTokens.ContainsToken("AccountKey=" + key.Substring(1)));
            Assert.False(ProviderTokens.ContainsToken("AccountKey=" + key.Substring(0, 86) + "A="));
            Assert.False(ProviderTokens.ContainsToken("AccountKey=" + key + "A"));
            Assert.False(ProviderTokens.ContainsToken("SharedAccessSignature=sv=2022-11-02&sig=" + key));
            Assert.False(ProviderTokens.ContainsToken(key));
            Assert.False(ProviderTokens.ContainsToken("MyAccountKey=" + key));
        }

        [Fact]
        public void ATwilioApiKeySecret_IsFoundNextToItsSid_InEitherOrder_AndNeverAlone()
        {
            var f = new FakeTokens(26);
            for (int n = 0; n < 20; n++)
            {
                string sid = f.TwilioSid(), secret = f.TwilioSecret();
                foreach (string text in new[] { sid + ":" + secret, "ApiKeySid=" + sid + ";ApiKeySecret=" + secret, secret + " (key " + sid + ")", "sid " + sid + "\nsecret " + secret })
                {
                    List<ProviderTokenMatch> found = ProviderTokens.FindTokens(text);
                    Assert.Single(found);
                    Assert.Equal(ProviderTokenKind.TwilioApiKeySecret, found[0].Kind);
                    Assert.Equal(text.IndexOf(secret, StringComparison.Ordinal), found[0].Start);
                    Assert.Equal(32, found[0].Length);
                }

                // The SID alone, the secret alone, a SID and a hex auth token or hash, a SID with an upper-case hex part.
                Assert.False(ProviderTokens.ContainsToken(sid));
                Assert.False(ProviderTokens.ContainsToken("secret " + secret));
                Assert.False(ProviderTokens.ContainsToken(sid + ":" + f.Random(32, FakeTokens.LowerHex)));
                Assert.False(ProviderTokens.ContainsToken("SK" + f.Random(32, FakeTokens.LowerHex).ToUpperInvariant() + ":" + secret));
                Assert.False(ProviderTokens.ContainsToken(sid + ":" + secret.Substring(1)));
                Assert.False(ProviderTokens.ContainsToken(sid + new string(' ', ProviderTokens.TwilioPairReach + 1) + secret));
            }
        }

        [Fact]
        public void PrivateKeys_NeedTheirBody_AndPublicKeysAndCertificatesAreNotSecrets()
        {
            var f = new FakeTokens(27);
            string body = f.Random(64, FakeTokens.Base64) + "\n" + f.Random(64, FakeTokens.Base64) + "\n";
            foreach (string header in new[] { "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE", "CERTIFICATE REQUEST", "X509 CRL", "OPENSSH PUBLIC KEY", "PGP PRIVATE KEY BLOCK", "PRIVATE KEYS" })
            {
                Assert.False(ProviderTokens.ContainsToken("-----BEGIN " + header + "-----\n" + body + "-----END " + header + "-----"), header);
            }

            string[] noBody =
            {
                "-----BEGIN RSA PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----\n" + new string('X', 64) + "\n" + new string('X', 64) + "\n-----END PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + "EXAMPLE" + f.Random(60, FakeTokens.Base64) + "\n-----END OPENSSH PRIVATE KEY-----",
                "string header = \"-----BEGIN PRIVATE KEY-----\"; // the PEM header we look for",
            };
            foreach (string text in noBody)
            {
                Assert.False(ProviderTokens.ContainsToken(text), "no body: " + text.Length);
            }

            // A legacy encrypted key with RFC 1421 headers; a block comment; a key cut before its END line.
            string encrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n" + body + "-----END RSA PRIVATE KEY-----";
            List<ProviderTokenMatch> whole = ProviderTokens.FindTokens(encrypted);
            Assert.Single(whole);
            Assert.True(whole[0].Start == 0 && whole[0].Length == encrypted.Length);
            string comment = "/*\n * -----BEGIN EC PRIVATE KEY-----\n * " + f.Random(64, FakeTokens.Base64) + "\n * " + f.Random(40, FakeTokens.Base64) + "==\n * -----END EC PRIVATE KEY-----\n */";
            List<ProviderTokenMatch> inComment = ProviderTokens.FindTokens(comment);
            Assert.Single(inComment);
            Assert.Equal(comment.IndexOf("-----BEGIN", StringComparison.Ordinal), inComment[0].Start);
            Assert.Equal(comment.IndexOf(" */", StringComparison.Ordinal) - 2, inComment[0].End - 1);
            string cut = "-----BEGIN PRIVATE KEY-----\n" + body;
            List<ProviderTokenMatch> cutFound = ProviderTokens.FindTokens(cut);
            Assert.Single(cutFound);
            Assert.Equal(cut.Length - 1, cutFound[0].End);
            Assert.Equal("-----BEGIN RSA PRIVATE KEY-----" + Redaction.Ellipsis, ProviderTokens.Redact(encrypted, ProviderTokens.FindTokens(encrypted)[0]));
        }

        [Fact]
        public void Hashes_RandomBase64_AndOrdinaryText_AreNotTokens()
        {
            var f = new FakeTokens(28);
            for (int n = 0; n < 2000; n++)
            {
                string[] values =
                {
                    f.Random(64, FakeTokens.LowerHex),
                    f.Random(40, FakeTokens.LowerHex),
                    f.Random(88, FakeTokens.Base64),
                    f.Random(44, FakeTokens.Base64) + "=",
                    f.Random(36),
                    f.Random(100, FakeTokens.UrlSafe),
                    "sha256:" + f.Random(64, FakeTokens.LowerHex),
                    "key=" + f.Random(40, FakeTokens.Base64),
                };
                foreach (string value in values)
                {
                    Assert.False(ProviderTokens.ContainsToken(value), "random value of " + value.Length);
                }
            }

            foreach (string text in new[]
            {
                "Set the GitHub token (ghp_…) in the GITHUB_TOKEN variable before you run the sync.",
                "https://hooks.slack.com/services/ is the base address of every incoming webhook",
                "Stripe keys start with sk_live_ in live mode and sk_test_ in test mode.",
                "-----BEGIN CERTIFICATE-----",
                "SELECT account_key FROM accounts WHERE skip_sk = @sk AND github_pat_enabled = 1",
                "xoxb-{team}-{bot}-{secret}",
                "AccountKey={0};AccountName={1}",
            })
            {
                Assert.False(ProviderTokens.ContainsToken(text), text.Substring(0, 20));
            }
        }

        [Fact]
        public void SeveralTokensInOneText_AreAllFound_InOrder()
        {
            var f = new FakeTokens(29);
            string a = f.GitHub(), b = f.SlackWebhook(), c = f.Stripe(), d = f.Pem("RSA ");
            string text = "tokens: " + a + ", " + b + "\n" + c + "\n" + d + "\n";
            List<ProviderTokenMatch> found = ProviderTokens.FindTokens(text);
            Assert.Equal(new[] { ProviderTokenKind.GitHubPersonalAccessToken, ProviderTokenKind.SlackWebhook, ProviderTokenKind.StripeSecretKey, ProviderTokenKind.PrivateKey }, found.Select(m => m.Kind));
            Assert.Equal(new[] { text.IndexOf(a, StringComparison.Ordinal), text.IndexOf(b, StringComparison.Ordinal), text.IndexOf(c, StringComparison.Ordinal), text.IndexOf(d, StringComparison.Ordinal) }, found.Select(m => m.Start));
        }

        [Fact]
        public void Redaction_ShowsThePrefixAndTheLastFour_AndNeverTheSecret()
        {
            foreach ((string token, ProviderTokenKind kind) in Valid(31))
            {
                string text = "x " + token + " y";
                ProviderTokenMatch match = ProviderTokens.FindTokens(text).Single();
                string redacted = ProviderTokens.Redact(text, match);
                Assert.Contains(Redaction.Ellipsis, redacted);
                if (kind != ProviderTokenKind.PrivateKey)
                {
                    Assert.EndsWith(token.Substring(token.Length - 4), redacted);
                    Assert.True(redacted.Length <= 40, kind + ": " + redacted.Length);
                }

                // No 8 characters in a row of the secret part (after the public prefix) appear in the message.
                string prefix = redacted.Substring(0, redacted.IndexOf(Redaction.Ellipsis, StringComparison.Ordinal));
                string secretPart = kind == ProviderTokenKind.SlackWebhook ? token.Substring(token.LastIndexOf('/'))
                    : kind == ProviderTokenKind.PrivateKey ? token.Substring(prefix.Length, token.IndexOf("-----END", StringComparison.Ordinal) - prefix.Length)
                    : token.Substring(Math.Min(prefix.Length, token.Length - 8));
                for (int k = 0; k + 8 <= secretPart.Length; k++)
                {
                    Assert.DoesNotContain(secretPart.Substring(k, 8), redacted);
                }
            }

            var f = new FakeTokens(32);
            string sid = f.TwilioSid(), secret = f.TwilioSecret();
            string pair = sid + ":" + secret;
            Assert.Equal(Redaction.Ellipsis + secret.Substring(28), ProviderTokens.Redact(pair, ProviderTokens.FindTokens(pair).Single()));
        }

        [Fact]
        public void TheQuickTest_IsASupersetOfTheFinder_AndAnswersOnARangeAsOnTheValueAlone()
        {
            var values = new List<string> { string.Empty, "g", "ghp_", "-----BEGIN ", "hooks.slack.com/services/", "AccountKey=", "sk_test_" + new string('a', 30) };
            for (int seed = 41; seed <= 43; seed++)
            {
                foreach ((string token, _) in Valid(seed))
                {
                    values.Add(token);
                    values.Add(token.Substring(0, token.Length - 1));
                    values.Add(token.Substring(1));
                }
            }

            var f = new FakeTokens(44);
            values.Add(f.TwilioSid() + ":" + f.TwilioSecret());
            values.Add("AccountName=a;AccountKey=" + f.AzureKey());
            values.Add(f.Random(120, FakeTokens.Base64));

            foreach (string value in values)
            {
                bool contains = ProviderTokens.ContainsToken(value);
                bool may = ProviderTokens.MayContainToken(value);
                Assert.True(!contains || may, "quick test said no to a token of " + value.Length);
                Assert.Equal(contains, ProviderTokens.FindTokens(value).Count > 0);
                foreach ((string before, string after) in new[] { ("", ""), ("\"", "\""), ("a", "a"), ("ghp_", "7"), ("_", "_"), ("-----", "-----"), ("x", "==") })
                {
                    string text = before + value + after;
                    int start = before.Length, end = before.Length + value.Length;
                    Assert.True(may == ProviderTokens.MayContainToken(text, start, end), "MayContainToken on a range, value of " + value.Length);
                    Assert.True(contains == ProviderTokens.ContainsToken(text, start, end), "ContainsToken on a range, value of " + value.Length);
                }
            }
        }

        [Fact]
        public void TheQuickTest_SaysNoToShortAndOrdinaryText()
        {
            Assert.False(ProviderTokens.MayContainToken("ghp_" + new string('a', 21)));
            Assert.False(ProviderTokens.MayContainToken("Hello, world! The order was shipped to the warehouse."));
            Assert.False(ProviderTokens.MayContainToken("SELECT * FROM orders WHERE customer_id = @id AND status = 'open'"));
            Assert.False(ProviderTokens.MayContainToken("https://api.github.com/repos/octo/hello/issues"));
            Assert.True(ProviderTokens.MayContainToken("use ghp_ tokens for the sync; see the docs"));
        }

        [Fact]
        public void EveryKind_HasADescriptionThatNamesItsProvider()
        {
            foreach (ProviderTokenKind kind in Enum.GetValues(typeof(ProviderTokenKind)))
            {
                string description = ProviderTokens.Describe(kind);
                string provider = kind.ToString();
                string expected = kind == ProviderTokenKind.PrivateKey ? "Private key" : new[] { "GitHub", "Slack", "Stripe", "SendGrid", "Twilio", "Google", "GitLab", "Azure", "Shopify", "npm" }.First(p => provider.StartsWith(p, StringComparison.OrdinalIgnoreCase));
                Assert.StartsWith(expected, description, StringComparison.Ordinal);
            }

            Assert.Equal(Enum.GetValues(typeof(ProviderTokenKind)).Length, Enum.GetValues(typeof(ProviderTokenKind)).Cast<ProviderTokenKind>().Select(ProviderTokens.Describe).Distinct().Count());
        }

        [Fact]
        public void HostileInputs_OfAMegabyte_AreScannedInLinearTime()
        {
            var f = new FakeTokens(45);
            string sid = f.TwilioSid();
            var inputs = new (string Name, string Text)[]
            {
                ("layout after a PEM header", "-----BEGIN PRIVATE KEY-----\n" + Repeat(" * ", 350_000)),
                ("PEM headers with placeholder bodies", Repeat("-----BEGIN PRIVATE KEY-----\n" + new string('A', 200) + "\n", 4_000)),
                ("PEM header lines", "-----BEGIN RSA PRIVATE KEY-----\n" + Repeat("Proc-Type: 4,ENCRYPTED\n", 40_000)),
                ("GitHub prefixes", Repeat("ghp_ ", 200_000)),
                ("Slack ids", "xoxb-" + Repeat("1234567890-", 90_000)),
                ("Slack tokens without a secret", Repeat("xoxb-12345678901-12345678901- ", 30_000)),
                ("Twilio SIDs", Repeat(sid + " ", 28_000)),
                ("Stripe runs", Repeat("sk_live_" + f.Random(300) + " ", 3_000)),
                ("webhook stems", Repeat("https://hooks.slack.com/services/T12345678/B12345678/ ", 18_000)),
            };
            foreach ((string name, string text) in inputs)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                ProviderTokens.FindTokens(text);
                ProviderTokens.MayContainToken(text);
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), name + ": " + watch.Elapsed.TotalMilliseconds + " ms for " + text.Length + " characters");
            }
        }

        private static string Repeat(string unit, int count) => new System.Text.StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
    }
}
