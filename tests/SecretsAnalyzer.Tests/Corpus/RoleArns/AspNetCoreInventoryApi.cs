using Amazon.Lambda.AspNetCoreServer;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.Api
{
    /// <summary>The Lambda entry point of the ASP.NET Core API (handler "Inventory.Api::Inventory.Api.LambdaEntryPoint::FunctionHandlerAsync").</summary>
    public class LambdaEntryPoint : APIGatewayProxyFunction
    {
        internal const string CatalogRole = "arn:aws:iam::347260753825:role/inventory/CatalogReader"; // Noncompliant SECRETS004

        protected override void Init(IWebHostBuilder builder)
        {
        }
    }

    public class WarehouseController
    {
        private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();
        private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();

        public async Task<string> GetStockAsync(string sku)
        {
            var parameter = await _ssm.GetParameterAsync(new GetParameterRequest { Name = "/inventory/warehouse-role-arn" }); // Compliant SECRETS004
            string roleArn = parameter.Parameter?.Value ?? "arn:aws:iam::638103940215:role/WarehouseStockReader"; // Noncompliant SECRETS004
            var assumed = await _sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sku });
            return assumed.AssumedRoleUser.Arn;
        }

        public async Task<string> GetPricesAsync()
        {
            var parameter = await _ssm.GetParameterAsync(new GetParameterRequest { Name = "/inventory/pricing-role-arn" });
            var assumed = await _sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = parameter.Parameter.Value, RoleSessionName = "prices" }); // Compliant SECRETS004
            return assumed.AssumedRoleUser.Arn;
        }

        public AWSCredentials Suppliers(AWSCredentials source)
        {
            return new AssumeRoleAWSCredentials(source, "arn:aws:iam::407384265085:role/SupplierFeedReader", "suppliers"); // Noncompliant SECRETS004
        }
    }

    public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction
    {
        public static readonly string[] TrustedRoles =
        {
            "arn:aws:iam::182262335204:role/inventory-sync", // Noncompliant SECRETS004
            "arn:aws:iam::318980122942:role/inventory-audit", // Noncompliant SECRETS004
        };
    }
}
