using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Orders.Api
{
    public class Order
    {
        public string Id { get; set; }
        public decimal Total { get; set; }
    }

    public class Functions
    {
        private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();

        [LambdaFunction(Role = "arn:aws:iam::512323332173:role/orders-api-get", MemorySize = 256, Timeout = 15)] // Noncompliant SECRETS004
        [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
        public Order GetOrder(string id, ILambdaContext context)
        {
            context.Logger.LogLine($"GET {id}");
            return new Order { Id = id };
        }

        [LambdaFunction(Role = "@OrdersApiRole", MemorySize = 256)] // Compliant SECRETS004
        [HttpApi(LambdaHttpMethod.Post, "/orders")]
        public Order CreateOrder([Amazon.Lambda.Annotations.APIGateway.FromBody] Order order, ILambdaContext context)
        {
            return order;
        }

        [LambdaFunction(Policies = "AWSLambdaBasicExecutionRole, arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess")] // Compliant SECRETS004
        [RestApi(LambdaHttpMethod.Get, "/orders")]
        public IList<Order> ListOrders(ILambdaContext context) => new List<Order>();

        [LambdaFunction(Role = "arn:aws-cn:iam::759976583270:role/orders-china-export")] // Noncompliant SECRETS004
        [RestApi(LambdaHttpMethod.Post, "/orders/export")]
        public async Task<string> ExportOrders(ILambdaContext context)
        {
            var response = await _sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws-cn:iam::339432132739:role/ExportWriter", // Noncompliant SECRETS004
                RoleSessionName = "export",
            });
            return response.AssumedRoleUser.AssumedRoleId;
        }

        [LambdaFunction(Role = "arn:aws:iam::123456789012:role/ExampleRole")] // Compliant SECRETS004
        [HttpApi(LambdaHttpMethod.Delete, "/orders/{id}")]
        public void DeleteOrder(string id, ILambdaContext context)
        {
            context.Logger.LogLine($"DELETE {id}");
        }

        [LambdaFunction(Role = "arn:aws-us-gov:iam::543450999012:role/orders-gov-sync")] // Noncompliant SECRETS004
        public void SyncGovCloud(ILambdaContext context)
        {
            context.Logger.LogLine("sync");
        }
    }
}
