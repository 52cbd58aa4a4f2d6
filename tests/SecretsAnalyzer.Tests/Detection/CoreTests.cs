using System.Linq;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class EntropyTests
    {
        [Fact]
        public void Empty_IsZero() => Assert.Equal(0, Entropy.Shannon(string.Empty));

        [Fact]
        public void OneSymbol_IsZero() => Assert.Equal(0, Entropy.Shannon("aaaaaaaa"), 6);

        [Fact]
        public void TwoSymbolsEvenly_IsOneBit() => Assert.Equal(1, Entropy.Shannon("abababab"), 6);

        [Fact]
        public void SixteenDistinct_IsFourBits() => Assert.Equal(4, Entropy.Shannon("0123456789abcdef"), 6);

        [Fact]
        public void Slice_IgnoresTheRest() => Assert.Equal(1, Entropy.Shannon("zzzabab", 3, 4), 6);

        [Fact]
        public void NonAscii_SharesOneBucket() => Assert.Equal(0, Entropy.Shannon("éèêë"), 6);

        [Fact]
        public void RandomBase64_IsHigh_HexIsBounded()
        {
            Assert.True(Entropy.Shannon("q8Vd2L/fT7xKp9Wm+Rz3Nc6Hy1Bj4Ge0Ua5Os7Qi") >= AwsKeys.MinSecretKeyEntropy);
            Assert.True(Entropy.Shannon("da39a3ee5e6b4b0d3255bfef95601890afd80709") <= 4.0 + 1e-9);
        }

        [Fact]
        public void NegativeLength_IsZero() => Assert.Equal(0, Entropy.Shannon("abc", 1, -1));
    }

    public class NameHintsTests
    {
        [Theory]
        [InlineData("secretKey")]
        [InlineData("SecretAccessKey")]
        [InlineData("aws_secret_access_key")]
        [InlineData("AWS_SECRET_ACCESS_KEY")]
        [InlineData("awsSecretAccessKey")]
        [InlineData("_awsSecret")]
        [InlineData("Aws:SecretKey")]
        [InlineData("secret")]
        [InlineData("AwsClientSecretAccessKey")]
        public void SecretNames(string name) => Assert.Equal(NameHint.SecretKey, NameHints.Classify(name));

        [Theory]
        [InlineData("aws_session_token")]
        [InlineData("SessionToken")]
        [InlineData("awsSessionToken")]
        [InlineData("AWS_SECURITY_TOKEN")]
        [InlineData("X-Amz-Security-Token")]
        [InlineData("token")]
        [InlineData("stsToken")]
        public void TokenNames(string name) => Assert.Equal(NameHint.SessionToken, NameHints.Classify(name));

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("accessKey")]
        [InlineData("key")]
        [InlineData("value")]
        [InlineData("nextToken")]
        [InlineData("idToken")]
        [InlineData("cancellationToken")]
        [InlineData("clientSecret")]
        [InlineData("client_secret")]
        [InlineData("JwtSecret")]
        [InlineData("WebhookSecret")]
        [InlineData("signingSecret")]
        [InlineData("hmacSecret")]
        public void OtherNames(string? name) => Assert.Equal(NameHint.None, NameHints.Classify(name));

        [Theory]
        [InlineData("WebhookSecret", true)]
        [InlineData("Payments:IdempotencySalt", true)]
        [InlineData("RequestNonce", true)]
        [InlineData("ConfigurationHash", true)]
        [InlineData("clientSecret", true)]
        [InlineData("Key", false)]
        [InlineData("Value", false)]
        [InlineData("AwsSecretAccessKey", false)]
        [InlineData("AwsRequestSigningKey", false)]
        [InlineData(null, false)]
        public void SaysOtherValue(string? name, bool expected) => Assert.Equal(expected, NameHints.SaysOtherValue(name));

        [Fact]
        public void Slices_AreClassifiedWithoutAllocating()
        {
            const string text = "xx aws_secret_access_key yy";
            Assert.Equal(NameHint.SecretKey, NameHints.Classify(text, 3, 21));
            Assert.Equal(NameHint.None, NameHints.Classify(text, 0, 3));
        }

        [Fact]
        public void Normalized_IgnoresCaseAndSeparators()
        {
            Assert.True(NameHints.ContainsNormalized("Session-Token", 0, 13, "sessiontoken"));
            Assert.True(NameHints.EqualsNormalized("T_O_K_E_N", 0, 9, "token"));
            Assert.False(NameHints.EqualsNormalized("tokens", 0, 6, "token"));
        }

        /// <summary>
        /// The scanners against the plain definition (keep ASCII letters and digits, lower-case them, then look), over
        /// names built from the words they look for, split and cased every way, with separators and non-ASCII letters.
        /// </summary>
        [Fact]
        public void Normalized_MatchesTheDefinition_OnManyNames()
        {
            static string Normalize(string s) => new string(s.Where(c => c < 128 && char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant).ToArray());
            string[] words = { "aws", "secret", "access", "key", "session", "token", "sts", "security", "client", "signing", "nonce", "hash", "sha", "x", "1", "tok" };
            string[] separators = { "", "_", "-", ".", " ", ":", "\u00e9", "0", "\u0011" };
            var random = new System.Random(20261126);
            int checkedNames = 0;
            for (int n = 0; n < 20000; n++)
            {
                var b = new System.Text.StringBuilder();
                int parts = random.Next(1, 5);
                for (int p = 0; p < parts; p++)
                {
                    string word = words[random.Next(words.Length)];
                    b.Append(random.Next(3) switch { 0 => word.ToUpperInvariant(), 1 => char.ToUpperInvariant(word[0]) + word.Substring(1), _ => word });
                    b.Append(separators[random.Next(separators.Length)]);
                }

                string name = b.ToString();
                string normal = Normalize(name);
                foreach (string needle in new[] { "sessiontoken", "secretkey", "token", "awstoken", "sha", "x1", "keysession", "1tok" })
                {
                    Assert.True(normal.Contains(needle) == NameHints.ContainsNormalized(name, 0, name.Length, needle), name + " / " + needle);
                    Assert.True((normal == needle) == NameHints.EqualsNormalized(name, 0, name.Length, needle), name + " = " + needle);
                }

                bool saysAws = normal.Contains("aws") || normal.Contains("accesskey") || normal.Contains("secretkey");
                bool other = !saysAws && new[] { "client", "signing" }.Any(normal.Contains);
                NameHint expected = normal.Contains("sessiontoken") || normal.Contains("securitytoken") || normal.Contains("ststoken") || normal == "token" || normal == "awstoken"
                    ? NameHint.SessionToken
                    : normal.Contains("secret") && !other ? NameHint.SecretKey : NameHint.None;
                Assert.True(expected == NameHints.Classify(name), name);
                Assert.True((!saysAws && (other || new[] { "nonce", "hash", "sha" }.Any(normal.Contains))) == NameHints.SaysOtherValue(name), name);
                checkedNames++;
            }

            Assert.Equal(20000, checkedNames);
        }
    }

    public class RedactionTests
    {
        [Fact]
        public void KeyId_ShowsPrefixAndLastFour()
        {
            Assert.Equal("AKIA\u20263KLD", Redaction.KeyId("AKIAR7TQ2WXZ5MNB3KLD", 0, 20));
            Assert.Equal("ASIA\u2026RTY0", Redaction.KeyId("id ASIAZ3XQ7LMN2BVC6RTY0", 3, 21));
        }

        [Fact]
        public void KeyId_NeverShowsTheMiddle()
        {
            string redacted = Redaction.KeyId("AKIAR7TQ2WXZ5MNB3KLD", 0, 20);
            Assert.DoesNotContain("R7TQ", redacted);
            Assert.Equal(9, redacted.Length);
        }

        [Fact]
        public void ShortValues_ShowNothing()
        {
            Assert.Equal(Redaction.Ellipsis, Redaction.KeyId("AKIA1234", 0, 8));
            Assert.Equal(Redaction.Ellipsis, Redaction.Account("1234567"));
        }

        [Fact]
        public void Account_ShowsFirstFourAndLastTwo() => Assert.Equal("5607\u202681", Redaction.Account("560712345681"));
    }

    public class CharsTests
    {
        [Theory]
        [InlineData('A', true)]
        [InlineData('Z', true)]
        [InlineData('2', true)]
        [InlineData('7', true)]
        [InlineData('1', false)]
        [InlineData('8', false)]
        [InlineData('0', false)]
        [InlineData('a', false)]
        [InlineData('[', false)]
        [InlineData('@', false)]
        public void Base32(char c, bool expected) => Assert.Equal(expected, Chars.IsBase32(c));

        [Theory]
        [InlineData('a', true)]
        [InlineData('Z', true)]
        [InlineData('9', true)]
        [InlineData('/', true)]
        [InlineData('+', true)]
        [InlineData('=', false)]
        [InlineData('-', false)]
        [InlineData('_', false)]
        [InlineData('é', false)]
        public void SecretKeyChars(char c, bool expected) => Assert.Equal(expected, Chars.IsSecretKeyChar(c));

        [Theory]
        [InlineData('f', true)]
        [InlineData('F', true)]
        [InlineData('g', false)]
        [InlineData('`', false)]
        [InlineData('@', false)]
        public void Hex(char c, bool expected) => Assert.Equal(expected, Chars.IsHexDigit(c));
    }
}
