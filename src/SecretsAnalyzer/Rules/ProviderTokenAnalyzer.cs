using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS006: a provider token (GitHub, npm, Slack, Stripe live, SendGrid, Twilio, Google, GitLab, Azure Storage,
    /// Shopify) or a private key, found by its published format in any value or comment (<see cref="ProviderTokens"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProviderTokenAnalyzer : SecretsAnalyzerBase<ProviderTokenAnalyzer.State>
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ProviderToken);

        private protected override State CreateRuleState(Compilation compilation) => State.Instance;

        // A prefix switch at word starts: no allocation, and most literals are shorter than any token.
        private protected override bool QuickTest(string text, int start, int end) => ProviderTokens.MayContainToken(text, start, end);

        private protected override bool MayReport(string text) => ProviderTokens.ContainsToken(text);

        private protected override bool MayReport(TreeIndex index, int i)
        {
            PlainLiteral plain = index.PlainLiterals[i];
            return ProviderTokens.ContainsToken(plain.Text, plain.ValueStart, plain.ValueStart + plain.ValueLength);
        }

        private protected override void Analyze(CandidateScope<State> scope)
        {
            string text = scope.Text;
            if (!scope.MayReportChecked && !ProviderTokens.ContainsToken(text))
            {
                return;
            }

            var matches = new List<ProviderTokenMatch>(1);
            ProviderTokens.FindTokens(text, matches);
            foreach (ProviderTokenMatch match in matches)
            {
                if (IsAConstantsOwnToken(scope, match))
                {
                    continue;
                }

                scope.Report(
                    Descriptors.ProviderToken,
                    match.Start,
                    match.Length,
                    State.Properties[(int)match.Kind],
                    ProviderTokens.Describe(match.Kind),
                    ProviderTokens.Redact(text, match),
                    scope.HandlerSuffix);
            }
        }

        /// <summary>
        /// Whether a token found in a fold (<c>$"…&amp;key={MapsApiKey}"</c>, <c>"Bearer " + Token</c>) lies wholly in the value of
        /// one constant declared in source: that constant's declaration is reported (and fixed) already, so its uses
        /// are not. A token that only exists once several parts are joined (<c>Parts.Prefix + Parts.Body</c>) is
        /// reported on the expression that joins them.
        /// </summary>
        private static bool IsAConstantsOwnToken(CandidateScope<State> scope, ProviderTokenMatch match)
        {
            CandidateText candidate = scope.Candidate;
            if (candidate.IsComment || candidate.IsSingleToken || scope.Model == null || candidate.Node == null)
            {
                return false;
            }

            foreach (Segment segment in candidate.Segments)
            {
                if (segment.TextStart < match.End && match.Start < segment.TextStart + segment.Length)
                {
                    // Some of it is written in this very expression.
                    return false;
                }
            }

            string token = candidate.Text.Substring(match.Start, match.Length);
            foreach (SyntaxNode node in candidate.Node.DescendantNodesAndSelf())
            {
                if (!(node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax) ||
                    (node.Parent is MemberAccessExpressionSyntax access && access.Name == node))
                {
                    continue;
                }

                if (ConstantLookup.TryGetConstant((ExpressionSyntax)node, scope.Model, scope.CancellationToken, out object? value, out ISymbol? symbol) &&
                    value is string text && text.IndexOf(token, System.StringComparison.Ordinal) >= 0 && symbol != null && !symbol.Locations.IsEmpty && symbol.Locations[0].IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>SECRETS006 needs no compilation state; the diagnostic properties per token kind are made once.</summary>
        public sealed class State
        {
            internal static readonly State Instance = new State();

            internal static readonly ImmutableDictionary<string, string?>[] Properties = CreateProperties();

            private static ImmutableDictionary<string, string?>[] CreateProperties()
            {
                var kinds = (ProviderTokenKind[])System.Enum.GetValues(typeof(ProviderTokenKind));
                var properties = new ImmutableDictionary<string, string?>[kinds.Length];
                foreach (ProviderTokenKind kind in kinds)
                {
                    properties[(int)kind] = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindProviderToken)
                        .Add(DiagnosticProperties.ProviderTokenKind, kind.ToString());
                }

                return properties;
            }
        }
    }
}
