using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.CodeFixes
{
    internal static partial class FixPlanner
    {
        /// <summary>
        /// SECRETS006 in a comment, an XML documentation comment or <c>#if</c>-disabled code: nothing moves, the token is
        /// replaced where it stands by what the message showed (its prefix and last four characters). The token stays
        /// in the history, so the rule's page says to revoke it as well.
        /// </summary>
        private static FixPlan? PlanCommentRedaction(FixPlan plan, SyntaxNode root, TextSpan span)
        {
            SyntaxTrivia trivia = root.FindTrivia(span.Start);
            if (trivia.RawKind == 0 || !trivia.FullSpan.Contains(span))
            {
                return null;
            }

            // The text the analyzer scanned: the whole comment (the whole structure of a documentation comment).
            string text = trivia.ToFullString();
            int offset = span.Start - trivia.FullSpan.Start;
            foreach (ProviderTokenMatch match in ProviderTokens.FindTokens(text))
            {
                if (match.Start == offset && match.Length == span.Length)
                {
                    plan.Redacted = ProviderTokens.Redact(text, match);
                    plan.Kinds = ImmutableArray.Create(FixKind.RedactInComment);
                    return plan;
                }
            }

            return null;
        }
    }
}
