using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>SECRETS004: "Read role ARN from SSM Parameter Store", "Build role ARN from the invoking account".</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RoleArnCodeFixProvider))]
    [Shared]
    public sealed class RoleArnCodeFixProvider : SecretsCodeFixProviderBase
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RoleArn);
    }
}
