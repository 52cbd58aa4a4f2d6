using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Runtime;

namespace OrdersFunction
{
    /// <summary>Shipping endpoints written with Amazon.Lambda.Annotations.</summary>
    public class ShippingFunctions
    {
        // The function's own execution role, pinned to the production account.
        [LambdaFunction(Role = "arn:aws:iam::918273645019:role/orders-shipping", MemorySize = 256)]
        public string Quote(string orderId, ILambdaContext context)
        {
            context.Logger.LogLine($"Quoting {orderId}");
            return orderId;
        }

        // Credentials for the carrier integration account, also pinned.
        public AWSCredentials CarrierCredentials(AWSCredentials source)
        {
            return new AssumeRoleAWSCredentials(source, "arn:aws:iam::546372819203:role/CarrierLabelPrinter", "orders-shipping");
        }
    }
}
