using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Orders.Auth
{
    /// <summary>Issues session tokens and checks partner webhooks.</summary>
    public static class TokenSigning
    {
        private const string WebhookSigningSecret = "z*#TddJ8HyS5SUkCnD8zRA9a9SkpXz9w"; // Noncompliant SECRETS005
        private const string JwtIssuer = "https://auth.orders.example"; // Compliant SECRETS005
        private const string SecretName = "orders/jwt-signing-key"; // Compliant SECRETS005

        public static SigningCredentials Credentials() =>
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("3QlY7Zkuvqdt7s8Stqcbn-r3yBdGBL%EPH1q")), SecurityAlgorithms.HmacSha256); // Noncompliant SECRETS005

        public static bool VerifyWebhook(byte[] body, string signature)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(WebhookSigningSecret)); // Noncompliant SECRETS005
            return Convert.ToHexString(hmac.ComputeHash(body)) == signature;
        }

        public static byte[] Legacy(byte[] body) => HMACSHA1.HashData(Convert.FromBase64String("aFQ2KjElcV90LV5jNHhhdHdzOHBoUCo="), body); // Noncompliant SECRETS005

        public static SymmetricSecurityKey FromSecret(string signingKey) => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)); // Compliant SECRETS005

        public static SymmetricSecurityKey FromEnvironment() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("JWT_SIGNING_KEY") ?? string.Empty)); // Compliant SECRETS005

        public static SymmetricSecurityKey Documented() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes("your-256-bit-secret")); // Compliant SECRETS005

        public static HMAC Fresh() => new HMACSHA256(RandomNumberGenerator.GetBytes(64)); // Compliant SECRETS005

        public static byte[] Digest(byte[] body) => SHA256.HashData(Encoding.UTF8.GetBytes("orders-digest-salt")); // Compliant SECRETS005
    }
}
