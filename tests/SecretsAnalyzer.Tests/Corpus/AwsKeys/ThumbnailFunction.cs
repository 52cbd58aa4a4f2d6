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
        private const string WatermarkSha1 = "b3bf2f38571c26caa3c3f2bbbcb77b60714c42ef"; // Compliant SECRETS002

        private static readonly AmazonS3Client Uploads = new AmazonS3Client(
            "AKIA54ML6LG4TJFCZ4KA", // Noncompliant SECRETS001
            "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", // Noncompliant SECRETS002
            RegionEndpoint.EUWest1);

        public async Task<string> FunctionHandler(S3Event input, ILambdaContext context)
        {
            var credentials = new BasicAWSCredentials("AKIAEMRVFTVA2HIPGAD5", "/wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9"); // Noncompliant SECRETS001 SECRETS002
            using var s3 = new AmazonS3Client(credentials, RegionEndpoint.EUWest1);
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = input.Bucket, Key = input.Key });
            context.Logger.LogLine($"Resizing {input.Key} ({response.ContentLength} bytes), watermark {WatermarkSha1}");
            return "thumbnails/" + input.Key;
        }

        public AmazonS3Client ArchiveClient()
        {
            return new AmazonS3Client(awsSecretAccessKey: "rXxtNDFyuzX9k1gnneGEYG1/LwiqD9jJBAciI05F", awsAccessKeyId: "AKIADCLSXIFXI4VICB6W", region: RegionEndpoint.USEast2); // Noncompliant SECRETS001 SECRETS002
        }

        public string CacheKey(string key) => key + ":s0/2CAWZohN7EbtPUSL/EhNzi168C+bvvLy0Icv2"; // Compliant SECRETS002

        public string CommitOfTemplate => "576226e791898ae1212fda3b83006365f830682b"; // Compliant SECRETS002
    }
}
