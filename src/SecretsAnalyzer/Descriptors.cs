using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer
{
    /// <summary>The diagnostic descriptors of every rule. Messages never contain a secret value.</summary>
    internal static class Descriptors
    {
        public static readonly DiagnosticDescriptor AwsAccessKeyId = new DiagnosticDescriptor(
            RuleIds.AwsAccessKeyId,
            title: "Hard-coded AWS access key ID",
            messageFormat: "AWS access key ID '{0}' is hard-coded{1}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An AWS access key ID in source code reaches every clone, build log and fork. Inside AWS Lambda the execution role supplies credentials: remove the key, use the parameterless client constructor, and rotate the key now. The code fixes that move the value to a store need the NuGet package AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement in the project.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.AwsAccessKeyId),
            customTags: new[] { "Security", "Telemetry" });

        public static readonly DiagnosticDescriptor AwsSecretKey = new DiagnosticDescriptor(
            RuleIds.AwsSecretKey,
            title: "Hard-coded AWS secret access key or session token",
            messageFormat: "AWS {0} is hard-coded{1}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An AWS secret access key or session token in source code grants access to whoever reads the code. Inside AWS Lambda the execution role supplies credentials: remove the value, read any other secret from AWS Secrets Manager or SSM Parameter Store, and rotate the key now. The code fixes that move the value to a store need the NuGet package AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement in the project.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.AwsSecretKey),
            customTags: new[] { "Security", "Telemetry" });

        public static readonly DiagnosticDescriptor ConnectionStringPassword = new DiagnosticDescriptor(
            RuleIds.ConnectionStringPassword,
            title: "Hard-coded password in a database connection string",
            messageFormat: "Connection string{0} contains a hard-coded password{1}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A database password in source code reaches every clone, build log and fork, and ties every environment to one database. Store the connection string in AWS Secrets Manager or SSM Parameter Store under the same name in each account. The code fixes that move the value to a store need the NuGet package AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement in the project.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.ConnectionStringPassword),
            customTags: new[] { "Security", "Telemetry" });

        public static readonly DiagnosticDescriptor RoleArn = new DiagnosticDescriptor(
            RuleIds.RoleArn,
            title: "Hard-coded or ambiguous IAM role ARN in Lambda code",
            messageFormat: "Role ARN {0}{1}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A role ARN with a literal account id binds the function to one AWS account, so the same build cannot run in every environment's account. A wildcard role ARN is ambiguous about whose role is meant and opens privilege escalation through iam:PassRole. Read the ARN from SSM Parameter Store, or build it from the invoking account (ILambdaContext.InvokedFunctionArn). The fix that reads the ARN from Parameter Store needs the NuGet package AWSSDK.SimpleSystemsManagement in the project.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.RoleArn),
            customTags: new[] { "Security", "Telemetry" });

        public static readonly DiagnosticDescriptor AuthenticationSecret = new DiagnosticDescriptor(
            RuleIds.AuthenticationSecret,
            title: "Hard-coded password or token passed to an authentication API",
            messageFormat: "{0} receives a hard-coded credential{1}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A password, token or key given to an SMTP server, an HTTP API, a certificate or a token signer reaches every clone, build log and fork, and is the same in every environment. Read it from AWS Secrets Manager or SSM Parameter Store at cold start, and rotate the credential now.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.AuthenticationSecret),
            customTags: new[] { "Security", "Telemetry" });

        public static readonly DiagnosticDescriptor ProviderToken = new DiagnosticDescriptor(
            RuleIds.ProviderToken,
            title: "Hard-coded provider token or private key",
            messageFormat: "{0} '{1}' is hard-coded{2}",
            category: RuleIds.Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A provider token (GitHub, npm, Slack, Stripe, SendGrid, Twilio, Google, GitLab, Azure Storage, Shopify) or a private key in source code or a comment grants its access to whoever reads the code, and stays in the history after it is removed. Revoke and rotate it now, then read it at run time from AWS Secrets Manager or SSM Parameter Store.",
            helpLinkUri: RuleIds.HelpLink(RuleIds.ProviderToken),
            customTags: new[] { "Security", "Telemetry" });
    }
}
