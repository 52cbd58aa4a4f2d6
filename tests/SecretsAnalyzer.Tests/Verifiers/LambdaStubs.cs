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

        /// <summary>Amazon.Lambda.Annotations.APIGateway: the HttpApi / RestApi attributes (real names and constructors).</summary>
        public const string AnnotationsAPIGateway = @"
namespace Amazon.Lambda.Annotations.APIGateway
{
    public enum LambdaHttpMethod { Any, Get, Post, Put, Patch, Head, Delete, Options }
    public enum HttpApiVersion { V1, V2 }
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class HttpApiAttribute : System.Attribute
    {
        public HttpApiAttribute(LambdaHttpMethod method, string template) { Method = method; Template = template; }
        public HttpApiVersion Version { get; set; } = HttpApiVersion.V2;
        public string Template { get; set; }
        public LambdaHttpMethod Method { get; set; }
    }
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public class RestApiAttribute : System.Attribute
    {
        public RestApiAttribute(LambdaHttpMethod method, string template) { Method = method; Template = template; }
        public string Template { get; set; }
        public LambdaHttpMethod Method { get; set; }
    }
    [System.AttributeUsage(System.AttributeTargets.Parameter)]
    public class FromBodyAttribute : System.Attribute { }
    [System.AttributeUsage(System.AttributeTargets.Parameter)]
    public class FromRouteAttribute : System.Attribute { public string Name { get; set; } }
    [System.AttributeUsage(System.AttributeTargets.Parameter)]
    public class FromQueryAttribute : System.Attribute { public string Name { get; set; } }
    [System.AttributeUsage(System.AttributeTargets.Parameter)]
    public class FromHeaderAttribute : System.Attribute { public string Name { get; set; } }
}";

        /// <summary>Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer.</summary>
        public const string SerializationSystemTextJson = @"
namespace Amazon.Lambda.Serialization.SystemTextJson
{
    public class DefaultLambdaJsonSerializer : Amazon.Lambda.Core.ILambdaSerializer
    {
        public T Deserialize<T>(System.IO.Stream requestStream) => System.Text.Json.JsonSerializer.Deserialize<T>(requestStream);
        public void Serialize<T>(T response, System.IO.Stream responseStream) => System.Text.Json.JsonSerializer.Serialize(responseStream, response);
    }
}";

        /// <summary>
        /// Amazon.Lambda.RuntimeSupport: <c>LambdaBootstrapBuilder.Create(handler[, serializer]).Build().RunAsync()</c>, with a
        /// representative subset of the real overloads (same parameter types and generic arities).
        /// </summary>
        public const string RuntimeSupport = @"
namespace Amazon.Lambda.RuntimeSupport
{
    using System;
    using System.IO;
    using System.Threading;
    using System.Threading.Tasks;
    using Amazon.Lambda.Core;

    public class LambdaBootstrap : IDisposable
    {
        public Task RunAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
    }

    public class LambdaBootstrapBuilder
    {
        private LambdaBootstrapBuilder() { }
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();
        public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler) => new LambdaBootstrapBuilder();
        public LambdaBootstrap Build() => new LambdaBootstrap();
    }
}";

        /// <summary>
        /// Amazon.Lambda.AspNetCoreServer function base classes, with the event types they use
        /// (Amazon.Lambda.APIGatewayEvents, Amazon.Lambda.ApplicationLoadBalancerEvents) and IWebHostBuilder.
        /// </summary>
        public const string AspNetCoreServer = @"
namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostBuilder { }
}
namespace Amazon.Lambda.APIGatewayEvents
{
    public class APIGatewayProxyRequest { public string Path { get; set; } public string HttpMethod { get; set; } public string Body { get; set; } }
    public class APIGatewayProxyResponse { public int StatusCode { get; set; } public string Body { get; set; } }
    public class APIGatewayHttpApiV2ProxyRequest { public string RawPath { get; set; } public string Body { get; set; } }
    public class APIGatewayHttpApiV2ProxyResponse { public int StatusCode { get; set; } public string Body { get; set; } }
}
namespace Amazon.Lambda.ApplicationLoadBalancerEvents
{
    public class ApplicationLoadBalancerRequest { public string Path { get; set; } public string Body { get; set; } }
    public class ApplicationLoadBalancerResponse { public int StatusCode { get; set; } public string Body { get; set; } }
}
namespace Amazon.Lambda.AspNetCoreServer
{
    using System.Threading.Tasks;
    using Amazon.Lambda.Core;
    using Microsoft.AspNetCore.Hosting;

    public abstract class AbstractAspNetCoreFunction
    {
        public const string LAMBDA_CONTEXT = ""LambdaContext"";
    }
    public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
    {
        protected virtual void Init(IWebHostBuilder builder) { }
        public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext) => Task.FromResult(default(TRESPONSE));
    }
    public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest, Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse> { }
    public abstract class APIGatewayProxyFunction<TStartup> : APIGatewayProxyFunction where TStartup : class { }
    public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction<Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest, Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse> { }
    public abstract class APIGatewayHttpApiV2ProxyFunction<TStartup> : APIGatewayHttpApiV2ProxyFunction where TStartup : class { }
    public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction<Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest, Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerResponse> { }
    public abstract class ApplicationLoadBalancerFunction<TStartup> : ApplicationLoadBalancerFunction where TStartup : class { }
}";

        /// <summary>
        /// Amazon.Lambda.AspNetCoreServer.Hosting: <c>services.AddAWSLambdaHosting(LambdaEventSource.*)</c>, which the real package
        /// declares in namespace Microsoft.Extensions.DependencyInjection; with a minimal IServiceCollection / ServiceCollection
        /// mirror (Microsoft.Extensions.DependencyInjection is not referenced by the test compilations).
        /// </summary>
        public const string AspNetCoreHosting = @"
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public class ServiceCollection : IServiceCollection { }
    public enum LambdaEventSource { RestApi, HttpApi, ApplicationLoadBalancer }
    public static class ServiceCollectionExtensions
    {
        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource) => services;
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

        /// <summary>
        /// Mirror of the public API of Microsoft.IdentityModel.Tokens (not served here) that SECRETS005 and its tests use:
        /// <c>SecurityKey</c>, <c>SymmetricSecurityKey(byte[] key)</c>, <c>SigningCredentials(SecurityKey, string)</c> and
        /// two <c>SecurityAlgorithms</c> constants. Same namespaces, names and signatures; no behaviour.
        /// </summary>
        public const string IdentityModelTokens = @"
namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityKey
    {
        public virtual string KeyId { get; set; }
        public abstract int KeySize { get; }
    }

    public class SymmetricSecurityKey : SecurityKey
    {
        private readonly byte[] _key;
        public SymmetricSecurityKey(byte[] key) { _key = key; }
        public virtual byte[] Key => _key;
        public override int KeySize => _key.Length * 8;
    }

    public class SigningCredentials
    {
        public SigningCredentials(SecurityKey key, string algorithm) { Key = key; Algorithm = algorithm; }
        public SecurityKey Key { get; }
        public string Algorithm { get; }
    }

    public static class SecurityAlgorithms
    {
        public const string HmacSha256 = ""HS256"";
        public const string HmacSha256Signature = ""http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"";
    }
}";

        /// <summary>Every mirror above, for compilations that may use any Lambda programming model.</summary>
        public static readonly string[] All = { LambdaCore, LambdaAnnotations, AnnotationsAPIGateway, SerializationSystemTextJson, RuntimeSupport, AspNetCoreServer, AspNetCoreHosting, SecretsManager };
    }
}
