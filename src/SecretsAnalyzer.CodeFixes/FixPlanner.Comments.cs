using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.CodeFixes
{
    // A finding in a comment or documentation comment, of any rule: nothing moves, the credential is redacted in place.
    internal static partial class FixPlanner
    {
        /// <summary>What stands in for an access key ID: its prefix, an ellipsis and its last four characters.</summary>
        internal const string KeyIdEllipsis = "...";

        /// <summary>What stands in for any other credential in a comment.</summary>
        internal const string Redacted = "<redacted>";

        /// <summary>
        /// Plans the redaction when the span lies in a comment (<c>//</c>, <c>/* */</c>) or a documentation comment
        /// (<c>///</c>, <c>/** */</c>). Disabled code (<c>#if</c>) is no comment: it may be compiled in another
        /// configuration, so no fix is offered there.
        /// </summary>
        private static bool PlanCommentRedaction(FixPlan plan, SyntaxNode root, TextSpan span)
        {
            if (span.Length == 0)
            {
                return false;
            }

            SyntaxTrivia trivia = root.FindTrivia(span.Start);
            if (!trivia.FullSpan.Contains(span))
            {
                return false;
            }

            bool documentation;
            switch ((SyntaxKind)trivia.RawKind)
            {
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                    documentation = false;
                    break;
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                    documentation = true;
                    break;
                default:
                    return false;
            }

            string found = root.SyntaxTree.GetText().ToString(span);
            string redaction = Redaction(found, documentation);
            if (RedactTrivia(trivia, new[] { (span, redaction) }).RawKind != trivia.RawKind)
            {
                return false;
            }

            plan.Redactions.Add((trivia, span, redaction));
            if (redaction != found && IsKeyId(found))
            {
                // A secret key in this comment or the comment lines around it may be a finding only because this key ID
                // sits next to it: once the key ID is redacted it would no longer be reported, and would stay. It goes too.
                SyntaxToken token = trivia.Token;
                SyntaxTriviaList list = trivia.SpanStart < token.SpanStart ? token.LeadingTrivia : token.TrailingTrivia;
                int index = list.IndexOf(trivia);
                for (int i = System.Math.Max(0, index - CommentNeighbourhood); index >= 0 && i < list.Count && i <= index + CommentNeighbourhood; i++)
                {
                    SyntaxTrivia other = list[i];
                    bool otherDocumentation = other.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || other.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
                    if (!(otherDocumentation || other.IsKind(SyntaxKind.SingleLineCommentTrivia) || other.IsKind(SyntaxKind.MultiLineCommentTrivia)))
                    {
                        continue;
                    }

                    var secrets = new System.Collections.Generic.List<AwsSecretMatch>();
                    AwsKeys.FindSecrets(other.ToFullString(), NameHint.None, keyIdNearby: true, secrets);
                    foreach (AwsSecretMatch secret in secrets)
                    {
                        plan.Redactions.Add((other, new TextSpan(other.FullSpan.Start + secret.Span.Start, secret.Span.Length), otherDocumentation ? "&lt;redacted&gt;" : Redacted));
                    }
                }
            }

            return true;
        }

        /// <summary>How many comment trivia around a key ID the secret-key rule looks at (AwsSecretKeyAnalyzer).</summary>
        private const int CommentNeighbourhood = 6;

        /// <summary>An access key ID keeps its prefix and last four characters; anything else is <c>&lt;redacted&gt;</c> (escaped in XML).</summary>
        private static bool IsKeyId(string found) => found.Length == 20 && AwsKeys.FindAccessKeyId(found, 0) == 0;

        internal static string Redaction(string found, bool documentation)
        {
            if (IsKeyId(found))
            {
                return found.Substring(0, 4) + KeyIdEllipsis + found.Substring(16);
            }

            // A provider token or private key (SECRETS006) keeps what its message shows: the prefix and the last four
            // characters, or a private key's BEGIN line.
            foreach (ProviderTokenMatch match in ProviderTokens.FindTokens(found))
            {
                if (match.Start == 0 && match.Length == found.Length)
                {
                    string shown = ProviderTokens.Redact(found, match);
                    return documentation ? shown.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") : shown;
                }
            }

            return documentation ? "&lt;redacted&gt;" : Redacted;
        }

        /// <summary>The comment with each span (absolute positions) replaced; a documentation comment is parsed again.</summary>
        internal static SyntaxTrivia RedactTrivia(SyntaxTrivia trivia, System.Collections.Generic.IEnumerable<(TextSpan Span, string Text)> redactions)
        {
            string text = trivia.ToFullString();
            var ordered = new System.Collections.Generic.List<(TextSpan Span, string Text)>(redactions);
            ordered.Sort((a, b) => b.Span.Start.CompareTo(a.Span.Start));
            int previousStart = int.MaxValue;
            foreach ((TextSpan span, string replacement) in ordered)
            {
                if (span.End > previousStart)
                {
                    // Overlapping findings: the later one is already redacted.
                    continue;
                }

                int start = span.Start - trivia.FullSpan.Start;
                text = text.Substring(0, start) + replacement + text.Substring(start + span.Length);
                previousStart = span.Start;
            }

            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return SyntaxFactory.Comment(text);
            }

            SyntaxTriviaList parsed = SyntaxFactory.ParseLeadingTrivia(text);
            return parsed.Count == 1 && parsed[0].RawKind == trivia.RawKind && parsed[0].ToFullString() == text ? parsed[0] : default;
        }
    }
}
