namespace Amazon.SecretsManager.Model
{
    public class GetSecretValueRequest : Amazon.Runtime.AmazonWebServiceRequest
    {
        public string SecretId { get; set; }

        public string VersionId { get; set; }

        public string VersionStage { get; set; }
    }

    public class GetSecretValueResponse : Amazon.Runtime.AmazonWebServiceResponse
    {
        public string ARN { get; set; }

        public string Name { get; set; }

        public System.IO.MemoryStream SecretBinary { get; set; }

        public string SecretString { get; set; }

        public string VersionId { get; set; }
    }
}

namespace Amazon.SecretsManager
{
    using System.Threading;
    using System.Threading.Tasks;
    using Amazon.SecretsManager.Model;

    public interface IAmazonSecretsManager : System.IDisposable
    {
        Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default);
    }

    /// <summary>Mirror of the real client's public surface used by SecretsAnalyzer's fixes. Not a working client.</summary>
    public class AmazonSecretsManagerClient : IAmazonSecretsManager
    {
        public AmazonSecretsManagerClient()
        {
        }

        public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default)
            => throw new System.NotSupportedException("Test-only mirror of AWSSDK.SecretsManager.");

        public void Dispose()
        {
        }
    }
}
