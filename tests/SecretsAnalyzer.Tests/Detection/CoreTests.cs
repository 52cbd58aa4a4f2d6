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
