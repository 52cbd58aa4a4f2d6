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

        private protected override State CreateRuleState(Compilation compilation) => new State();

        private protected override bool QuickTest(string text, int start, int end) => AwsKeys.HasLongKeyRun(text, start, end);

        private protected override bool AnalyzesConstantArguments => true;

        private protected override bool MayReport(string text) => AwsKeys.MayHoldSecret(text);

        private protected override bool MayReport(TreeIndex index, int i)
        {
            PlainLiteral plain = index.PlainLiterals[i];
            return AwsKeys.MayHoldSecret(plain.Text, plain.ValueStart, plain.ValueStart + plain.ValueLength);
        }

        private protected override void Analyze(CandidateScope<State> scope)
        {
            string text = scope.Text;
            if (!scope.MayReportChecked && !AwsKeys.MayHoldSecret(text))
            {
                // Not even the strongest evidence would make it a finding (a SHA-1, a path): skip the context.
                return;
            }

            NameHint hint = NameHint.None;
            bool keyIdNearby = false;
            if (scope.Model != null)
            {
                ValueContext context = scope.Context;
                hint = context.ReceiverHint;
                if (hint == NameHint.None && context.Parameter != null)
                {
                    hint = NameHints.Classify(context.Parameter.Name);
                    if (hint == NameHint.None && context.Parameter.ContainingSymbol is IMethodSymbol setter && setter.Parameters.Length == 1)
                    {
                        // The only argument of WithSecretKey(value), SetSessionToken(value): the method names it.
                        hint = NameHints.Classify(setter.Name);
                    }
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

                // A key ID beside it is evidence unless the value's own name says it is something else (a webhook secret, a salt).
                keyIdNearby = context.Container != null && !NameHints.SaysOtherValue(context.ReceiverName) &&
                    context.AnySibling(scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId);
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

            // The name it is stored under, from syntax: when it says what the value is, the symbol is not needed.
            string? receiver = scope.Context.ReceiverName;
            if (receiver != null && (NameHints.Classify(receiver) != NameHint.None || NameHints.SaysOtherValue(receiver)))
            {
                return false;
            }

            ISymbol? stored = ValueFlow.StoredIn(value, scope.Model, scope.CancellationToken);
            if (stored == null || NameHints.Classify(stored.Name) != NameHint.None || NameHints.SaysOtherValue(stored.Name))
            {
                return false;
            }

            // A key ID declared right next to it counts only for a name that could be the key's other half: random
            // values with telling names of their own (nonce, hash, cursor) often sit next to anything.
            if (CouldBeKeyMaterial(stored.Name) && ValueFlow.NeighbourHolds(value, scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId))
            {
                keyIdNearby = true;
                return true;
            }

            foreach (ExpressionSyntax read in ValueFlow.Reads(stored, value, scope.Model, scope.Rule.Reads, scope.CancellationToken))
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

                if (use.Container != null && use.AnySibling(scope.Model, scope.CancellationToken, AwsKeys.ContainsAccessKeyId, resolveStored: true))
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
            bool leading = trivia.SpanStart < token.SpanStart;
            SyntaxTriviaList list = leading ? token.LeadingTrivia : token.TrailingTrivia;
            int index = IndexOf(list, trivia);
            if (index < 0)
            {
                return false;
            }

            if (AnyKeyIdComment(list, index - CommentNeighbourhood, index + CommentNeighbourhood, index))
            {
                return true;
            }

            // A line's trailing comment and the full-line comments after it sit in two lists: look across the border.
            if (leading && index < CommentNeighbourhood)
            {
                SyntaxTriviaList before = token.GetPreviousToken().TrailingTrivia;
                return AnyKeyIdComment(before, before.Count - CommentNeighbourhood, before.Count - 1, -1);
            }

            if (!leading && index + CommentNeighbourhood >= list.Count)
            {
                return AnyKeyIdComment(token.GetNextToken().LeadingTrivia, 0, CommentNeighbourhood, -1);
            }

            return false;
        }

        private static bool AnyKeyIdComment(SyntaxTriviaList list, int from, int to, int skip)
        {
            for (int i = from < 0 ? 0 : from; i <= to && i < list.Count; i++)
            {
                if (i != skip && CandidateCollector.IsCommentLike(list[i]) && AwsKeys.ContainsAccessKeyId(list[i].ToFullString()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The index of <paramref name="trivia"/> in its list by binary search on position: no scan of long comment runs.</summary>
        private static int IndexOf(SyntaxTriviaList list, SyntaxTrivia trivia)
        {
            int low = 0, high = list.Count - 1;
            int position = trivia.FullSpan.Start;
            while (low <= high)
            {
                int mid = low + ((high - low) / 2);
                int start = list[mid].FullSpan.Start;
                if (start == position)
                {
                    return mid;
                }

                if (start < position)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return -1;
        }

        private const int CommentNeighbourhood = 6;

        private static readonly string[] KeyMaterialWords = { "key", "pass", "pwd", "cred", "auth", "aws", "access", "private" };

        /// <summary>A name that says key material (<c>Key</c>, <c>awsPass</c>, <c>Credential2</c>) or says nothing at all (<c>a</c>, <c>k2</c>).</summary>
        private static bool CouldBeKeyMaterial(string name)
        {
            int letters = 0;
            foreach (char c in name)
            {
                letters += Chars.IsAsciiLetter(c) ? 1 : 0;
            }

            if (letters <= 2)
            {
                return true;
            }

            foreach (string word in KeyMaterialWords)
            {
                if (NameHints.ContainsNormalized(name, 0, name.Length, word))
                {
                    return true;
                }
            }

            return false;
        }

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

        /// <summary>Per compilation: the identifier index of each tree whose stored values ValueFlow follows (built lazily, once).</summary>
        public sealed class State
        {
            internal ValueFlow.TreeIndex Reads { get; } = new ValueFlow.TreeIndex();
        }
    }
}
