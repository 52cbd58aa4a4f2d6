using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // SECRETS005, the per-tree pass: credential headers and URIs with a password in their user info.
    public sealed partial class AuthenticationSecretAnalyzer
    {
        private sealed partial class Pass
        {
            // ---------------------------------------------------------------- headers

            /// <summary><c>headers.Add("Authorization", "Bearer …")</c>, <c>TryAddWithoutValidation(HeaderNames.Authorization, …)</c>, <c>"X-Api-Key"</c>.</summary>
            private void OnHeaderWord(int at, int length)
            {
                int start = at, end = at + length;
                while (start > 0 && IsKeyPart(_source[start - 1]) && at - start < MaxLookAround)
                {
                    start--;
                }

                while (end < _source.Length && IsKeyPart(_source[end]) && end - at < MaxLookAround)
                {
                    end++;
                }

                bool quoted = start > 0 && _source[start - 1] == '"' && end < _source.Length && _source[end] == '"';
                if (quoted)
                {
                    if (!AuthSecrets.IsCredentialHeader(_source.Substring(start, end - start)) || NextNonSpace(end + 1) != ',')
                    {
                        return;
                    }

                    start--;
                }
                else
                {
                    // A constant's name: HeaderNames.Authorization, Headers.ApiKey.
                    start = at;
                    end = at + length;
                    while (start > 0 && IsWordPart(_source[start - 1]))
                    {
                        start--;
                    }

                    while (end < _source.Length && IsWordPart(_source[end]))
                    {
                        end++;
                    }

                    if (NextNonSpace(end) != ',')
                    {
                        return;
                    }
                }

                SyntaxToken token = _root.FindToken(start);
                if (token.SpanStart != start)
                {
                    return;
                }

                ExpressionSyntax? name = token.Parent as ExpressionSyntax;
                if (name is IdentifierNameSyntax && name.Parent is MemberAccessExpressionSyntax member && member.Name == name)
                {
                    name = member;
                }

                if (name == null || !(name.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax list) || list.Arguments.Count < 2 ||
                    list.Arguments[0] != argument || !(list.Parent is InvocationExpressionSyntax invocation) || !_tree.Includes(invocation.Span))
                {
                    return;
                }

                string? method = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;
                if (method != "Add" && method != "TryAddWithoutValidation" && method != "Set")
                {
                    return;
                }

                string? header = CandidateCollector.ConstantString(name, _model, _cancellationToken);
                if (header == null || !AuthSecrets.IsCredentialHeader(header) ||
                    !(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol symbol) ||
                    !(State.DerivesFrom(symbol.ContainingType, _rule.HttpHeaders) || State.DerivesFrom(symbol.ContainingType, _rule.WebHeaderCollection)) ||
                    symbol.Parameters.Length < 2 || symbol.Parameters[1].Type.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                header = header.Trim();
                ExpressionSyntax value = list.Arguments[1].Expression;
                if (AuthSecrets.IsAuthorizationHeader(header))
                {
                    ReportValue(value, header, null, Shape.AuthorizationValue);
                }
                else
                {
                    ReportValue(value, header + " header", null, Shape.Secret);
                }
            }

            // ---------------------------------------------------------------- URIs

            /// <summary><c>"https://user:pw@host"</c>, <c>smtp://</c>, <c>ftp://</c>: a network URI whose user info has a password.</summary>
            private void OnUri(int at, int length)
            {
                if (at == 0 || !Chars.IsAsciiLetterOrDigit(_source[at - 1]))
                {
                    return;
                }

                // An '@' must follow on the line (in the literal, or in a later piece of a concatenation).
                bool hasAt = false;
                for (int i = at + length; i < _source.Length && i - at < MaxLookAround; i++)
                {
                    char c = _source[i];
                    if (c == '@')
                    {
                        hasAt = true;
                        break;
                    }

                    if (c == '\n' || c == '\r' || c == ';')
                    {
                        break;
                    }
                }

                if (!hasAt)
                {
                    return;
                }

                SyntaxToken token = _root.FindToken(at);
                if (!token.Span.Contains(at))
                {
                    return;
                }

                ExpressionSyntax? value = token.Parent as LiteralExpressionSyntax;
                if (value == null && token.Parent is InterpolatedStringTextSyntax text)
                {
                    value = text.Parent as InterpolatedStringExpressionSyntax;
                }

                if (value == null || !(value.IsKind(SyntaxKind.StringLiteralExpression) || value is InterpolatedStringExpressionSyntax))
                {
                    return;
                }

                while (value.Parent is ParenthesizedExpressionSyntax || (value.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)))
                {
                    value = (ExpressionSyntax)value.Parent;
                }

                if (!_tree.Includes(value.Span) || !_values.Add(value.SpanStart))
                {
                    return;
                }

                CandidateText? candidate = CandidateCollector.FromValue(value, _model, _tree.Index, _cancellationToken);
                if (candidate == null || ConnectionStrings.MayHoldPassword(candidate.Text) ||
                    !AuthSecrets.FindUriPassword(candidate.Text, out int start, out int passwordLength, out string? host))
                {
                    // SECRETS003 reports database URIs (and amqp://).
                    return;
                }

                Report(candidate, start, passwordLength, host == null ? "URI user info" : "URI user info for '" + host + "'");
            }
        }
    }
}
