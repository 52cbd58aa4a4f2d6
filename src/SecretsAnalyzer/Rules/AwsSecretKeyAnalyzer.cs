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
                    // A named constant whose own name says secret is reported where it is declared, not at each use;
                    // so is one declared in this file, whose reads ValueFlow follows from the declaration.
                    if (NameHints.Classify(scope.ConstantSymbol.Name) != NameHint.None || IsDeclaredIn(scope.ConstantSymbol, scope.Candidate.Tree))
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

                if (hint == NameHint.None)
                {
                    hint = NameHints.Classify(context.AlternativeName);
                }

                keyIdNearby = context.Container != null && context.AnySibling(scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId);
            }

            var matches = new List<AwsSecretMatch>(1);
            AwsKeys.FindSecrets(text, hint, keyIdNearby, matches);
            if (matches.Count == 0 && AwsKeys.HasSecretShape(text))
            {
                // A key-shaped value with no evidence of its own: look where it goes and what sits next to it.
                if (MoreEvidence(scope, ref hint, ref keyIdNearby))
                {
                    AwsKeys.FindSecrets(text, hint, keyIdNearby, matches);
                }
            }

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

        /// <summary>
        /// Evidence beyond the value's own context: for a stored value, a read of it that is passed to a parameter
        /// receiving a secret (or sits with a key ID), or a key ID in a declaration next to it; for a comment, a key
        /// ID in the comment lines around it.
        /// </summary>
        private static bool MoreEvidence(CandidateScope<State> scope, ref NameHint hint, ref bool keyIdNearby)
        {
            if (scope.Model == null)
            {
                if (scope.Candidate.IsComment && NeighbouringCommentsHoldKeyId(scope))
                {
                    keyIdNearby = true;
                    return true;
                }

                return false;
            }

            if (scope.ConstantSymbol != null)
            {
                return false;
            }

            ExpressionSyntax value = scope.Context.Value;
            if (value == null)
            {
                return false;
            }

            if (ValueFlow.NeighbourHolds(value, scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId))
            {
                keyIdNearby = true;
                return true;
            }

            ISymbol? stored = ValueFlow.StoredIn(value, scope.Model, scope.CancellationToken);
            if (stored == null || NameHints.Classify(stored.Name) != NameHint.None)
            {
                return false;
            }

            foreach (ExpressionSyntax read in ValueFlow.Reads(stored, value, scope.Model, scope.CancellationToken))
            {
                ValueContext use = ValueContext.Compute(read, scope.Model, scope.CancellationToken);
                NameHint useHint = use.ReceiverHint;
                if (useHint == NameHint.None && use.Parameter != null)
                {
                    useHint = NameHints.Classify(use.Parameter.Name);
                }

                if (useHint != NameHint.None)
                {
                    hint = useHint;
                    return true;
                }

                if (use.Container != null && use.AnySibling(scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId))
                {
                    keyIdNearby = true;
                    return true;
                }
            }

            return false;
        }

        /// <summary>A key ID in the comments right around this one (a key pair left on two comment lines).</summary>
        private static bool NeighbouringCommentsHoldKeyId(CandidateScope<State> scope)
        {
            SyntaxNode root = scope.Candidate.Tree.GetRoot(scope.CancellationToken);
            SyntaxTrivia trivia = root.FindTrivia(scope.Candidate.FallbackSpan.Start);
            SyntaxToken token = trivia.Token;

            // A line's trailing comment and the full-line comments after it sit in two lists: read them as one run.
            var run = new List<SyntaxTrivia>();
            if (token.LeadingTrivia.IndexOf(trivia) >= 0)
            {
                run.AddRange(token.GetPreviousToken().TrailingTrivia);
                run.AddRange(token.LeadingTrivia);
            }
            else
            {
                run.AddRange(token.TrailingTrivia);
                run.AddRange(token.GetNextToken().LeadingTrivia);
            }

            int index = run.IndexOf(trivia);
            for (int i = index - CommentNeighbourhood; index >= 0 && i <= index + CommentNeighbourhood; i++)
            {
                if (i >= 0 && i < run.Count && i != index && CandidateCollector.IsCommentLike(run[i]) && AwsKeys.ContainsAccessKeyId(run[i].ToFullString()))
                {
                    return true;
                }
            }

            return false;
        }

        private const int CommentNeighbourhood = 6;

        private static bool IsDeclaredIn(ISymbol symbol, SyntaxTree tree)
        {
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>SECRETS002 needs no compilation state.</summary>
        public sealed class State
        {
            internal static readonly State Instance = new State();
        }
    }
}
