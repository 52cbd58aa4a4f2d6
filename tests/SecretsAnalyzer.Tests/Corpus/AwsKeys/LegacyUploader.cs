using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.S3.Model;

namespace Uploads.Legacy
{
    public record AwsCreds(string AccessKeyId, string SecretAccessKey);

    public static class UploaderSettings
    {
        public const string AWS_ACCESS_KEY = "AKIAYVOKYSRYAPB4JJUK"; // Noncompliant SECRETS001
        public const string AWS_SECRET_KEY = "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"; // Noncompliant SECRETS002
        public const string BUCKET = "legacy-uploads-prod";
        public const string KmsKeyId = "479d6f39-be93-ba2a-8845-7b9c6cf85782"; // Compliant SECRETS002
        public const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/uploads-Xy12Ab"; // Compliant SECRETS002
        public const string SecretName = "prod/uploads/aws-credentials"; // Compliant SECRETS002
        public const string ReleaseVersion = "2.4.1+6eae67bac45d020fdf02be8d8893fcaf9fbee98b"; // Compliant SECRETS002
        public const string SecretKeyPlaceholder = "<YOUR_AWS_SECRET_ACCESS_KEY>"; // Compliant SECRETS002
        public const string SecretKeyTemplate = "${AWS_SECRET_ACCESS_KEY}"; // Compliant SECRETS002
        public const string MaskedSecret = "****************************************"; // Compliant SECRETS002
        public const string AwsSecretExample = "abcdefghijABCDEFGHIJ0123456789abcdefghij"; // Compliant SECRETS002
        public const string AwsSecretFiller = "YourSecretAccessKeyGoesHere+0123456789AB"; // Compliant SECRETS002
        public const string ApiKeyHeaderValue = "4QOndlItI84Qtwq43K7f2sDWG/yptCDl42mntb8V"; // Compliant SECRETS002
    }

    public class UploadFunction
    {
        private AWSCredentials? _credentials;

        public async Task<string> Upload(string body, ILambdaContext context)
        {
            _credentials ??= new BasicAWSCredentials("AKIA2GPO3X524FRNPRYU", "WL4kBvBdCx8EiEt+QpDXp5y+YTITdwttw0jfTBZN"); // Noncompliant SECRETS001 SECRETS002
            var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 };
            using var client = new AmazonS3Client("AKIASJQYOHR2TZ7PG64O", "9x8LjF+8Wgdz0+PUw2cCvZtdWdDIdFXxfPx/ifyV", config); // Noncompliant SECRETS001 SECRETS002
            await client.PutObjectAsync(new PutObjectRequest { BucketName = UploaderSettings.BUCKET, Key = "in/" + context.AwsRequestId, ContentBody = body });
            context.Logger.LogLine(string.Format("{0}:{1}", "AKIALR7F4BTGTYEU4XLF", "jVXSu6wHulibONOPcyg2pctJJSv8Z9GIuFdJgyPK")); // Noncompliant SECRETS001 SECRETS002
            return context.AwsRequestId;
        }

        public static AWSCredentials ForEnvironment(string environment)
        {
            switch (environment)
            {
                case "dev":
                    return new BasicAWSCredentials("AKIASQSRSFEQTJZAXOX2", "51CezhLVcw+1l8gpZ6klclJ53XIetlZXT8zVluLA"); // Noncompliant SECRETS001 SECRETS002
                case "test":
                    return new AwsCreds("AKIALRR77FPOKBFFRUPL", "qGsvSa+kkjoTslzJUFjsMkuix6EBG9BLkS1+S59S") is { } c ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : null!; // Noncompliant SECRETS001 SECRETS002
                default:
                    return new SessionAWSCredentials(
                        awsAccessKeyId: "ASIAYTJGB4JS365J6UOF", // Noncompliant SECRETS001
                        awsSecretAccessKey: "SkoLKHEQBa72i7Dm2tZqmc4Fy0RZE17LJYe3MzSx", // Noncompliant SECRETS002
                        token: "IQoJb3JpZ2luX2VjPZh8g81Jv4r53oE9clysNghTeU7RGPVDiAdb3Zbk6qau/Ygnlq7yAxnXruglwecpZQjHHhxSJ5p75SEL4aie381RzHcHb5sHxC5vv9ziitItB5nHKCe7wQ4M1gn2CIbbScH7QPyyQkTEyhqyYIPBUvYkL4/JcWfVo41akZgnLiqkGyBA385nHoJDsF1S+yWstnBGiZUdYBVlake1A7SCJx8YWy2lM2IbCA3SXmWC4DhW6SjtwqlEPQ40ETuq5c1HBLWcN0D30KbCkzqAY0w4wMvoVWB86sbdmLQPwt/XpC5W7ZhJ+Qpv65kj46CAn2Abpa08IlKoxFhlQnvrPNxWDK99KWUGKAWT4+Ik="); // Noncompliant SECRETS002
            }
        }

        public static IReadOnlyList<KeyValuePair<string, string>> ProfileEntries() => new List<KeyValuePair<string, string>>
        {
            new("aws_access_key_id", "AKIAB5EQFBADDOIBPDQ4"), // Noncompliant SECRETS001
            new("aws_secret_access_key", "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"), // Noncompliant SECRETS002
        };

        public static Tuple<string, string> Pair() => Tuple.Create("AKIA2YCIFQLGCSULCDLF", "jRhMuRDo1vQvF1ffsl63WC+1+XfDChy2x+56VGku"); // Noncompliant SECRETS001 SECRETS002

        public static CredentialProfileOptions Profile() => new CredentialProfileOptions
        {
            AccessKey = "ASIAKL5R7O2YH3FQRVUM", // Noncompliant SECRETS001
            SecretKey = "4Mne7oQYBBQLTNEIdLYkMKXQA2vsJ29txGMf1tnd", // Noncompliant SECRETS002
            Token = "IQoJb3JpZ2luX2VjsjdMZz5y6BHxPdPvaM0Wv8NIkhlDEig3ni47DhvtklHaotvSEUlCmAonsnWq8NBH+7cUFM4i04XVo6HYMPuiwH/oMgaG07rhN+ZrLiIRL05NfEI/ASK5ppOaoA1Y5Dr5KdgKdzWvJyU/a0XDE4k5MrLgIiQf/TXEstwUU45z++xT6BkMSn17idA+Z84egxOsZ1BXMVLeGUUAKcOyeOymBRdpB6C9wOVqRVL0BacMP0Z6i3t/59e9a0yCRGpgbNJRfqiBvDpKAoKespTC+mVEcwrOAl8NCzu3dH5RsChEW0ZuP9hdGX1+Ra39nnGSnxIvMrLmgpcEBr3D0SkyTs2d1A/kEEYPW+GPvLkcwnKDuXl8bes7E1tqeDuBQKoVesGHDu8N3ulRCF3p90Rb0DmcYYYZSIC1PXskJB5l60VBacxw7HcNhOmufxnNQL/QoMt2IzsNAd17t9k1VPPcvkmwL56w6clRmZMCjENRQSKmTtLZbqWMof0g5Zxz1qhMpRY7erkBDt7fiTm5DTbFnw7XipGb+XKzULnRoK+EHeJwPJsFUrMEpUmQmO+ArSHqx1bEx6FJ8oXWc6wsvam0Bo1tKkzWbOuEgCZYQrHR5l2C9W5pBxyxVS36EB0vy9KuypkPVe6aJuGHP0+HskIqYVRXfAXtdTWqgQ9sMPD27l4BFjaUytNSA56FSFyAo9IOqwDi6uTYzDy4Gn4uTIz9==", // Noncompliant SECRETS002
        };

        public static Func<AWSCredentials> Factory = () => new BasicAWSCredentials("AKIATPZNASDG7O5BT2BY", "a9alBcZyrNI2HN5P5Rg0F8mnpfTandjh6x+Cweg/"); // Noncompliant SECRETS001 SECRETS002

        public static string AppSettings() => "{ \"AWS\": { \"Region\": \"eu-west-1\", \"AccessKey\": \"AKIA4BRPDCG7WBGIV2XR\", \"SecretKey\": \"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\" } }"; // Noncompliant SECRETS001 SECRETS002

        // Downloaded from the IAM console (credentials.csv):
        public static string CredentialsCsv() => "User name,Password,Access key ID,Secret access key,Console login link\r\nuploader,,AKIAG2S5WPZDRG42OAPM,8oDU95poBi1vAJF4WCwvkdeDIKvTUrMKgTgnspq/,https://console.aws.amazon.com/\r\n"; // Noncompliant SECRETS001 SECRETS002

        public static string Describe()
        {
            var etag = "\"9b2cf535f27731c974343645a3985328\""; // Compliant SECRETS002
            var deployKey = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA8x2Kq5Rz1Lw9Vn3Ms6Hy4Bj2Ge0Ua5Os7QiT8Vd2LfT7xKp9WmRz3Nc6Hy1Bj4Ge0Ua5Os7Qi deploy@ci"; // Compliant SECRETS002
            var githubToken = "ghp_l4zlMMdrijPqcbugNVeC8wfU8WaNAC5OAlILW7xx"; // Compliant SECRETS002 // Noncompliant SECRETS005
            var stripe = "sk_live_2/fBpB2OwKqCOQjKprrSTUy2lYoMOcKHKBkiTdaM"; // Compliant SECRETS002
            var encryptionSecret = "/kzjz5FPZu6CtG0YGk/zFuoXFxn5uD1stQvIumkf"; // Compliant SECRETS002
            var iv = Convert.FromBase64String("Xn8+3dqXFbIjPNkgvaDUuWSkN2eTfdaxHOyfOtZh"); // Compliant SECRETS002
            return JsonSerializer.Serialize(new { etag, deployKey, githubToken, stripe, encryptionSecret, iv = iv.Length });
        }

        // creds for the old uploader box: AKIAFJ3LDBKAA5ZTD545 / 3YYpwkJBtFai8eiR7FzeEnScaUbP0Ao4hqy6xu2W // Noncompliant SECRETS001 SECRETS002
    }
}
