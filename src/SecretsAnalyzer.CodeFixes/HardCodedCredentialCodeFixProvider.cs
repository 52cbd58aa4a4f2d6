using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// SECRETS001/002/003/005/006: "Use the Lambda execution role" (first, when the keys go straight into a credentials or
    /// client constructor or an AWS_* environment variable), "Read from AWS Secrets Manager", "Read from SSM Parameter Store"; for SECRETS006 in a comment, "Redact the token in the comment".
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedCredentialCodeFixProvider))]
    [Shared]
    public sealed class HardCodedCredentialCodeFixProvider : SecretsCodeFixProviderBase
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.AwsAccessKeyId, RuleIds.AwsSecretKey, RuleIds.ConnectionStringPassword, RuleIds.AuthenticationSecret, RuleIds.ProviderToken);
    }
}
