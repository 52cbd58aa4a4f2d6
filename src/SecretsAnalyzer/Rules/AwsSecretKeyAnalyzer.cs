using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS002: an AWS secret access key or session token. A 40-character value counts only with evidence (the
    /// receiving name or parameter, a key ID beside it, a label in the text) and high entropy; never by shape alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AwsSecretKeyAnalyzer : SecretsAnalyzerBase<AwsSecretKeyAnalyzer.State>
    {
        internal static readonly ImmutableDictionary<string, string?> SecretKeyProperties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindSecretAccessKey);

        internal static readonly ImmutableDictionary<string, string?> SessionTokenProperties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindSessionToken);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AwsSecretKey);

        private protected override State? CreateRuleState(Compilation compilation) => State.Instance;

        private protected override bool QuickTest(string text) => AwsKeys.HasLongKeyRun(text);

        private protected override bool AnalyzesConstantArguments => true;

        private protected override void Analyze(CandidateScope<State> scope)
        {
            string text = scope.Text;
            NameHint hint = NameHint.None;
            bool keyIdNearby = false;
            if (scope.Model != null)
            {
                ValueContext context = scope.Context;
                hint = context.ReceiverHint;
                if (hint == NameHint.None && context.Parameter != null)
                {
                    hint = NameHints.Classify(context.Parameter.Name);
                }

                if (scope.ConstantSymbol != null)
                {
                    // A named constant whose own name says secret is reported where it is declared, not at each use.
                    if (NameHints.Classify(scope.ConstantSymbol.Name) != NameHint.None)
                    {
                        return;
                    }

                    if (hint == NameHint.None)
                    {
                        // A constant with a bland name counts only where it is passed to a parameter that receives a secret.
                        hint = context.Parameter != null ? NameHints.Classify(context.Parameter.Name) : NameHint.None;
                        if (hint == NameHint.None)
                        {
                            return;
                        }
                    }
                }

                keyIdNearby = context.Container != null && context.AnySibling(scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId);
            }

            var matches = new List<AwsSecretMatch>(1);
            AwsKeys.FindSecrets(text, hint, keyIdNearby, matches);
            foreach (AwsSecretMatch match in matches)
            {
                bool token = match.Kind == AwsSecretKind.SessionToken;
                scope.Report(
                    Descriptors.AwsSecretKey,
                    match.Span.Start,
                    match.Span.Length,
                    token ? SessionTokenProperties : SecretKeyProperties,
                    token ? "session token" : "secret access key",
                    scope.HandlerSuffix);
            }
        }

        /// <summary>SECRETS002 needs no compilation state.</summary>
        public sealed class State
        {
            internal static readonly State Instance = new State();
        }
    }
}
