using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>SECRETS001: a credential access key ID (<c>AKIA</c>, <c>ASIA</c>, <c>ABIA</c>, <c>ACCA</c>) in code or comments.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AwsAccessKeyIdAnalyzer : SecretsAnalyzerBase<AwsAccessKeyIdAnalyzer.State>
    {
        internal static readonly ImmutableDictionary<string, string?> Properties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindAccessKeyId);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AwsAccessKeyId);

        private protected override State CreateRuleState(Compilation compilation) => State.Instance;

        private protected override bool QuickTest(string text, int start, int end) => AwsKeys.FindAccessKeyId(text, start, start, end) >= 0;

        private protected override void Analyze(CandidateScope<State> scope)
        {
            var matches = new List<TextSpanMatch>(1);
            AwsKeys.FindAccessKeyIds(scope.Text, matches);
            foreach (TextSpanMatch match in matches)
            {
                string redacted = Redaction.KeyId(scope.Text, match.Start, match.Length);
                scope.Report(Descriptors.AwsAccessKeyId, match.Start, match.Length, Properties, redacted, scope.HandlerSuffix);
            }
        }

        /// <summary>SECRETS001 needs no compilation state.</summary>
        public sealed class State
        {
            internal static readonly State Instance = new State();
        }
    }
}
