using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace OrdersFunction
{
    public class OrderRequest
    {
        public string OrderId { get; set; }
    }

    public class Function
    {
        public async Task<string> Handle(OrderRequest request, ILambdaContext context)
        {
            // Somebody pasted a user's keys to "make it work" on their laptop.
            using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKIAUJZDEGXDNCF32EPF", "Sc7Tvo+hBKqFYY+kv5ZJr3J1TWDtkwtDDb/xHKas"), RegionEndpoint.EUWest1);
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "orders", Key = request.OrderId });
            context.Logger.LogLine($"Fetched {request.OrderId}");
            return response.Key;
        }
    }
}
