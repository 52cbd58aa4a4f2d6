using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders.Partners
{
    public static class HeaderNames
    {
        public const string Authorization = "Authorization";
        public const string ApiKey = "X-Api-Key";
        public const string RequestId = "X-Request-Id";
    }

    /// <summary>Calls the shipping, billing and search partners.</summary>
    public class PartnerApiClient
    {
        private const string ShippingToken = "lI8ihN5KXSc7Tvo#hBKq"; // Noncompliant SECRETS005
        private const string TokenEndpoint = "https://login.shipping.example/oauth2/token"; // Compliant SECRETS005
        private const string ApiKeyHeader = "Ocp-Apim-Subscription-Key"; // Compliant SECRETS005

        private static readonly HttpClient Shipping = new HttpClient();
        private static readonly HttpClient Billing = new HttpClient();

        static PartnerApiClient()
        {
            Shipping.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "FYY#kv5ZJr3J1TWDtkwtDD"); // Noncompliant SECRETS005
            Billing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "YmlsbGluZy1hcGk6VnE4I0xyMiFaeDVt"); // Noncompliant SECRETS005
            Billing.DefaultRequestHeaders.Add(HeaderNames.ApiKey, "b!xHKas1_VOq^g6YYZYn9Zhy"); // Noncompliant SECRETS005
        }

        public async Task<string> Handler(string query, ILambdaContext context)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://search.partner.example/v1?q=" + Uri.EscapeDataString(query));
            request.Headers.Add(ApiKeyHeader, "iA4uoRgnat_mUdjAWtGSU8po!799"); // Noncompliant SECRETS005
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {ShippingToken}"); // Noncompliant SECRETS005
            request.Headers.Add("x-functions-key", "NksnRH9u*cA-Usd-MlH*UvTC_%QCyEZD"); // Noncompliant SECRETS005
            request.Headers.Add(HeaderNames.RequestId, context.AwsRequestId); // Compliant SECRETS005
            request.Headers.Add("X-Correlation-Id", "6f1c2a9e-4b7d-4e0a-9c3f-2d8b5e7a1f40"); // Compliant SECRETS005
            using HttpResponseMessage response = await Shipping.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        public void FromRuntime(HttpRequestMessage request, string token, string user, string password)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token); // Compliant SECRETS005
            request.Headers.Add(HeaderNames.Authorization, "Bearer " + token); // Compliant SECRETS005
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password))); // Compliant SECRETS005
            request.Headers.Add("X-Api-Key", Environment.GetEnvironmentVariable("SEARCH_API_KEY")); // Compliant SECRETS005
        }

        public void Documented(HttpRequestMessage request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "YOUR_ACCESS_TOKEN"); // Compliant SECRETS005
            request.Headers.Add("X-Api-Key", "<api-key>"); // Compliant SECRETS005
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "c3ZjLXJlcG9ydHM6c3ZjLXJlcG9ydHM="); // Compliant SECRETS005 - user:user
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "cmVwb3J0ZXI6e3twYXNzd29yZH19"); // Compliant SECRETS005 - a template
            request.Headers.Authorization = new AuthenticationHeaderValue("Negotiate"); // Compliant SECRETS005
            request.Headers.Add("Accept", "application/json"); // Compliant SECRETS005
        }
    }
}
