using System;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Catalog.Api
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
    public sealed class StaticCredentialsAttribute : Attribute
    {
        public StaticCredentialsAttribute(string accessKeyId, string secretAccessKey)
        {
            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
        }

        public string AccessKeyId { get; }

        public string SecretAccessKey { get; }

        public string? Profile { get; set; }

        public string? FallbackSecret { get; set; }
    }

    [StaticCredentials("AKIAK22S6N6LPAAX3EJO", "Df304eQ+oVctlpc6uRZ/txe8EjzAjp8XzRs0LU5X")] // Noncompliant SECRETS001 SECRETS002
    public class CatalogFunctions
    {
        [LambdaFunction(MemorySize = 512, Timeout = 30)]
        [StaticCredentials("AKIAU7YRBFK7A7EOUHLK", "SQSNFnviw2VueE0ubS/WFFui409hKgHLe1FvYiRs", Profile = "catalog")] // Noncompliant SECRETS001 SECRETS002
        public string GetProduct(string id, ILambdaContext context)
        {
            context.Logger.LogLine("Reading product " + id);
            return id;
        }

        [LambdaFunction]
        [StaticCredentials(accessKeyId: "", secretAccessKey: "", FallbackSecret = "t9gGr9dBUtV2/9NrJrbWqdHPF1GZrrsmYmxd5sjp")] // Noncompliant SECRETS002
        public async Task<string> AssumeReader(string tenant)
        {
            using var sts = new AmazonSecurityTokenServiceClient("AKIASITUZ7OKLLYMCDAY", "7iYwDGOfFXtNL/mhPNLyiPzTiO1njj5c48XZjCdg", RegionEndpoint.EUWest2); // Noncompliant SECRETS001 SECRETS002
            var response = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            return $"{tenant}:{response.Account}";
        }

        public static AWSCredentials Credentials(string accessKey = "AKIA3CPRZ35PZYU7OFC6", string secretKey = "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") // Noncompliant SECRETS001 SECRETS002
            => new BasicAWSCredentials(accessKey, secretKey);

        public static AWSCredentials Pinned(string keyId = "AKIARYKZ5Z35RLYRGMNC", string key = "SVcjfY45EasmNy6VaVvr3gNy1ZFC7cjk3yth+/8R") // Noncompliant SECRETS001 SECRETS002
            => new BasicAWSCredentials(keyId, key);

        public static string LogLine(string tenant, string keyId)
            => $"tenant={tenant} key={keyId} role={"AROAJRJWSTAEELGMXRWD"}"; // Compliant SECRETS001

        public static string Interpolated(string region)
            => $"[{region}] aws_access_key_id=AKIAKC7RZKCGOWQ2MM3F aws_secret_access_key=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"; // Noncompliant SECRETS001 SECRETS002
    }
}
