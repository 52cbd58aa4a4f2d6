using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Shipping.Shared;

namespace Shipping
{
    public class ShippingFunction
    {
        private const string KeyId = KeyParts.Prefix + KeyParts.Body; // Noncompliant SECRETS001
        private const string Secret = KeyParts.SecretHead + KeyParts.SecretTail; // Noncompliant SECRETS002

        public string Handle(string order, ILambdaContext context)
        {
            using var s3 = new AmazonS3Client(KeyId, Secret, RegionEndpoint.GetBySystemName(KeyParts.RegionName));
            var credentials = new BasicAWSCredentials(KeyParts.Prefix + KeyParts.Body, KeyParts.Bland); // Noncompliant SECRETS001 SECRETS002
            context.Logger.LogLine(order + credentials.GetType().Name + KeyParts.BuildSha + KeyParts.RoleId);
            return $"{KeyParts.Prefix}SBNQDZYIF5APBEKZ"; // Noncompliant SECRETS001
        }

        public static string Partial() => KeyParts.Prefix + "WEZBPR3GRH7TITTQ"; // Noncompliant SECRETS001
    }
}
