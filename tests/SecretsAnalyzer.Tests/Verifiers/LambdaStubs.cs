namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>
    /// Test-only sources that mirror the public API of packages not served here (Amazon.Lambda.*,
    /// AWSSDK.SecretsManager) with exactly the same namespaces, type and member names.
    /// </summary>
    public static class LambdaStubs
    {
        public const string LambdaCore = @"
namespace Amazon.Lambda.Core
{
    public interface ILambdaLogger { void Log(string message); void LogLine(string message); }
    public interface ICognitoIdentity { string IdentityId { get; } string IdentityPoolId { get; } }
    public interface IClientContext { }
    public interface ILambdaContext
    {
        string AwsRequestId { get; }
        IClientContext ClientContext { get; }
        string FunctionName { get; }
        string FunctionVersion { get; }
        ICognitoIdentity Identity { get; }
        string InvokedFunctionArn { get; }
        ILambdaLogger Logger { get; }
        string LogGroupName { get; }
        string LogStreamName { get; }
        int MemoryLimitInMB { get; }
        System.TimeSpan RemainingTime { get; }
    }
    public interface ILambdaSerializer
    {
        T Deserialize<T>(System.IO.Stream requestStream);
        void Serialize<T>(T response, System.IO.Stream responseStream);
    }
    [System.AttributeUsage(System.AttributeTargets.Assembly | System.AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute : System.Attribute
    {
        public LambdaSerializerAttribute(System.Type serializerType) { SerializerType = serializerType; }
        public System.Type SerializerType { get; set; }
    }
}";

        public const string LambdaAnnotations = @"
namespace Amazon.Lambda.Annotations
{
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class LambdaFunctionAttribute : System.Attribute
    {
        public string ResourceName { get; set; }
        public int Timeout { get; set; }
        public int MemorySize { get; set; }
        public string Role { get; set; }
        public string Policies { get; set; }
    }
}";
    
        /// <summary>Mirror of AWSSDK.SecretsManager's public surface used by the fixes and the corpus (not served here).</summary>
        public const string SecretsManager = @"
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

    /// <summary>Mirror of the real client's constructors and the one call the fixes use. Not a working client.</summary>
    public class AmazonSecretsManagerClient : IAmazonSecretsManager
    {
        public AmazonSecretsManagerClient() { }
        public AmazonSecretsManagerClient(Amazon.RegionEndpoint region) { }
        public AmazonSecretsManagerClient(Amazon.Runtime.AWSCredentials credentials) { }
        public AmazonSecretsManagerClient(Amazon.Runtime.AWSCredentials credentials, Amazon.RegionEndpoint region) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, Amazon.RegionEndpoint region) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken) { }
        public AmazonSecretsManagerClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, Amazon.RegionEndpoint region) { }

        public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken = default)
            => throw new System.NotSupportedException(""Test-only mirror of AWSSDK.SecretsManager."");

        public void Dispose() { }
    }
}";
    }
}
