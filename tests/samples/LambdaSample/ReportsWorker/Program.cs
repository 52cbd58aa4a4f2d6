using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// The worker's own account keys, "temporarily".
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIA3DHODZDOCIS2JHTL");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "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");

Func<Stream, ILambdaContext, Task<string>> handler = async (input, context) =>
{
    context.Logger.LogLine("Building the daily report");
    return await Task.FromResult("ok");
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
