using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.AuthenticationSecretAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    public class AuthenticationSecretAnalyzerTests
    {
        private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source };
            test.TestState.Sources.Add(("/0/IdentityModel.cs", LambdaStubs.IdentityModelTokens));
            test.TestState.Sources.Add(("/0/LambdaCore.cs", LambdaStubs.LambdaCore));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Finding(int markup, string sink, string handler = "") =>
            Verify.Diagnostic("SECRETS005").WithLocation(markup).WithArguments(sink, handler);

        // ------------------------------------------------------------ NetworkCredential, SmtpClient, CredentialCache

        [Fact]
        public Task NetworkCredential_PasswordArgument_MessageNamesSmtpClient() => VerifyAsync(@"
using System.Net;
using System.Net.Mail;
class Mailer
{
    SmtpClient Client() => new SmtpClient(""smtp.mail.internal"", 587)
    {
        Credentials = new NetworkCredential(""alerts@orders.example"", ""{|#0:Wq7!fR2mKp9z|}""),
    };
}", Finding(0, "NetworkCredential password (SmtpClient.Credentials)"));

        [Fact]
        public Task NetworkCredential_HandlerCredentialsAndCredentialCache_NamedArgumentsAndDomain() => VerifyAsync(@"
using System;
using System.Net;
using System.Net.Http;
class Proxy
{
    void Configure(HttpClientHandler handler, CredentialCache cache)
    {
        handler.Credentials = new NetworkCredential(password: ""{|#0:Tz4#pL8wQv1x|}"", userName: ""svc-proxy"");
        cache.Add(new Uri(""https://partner.internal""), ""Basic"", new NetworkCredential(""svc"", ""{|#1:Hn3$kD9sVb2m|}"", ""CORP""));
        var plain = new System.Net.NetworkCredential(""svc"", ""{|#2:Jr8%nB5xCe7q|}"");
    }
}", Finding(0, "NetworkCredential password (HttpClientHandler.Credentials)"), Finding(1, "NetworkCredential password (CredentialCache.Add)"), Finding(2, "NetworkCredential password"));

        [Fact]
        public Task NetworkCredential_PasswordProperty_AndInitializer() => VerifyAsync(@"
using System.Net;
class Smtp
{
    void Set(NetworkCredential credential)
    {
        credential.Password = ""{|#0:Pk5^vN1qRt8w|}"";
        var other = new NetworkCredential { UserName = ""relay"", Password = ""{|#1:Gf2&mC7yLs4e|}"" };
    }
}", Finding(0, "NetworkCredential.Password"), Finding(1, "NetworkCredential.Password"));

        [Fact]
        public Task NetworkCredential_ConstantsAndFolds_AreValues() => VerifyAsync(@"
using System.Net;
class Smtp
{
    const string Prefix = ""Zx9!"";
    const string Relay = ""Mb6@tY3uWq8r"";
    NetworkCredential A() => new NetworkCredential(""relay"", {|#0:Relay|});
    NetworkCredential B() => new NetworkCredential(""relay"", Prefix + ""{|#1:Lk2*hG5j|}"");
    NetworkCredential C() => new NetworkCredential(""relay"", $""{Prefix}{|#2:Qa7-Ws3e|}"");
}", Finding(0, "NetworkCredential password"), Finding(1, "NetworkCredential password"), Finding(2, "NetworkCredential password"));

        [Fact]
        public Task NetworkCredential_LookAlikes_AreNotFindings() => VerifyAsync(@"
using System;
using System.Net;
class Smtp
{
    NetworkCredential FromEnv() => new NetworkCredential(""relay"", Environment.GetEnvironmentVariable(""SMTP_PASSWORD""));
    NetworkCredential FromVariable(string password) => new NetworkCredential(""relay"", password);
    NetworkCredential Partly(string suffix) => new NetworkCredential(""relay"", ""pre"" + suffix);
    NetworkCredential Placeholder() => new NetworkCredential(""relay"", ""<password>"");
    NetworkCredential Documentation() => new NetworkCredential(""relay"", ""YOUR_SMTP_PASSWORD"");
    NetworkCredential Empty() => new NetworkCredential(""relay"", """");
    NetworkCredential Template() => new NetworkCredential(""relay"", ""${SMTP_PASSWORD}"");
    NetworkCredential SameAsUser() => new NetworkCredential(""guest"", ""guest"");
    NetworkCredential UserOnly() => new NetworkCredential { UserName = ""relay"" };
}");

        [Fact]
        public Task NetworkCredentialNamedType_InAnotherNamespace_IsNotTheSink() => VerifyAsync(@"
namespace Vendor { class NetworkCredential { public NetworkCredential(string user, string password) { } } }
class Use { object Make() => new Vendor.NetworkCredential(""relay"", ""x9Kq2mWv7pTz""); }");

        // ------------------------------------------------------------ HTTP authentication

        [Fact]
        public Task AuthenticationHeaderValue_Bearer_Basic_AndOtherSchemes() => VerifyAsync(@"
using System.Net.Http;
using System.Net.Http.Headers;
class Partner
{
    void Configure(HttpClient client, HttpRequestMessage request)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", ""{|#0:eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ.c2lnbmF0dXJlLXZhbHVl|}"");
        request.Headers.Authorization = new AuthenticationHeaderValue(""Basic"", ""{|#1:b3JkZXJzOlc3cSFtUDJ4TDl2|}"");
        request.Headers.ProxyAuthorization = new AuthenticationHeaderValue(""Token"", ""{|#2:tk_4fG7hJ2kL9mN3pQ8rS|}"");
    }
}", Finding(0, "Authorization: Bearer"), Finding(1, "Authorization: Basic"), Finding(2, "Authorization: Token"));

        [Fact]
        public Task AuthenticationHeaderValue_LookAlikes() => VerifyAsync(@"
using System;
using System.Net.Http.Headers;
using System.Text;
class Partner
{
    AuthenticationHeaderValue FromVariable(string token) => new AuthenticationHeaderValue(""Bearer"", token);
    AuthenticationHeaderValue FromEnv() => new AuthenticationHeaderValue(""Bearer"", Environment.GetEnvironmentVariable(""PARTNER_TOKEN""));
    AuthenticationHeaderValue SchemeOnly() => new AuthenticationHeaderValue(""Negotiate"");
    AuthenticationHeaderValue Placeholder() => new AuthenticationHeaderValue(""Bearer"", ""<token>"");
    AuthenticationHeaderValue Documentation() => new AuthenticationHeaderValue(""Bearer"", ""YOUR_ACCESS_TOKEN"");
    // base64 of ""orders:orders"": the password is the user name.
    AuthenticationHeaderValue SameAsUser() => new AuthenticationHeaderValue(""Basic"", ""b3JkZXJzOm9yZGVycw=="");
    // base64 of ""orders:{password}"": a template.
    AuthenticationHeaderValue Templated() => new AuthenticationHeaderValue(""Basic"", ""b3JkZXJzOntwYXNzd29yZH0="");
    AuthenticationHeaderValue Computed(string user, string password) =>
        new AuthenticationHeaderValue(""Basic"", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + "":"" + password)));
}");

        [Fact]
        public Task HeadersAdd_CredentialHeaders_IgnoringCase() => VerifyAsync(@"
using System.Net.Http;
class Partner
{
    const string ApiKeyHeader = ""x-api-key"";
    void Configure(HttpClient client, HttpRequestMessage request)
    {
        client.DefaultRequestHeaders.Add(""Authorization"", ""Bearer {|#0:sk-7Hq2Lp9Xw4Rt6Yv1Zb3N|}"");
        client.DefaultRequestHeaders.TryAddWithoutValidation(""authorization"", ""Basic {|#1:cmVwb3J0czpQcjBkIXY0THEy|}"");
        request.Headers.Add(""X-Api-Key"", ""{|#2:a8Fk3Lq9Zm2Xv7Pw4Rt6|}"");
        request.Headers.Add(ApiKeyHeader, ""{|#3:Tw5Hn8Jq2Kc6Lp9Rx3Vm|}"");
        request.Headers.Add(""Ocp-Apim-Subscription-Key"", ""{|#4:5c1f9e0b7a2d4c6e8f3a1b9d7c5e2f40|}"");
        request.Headers.TryAddWithoutValidation(""x-functions-key"", ""{|#5:Qm3vX8kL2pW9zR7tY4nB6cJ1hF5sD0gA|}"");
        request.Headers.Add(""Api-Key"", ""{|#6:Zp4Rk8Wm2Qx6Ln9Vt3Hy|}"");
    }
}", Finding(0, "Authorization: Bearer"), Finding(1, "authorization: Basic"), Finding(2, "X-Api-Key header"), Finding(3, "x-api-key header"),
            Finding(4, "Ocp-Apim-Subscription-Key header"), Finding(5, "x-functions-key header"), Finding(6, "Api-Key header"));

        [Fact]
        public Task HeadersAdd_LookAlikes() => VerifyAsync(@"
using System.Collections.Generic;
using System.Net.Http;
class Partner
{
    void Configure(HttpRequestMessage request, string token, Dictionary<string, string> notHeaders)
    {
        request.Headers.Add(""Authorization"", ""Bearer "" + token);
        request.Headers.Add(""Authorization"", $""Bearer {token}"");
        request.Headers.Add(""X-Request-Id"", ""0f9a7c2e4b6d8f1a3c5e7b9d"");
        request.Headers.Add(""X-Api-Key"", ""{{api_key}}"");
        request.Headers.Add(""Authorization"", ""Bearer <token>"");
        request.Headers.Add(""Accept"", ""application/json"");
    }
}");

        // ------------------------------------------------------------ signing keys

        [Fact]
        public Task SigningKeys_SymmetricSecurityKeyAndHmac_KeepTheEncoding() => VerifyAsync(@"
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
class Tokens
{
    const string Signing = ""k8Jq2Lw9Xp4Rz7Tv1Mn6Bc3Hy5Gf0Ds"";
    SymmetricSecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(""{|#0:9fK2mQ7xLp4Wz8Rt1Vn6Bc3Hy5Gj0Ds|}""));
    HMAC Webhook() => new HMACSHA256(Encoding.ASCII.GetBytes(""{|#1:whsec_Lq8Rz2Xw7Kp4Mv9Tn3Hb6Yc|}""));
    byte[] Sign(byte[] body) => HMACSHA512.HashData(Encoding.UTF8.GetBytes({|#2:Signing|}), body);
    HMAC FromBase64() => new HMACSHA1(Convert.FromBase64String(""{|#3:c2lnbmluZy1rZXktZm9yLXJlcG9ydHM=|}""));
    HMAC Utf8() => new HMACSHA384(""{|#4:Rk7Lq2Xw9Pm4Zt8Vn1Bc|}""u8.ToArray());
}", Finding(0, "SymmetricSecurityKey key"), Finding(1, "HMACSHA256 key"), Finding(2, "HMACSHA512 key"), Finding(3, "HMACSHA1 key"), Finding(4, "HMACSHA384 key"));

        [Fact]
        public Task SigningKeys_LookAlikes() => VerifyAsync(@"
using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
class Tokens
{
    SymmetricSecurityKey FromConfig(string secret) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
    SymmetricSecurityKey FromEnv() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(""JWT_KEY"")));
    SymmetricSecurityKey Documentation() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(""your-256-bit-secret""));
    HMAC Random() => new HMACSHA256(RandomNumberGenerator.GetBytes(32));
    HMAC NoKey() => new HMACSHA256();
    byte[] Hash(byte[] data) => SHA256.HashData(data);
}");

        // ------------------------------------------------------------ certificates

        [Fact]
        public Task Certificates_PasswordArgument() => VerifyAsync(@"
using System.Security.Cryptography.X509Certificates;
class Certs
{
    X509Certificate2 Load(byte[] pfx) => new X509Certificate2(pfx, ""{|#0:Pf9!xK2mWq7z|}"");
    X509Certificate2 File() => new X509Certificate2(""client.pfx"", ""{|#1:Cx4@nL8vRt2p|}"", X509KeyStorageFlags.EphemeralKeySet);
    void Import(X509Certificate2Collection collection, byte[] pfx) => collection.Import(pfx, ""{|#2:Ik6#mB3qWs9y|}"", X509KeyStorageFlags.DefaultKeySet);
}", Finding(0, "X509Certificate2 password"), Finding(1, "X509Certificate2 password"), Finding(2, "X509Certificate2Collection password"));

        [Fact]
        public Task CertificateLoader_DotNet9_PasswordArgument() => VerifyAsync(@"
using System.Security.Cryptography.X509Certificates;
class Certs
{
    X509Certificate2 Load(byte[] pfx) => X509CertificateLoader.LoadPkcs12(pfx, ""{|#0:Ld7!qW2zXk5p|}"");
    X509Certificate2 File() => X509CertificateLoader.LoadPkcs12FromFile(""client.pfx"", password: ""{|#1:Lf3@nB8vRt6q|}"");
    X509Certificate2 Public(byte[] der) => X509CertificateLoader.LoadCertificate(der);
}
namespace System.Security.Cryptography.X509Certificates
{
    // Mirror of the .NET 9 API (the tests compile against .NET 8).
    public sealed class Pkcs12LoaderLimits { }
    public static class X509CertificateLoader
    {
        public static X509Certificate2 LoadCertificate(byte[] data) => null;
        public static X509Certificate2 LoadPkcs12(byte[] data, string password, X509KeyStorageFlags keyStorageFlags = X509KeyStorageFlags.DefaultKeySet, Pkcs12LoaderLimits loaderLimits = null) => null;
        public static X509Certificate2 LoadPkcs12FromFile(string path, string password, X509KeyStorageFlags keyStorageFlags = X509KeyStorageFlags.DefaultKeySet, Pkcs12LoaderLimits loaderLimits = null) => null;
    }
}", Finding(0, "X509CertificateLoader password"), Finding(1, "X509CertificateLoader password"));

        [Fact]
        public Task Certificates_LookAlikes() => VerifyAsync(@"
using System.Security.Cryptography.X509Certificates;
class Certs
{
    X509Certificate2 NoPassword(byte[] der) => new X509Certificate2(der);
    X509Certificate2 FromVariable(byte[] pfx, string password) => new X509Certificate2(pfx, password);
    X509Certificate2 Empty(byte[] pfx) => new X509Certificate2(pfx, """");
    X509Certificate2 Path() => new X509Certificate2(""certs/client-with-password.pfx"");
}");

        // ------------------------------------------------------------ URIs

        [Fact]
        public Task Uri_UserInfoPassword_OnNetworkSchemes() => VerifyAsync(@"
using System;
class Endpoints
{
    Uri Feed = new Uri(""https://reader:{|#0:Fd8!qW3zXk6p|}@feeds.partner.example/v2"");
    string Mail = ""smtps://alerts:{|#1:Ml5$vB2nQr9t|}@smtp.mail.example:465"";
    string Ftp = ""ftp://upload:"" + ""{|#2:Ft7^hJ3kLm2x|}"" + ""@ftp.partner.example/incoming"";
}", Finding(0, "URI user info for 'feeds.partner.example'"), Finding(1, "URI user info for 'smtp.mail.example'"), Finding(2, "URI user info for 'ftp.partner.example'"));

        [Fact]
        public Task Uri_LookAlikes_AndDatabaseUrisAreSecrets003() => VerifyAsync(@"
class Endpoints
{
    string Db = ""postgres://orders:Wq7!fR2mKp9z@orders-db.internal:5432/orders"";
    string Broker = ""amqp://orders:Hn3$kD9sVb2m@mq.internal:5672/"";
    string Template = ""https://{user}:{password}@feeds.partner.example"";
    string Documented = ""https://user:password@host.example"";
    string NoPassword = ""https://reader@feeds.partner.example"";
    string Email = ""mailto:ops@orders.example"";
    string Git = ""git@github.com:orders/api.git"";
    string Port = ""https://feeds.partner.example:8443/v2?user=a@b"";
}");

        // ------------------------------------------------------------ names

        [Fact]
        public Task Names_MembersLocalsDefaultsAndKeys() => VerifyAsync(@"
using System.Collections.Generic;
class Settings
{
    public string SmtpPassword = ""{|#0:Sm4!tP9wXq2k|}"";
    private const string StripeApiKey = ""{|#1:rk_9fLq2Xw8Zp4Mv7Tn3Hb6|}"";
    public string WebhookSecret { get; set; }
    void Connect(string botToken = ""{|#2:84120937:AAHk2Lq9Xw7Zp4Mv3Tn8Rb|}"") { }
    public string SigningSecret { get; set; } = ""{|#9:ss_4Lq8Zx2Wp7Rm9Tv3Nb|}"";
    public string SecretName { get; set; } = ""orders/signing-Secret-2"";
    public string AuthToken { get { return null; } } // no initializer
    void Set()
    {
        WebhookSecret = ""{|#3:wh_7Kq2Lp9Xz4Rm8Tv3Nb|}"";
        var passphrase = ""{|#4:correct-Horse-42-staple!|}"";
        var headers = new Dictionary<string, string> { { ""api_key"", ""{|#5:Ak3Lq8Zx2Wp7Rm9Tv4Nb|}"" } };
        headers[""client_secret""] = ""{|#6:Cs9Kq4Lp2Xz7Rm3Tv8Nb|}"";
        headers.Add(""auth-token"", ""{|#7:At5Kq8Lp3Xz9Rm2Tv6Nb|}"");
        var anonymous = new { password = ""{|#8:An2!pQ7wXk4z|}"" };
    }
}", Finding(0, "'SmtpPassword'"), Finding(1, "'StripeApiKey'"), Finding(2, "'botToken'"), Finding(3, "'WebhookSecret'"), Finding(4, "'passphrase'"),
            Finding(5, "'api_key'"), Finding(6, "'client_secret'"), Finding(7, "'auth-token'"), Finding(8, "'password'"), Finding(9, "'SigningSecret'"));

        [Fact]
        public Task Names_DescriptionsOfTheValue_AreNotFindings() => VerifyAsync(@"
using System.Threading;
class Settings
{
    const string PasswordPrompt = ""Enter:Pass#1"";
    const string TokenEndpoint = ""https://login.partner.example/oauth2/token"";
    const string SecretName = ""prod/orders/Db-Creds2"";
    const string PasswordPolicy = ""min8:Upper1!"";
    const string PasswordHash = ""$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"";
    const string TokenType = ""urn:ietf:params:oauth:token-type:jwt"";
    const string ApiKeyHeader = ""X-Api-Key"";
    const string SecretArn = ""arn:aws:secretsmanager:eu-west-1:560788957781:secret:orders-Ab12Cd"";
    const string PasswordKey = ""Smtp:Password"";
    const string PasswordRegex = @""^(?=.*\d)(?=.*[A-Z]).{8,}$"";
    const string NextPageToken = ""eyJvZmZzZXQiOjEwMH0="";
    bool IsPasswordValid = true;
    void Use(CancellationToken cancellationToken)
    {
        var token = cancellationToken;
        string password = null;
        string secret = GetSecret();
        var apiKey = System.Environment.GetEnvironmentVariable(""API_KEY"");
        var envName = ""DB_PASSWORD"";
        string dbPassword = ""DB_PASSWORD"";
        string apiToken = ""changeme"";
        string clientSecret = ""your-client-secret"";
        string tokenPath = ""/var/run/secrets/token"";
        string secretId = ""orders/api-key"";
        if (password == ""Xy7!abcdef"") { }
    }
    string GetSecret() => null;
}");

        [Fact]
        public Task Names_ValuesOtherRulesOwn_AreNotReportedTwice() => VerifyAsync(@"
class Settings
{
    const string DbPassword = ""Server=db;Database=orders;User Id=app;Password=Qm7#vR2!xLp9;"";
    const string SecretAccessKey = ""kR7q2Lw9Xp4Zt8Vn1Bc3Hy5Gf0DsMa6Je2Wu9Pik"";
    const string AccessToken = ""AKIAZ7VQ4LPXW2MT6RKY"";
}");

        [Fact]
        public Task Names_ConnectionStringBuilderPassword_IsSecrets003s() => VerifyAsync(@"
using System.Data.Common;
class Db
{
    void Build(DbConnectionStringBuilder builder) { builder[""Password""] = ""Qm7#vR2!xLp9""; }
}");

        [Fact]
        public Task Handler_MessageNamesTheLambdaHandler() => VerifyAsync(@"
using System.Net;
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        var credential = new NetworkCredential(""relay"", ""{|#0:Hd4!kP8wXq2z|}"");
        return input;
    }
}", Finding(0, "NetworkCredential password", " in Lambda handler Function.Handler"));

        [Fact]
        public Task Descriptor_IdMessageAndSeverity()
        {
            var descriptor = new SecretsAnalyzer.Rules.AuthenticationSecretAnalyzer().SupportedDiagnostics[0];
            Assert.Equal("SECRETS005", descriptor.Id);
            Assert.Equal("{0} receives a hard-coded credential{1}", descriptor.MessageFormat.ToString());
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            return Task.CompletedTask;
        }
    }
}
