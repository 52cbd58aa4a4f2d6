using System;
using System.Net;
using System.Net.Mail;
using Amazon.Lambda.Core;

namespace Orders.Notifications
{
    /// <summary>Sends order confirmations through the corporate SMTP relay.</summary>
    public class MailNotifier
    {
        private const string RelayUser = "orders-relay@mail.orders.example";
        private const string RelayPassword = "PtYgj_mUh%Bel3"; // Noncompliant SECRETS005
        private const string PasswordPrompt = "Enter the SMTP password:"; // Compliant SECRETS005
        private const string SmtpPasswordParameter = "/orders/smtp/password"; // Compliant SECRETS005

        private static readonly SmtpClient Relay = new SmtpClient("smtp.mail.orders.example", 587)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential(RelayUser, "1iEl2hpChYgCfr"), // Noncompliant SECRETS005
        };

        public void Handler(string orderId, ILambdaContext context)
        {
            using var message = new MailMessage("orders@orders.example", "customer@orders.example", "Order " + orderId, "Thanks!");
            Relay.Send(message);
        }

        public SmtpClient Backup()
        {
            var client = new SmtpClient("smtp-backup.mail.orders.example");
            client.Credentials = new NetworkCredential("backup-relay", RelayPassword); // Noncompliant SECRETS005
            return client;
        }

        public SmtpClient FromEnvironment()
        {
            var client = new SmtpClient("smtp.mail.orders.example");
            client.Credentials = new NetworkCredential(RelayUser, Environment.GetEnvironmentVariable("SMTP_PASSWORD")); // Compliant SECRETS005
            return client;
        }

        public NetworkCredential FromSecret(string secretPassword) => new NetworkCredential(RelayUser, secretPassword); // Compliant SECRETS005

        public NetworkCredential Documented() => new NetworkCredential("relay-user", "<smtp-password>"); // Compliant SECRETS005

        public NetworkCredential Guest() => new NetworkCredential("guest", "guest"); // Compliant SECRETS005 - password equal to the user

        public NetworkCredential Initializer() => new NetworkCredential
        {
            UserName = "archive-relay",
            Password = "L1spNxnyVmihA#", // Noncompliant SECRETS005
            Domain = "CORP",
        };

        public void Rotate(NetworkCredential credential, string fresh)
        {
            credential.Password = fresh; // Compliant SECRETS005
            credential.Password = "_2O76UMFxFkM-#R5"; // Noncompliant SECRETS005
        }

        public CredentialCache Cache() => new CredentialCache
        {
            { new Uri("https://exchange.orders.example"), "NTLM", new NetworkCredential("svc-exchange", "Kjp^1vRt!1fjORS#6i", "CORP") }, // Noncompliant SECRETS005
        };
    }
}
