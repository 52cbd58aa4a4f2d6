using System.IO;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

[assembly: LambdaSerializer(typeof(ThumbnailService.JsonSerializer))]

namespace ThumbnailService
{
    public sealed class JsonSerializer : ILambdaSerializer
    {
        public T Deserialize<T>(Stream requestStream) => default!;

        public void Serialize<T>(T response, Stream responseStream)
        {
        }
    }

    public class S3Event
    {
        public string Bucket { get; set; } = "";

        public string Key { get; set; } = "";
    }

    /// <summary>Creates thumbnails for uploaded images.</summary>
    public class Function
    {
        // SHA-1 of the watermark image, used to detect re-uploads.
        private const string WatermarkSha1 = "63ee10a8d606528280aacd37c9d14202cc2bf5d1"; // Compliant SECRETS002

        private static readonly AmazonS3Client Uploads = new AmazonS3Client(
            "AKIARSMEEQVQXZLPP7EF", // Noncompliant SECRETS001
            "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", // Noncompliant SECRETS002
            RegionEndpoint.EUWest1);

        public async Task<string> FunctionHandler(S3Event input, ILambdaContext context)
        {
            var credentials = new BasicAWSCredentials("AKIADPKN7FVVDZVHTQFT", "67KpcKB9pahVyLme206axTbyDWyQXiSfxikLDr79"); // Noncompliant SECRETS001 SECRETS002
            using var s3 = new AmazonS3Client(credentials, RegionEndpoint.EUWest1);
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = input.Bucket, Key = input.Key });
            context.Logger.LogLine($"Resizing {input.Key} ({response.ContentLength} bytes), watermark {WatermarkSha1}");
            return "thumbnails/" + input.Key;
        }

        public AmazonS3Client ArchiveClient()
        {
            return new AmazonS3Client(awsSecretAccessKey: "nDVJd/uN7B3MAtQhDp8kF3ONfqnZlVAvcx4g4gCJ", awsAccessKeyId: "AKIAMG4XVNZMKAWPMUY6", region: RegionEndpoint.USEast2); // Noncompliant SECRETS001 SECRETS002
        }

        public string CacheKey(string key) => key + ":VhA+mBKVw7veDLLLoSEM1Jr7fYsXchqovyJOqJLZ"; // Compliant SECRETS002

        public string CommitOfTemplate => "848f3400bff11e9206eeb8037242af7c15d766ca"; // Compliant SECRETS002
    }
}
