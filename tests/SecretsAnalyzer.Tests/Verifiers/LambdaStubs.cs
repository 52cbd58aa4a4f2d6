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
    }
}
