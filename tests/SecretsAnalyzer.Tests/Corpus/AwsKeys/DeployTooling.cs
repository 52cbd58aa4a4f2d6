using System;
using System.Collections.Generic;
using System.Diagnostics;
using Amazon.Lambda.Core;

namespace Deploy.Tooling
{
    public static class EnvNames
    {
        public const string KeyId = "AWS_ACCESS_KEY_ID"; // Compliant SECRETS001
        public const string Secret = "AWS_SECRET_ACCESS_KEY"; // Compliant SECRETS002
        public const string Token = "AWS_SESSION_TOKEN"; // Compliant SECRETS002
    }

    public sealed class SigningClientBuilder
    {
        public SigningClientBuilder WithAccessKeyId(string value) => this;

        public SigningClientBuilder WithSecretKey(string value) => this;

        public SigningClientBuilder WithSessionToken(string value) => this;

        public SigningClientBuilder WithRegion(string value) => this;
    }

    public class DeployFunction
    {
        private const string AccessKey = "AKIACXBOU6S3YBKXYZG7"; // Noncompliant SECRETS001
        private const string Region = "eu-west-3";
        private const string Bucket = "deploy-artifacts";
        private const string Key = "GrsrWt2w3UCEJYB15b65cXgR4f7cMaMSUVHc8urh"; // Noncompliant SECRETS002

        public string Handler(string input, ILambdaContext context)
        {
            Environment.SetEnvironmentVariable(EnvNames.KeyId, "AKIA3RKAQ2PJCHCRUNJP"); // Noncompliant SECRETS001
            Environment.SetEnvironmentVariable(EnvNames.Secret, "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"); // Noncompliant SECRETS002
            Environment.SetEnvironmentVariable(EnvNames.Token, "a93p3jZbkIfajew5AbxeTxEYcdfZDNL9wGf9Atcq6xpL4J5PxpTyDy7rhrUHxFTSMCwO9FvDBLAv/X0LTcWWGnIQZGr4mRsQQKSjLQBio90qDEC0fnJwG2eRjOSmCz+s+WaWfuCXItv9DHt6zvPU7lLXLVJY2YGbYlq8bcoOwQONm1prcovwr4rtxprUCvELXmRMtTjOYb5Z7RvWBGTtMfaSsKOoiNYNOgjF3n8VN77ccmmUUN559uFbJb/Ijq382H25=="); // Noncompliant SECRETS002

            var builder = new SigningClientBuilder()
                .WithAccessKeyId("AKIARV42GPB7IPHBMP3O") // Noncompliant SECRETS001
                .WithSecretKey("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") // Noncompliant SECRETS002
                .WithSessionToken("IQoJb3JpZ2luX2VjE+sQ1l7S1CKYxrjt4XFVcOSmoOoKARRIHExyYiNzn34UI2hkqNVOSNyMIM8yCHcmPRU1HrL42PloB9sD4rZI7FmhwbMS7cIIDpZxxWHnRz2ijiyMRaw9jC+nU55ZYGRpMKhXOY1h9fMctqq4zcNULBjQXN/9jv416Q/jl2lvJQRfYjOW7Wks1fyIUTJIJoFWHH2qyk7i4rh6OV9JwAcq3a6SixHkO5HrP2vixe919HxP0hzWOWnwJB+Inju5o6UsCzPQiTnc6+CtyEBOLIhjL9NU6YskiyiA4h4it8ALXNSwJdyUHk24jvD2EwAImSQcnXlrZe4MZxjuJUojZeRnJzmXrZSCwkurBv23jL//ghJfizG9p1nqtuT8AsLS4byUXGlLhc1hSVdQqMoE6gNMu4GUhZCa") // Noncompliant SECRETS002
                .WithRegion(Region);

            var headers = new Dictionary<string, string>();
            headers["X-Amz-Security-Token"] = "pcquFPAQXTpAmtdggytL4MXatjatzTRdpRbKA2DJMHqP9dQPpx2Fz+4whjWAMXHzw0wJV/vwuh605ISl9CjVsIx3Iw2MYHyHkc5eJ1SCw5TT6fr+EdbYRm0e0lItiAuctL/dPG+dYUl/2kAikcH5nNIaeGBpqr1GSxW594fcFK0kiKfHpVbj=="; // Noncompliant SECRETS002
            headers.Add("X-Amz-Date", "20240601T120000Z");
            headers.Add("x-api-key", "kz+UseIP/E0Ulk7dtZBQfgf8fXxJURqOBFfTfZ8D"); // Compliant SECRETS002 // Noncompliant SECRETS005

            var docker = new ProcessStartInfo("docker", "run -e AWS_ACCESS_KEY_ID=AKIAUAH7I666XSTOK7RH -e AWS_SECRET_ACCESS_KEY=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 deploy:latest"); // Noncompliant SECRETS001 SECRETS002
            var cli = new ProcessStartInfo("aws", "configure set aws_secret_access_key C6IBiNXzESK3k9UxhRrOi+qPOlsriyMnDDaWiQxn --profile deploy"); // Noncompliant SECRETS002
            var tool = new ProcessStartInfo("s3sync", "--access-key AKIAACE5ADNOMG66FW35 --secret-key 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 --bucket " + Bucket); // Noncompliant SECRETS001 SECRETS002
            const string envFile = "AWS_ACCESS_KEY_ID=AKIAFNZOJAQ4H2O54UE5\nAWS_SECRET_ACCESS_KEY=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\nAWS_REGION=eu-west-3\n"; // Noncompliant SECRETS001 SECRETS002
            const string yaml = "aws:\n  access_key_id: AKIAYMXQYVNNFZO7R6KC\n  secret_access_key: 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\n"; // Noncompliant SECRETS001 SECRETS002
            context.Logger.LogLine($"{builder} {docker.FileName} {cli.FileName} {tool.FileName} {envFile.Length} {yaml.Length} {headers.Count} {AccessKey.Length} {Key.Length}");
            return input;
        }

        public string LookAlikes()
        {
            var principal = "AIDAEXAOZ6PWLRVMMM2G"; // Compliant SECRETS001
            var assumedRole = "AROAZOO3MXFXYTWPGDIA:deploy-session"; // Compliant SECRETS001
            var queryName = "AWSAccessKeyId"; // Compliant SECRETS001
            var totpSeed = "JBSWY3DPEHPK3PXPJBSWY3DP"; // Compliant SECRETS001
            var base32Id = "QQ76FKPCQUDSVGMP7"; // Compliant SECRETS001
            var prefixOnly = "AKIA"; // Compliant SECRETS001
            var partial = "AKIA" + Environment.GetEnvironmentVariable("KEY_SUFFIX"); // Compliant SECRETS001
            var docs = "Access key IDs look like AKIAIOSFODNN7EXAMPLE."; // Compliant SECRETS001
            var masked = "AKIA************TCBS"; // Compliant SECRETS001
            var redacted = "AKIA…TCBS"; // Compliant SECRETS001
            var lower = "akiaTJRFDWCBMR66PVET"; // Compliant SECRETS001
            var withDigits = "AKIA0189RA66Y6EE6DH7AVEX"; // Compliant SECRETS001
            var tooShort = "AKIAQ2MZX4WB3NKRTYV"; // Compliant SECRETS001
            var hostName = "akia-build-agent-07.internal"; // Compliant SECRETS001
            var ecrImage = "123456789012.dkr.ecr.eu-west-3.amazonaws.com/deploy:f130906327367196ff5aeea165176c24c4ffed57"; // Compliant SECRETS001 SECRETS002
            var kmsAlias = "alias/deploy-artifacts"; // Compliant SECRETS001
            return string.Join(" ", principal, assumedRole, queryName, totpSeed, base32Id, prefixOnly, partial, docs, masked, redacted, lower, withDigits, tooShort, hostName, ecrImage, kmsAlias);
        }
    }
}
