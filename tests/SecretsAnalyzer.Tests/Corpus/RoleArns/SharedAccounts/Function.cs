using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Fleet.Telemetry
{
    using Fleet.Telemetry.Shared;

    public class Function
    {
        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        public async Task<string> Handle(Stream input, ILambdaContext context)
        {
            var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws:iam::" + Accounts.Staging + ":role/IngestReader", // Noncompliant SECRETS004
                RoleSessionName = Roles.SessionPrefix + context.AwsRequestId,
            });
            return response.AssumedRoleUser.Arn;
        }
    }
}
