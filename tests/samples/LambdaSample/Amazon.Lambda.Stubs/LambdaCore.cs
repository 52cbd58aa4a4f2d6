namespace Amazon.Lambda.Core
{
    public interface ILambdaLogger
    {
        void Log(string message);

        void LogLine(string message);
    }

    public interface ICognitoIdentity
    {
        string IdentityId { get; }

        string IdentityPoolId { get; }
    }

    public interface IClientContext
    {
    }

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
        public LambdaSerializerAttribute(System.Type serializerType)
        {
            SerializerType = serializerType;
        }

        public System.Type SerializerType { get; set; }
    }
}

namespace Amazon.Lambda.Serialization.SystemTextJson
{
    public class DefaultLambdaJsonSerializer : Amazon.Lambda.Core.ILambdaSerializer
    {
        public T Deserialize<T>(System.IO.Stream requestStream) => System.Text.Json.JsonSerializer.Deserialize<T>(requestStream);

        public void Serialize<T>(T response, System.IO.Stream responseStream) => System.Text.Json.JsonSerializer.Serialize(responseStream, response);
    }
}

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
}

namespace Amazon.Lambda.RuntimeSupport
{
    using System;
    using System.IO;
    using System.Threading;
    using System.Threading.Tasks;
    using Amazon.Lambda.Core;

    public class LambdaBootstrap
    {
        public Task RunAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    public class LambdaBootstrapBuilder
    {
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();

        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder();

        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => new LambdaBootstrapBuilder();

        public LambdaBootstrap Build() => new LambdaBootstrap();
    }
}
