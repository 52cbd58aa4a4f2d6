using System;
using System.Collections.Generic;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace Billing.Functions
{
    public sealed class AwsKeyPair
    {
        public string Id { get; set; } = "";

        public string Key { get; set; } = "";
    }

    public record StaticKeys(string AccessKeyId, string SecretAccessKey);

    public record KeyMaterial(string Id, string Value);

    public class InvoiceFunction
    {
        private static readonly Dictionary<string, string> ProdEnvironment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAQT2MLHDUVQLZTJRR", // Noncompliant SECRETS001
            ["AWS_SECRET_ACCESS_KEY"] = "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", // Noncompliant SECRETS002
            ["AWS_DEFAULT_REGION"] = "us-west-2",
        };

        private static readonly Dictionary<string, string> StagingEnvironment = new()
        {
            { "AWS_ACCESS_KEY_ID", "AKIAM4CEIMGDM2HJ5CH7" }, // Noncompliant SECRETS001
            { "AWS_SECRET_ACCESS_KEY", "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" }, // Noncompliant SECRETS002
            { "BUILD_SHA", "7783f4190745404e005a6b1b5751baf237790993" }, // Compliant SECRETS002
        };

        private static readonly AwsKeyPair Reporting = new AwsKeyPair
        {
            Id = "AKIACNN7YD25QPOHREKL", // Noncompliant SECRETS001
            Key = "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", // Noncompliant SECRETS002
        };

        private static readonly StaticKeys Archive = new StaticKeys("AKIAYMKFDYVPDJMXAUBH", "gimiwGMO0QPgDPKaEFhpOMdOon4Qwu9K1YTrZNED"); // Noncompliant SECRETS001 SECRETS002

        private static readonly KeyMaterial Export = new("AKIAXC5RNFIPTI4DQPJH", "9PvWiRAWq63gY64UAKbkot6kB8IqcuMEzRY5wZ52"); // Noncompliant SECRETS001 SECRETS002

        private static readonly (string Id, string Secret) Tuple = ("AKIAQNPORSCPPW5XHOW2", "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"); // Noncompliant SECRETS001 SECRETS002

        private static readonly string[] KeyArray = { "AKIAEA2V3GO2QCVRJUZG", "dSju4b5X2jUd9XBKovKof7zOZx6EvicoyH1/JNTI" }; // Noncompliant SECRETS001 SECRETS002

        private static readonly List<string> KeyList = ["ASIAXTF6OJM3YJERXA56", "ydBtNfd+pSCoDT1vtHE92oSrGrpLETSJiNYCzBrt"]; // Noncompliant SECRETS001 SECRETS002

        private static readonly object Anonymous = new { User = "billing-ci", Key = "AKIAUQIEOD7SHH2FAB75", Pass = "0rEwPHfOukh4EUDqJPfiddNWXnT1mUo+TXBFrmLh" }; // Noncompliant SECRETS001 SECRETS002

        public string Handler(string input, ILambdaContext context)
        {
            var options = new CredentialProfileOptions
            {
                AccessKey = "AKIAYURXHRVXRERWUS2L", // Noncompliant SECRETS001
                SecretKey = "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", // Noncompliant SECRETS002
            };
            context.Logger.LogLine(options.AccessKey.Length + input);

            var verbatim = new BasicAWSCredentials(@"AKIARYAPZW5NDYLNWNDQ", // Noncompliant SECRETS001
                @"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"); // Noncompliant SECRETS002
            ReadOnlySpan<byte> secretKeyBytes = "DgLKjtqZSMl8q5BLeucoDGlcYNI1nuI4MiQtGfWM"u8; // Noncompliant SECRETS002
            ReadOnlySpan<byte> idBytes = "ABIAZCG7FVTLIMN6C72G"u8; // Noncompliant SECRETS001
            var raw = new BasicAWSCredentials("""ACCA33KUHO7ZT4PTO2K6""", """p3YD+9dG0nElFP3Zt2AR5hLF9yQfvufDWklWHc3S"""); // Noncompliant SECRETS001 SECRETS002
            context.Logger.LogLine($"{verbatim.GetType().Name} {secretKeyBytes.Length} {idBytes.Length} {raw.GetType().Name}");

            var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-west-2";
            var client = new AmazonS3Client("AKIA6XZSC2KLQUXI4AH4", "XJ+my+AgqvucHVcUdVpgF7AZitGnLamiEFZiwtP8", RegionEndpoint.GetBySystemName(region)); // Noncompliant SECRETS001 SECRETS002
            return client.Config.ServiceVersion;
        }

        public static (string, string) ForTenant(string tenant) => tenant switch
        {
            "eu" => ("AKIAGFABB7TJAIRDWBQS", "57fezc2/PSF5guqNiSv49/HRBCuXcfPIDrgybYMa"), // Noncompliant SECRETS001 SECRETS002
            _ => (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "", Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? ""),
        };

        public static string DescribeRequest(string requestId, string bucket)
            => $"request {requestId} bucket {bucket} etag cb18493ea4e748a89f48021ba478703eec1a5b93"; // Compliant SECRETS002
    }
}
