using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Platform.Provisioning
{
    /// <summary>Builds the inline policies the provisioning function attaches to new service roles.</summary>
    public class PolicyFunction
    {
        // The classic privilege-escalation hole: pass any role of any account.
        // Noncompliant@+7 SECRETS004
        private const string PassAnyRolePolicy = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": "iam:PassRole",
                "Resource": "arn:aws:iam::*:role/*"
              }]
            }
            """;

        // Compliant@+7 SECRETS004
        private const string LoggingPolicy = """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": "arn:aws:logs:*:*:log-group:/aws/lambda/*"
              }]
            }
            """;

        public string Handle(string serviceName, ILambdaContext context)
        {
            var builder = new StringBuilder();
            builder.Append("{\"Version\":\"2012-10-17\",\"Statement\":[");
            builder.Append("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::334917398335:role/deploy-*\"}"); // Noncompliant SECRETS004
            builder.Append(",{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::artifacts-334917398335/*\"}"); // Compliant SECRETS004
            builder.Append("]}");
            context.Logger.LogLine($"{serviceName}: {PassAnyRolePolicy.Length + LoggingPolicy.Length}");
            return builder.ToString();
        }

        public string TrustPolicyFor(string service)
        {
            var policy = new
            {
                Version = "2012-10-17",
                Statement = new[]
                {
                    new
                    {
                        Effect = "Allow",
                        Action = "sts:AssumeRole",
                        Principal = new { AWS = "arn:aws:iam::467704857578:role/ci/PipelineDeployer" }, // Noncompliant SECRETS004
                    },
                },
            };
            return JsonSerializer.Serialize(policy);
        }

        public string PassRoleStatement(string account, string roleName)
        {
            // Account and name come from the request: nothing is bound here.
            return "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::" + account + ":role/" + roleName + "\"}"; // Compliant SECRETS004
        }

        public string CloudFormationSnippet()
        {
            return "RoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/provisioning-${Stage}"; // Compliant SECRETS004
        }

        public string[] ManagedPolicies() => new[]
        {
            "arn:aws:iam::aws:policy/ReadOnlyAccess", // Compliant SECRETS004
            "arn:aws-us-gov:iam::aws:policy/AWSLambdaExecute", // Compliant SECRETS004
            "arn:aws:iam::357030926331:policy/ProvisioningBoundary", // Compliant SECRETS004
        };

        public string OrganizationWide()
        {
            return JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["Effect"] = "Allow",
                ["Action"] = "sts:AssumeRole",
                ["Resource"] = "arn:aws:iam::*:role/OrganizationAccountAccessRole", // Noncompliant SECRETS004
            });
        }

        public string SingleAccountWildcard() =>
            @"{ ""Effect"": ""Allow"", ""Action"": ""iam:GetRole"", ""Resource"": ""arn:aws:iam::933301594475:role/*"" }"; // Noncompliant SECRETS004
    }
}
