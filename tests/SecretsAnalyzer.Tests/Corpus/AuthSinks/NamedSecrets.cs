using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders.Settings
{
    /// <summary>Settings of the order pipeline: some values, and many names of values.</summary>
    public class PipelineSettings
    {
        public string SlackBotToken { get; set; } = Environment.GetEnvironmentVariable("SLACK_BOT_TOKEN") ?? string.Empty; // Compliant SECRETS005
        public string SearchApiKey = "3QlY7Zkuvq-dt7s8Stqcbn"; // Noncompliant SECRETS005
        public string ClientSecret { get; set; } = string.Empty;

        private const string ReportsPassword = "Qx7!mW2pLk9z"; // Noncompliant SECRETS005
        private static readonly string PaymentsApiToken = "pt_8Kq2Lw9Xp4Rz7Tv1Mn6B"; // Noncompliant SECRETS005

        private const string PasswordPolicy = "min:12;upper:1;digit:1;symbol:1"; // Compliant SECRETS005
        private const string TokenType = "urn:ietf:params:oauth:token-type:jwt"; // Compliant SECRETS005
        private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:560788957781:secret:orders/api-Ab12Cd"; // Compliant SECRETS005
        private const string SecretId = "orders/payments/api-token"; // Compliant SECRETS005
        private const string PasswordEnvVar = "REPORTS_PASSWORD"; // Compliant SECRETS005
        private const string PasswordPattern = @"^(?=.*\d)(?=.*[A-Z]).{12,}$"; // Compliant SECRETS005
        private const string PasswordHash = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"; // Compliant SECRETS005
        private const string ApiKeyHeaderName = "X-Api-Key"; // Compliant SECRETS005
        private const string NextPageToken = "eyJvZmZzZXQiOjEwMCwibGltaXQiOjUwfQ=="; // Compliant SECRETS005 - a pagination cursor
        private const int PasswordMinLength = 12; // Compliant SECRETS005

        public void Configure(string region, string dbPassword = "Lw4#Kp9!Xz2q", string apiKey = null) // Noncompliant SECRETS005
        {
            ClientSecret = "cs_9Fk2Lq7Xw4Pm8Zr3Tv6N"; // Noncompliant SECRETS005
            var webhookSecret = "wh_Zp4Rk8Wm2Qx6Ln9Vt3Hy"; // Noncompliant SECRETS005
            var passphrase = "amber-Falcon-73-orbit!"; // Noncompliant SECRETS005
            var form = new Dictionary<string, string>
            {
                { "grant_type", "client_credentials" }, // Compliant SECRETS005
                { "client_secret", "Fq3Lm8Zx2Wp7Rk9Tv4Nb6H" }, // Noncompliant SECRETS005
            };
            form["api_key"] = "Ak3Lq8Zx2Wp7Rm9Tv4NbQ"; // Noncompliant SECRETS005
            form.Add("refresh_token", "rt_5Kq8Lp3Xz9Rm2Tv6NbW"); // Noncompliant SECRETS005
            var body = new { username = "reports", password = "An2!pQ7wXk4zR" }; // Noncompliant SECRETS005
        }

        public async Task<string> Handler(string input, ILambdaContext context)
        {
            CancellationToken cancellationToken = CancellationToken.None; // Compliant SECRETS005
            var token = cancellationToken; // Compliant SECRETS005
            string password = null; // Compliant SECRETS005
            string secret = await ReadSecretAsync("orders/reports"); // Compliant SECRETS005
            var apiKey = Environment.GetEnvironmentVariable("SEARCH_API_KEY"); // Compliant SECRETS005
            string adminPassword = "changeme"; // Compliant SECRETS005
            string clientSecret = "your-client-secret"; // Compliant SECRETS005
            string botToken = "xoxb-EXAMPLE-TOKEN"; // Compliant SECRETS005
            string tokenPath = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token"; // Compliant SECRETS005
            string dbPassword = "DB_PASSWORD"; // Compliant SECRETS005 - the name of a variable
            string reportsPassword = "reports-db-password"; // Compliant SECRETS005 - a parameter's name
            bool isPasswordValid = password == "Xy7!abcdef"; // Compliant SECRETS005
            var passwordPrompt = "Password (min. 12 chars):"; // Compliant SECRETS005
            return string.Join(",", token.IsCancellationRequested, secret, apiKey, adminPassword, clientSecret, botToken, tokenPath, dbPassword, reportsPassword, isPasswordValid, passwordPrompt);
        }

        private static Task<string> ReadSecretAsync(string name) => Task.FromResult(name);
    }
}
