using System.Text.RegularExpressions;
using Amazon.Lambda.Core;

namespace Accounts.Onboarding
{
    /// <summary>Validates the role ARNs tenants register; everything here is a look-alike, not a binding.</summary>
    public class RegistrationFunction
    {
        private static readonly Regex RoleArnPattern = new Regex(@"^arn:aws(-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]+$", RegexOptions.Compiled); // Compliant SECRETS004
        private const string Usage = "Expected a role ARN such as arn:aws:iam::<account-id>:role/<role-name>"; // Compliant SECRETS004
        private const string DocsSample = "arn:aws:iam::123456789012:role/S3Access"; // Compliant SECRETS004
        private const string DocsTrustSample = "arn:aws:iam::111122223333:role/CrossAccountReader"; // Compliant SECRETS004
        private const string LocalStackRole = "arn:aws:iam::000000000000:role/lambda-role"; // Compliant SECRETS004
        private const string IamPrefix = "arn:aws:iam::"; // Compliant SECRETS004

        public string Register(string roleArn, ILambdaContext context)
        {
            if (!roleArn.StartsWith(IamPrefix, StringComparison.Ordinal) || !RoleArnPattern.IsMatch(roleArn))
            {
                throw new ArgumentException($"'{roleArn}' is not a role ARN. {Usage}");
            }

            if (roleArn.Contains(":user/") || roleArn.StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal)) // Compliant SECRETS004
            {
                throw new ArgumentException("Users and managed policies cannot be registered.");
            }

            context.Logger.LogLine($"Registered {roleArn} (sample {DocsSample}, {DocsTrustSample}, {LocalStackRole})");
            return roleArn;
        }

        public string[] NotRoles() => new[]
        {
            "arn:aws:iam::610344093857:user/onboarding-bot", // Compliant SECRETS004
            "arn:aws:iam::610344093857:instance-profile/onboarding-web", // Compliant SECRETS004
            "arn:aws:iam::610344093857:oidc-provider/token.actions.githubusercontent.com", // Compliant SECRETS004
            "arn:aws:sts::610344093857:assumed-role/OnboardingRole/session-1", // Compliant SECRETS004
            "arn:aws:lambda:eu-central-1:610344093857:function:onboarding", // Compliant SECRETS004
            "arn:aws:secretsmanager:eu-central-1:610344093857:secret:onboarding/api-Q1w2E3", // Compliant SECRETS004
            "arn:aws:dynamodb:eu-central-1:610344093857:table/Tenants", // Compliant SECRETS004
            "arn:aws:kms:eu-central-1:610344093857:key/2f1c9a4e-7b3d-4c55-9e0a-6d8b1f2a3c4d", // Compliant SECRETS004
        };

        public string[] Malformed() => new[]
        {
            "arn:aws:iam::61034409385:role/TooShortAccount", // Compliant SECRETS004
            "arn:aws:iam::6103440938570:role/TooLongAccount", // Compliant SECRETS004
            "arn:aws:iam::ACCOUNT_ID:role/Placeholder", // Compliant SECRETS004
            "arn:aws:iam::{{account}}:role/{{name}}", // Compliant SECRETS004
            "arn:aws:iam:eu-west-1:610344093857:role/RegionalIsInvalid", // Compliant SECRETS004
        };

        public string OwnRole(ILambdaContext context)
        {
            string account = context.InvokedFunctionArn.Split(':')[4];
            return "arn:aws:iam::" + account + ":role/OnboardingWorker"; // Compliant SECRETS004
        }
    }
}
