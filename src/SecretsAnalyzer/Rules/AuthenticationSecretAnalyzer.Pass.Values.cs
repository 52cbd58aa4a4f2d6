using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // SECRETS005, the per-tree pass: judging and reporting a value given to a sink.
    public sealed partial class AuthenticationSecretAnalyzer
    {
        private sealed partial class Pass
        {
            // ---------------------------------------------------------------- values

            /// <summary>Judges and reports a value given to a sink. Values with non-constant parts are not findings.</summary>
            private void ReportValue(ExpressionSyntax expression, string sink, string? userName, Shape shape)
            {
                ExpressionSyntax value = SkipCasts(expression);
                if (!_tree.Includes(value.Span) || !_values.Add(value.SpanStart))
                {
                    return;
                }

                if ((value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax) && !_tree.Index.MayBeConstant(value))
                {
                    return;
                }

                CandidateText? candidate = value.IsKind(SyntaxKind.Utf8StringLiteralExpression)
                    ? CandidateCollector.FromLiteral((LiteralExpressionSyntax)value)
                    : CandidateCollector.FromValue(value, _model, _tree.Index, _cancellationToken);
                if (candidate == null)
                {
                    return;
                }

                string text = candidate.Text;
                if (text.IndexOf(Chars.Hole) >= 0)
                {
                    // "Bearer " + token: the credential comes from elsewhere.
                    return;
                }

                int start, length;
                switch (shape)
                {
                    case Shape.AuthorizationValue:
                        if (!AuthSecrets.SplitAuthorization(text, out string? scheme, out start, out length))
                        {
                            return;
                        }

                        bool basic = string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase);
                        if (basic ? !AuthSecrets.IsRealBasicCredentials(text, start, length) : AuthSecrets.IsPlaceholderSecret(text, start, length, null))
                        {
                            return;
                        }

                        sink = scheme == null ? sink : sink + ": " + scheme;
                        break;

                    case Shape.BasicCredentials:
                        Trim(text, out start, out length);
                        if (length == 0 || !AuthSecrets.IsRealBasicCredentials(text, start, length))
                        {
                            return;
                        }

                        break;

                    default:
                        Trim(text, out start, out length);
                        if (AuthSecrets.IsPlaceholderSecret(text, start, length, userName?.Trim()))
                        {
                            return;
                        }

                        break;
                }

                Report(candidate, start, length, sink);
            }

            private void Report(CandidateText candidate, int start, int length, string sink)
            {
                if (ProviderTokens.MayContainToken(candidate.Text, start, start + length) && ProviderTokens.ContainsToken(candidate.Text, start, start + length))
                {
                    // SECRETS006 reports a provider token or private key by its format, with the provider in the message.
                    return;
                }

                Narrow(candidate, ref start, ref length);
                var scope = new CandidateScope<State>(candidate, _tree);
                scope.Report(Descriptors.AuthenticationSecret, start, length, Properties, sink, scope.HandlerSuffix);
            }

            /// <summary>
            /// When the secret spans pieces of a fold (<c>Prefix + "…"</c>), the longest literal piece of it, so the squiggle
            /// lands on a literal that carries the secret instead of the whole expression.
            /// </summary>
            private static void Narrow(CandidateText candidate, ref int start, ref int length)
            {
                IReadOnlyList<Segment> segments = candidate.Segments;
                int end = start + length;
                int bestStart = -1, bestLength = 0;
                for (int i = 0; i < segments.Count; i++)
                {
                    Segment segment = segments[i];
                    int from = Math.Max(start, segment.TextStart);
                    int to = Math.Min(end, segment.TextStart + segment.Length);
                    if (from <= start && to >= end)
                    {
                        // Inside one piece: exact already.
                        return;
                    }

                    if (segment.Token.RawKind != 0 && to - from > bestLength)
                    {
                        bestStart = from;
                        bestLength = to - from;
                    }
                }

                if (bestLength > 0)
                {
                    start = bestStart;
                    length = bestLength;
                }
            }

            private static void Trim(string text, out int start, out int length)
            {
                start = 0;
                int end = text.Length;
                while (start < end && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                while (end > start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }

                length = end - start;
            }

            private int SkipSpace(int i)
            {
                int limit = Math.Min(_source.Length, i + MaxLookAround);
                while (i < limit && char.IsWhiteSpace(_source[i]))
                {
                    i++;
                }

                return i;
            }

            private char NextNonSpace(int i)
            {
                i = SkipSpace(i);
                return i < _source.Length ? _source[i] : '\0';
            }
        }
    }
}
