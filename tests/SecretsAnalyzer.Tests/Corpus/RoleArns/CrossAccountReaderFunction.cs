using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Billing.CrossAccountReader
{
    public class InvoiceRequest
    {
        public string TenantId { get; set; }
        public string InvoiceKey { get; set; }
    }

    /// <summary>Reads invoices that the billing account keeps in the tenants' own buckets.</summary>
    public class Function
    {
        private const string LedgerRoleArn = "arn:aws:iam::857957094432:role/billing/LedgerReader"; // Noncompliant SECRETS004
        private const string ExecutionPolicy = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"; // Compliant SECRETS004
        private const string InvoiceQueueArn = "arn:aws:sqs:eu-west-1:857957094432:invoices"; // Compliant SECRETS004
        private const string AlertsTopicArn = "arn:aws:sns:eu-west-1:857957094432:billing-alerts"; // Compliant SECRETS004

        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        public async Task<string> FunctionHandler(InvoiceRequest request, ILambdaContext context)
        {
            var assumed = await Sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws:iam::646985371086:role/TenantInvoiceReader", // Noncompliant SECRETS004
                RoleSessionName = $"invoice-{request.TenantId}",
                DurationSeconds = 900,
            });

            var credentials = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
            using var s3 = new AmazonS3Client(credentials, RegionEndpoint.EUWest1);
            var invoice = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "tenant-invoices", Key = request.InvoiceKey });
            context.Logger.LogLine($"Read {request.InvoiceKey} as {LedgerRoleArn.Length} / {InvoiceQueueArn.Length} / {AlertsTopicArn.Length} / {ExecutionPolicy.Length}");
            return invoice.ETag;
        }

        public async Task<string> ReadWithOwnAccountAsync(InvoiceRequest request, ILambdaContext context)
        {
            // The right way: the role lives in whatever account runs this function.
            Arn.TryParse(context.InvokedFunctionArn, out Arn self);
            string roleArn = $"arn:{self.Partition}:iam::{self.AccountId}:role/TenantInvoiceReader"; // Compliant SECRETS004
            var assumed = await Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "invoice" });
            return assumed.AssumedRoleUser.Arn;
        }

        public AWSCredentials AuditCredentials(AWSCredentials source)
        {
            return new AssumeRoleAWSCredentials(source, "arn:aws:iam::159199799270:role/AuditReadOnly", "billing-audit"); // Noncompliant SECRETS004
        }

        public AWSCredentials FallbackCredentials(AWSCredentials source)
        {
            string fromEnvironment = Environment.GetEnvironmentVariable("LEDGER_ROLE_ARN");
            string roleArn = fromEnvironment ?? "arn:aws:iam::131781639665:role/LedgerFallback"; // Noncompliant SECRETS004
            return new AssumeRoleAWSCredentials(source, roleArn, "ledger");
        }

        public AWSCredentials ConfiguredCredentials(AWSCredentials source)
        {
            string account = Environment.GetEnvironmentVariable("LEDGER_ACCOUNT_ID");
            return new AssumeRoleAWSCredentials(source, $"arn:aws:iam::{account}:role/LedgerReader", "ledger"); // Compliant SECRETS004
        }
    }
}
