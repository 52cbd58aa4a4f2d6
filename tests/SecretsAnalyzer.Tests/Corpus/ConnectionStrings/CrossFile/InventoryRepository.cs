using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Inventory.Configuration;

namespace Inventory
{
    public class InventoryRepository
    {
        private const string Primary = DbSettings.Prefix + "User Id=" + DbSettings.User + ";Password=" + DbSettings.Password; // Noncompliant SECRETS003

        private static readonly string Replica = "Server=inventory-replica;Database=" + DbSettings.Database + ";User Id=reader;Password=" + DbSettings.Password; // Noncompliant SECRETS003

        private static readonly string Cache = "inventory-cache.internal:6379,password=" + DbSettings.CachePassword + ",ssl=True"; // Noncompliant SECRETS003

        private static readonly string Broker = "amqp://inventory:" + DbSettings.BrokerPassword + "@inventory-mq.internal:5672/"; // Noncompliant SECRETS003

        public async Task<int> Handle(string sku, ILambdaContext context)
        {
            var builder = new DbConnectionStringBuilder { ["Server"] = DbSettings.Host, ["Password"] = DbSettings.Password }; // Noncompliant SECRETS003
            string local = $"Server={DbSettings.Host};User Id={DbSettings.User};Password={DbSettings.Password}"; // Noncompliant SECRETS003
            context.Logger.LogLine($"{sku}: {Primary.Length + Replica.Length + Cache.Length + Broker.Length + builder.Count + local.Length}");
            await Task.CompletedTask;
            return 0;
        }
    }
}
