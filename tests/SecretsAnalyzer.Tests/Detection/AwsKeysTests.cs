using System.Collections.Generic;
using System.Linq;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class AwsKeysTests
    {
        // Fresh fake values, generated for these tests.
        private const string KeyId = "AKIAR7TQ2WXZ5MNB3KLD";
        private const string SecretKey = "q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi";
        private const string Token = "IQoJb3JpZ2luX2VjEN7//////////wEaCWV1LXdlc3QtMSJHMEUCIQDx7Rk2Lz8p4Qm9Vt3Yw6Hs1Ja5Nc0Gb2Kf7Ue4Xi8OdAIgTq3Lw9Zp2Vn6Ms1Rj8Kb4Yh7Fc0Dx5Ga3Ue9Ti2Wo1Qq/gIIchAAGgw5ODc2NTQzMjEwOTgiDPk2Rz7Lm4Vq9Ws3Xt1Yn8Bh5Jc0Gd6Kf2Ue7Ti4Wo3Qp1Ra9Sb5Mc8Nd2Le6Vf0";

        [Theory]
        [InlineData("AKIA")]
        [InlineData("ASIA")]
        [InlineData("ABIA")]
        [InlineData("ACCA")]
        public void CredentialPrefixes_AreKeyIds(string prefix)
        {
            string text = prefix + "R7TQ2WXZ5MNB3KLD";
            Assert.True(AwsKeys.IsCredentialPrefix(text, 0));
            Assert.Equal(0, AwsKeys.FindAccessKeyId(text, 0));
            Assert.True(AwsKeys.ContainsAccessKeyId(text));
        }

        [Theory]
        [InlineData("AIDA")]
        [InlineData("AROA")]
        [InlineData("AGPA")]
        [InlineData("ANPA")]
        [InlineData("ANVA")]
        [InlineData("AIPA")]
        [InlineData("APKA")]
        [InlineData("ASCA")]
        [InlineData("AKIB")]
        [InlineData("akia")]
        public void IdentifierPrefixes_AreNotKeyIds(string prefix)
        {
            string text = prefix + "R7TQ2WXZ5MNB3KLD";
            Assert.False(AwsKeys.IsCredentialPrefix(text, 0));
            Assert.Equal(-1, AwsKeys.FindAccessKeyId(text, 0));
        }

        [Theory]
        [InlineData("AKIAR7TQ2WXZ5MNB3KL")] // 19 characters
        [InlineData("{key}Q")] // 21: touches a letter
        [InlineData("X{key}")] // touches a letter before
        [InlineData("7{key}")] // touches a digit before
        [InlineData("AKIAR7TQ2WXZ5MNB3KL8")] // 8 is not base32
        [InlineData("AKIAR7TQ2WXZ5MNB3KL1")] // 1 is not base32
        [InlineData("AKIAR7TQ2WXZ5MNB3KL0")] // 0 is not base32
        [InlineData("AKIAr7tq2wxz5mnb3kld")] // lower case
        [InlineData("AKIA[0-9A-Z]{16}")] // a regex for keys
        public void NotAKeyId(string template)
        {
            // Key-shaped parts are put together here, so that no test name shows a whole key ID.
            string text = template.Replace("{key}", "AKIAR7TQ2WXZ5MNB3KLD");
            Assert.Equal(-1, AwsKeys.FindAccessKeyId(text, 0));
            Assert.False(AwsKeys.ContainsAccessKeyId(text));
        }

        [Theory]
        [InlineData("id={key};", 3)]
        [InlineData("\"{key}\"", 1)]
        [InlineData("key_{key}", 4)]
        [InlineData("{key}-backup", 0)]
        [InlineData("a/{key}/b", 2)]
        [InlineData("X-Amz-Credential={key}%2F20240101", 17)]
        [InlineData("AKIA AKIA {key}", 10)]
        public void KeyId_IsFoundBetweenSeparators(string template, int expected)
        {
            // The key goes in here, so that no test name shows a whole key ID.
            string text = template.Replace("{key}", KeyId);
            Assert.Equal(expected, AwsKeys.FindAccessKeyId(text, 0));
        }

        [Fact]
        public void FindAccessKeyIds_FindsEveryKey_AndSkipsDocsAndPlaceholders()
        {
            string second = "ASIAZ3XQ7LMN2BVC6RTY";
            string text = $"{KeyId} AKIAIOSFODNN7EXAMPLE AKIAXXXXXXXXXXXXXXXX {second}";
            var matches = new List<TextSpanMatch>();
            AwsKeys.FindAccessKeyIds(text, matches);
            Assert.Equal(new[] { KeyId, second }, matches.Select(m => m.Slice(text)).ToArray());
        }

        [Fact]
        public void FindAccessKeyId_SearchesFromTheGivenIndex()
        {
            string text = KeyId + " " + KeyId;
            Assert.Equal(21, AwsKeys.FindAccessKeyId(text, 1));
            Assert.Equal(-1, AwsKeys.FindAccessKeyId(text, 22));
        }

        [Theory]
        [InlineData("AKIAIOSFODNN7EXAMPLE")]
        [InlineData("AKIAI44QH8DHBEXAMPLE")]
        [InlineData("ASIAEXAMPLEKEY234567")]
        [InlineData("AKIA2EXAMPLE2345RSTU")]
        public void DocumentationExamples_AreNotReported(string keyId)
        {
            Assert.True(AwsKeys.IsDocumentationExample(keyId, 0, keyId.Length));
            Assert.False(AwsKeys.ContainsAccessKeyId(keyId));
        }

        [Theory]
        [InlineData("AKIAXXXXXXXXXXXXXXXX")]
        [InlineData("AKIAAAAAAAAAAAAAAAAA")]
        [InlineData("AKIAFAKEKEYFORTESTSQ")]
        [InlineData("AKIADUMMYDUMMYDUMMYD")]
        [InlineData("AKIAABABABABABABABAB")]
        [InlineData("AKIAR7TQ22222WXZ5MNB")]
        [InlineData("AKIAYOURKEYGOESHERE2")]
        public void Placeholders_AreNotReported(string keyId)
        {
            Assert.Equal(0, AwsKeys.FindAccessKeyId(keyId, 0));
            Assert.True(AwsKeys.IsPlaceholderKeyId(keyId, 0));
            Assert.False(AwsKeys.ContainsAccessKeyId(keyId));
        }

        [Fact]
        public void RandomKeyIds_AreNotPlaceholders()
        {
            var random = new System.Random(7);
            const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            int placeholders = 0;
            for (int n = 0; n < 20000; n++)
            {
                string key = "AKIA" + new string(Enumerable.Range(0, 16).Select(_ => base32[random.Next(32)]).ToArray());
                if (AwsKeys.IsPlaceholderKeyId(key, 0))
                {
                    placeholders++;
                }
            }

            // About one in 10^4 random bodies holds a placeholder word or a run of 5; recall must not suffer.
            Assert.True(placeholders <= 10, $"{placeholders} of 20000 random key IDs were taken for placeholders");
        }

        [Theory]
        [InlineData(0, 609629065308L)]
        [InlineData(1, 52310077262L)]
        public void DecodeAccountId_FollowsTheBase32Formula(int keyIndex, long account)
        {
            // Indexed, so that no test name shows a whole key ID.
            string keyId = new[] { "ASIAY34FZKBOKMUTVV7A", "AKIAQYLPMN5HHHFPZAM2" }[keyIndex];
            Assert.Equal(account, AwsKeys.DecodeAccountId(keyId, 0));
            Assert.Equal(account, AwsKeys.DecodeAccountId("id: " + keyId, 4));
        }

        [Theory]
        [InlineData("AKIAIOSFODNN7EXAMPLE")]
        [InlineData("AKIAJ{body}")]
        public void DecodeAccountId_OlderKeysDoNotDecode(string template)
        {
            string keyId = template.Replace("{body}", "3XQ7LMN2BVC6RTY");
            Assert.Equal(-1, AwsKeys.DecodeAccountId(keyId, 0));
        }

        [Fact]
        public void DecodeAccountId_TooShort_IsMinusOne()
        {
            Assert.Equal(-1, AwsKeys.DecodeAccountId("AKIAQYLP", 0));
        }

        [Fact]
        public void SecretKey_NeedsEvidence_NeverShapeAlone()
        {
            Assert.Empty(Secrets(SecretKey, NameHint.None, keyIdNearby: false));
            Assert.Single(Secrets(SecretKey, NameHint.SecretKey, keyIdNearby: false));
            Assert.Single(Secrets(SecretKey, NameHint.None, keyIdNearby: true));
            Assert.Empty(Secrets(SecretKey, NameHint.SessionToken, keyIdNearby: false));
        }

        [Theory]
        [InlineData("aws_secret_access_key = ")]
        [InlineData("aws_secret_access_key=")]
        [InlineData("AWS_SECRET_ACCESS_KEY=")]
        [InlineData("\"SecretAccessKey\": \"")]
        [InlineData("SecretAccessKey: ")]
        [InlineData("<SecretAccessKey>")]
        [InlineData("secret_key => '")]
        [InlineData("Secret access key: ")]
        [InlineData("aws configure set aws_secret_access_key ")]
        [InlineData("Secret key for local runs: ")]
        public void SecretKey_LabelInText_IsEvidence(string label)
        {
            string text = label + SecretKey + "\n";
            AwsSecretMatch match = Assert.Single(Secrets(text, NameHint.None, false));
            Assert.Equal(AwsSecretKind.SecretAccessKey, match.Kind);
            Assert.Equal(SecretKey, match.Span.Slice(text));
        }

        [Theory]
        [InlineData("client_secret = ")]
        [InlineData("jwtSecret: ")]
        [InlineData("webhook secret = ")]
        [InlineData("state=")]
        [InlineData("key ")]
        [InlineData("sha: ")]
        public void SecretKey_OtherLabels_AreNotEvidence(string label)
        {
            Assert.Empty(Secrets(label + SecretKey, NameHint.None, false));
        }

        [Fact]
        public void SecretKey_KeyIdInTheSameText_IsEvidence()
        {
            string text = "User name,Access key ID,Secret access key\nci," + KeyId + "," + SecretKey + "\n";
            Assert.Single(Secrets(text, NameHint.None, false));
            Assert.Single(Secrets(KeyId + ":" + SecretKey, NameHint.None, false));
            Assert.Empty(Secrets("AKIAIOSFODNN7EXAMPLE:" + SecretKey, NameHint.None, false));
        }

        [Theory]
        [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709")] // SHA-1
        [InlineData("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709")] // upper-case hex
        [InlineData("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")] // the docs example
        [InlineData("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY")] // contains EXAMPLE
        [InlineData("aaaaaaaaaaAAAAAAAAAA1111111111bbbbbbbbbb")] // low entropy
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmn")] // lower case only
        [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN")] // upper case only
        [InlineData("abcdefghijABCDEFGHIJklmnopqrstKLMNOPQRST")] // no digit or symbol
        public void SecretKey_ShapeFails_EvenWithEvidence(string value)
        {
            Assert.False(AwsKeys.LooksLikeSecretKey(value, 0, value.Length));
            Assert.Empty(Secrets(value, NameHint.SecretKey, true));
        }

        [Theory]
        [InlineData("abcdefghijABCDEFGHIJ0123456789abcdefghij")]
        [InlineData("YourSecretAccessKeyGoesHere+0123456789AB")]
        [InlineData("q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0UaaaaaQi")]
        [InlineData("q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua12345i")]
        [InlineData("q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0FAKEs7Qi")]
        public void SecretKey_Placeholders_AreNotReported(string value)
        {
            Assert.True(AwsKeys.IsPlaceholderSecret(value, 0, value.Length));
            Assert.Empty(Secrets(value, NameHint.SecretKey, true));
        }

        [Fact]
        public void RandomSecretKeys_AreNotPlaceholders()
        {
            var random = new System.Random(11);
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
            int rejected = 0;
            for (int n = 0; n < 20000; n++)
            {
                string key = new string(Enumerable.Range(0, 40).Select(_ => alphabet[random.Next(64)]).ToArray());
                if (!AwsKeys.LooksLikeSecretKey(key, 0, key.Length))
                {
                    rejected++;
                }
            }

            // Shape, placeholder and entropy tests together lose a random key only rarely: recall must not suffer.
            Assert.True(rejected <= 20, $"{rejected} of 20000 random secret keys were rejected");
        }

        [Theory]
        [InlineData(SecretKey + "A")] // 41 characters
        [InlineData("X" + SecretKey)]
        [InlineData(SecretKey + "=")] // base64 payload with padding
        [InlineData("sk_" + SecretKey)] // joined to a word
        [InlineData(SecretKey + "-v2")]
        public void SecretKey_MustBeExactly40Characters(string value)
        {
            Assert.Empty(Secrets(value, NameHint.SecretKey, true));
        }

        [Fact]
        public void SecretKey_IsLocatedInsideTheText()
        {
            string text = "[default]\naws_access_key_id = " + KeyId + "\naws_secret_access_key = " + SecretKey + "\n";
            AwsSecretMatch match = Assert.Single(Secrets(text, NameHint.None, false));
            Assert.Equal(text.IndexOf(SecretKey, System.StringComparison.Ordinal), match.Span.Start);
            Assert.Equal(40, match.Span.Length);
        }

        [Fact]
        public void SessionToken_KnownPrefix_IsEvidenceOnItsOwn()
        {
            AwsSecretMatch match = Assert.Single(Secrets(Token, NameHint.None, false));
            Assert.Equal(AwsSecretKind.SessionToken, match.Kind);
            Assert.Equal(Token.Length, match.Span.Length);
            Assert.True(AwsKeys.HasStsTokenPrefix(Token, 0));
        }

        [Theory]
        [InlineData("IQoJb3JpZ2luX2Vj")]
        [InlineData("FwoGZXIvYXdzE")]
        [InlineData("AgoJb3JpZ2luX2Vj")]
        [InlineData("FQoGZXIvYXdzE")]
        [InlineData("FQoDYXdzE")]
        [InlineData("AQoDYXdzE")]
        public void SessionToken_StsPrefixes(string prefix)
        {
            Assert.True(AwsKeys.HasStsTokenPrefix(prefix + "abc", 0));
            Assert.Single(Secrets(prefix + Token.Substring(16), NameHint.None, false));
        }

        [Fact]
        public void SessionToken_WithoutPrefix_NeedsANameOrLabel()
        {
            string token = Token.Substring(16) + "==";
            Assert.Empty(Secrets(token, NameHint.None, false));
            Assert.Single(Secrets(token, NameHint.SessionToken, false));
            Assert.Single(Secrets("aws_session_token = " + token, NameHint.None, false));
            Assert.Single(Secrets("X-Amz-Security-Token: " + token, NameHint.None, false));
            AwsSecretMatch match = Assert.Single(Secrets(token, NameHint.SessionToken, false));
            Assert.Equal(token.Length, match.Span.Length); // padding included
        }

        [Fact]
        public void SessionToken_ShortOrJwtOrDocs_IsNotReported()
        {
            Assert.Empty(Secrets(Token.Substring(0, 60), NameHint.SessionToken, false));
            string jwt = "eyJhbGciOiJSUzI1NiJ9." + Token.Substring(16) + ".c2lnbmF0dXJl";
            Assert.Empty(Secrets(jwt, NameHint.SessionToken, false));
            Assert.Empty(Secrets("AQoDYXdzEJr1K2k5RzBqMYNbR6XkEXAMPLEtOkEN" + Token.Substring(16), NameHint.SessionToken, false));
        }

        [Fact]
        public void HasSecretShape_SeesKeysAndTokens_ButNotHashes()
        {
            Assert.True(AwsKeys.HasSecretShape(SecretKey));
            Assert.True(AwsKeys.HasSecretShape(Token));
            Assert.False(AwsKeys.HasSecretShape("da39a3ee5e6b4b0d3255bfef95601890afd80709"));
            Assert.False(AwsKeys.HasSecretShape("short"));
        }

        [Fact]
        public void HasLongKeyRun_IsTheQuickTest()
        {
            Assert.True(AwsKeys.HasLongKeyRun("x=" + SecretKey));
            Assert.False(AwsKeys.HasLongKeyRun(SecretKey.Substring(0, 20) + " " + SecretKey.Substring(20)));
        }

        /// <summary>
        /// The skipping scanner against the plain definition (some 40 key characters in a row), on every range of
        /// strings made of runs of 1 to 45 key characters between other characters.
        /// </summary>
        [Fact]
        public void HasLongKeyRun_MatchesTheDefinition_OnEveryRange()
        {
            static bool Definition(string s, int start, int end)
            {
                int run = 0;
                for (int i = start; i < end; i++)
                {
                    run = Chars.IsSecretKeyChar(s[i]) ? run + 1 : 0;
                    if (run >= 40)
                    {
                        return true;
                    }
                }

                return false;
            }

            var random = new System.Random(40);
            int ranges = 0, found = 0;
            for (int n = 0; n < 300; n++)
            {
                var b = new System.Text.StringBuilder();
                while (b.Length < 130)
                {
                    int run = random.Next(10) < 3 ? random.Next(38, 43) : random.Next(1, 46);
                    for (int k = 0; k < run; k++)
                    {
                        b.Append("aZ09+/"[random.Next(6)]);
                    }

                    b.Append(" .-=:\"\u00e9"[random.Next(7)]);
                }

                string text = b.ToString();
                for (int start = 0; start < text.Length; start += 3)
                {
                    for (int end = start; end <= text.Length; end += 2)
                    {
                        bool expected = Definition(text, start, end);
                        Assert.True(expected == AwsKeys.HasLongKeyRun(text, start, end), $"{n}: [{start}, {end})");
                        ranges++;
                        found += expected ? 1 : 0;
                    }
                }
            }

            Assert.True(found > ranges / 10 && found < ranges * 9 / 10, $"{found} of {ranges}");
        }

        [Theory]
        [InlineData("aws_secret_access_key = ", NameHint.SecretKey)]
        [InlineData("\"SessionToken\": \"", NameHint.SessionToken)]
        [InlineData("aws_session_token=", NameHint.SessionToken)]
        [InlineData("region = ", NameHint.None)]
        [InlineData("just words ", NameHint.None)]
        [InlineData("", NameHint.None)]
        public void LabelBefore_ReadsTheLabel(string prefix, NameHint expected)
        {
            Assert.Equal(expected, AwsKeys.LabelBefore(prefix + "VALUE", prefix.Length));
        }

        [Fact]
        public void Scans_AreLinear_OnHostileInput()
        {
            string hostile = string.Concat(Enumerable.Repeat("AKIA", 50000)) + new string('A', 200000);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.False(AwsKeys.ContainsAccessKeyId(hostile));
            Assert.Empty(Secrets(hostile, NameHint.SecretKey, true));
            Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        }

        private static List<AwsSecretMatch> Secrets(string text, NameHint hint, bool keyIdNearby)
        {
            var results = new List<AwsSecretMatch>();
            AwsKeys.FindSecrets(text, hint, keyIdNearby, results);
            return results;
        }
    }
}
