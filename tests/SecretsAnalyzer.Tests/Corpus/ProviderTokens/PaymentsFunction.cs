using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Payments
{
    // Stripe charges and Shopify order sync.
    public class PaymentsFunction
    {
        private static readonly HttpClient Http = new HttpClient();

        private static readonly Dictionary<string, string> Keys = new Dictionary<string, string>
        {
            ["stripe-live"] = "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", // Noncompliant SECRETS006
            ["stripe-reporting"] = "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", // Noncompliant SECRETS006
            ["stripe-test"] = "sk_test_BSvcgiG9HxCeMg6IlS1Al4cy2DcMYapLh0s3VGoINTWIQFhVBmhQK5w9bBVXPMOCKD6VPhvCjFGmUU5s2vU5gzR3Ltyet673hKb", // Compliant SECRETS006
            ["stripe-publishable"] = "pk_live_F9vaV3NGIrDBtkRM0CTPXRJxB9ZDnmaISAgwMbFbdywmOEZyBbEhoXh52l2NPm0ocMsnlDQenKFMDvBs5xfu10VHFVwkORcYPb0", // Compliant SECRETS006
        };

        private const string LegacyStripeKey = "sk_live_RuBexs3g4WiWr1WBeZH34oMW"; // Noncompliant SECRETS006
        private const string ShopifyAdminToken = "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"; // Noncompliant SECRETS006
        private const string ShopifyWebhookSecret = "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"; // Noncompliant SECRETS006

        private const string StripeKeyPlaceholder = "sk_live_YOUR_SECRET_KEY_HERE"; // Compliant SECRETS006
        private const string StripeKeyMask = "sk_live_************************"; // Compliant SECRETS006
        private const string StripeKeyFormat = "sk_live_{0}"; // Compliant SECRETS006
        private const string StripeSecretName = "payments/stripe-secret-key"; // Compliant SECRETS006
        private const string ShopifyTokenMask = "shpat_00000000000000000000000000000000"; // Compliant SECRETS006
        private const string IdempotencyKey = "7fe1f2a844edebef31e35b41b98de956311a9d67"; // Compliant SECRETS006

        public async Task<string> Handle(ChargeRequest request, ILambdaContext context)
        {
            using var charge = new HttpRequestMessage(HttpMethod.Post, "https://api.stripe.com/v1/charges");
            charge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("STRIPE_MODE") == "live" ? Keys["stripe-live"] : Keys["stripe-test"]);
            await Http.SendAsync(charge);

            using var sync = new HttpRequestMessage(HttpMethod.Get, "https://orders-shop.myshopify.com/admin/api/2024-04/orders.json");
            sync.Headers.Add("X-Shopify-Access-Token", ShopifyAdminToken);
            await Http.SendAsync(sync);

            if (!request.Live)
            {
                context.Logger.LogLine("Stripe live keys start with sk_live_; test keys with sk_test_."); // Compliant SECRETS006
            }

            return LegacyStripeKey + ShopifyWebhookSecret + StripeKeyPlaceholder + StripeKeyMask + StripeKeyFormat + StripeSecretName + ShopifyTokenMask + IdempotencyKey;
        }
    }

    public class ChargeRequest
    {
        public bool Live { get; set; }
    }
}
