using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders.Notifications
{
    // Chat, mail and SMS notifications of an order pipeline: Slack, SendGrid, Twilio.
    public class OrderNotificationFunction
    {
        private static readonly HttpClient Http = new HttpClient();

        private const string OpsWebhook = "https://hooks.slack.com/services/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"; // Noncompliant SECRETS006
        private const string SlackBotToken = "xoxb-85288179336-5126728365169-ruQgPW47aIvG9Dl4Q2USA16E"; // Noncompliant SECRETS006
        private const string SendGridKey = "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"; // Noncompliant SECRETS006
        private const string TwilioKey = "SK0803a3d51eb2f02d53b67185767fc17c:bprEyF8WwPNLhJkYq7WRvwVSDpYOV4vf"; // Noncompliant SECRETS006

        private const string WebhookBase = "https://hooks.slack.com/services/"; // Compliant SECRETS006
        private const string DocsWebhook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"; // Compliant SECRETS006
        private const string DocsBotToken = "xoxb-not-a-real-token-this-will-not-work"; // Compliant SECRETS006
        private const string TemplateBotToken = "xoxb-{0}-{1}-{2}"; // Compliant SECRETS006
        private const string TwilioKeySid = "SKef8c18f87967ee3dbf68bbedf06cc70a"; // Compliant SECRETS006
        private const string TwilioAccountSecretName = "orders/twilio-api-key"; // Compliant SECRETS006
        private const string SendGridTemplateId = "d-4001d5df07ab0d2820f3b55e9446a7cb"; // Compliant SECRETS006

        public async Task<string> Handle(OrderEvent order, ILambdaContext context)
        {
            var payload = new StringContent("{\"text\":\"Order " + order.Id + " shipped\"}", Encoding.UTF8, "application/json");
            await Http.PostAsync(OpsWebhook, payload);

            using var request = new HttpRequestMessage(HttpMethod.Post, "https://slack.com/api/chat.postMessage");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SlackBotToken);
            await Http.SendAsync(request);

            using var mail = new HttpRequestMessage(HttpMethod.Post, "https://api.sendgrid.com/v3/mail/send");
            mail.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SendGridKey);
            await Http.SendAsync(mail);

            string escalation = $"{order.Region} escalation: https://hooks.slack.com/services/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"; // Noncompliant SECRETS006
            context.Logger.LogLine("Posting to Slack with a bot token (xoxb-…) from Secrets Manager"); // Compliant SECRETS006
            return escalation + TwilioKey + TwilioKeySid + DocsWebhook + DocsBotToken + TemplateBotToken + WebhookBase + TwilioAccountSecretName + SendGridTemplateId;
        }

        // Twilio key for the SMS fallback, created 2024-05:
        // sid SKef8c18f87967ee3dbf68bbedf06cc70a secret KeEvEP9ZoV7A2Bf4sZEwD0PNefOTn3Es // Noncompliant SECRETS006
        // The Twilio auth token is 32 hex characters, e.g. SKef8c18f87967ee3dbf68bbedf06cc70a / 4001d5df07ab0d2820f3b55e9446a7cb (hash of the request) // Compliant SECRETS006
    }

    public class OrderEvent
    {
        public string Id { get; set; } = "";
        public string Region { get; set; } = "";
    }
}
