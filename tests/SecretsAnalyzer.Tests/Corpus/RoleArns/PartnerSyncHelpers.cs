using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Partners.Sync
{
    public class SyncFunction
    {
        public async Task Handle(Stream input, ILambdaContext context)
        {
            var client = new PartnerClient();
            await client.PushAsync(context.AwsRequestId);
        }
    }

    /// <summary>A helper type of the Lambda project: still Lambda code, it ships in the same deployment package.</summary>
    public class PartnerClient
    {
        private static readonly IAmazonSecurityTokenService Sts = new AmazonSecurityTokenServiceClient(RegionEndpoint.USEast1);

        private readonly string _primaryRole = "arn:aws:iam::774860651941:role/partner-sync/Uploader"; // Noncompliant SECRETS004

        public string DisasterRecoveryRole { get; set; } = "arn:aws:iam::336445706874:role/partner-sync/UploaderDr"; // Noncompliant SECRETS004

        public async Task PushAsync(string requestId)
        {
            var request = new AssumeRoleRequest();
            request.RoleArn = "arn:aws:iam::806378075750:role/PartnerBucketWriter"; // Noncompliant SECRETS004
            request.RoleSessionName = requestId;
            var response = await Sts.AssumeRoleAsync(request);
            using var s3 = new AmazonS3Client(new SessionAWSCredentials(response.Credentials.AccessKeyId, response.Credentials.SecretAccessKey, response.Credentials.SessionToken), RegionEndpoint.USEast1);
            await s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = "partner-drop", Key = requestId, ContentBody = "{}" });
        }

        public AssumeRoleRequest Fallback(string configured) =>
            new AssumeRoleRequest { RoleArn = string.IsNullOrEmpty(configured) ? "arn:aws:iam::274863889215:role/PartnerFallback" : configured }; // Noncompliant SECRETS004

        public AWSCredentials Chain(AWSCredentials source)
        {
            var options = new AssumeRoleAWSCredentialsOptions { DurationSeconds = 3600 };
            return new AssumeRoleAWSCredentials(source, "arn:aws-iso-b:iam::694318961443:role/PartnerIsoSync", "iso", options); // Noncompliant SECRETS004
        }

        public string WildcardName() => "arn:aws:iam::891427313238:role/partner-*"; // Noncompliant SECRETS004

        public string Described() => "Uploads run as arn:aws:iam::128434901205:role/partner-sync/Uploader, not as the function role."; // Noncompliant SECRETS004

        public string Verbatim() => @"arn:aws:iam::499115284562:role/partner-sync/Verbatim"; // Noncompliant SECRETS004

        public string RoleNameOnly() => "partner-sync/Uploader"; // Compliant SECRETS004

        public string RoleIdNotArn() => "role/partner-sync/Uploader in account 611701882717"; // Compliant SECRETS004
    }
}
