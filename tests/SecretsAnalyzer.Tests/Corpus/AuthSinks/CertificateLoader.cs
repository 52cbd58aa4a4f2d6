using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using Amazon.Lambda.Core;

namespace Orders.Mtls
{
    /// <summary>Loads the client certificate for mutual TLS with the bank.</summary>
    public class CertificateLoader
    {
        private const string BundledPfx = "certs/bank-client.pfx";
        private const string PfxPasswordParameter = "/orders/bank/pfx-password"; // Compliant SECRETS005

        public X509Certificate2 Handler(string input, ILambdaContext context)
        {
            byte[] pfx = File.ReadAllBytes(BundledPfx);
            return new X509Certificate2(pfx, "hT6*1%q_t-^c4xatws8phP*"); // Noncompliant SECRETS005
        }

        public X509Certificate2 WithFlags() =>
            new X509Certificate2(BundledPfx, "zJ5^_9%F*Hz5", X509KeyStorageFlags.EphemeralKeySet); // Noncompliant SECRETS005

        public X509Certificate2Collection Chain(byte[] p12)
        {
            var chain = new X509Certificate2Collection();
            chain.Import(p12, "r1pY4OjE2jBM", X509KeyStorageFlags.DefaultKeySet); // Noncompliant SECRETS005
            return chain;
        }

        public X509Certificate2 FromParameter(byte[] pfx, string pfxPassword) => new X509Certificate2(pfx, pfxPassword); // Compliant SECRETS005

        public X509Certificate2 PublicOnly(byte[] der) => new X509Certificate2(der); // Compliant SECRETS005

        public X509Certificate2 NoPassword(byte[] pfx) => new X509Certificate2(pfx, string.Empty); // Compliant SECRETS005

        public X509Certificate2 Empty(byte[] pfx) => new X509Certificate2(pfx, ""); // Compliant SECRETS005

        public X509Certificate2 FromEnvironment(byte[] pfx) => new X509Certificate2(pfx, Environment.GetEnvironmentVariable("PFX_PASSWORD")); // Compliant SECRETS005
    }
}
