using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace OrdersFunction
{
    /// <summary>Tells the warehouse channel in Slack that an order has shipped.</summary>
    public static class ShippingNotifier
    {
        private static readonly HttpClient Http = new HttpClient();

        // The #warehouse channel's incoming webhook.
        private const string WarehouseWebhook = "https://hooks.slack.com/services/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";

        public static async Task NotifyShippedAsync(string orderId)
        {
            string body = "{\"text\":\"Order " + orderId + " has shipped\"}";
            using HttpResponseMessage response = await Http.PostAsync(WarehouseWebhook, new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }
    }
}
