using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

namespace Payments.Api
{
    public sealed class AwsSettings
    {
        public string Region { get; init; } = "eu-west-1";

        public string AccessKeyId { get; init; } = "AKIARH6L5TE7ZM4HBQ2B"; // Noncompliant SECRETS001

        public string SecretAccessKey { get; init; } = "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"; // Noncompliant SECRETS002

        public string? SessionToken { get; init; }

        public string ConfigurationHash { get; init; } = "ffd96cd22a0b169946d35ddaa24a1584e937b7c1"; // Compliant SECRETS002
    }

    public sealed record ClientSettings(string Region = "eu-west-1", string AccessKey = "AKIADFX2KV7FIPHTY2Q2", string Secret = "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"); // Noncompliant SECRETS001 SECRETS002

    public class PaymentsFunctions
    {
        private static readonly AmazonSecretsManagerClient Secrets = new AmazonSecretsManagerClient("AKIA26YK7TXERXEF7XFU", "X670afzpgVBJ9Pma4U9UaaUpy5YvtdaUo1Cm/l+V", RegionEndpoint.EUWest1); // Noncompliant SECRETS001 SECRETS002

        private static readonly Dictionary<string, string?> InMemoryConfiguration = new()
        {
            ["AWS:Region"] = "eu-west-1",
            ["AWS:AccessKey"] = "AKIA7NIVNQNNRCZOZNJ7", // Noncompliant SECRETS001
            ["AWS:SecretKey"] = "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", // Noncompliant SECRETS002
            ["Payments:WebhookSecret"] = "DVQrQ04FwkWRV09eEHZN56VTnarsS5hRs/wAllAS", // Compliant SECRETS002
            ["Payments:IdempotencySalt"] = "HdpJ2cbniCe+COQvYvdp5AWdkkCjgPqEUa5BzP/S", // Compliant SECRETS002
        };

        [LambdaFunction(MemorySize = 256)]
        public async Task<string> Charge(string orderId, ILambdaContext context)
        {
            var (keyId, secretKey) = ("AKIACJQXP32JBCURZQTY", "D13rmnKy5otWECNcBVQMq/OWDXOe1SZTNA9TP0Gc"); // Noncompliant SECRETS001 SECRETS002
            var credentials = new BasicAWSCredentials(keyId, secretKey);
            var secret = await Secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "payments/stripe" });
            context.Logger.LogLine($"charging {orderId} with {credentials.GetType().Name}, secret version {secret.VersionId}");
            Use(["AKIANXKLLOVL535EOIJ6", "awUY/k4ImvUs0/KTnpQYWvsRwZn+yYlLY7OA28lQ"]); // Noncompliant SECRETS001 SECRETS002
            var webhookSigningKey = "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"; // Compliant SECRETS002
            var idempotencyKey = "H9mDRP1WZyRmRpwXoK9+zs63YHvX2NphC0v0AOTZ"; // Compliant SECRETS002
            return webhookSigningKey.Length + idempotencyKey + InMemoryConfiguration.Count;
        }

        private static void Use(string[] values)
        {
        }

        public static AwsSettings Fixture() => new AwsSettings
        {
            AccessKeyId = "ASIA7CZWBBCGQGKBTR77", // Noncompliant SECRETS001
            SecretAccessKey = "6BSFlnzYkJNEp9Paty3znd7wLx3806bjuUj3Ewz/", // Noncompliant SECRETS002
            SessionToken = "FwoGZXIvYXdzE+0DQUaUgHNKBwkCpX3c3d0KVMfUqobROvwBR9BwEVteDLi3Sn0FiXdMbThUp5iosFitoDU4/54tUWUeVoRSVZ8MdpfnWTW+ySAyfdF8T6+6SYrsYK38PPDfU8Ni6GRZaqPipdP6YgbCx0xPiqfTApu4svUDBs5MU3+Lriuq5HgH/OPtHcqFYc1IT+ayoZM6GBGFc5mTY4ltPSDs2BmHWPHEVbPHPLHr9evWRYNWHlGj2DkVeAGMeMPjmvJN5hDwS3mvjXViUBcg2TZUuPOiO0dZ62zD3i0MK5+FnlTytkU9q/tA2Axl7sWkjZmhyu2yiocxZr2hlKqWrnuBxUIv0b7x1w1yZT3szigaAS0l9BAgyTf5fxkrFvAPUEu2rJZvEPqwbik0Mjbh++bnWCzudxSQ8mYLuONNlL298tY556bMnQQwE7btco2h+1KPzt61oEAVxNXvlYcrf5wtXwPuKKVHSbIZKx36Egsim+7/CYpjbLM//KHSp4D0ib9Cv+V0YjgdXs6Qms1dptWPyZFfEGVSl+Rvx657dBbH74Tsj76JRlUfusU2F6+paePm6pVflJ6eZEsaH+4rL==", // Noncompliant SECRETS002
        };
    }
}
