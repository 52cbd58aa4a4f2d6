using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class AuthSecretsTests
    {
        [Theory]
        [InlineData("password", SecretNameKind.Password)]
        [InlineData("dbPassword", SecretNameKind.Password)]
        [InlineData("SMTP_PASSWORD", SecretNameKind.Password)]
        [InlineData("smtppassword", SecretNameKind.Password)]
        [InlineData("Pwd", SecretNameKind.Password)]
        [InlineData("userPass", SecretNameKind.Password)]
        [InlineData("passphrase", SecretNameKind.Password)]
        [InlineData("Pass_Phrase", SecretNameKind.Password)]
        [InlineData("DB_PASS", SecretNameKind.Password)]
        [InlineData("DefaultPassword", SecretNameKind.Password)]
        [InlineData("clientSecret", SecretNameKind.Secret)]
        [InlineData("WEBHOOK_SECRET", SecretNameKind.Secret)]
        [InlineData("SecretKey", SecretNameKind.Secret)]
        [InlineData("botToken", SecretNameKind.Token)]
        [InlineData("refresh_token", SecretNameKind.Token)]
        [InlineData("authtoken", SecretNameKind.Token)]
        [InlineData("ApiKey", SecretNameKind.ApiKey)]
        [InlineData("api_key", SecretNameKind.ApiKey)]
        [InlineData("X-Api-Key", SecretNameKind.ApiKey)]
        [InlineData("STRIPE_APIKEY", SecretNameKind.ApiKey)]
        [InlineData("SubscriptionKey", SecretNameKind.ApiKey)]
        public void ClassifyName_SecretNames(string name, SecretNameKind expected) => Assert.Equal(expected, AuthSecrets.ClassifyName(name));

        [Theory]
        [InlineData("PasswordPrompt")]
        [InlineData("TokenEndpoint")]
        [InlineData("SecretName")]
        [InlineData("SecretId")]
        [InlineData("SecretArn")]
        [InlineData("PasswordPolicy")]
        [InlineData("PasswordHash")]
        [InlineData("HashedPassword")]
        [InlineData("TokenType")]
        [InlineData("ApiKeyHeader")]
        [InlineData("PasswordKey")]
        [InlineData("IsPasswordValid")]
        [InlineData("cancellationToken")]
        [InlineData("NextPageToken")]
        [InlineData("ContinuationToken")]
        [InlineData("SyntaxToken")]
        [InlineData("PasswordMinLength")]
        [InlineData("PasswordAlphabet")]
        [InlineData("passThrough")]
        [InlineData("compass")]
        [InlineData("PassCount")]
        [InlineData("bypassCache")]
        [InlineData("tokens")]
        [InlineData("keyId")]
        [InlineData("SecretHead")]
        public void ClassifyName_DescriptionsAndOtherWords_AreNone(string name) => Assert.Equal(SecretNameKind.None, AuthSecrets.ClassifyName(name));

        [Theory]
        [InlineData("hunter2")]
        [InlineData("Wq7!fR2mKp9z")]
        [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
        [InlineData("sk_9fLq2Xw8Zp4Mv7Tn3Hb6")]
        [InlineData("kJhGfDsAqWeRtYuIoPlMnBvC")]
        public void LooksLikeSecretValue_Secrets(string value) => Assert.True(AuthSecrets.LooksLikeSecretValue(value, 0, value.Length));

        [Theory]
        [InlineData("short")]
        [InlineData("Enter your password")]
        [InlineData("https://login.example/token")]
        [InlineData("/var/run/secrets/token")]
        [InlineData("arn:aws:secretsmanager:eu-west-1:560788957781:secret:x")]
        [InlineData("DB_PASSWORD")]
        [InlineData("API_KEY_V2")]
        [InlineData("reports-db-password")]
        [InlineData("orders-api-v2")]
        [InlineData("Secrets.Api.Key")]
        [InlineData("ApplicationDefault")]
        [InlineData("12345678")]
        [InlineData("${TOKEN}")]
        public void LooksLikeSecretValue_NamesPathsAndWords(string value) => Assert.False(AuthSecrets.LooksLikeSecretValue(value, 0, value.Length));

        [Theory]
        [InlineData("YOUR_API_KEY")]
        [InlineData("<token>")]
        [InlineData("insert-token-here")]
        [InlineData("xoxb-EXAMPLE-TOKEN")]
        [InlineData("changeme")]
        [InlineData("")]
        public void IsPlaceholderSecret_DocumentationValues(string value) => Assert.True(AuthSecrets.IsPlaceholderSecret(value, 0, value.Length, null));

        [Fact]
        public void SplitAuthorization_SchemeAndCredentials()
        {
            Assert.True(AuthSecrets.SplitAuthorization("Bearer  abc.def ", out string? scheme, out int start, out int length));
            Assert.Equal("Bearer", scheme);
            Assert.Equal("abc.def", "Bearer  abc.def ".Substring(start, length));

            Assert.True(AuthSecrets.SplitAuthorization("rawtoken123", out scheme, out start, out length));
            Assert.Null(scheme);
            Assert.Equal(0, start);
            Assert.Equal(11, length);

            Assert.False(AuthSecrets.SplitAuthorization("Bearer ", out _, out _, out _));
        }

        [Theory]
        [InlineData("b3JkZXJzOlc3cSFtUDJ4TDl2", true)] // orders:<random>
        [InlineData("b3JkZXJzOm9yZGVycw==", false)] // orders:orders
        [InlineData("b3JkZXJzOntwYXNzd29yZH0=", false)] // orders:{password}
        [InlineData("dXNlcjpwYXNzd29yZA==", false)] // user:password
        public void IsRealBasicCredentials(string base64, bool real) => Assert.Equal(real, AuthSecrets.IsRealBasicCredentials(base64, 0, base64.Length));

        [Theory]
        [InlineData("https://reader:Fd8!qW3zXk6p@feeds.partner.example/v2", "Fd8!qW3zXk6p", "feeds.partner.example")]
        [InlineData("see smtps://alerts:Ml5$vB2nQr9t@smtp.mail.example:465 for mail", "Ml5$vB2nQr9t", "smtp.mail.example")]
        public void FindUriPassword_NetworkSchemes(string text, string password, string host)
        {
            Assert.True(AuthSecrets.FindUriPassword(text, out int start, out int length, out string? foundHost));
            Assert.Equal(password, text.Substring(start, length));
            Assert.Equal(host, foundHost);
        }

        [Theory]
        [InlineData("https://user:password@host.example")]
        [InlineData("https://{user}:{password}@host.example")]
        [InlineData("ftp://anonymous:anonymous@ftp.example")]
        [InlineData("https://reader@feeds.example")]
        [InlineData("https://feeds.example:8443/v2?owner=a@b")]
        [InlineData("unknown://reader:Fd8!qW3zXk6p@feeds.example")]
        [InlineData("https://reader:@feeds.example")]
        public void FindUriPassword_LookAlikes(string text) => Assert.False(AuthSecrets.FindUriPassword(text, out _, out _, out _));

        [Theory]
        [InlineData("Authorization")]
        [InlineData("authorization")]
        [InlineData("X-API-KEY")]
        [InlineData("Api-Key")]
        [InlineData("Ocp-Apim-Subscription-Key")]
        [InlineData("x-functions-key")]
        [InlineData("Proxy-Authorization")]
        public void IsCredentialHeader(string header) => Assert.True(AuthSecrets.IsCredentialHeader(header));

        [Theory]
        [InlineData("Accept")]
        [InlineData("X-Request-Id")]
        [InlineData("X-Api-Version")]
        [InlineData(null)]
        public void IsCredentialHeader_OtherHeaders(string? header) => Assert.False(AuthSecrets.IsCredentialHeader(header));
    }
}
