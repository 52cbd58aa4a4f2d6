using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // SECRETS005, the per-tree pass: values held by members, locals, parameters and keys whose name says secret.
    public sealed partial class AuthenticationSecretAnalyzer
    {
        private sealed partial class Pass
        {
            // ---------------------------------------------------------------- names

            /// <summary>
            /// <c>var dbPassword = "…"</c>, <c>ApiToken = "…"</c>, <c>string ApiKey { get; set; } = "…"</c>,
            /// <c>string secret = "…"</c> (a parameter's default),
            /// <c>["api_key"] = "…"</c>, <c>{ "password", "…" }</c>, <c>d.Add("client_secret", "…")</c>,
            /// <c>new { token = "…" }</c>; and <c>NetworkCredential.Password = "…"</c>, a sink.
            /// </summary>
            private void OnNameWord(int at, int length)
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
                int next;
                if (quoted)
                {
                    next = SkipSpace(end + 1);
                    if (next < _source.Length && _source[next] == ']')
                    {
                        next = AssignmentValue(SkipSpace(next + 1));
                    }
                    else if (next < _source.Length && _source[next] == ',')
                    {
                        next = SkipSpace(next + 1);
                    }
                    else
                    {
                        return;
                    }

                    start--;
                }
                else
                {
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

                    next = SkipSpace(end);
                    if (next < _source.Length && _source[next] == '{')
                    {
                        // An auto-property's initializer: ApiKey { get; set; } = "…";
                        int close = _source.IndexOf('}', next, Math.Min(MaxLookAround, _source.Length - next));
                        next = close < 0 || _source.IndexOf('{', next + 1, close - next - 1) >= 0 ? -1 : SkipSpace(close + 1);
                    }

                    next = next < 0 ? -1 : AssignmentValue(next);
                }

                if (next < 0 || next >= _source.Length || !IsValueStart(_source[next]) || !_names.Add(start))
                {
                    return;
                }

                string name = quoted ? _source.Substring(start + 1, end - start - 1) : _source.Substring(start, end - start);
                SecretNameKind kind = AuthSecrets.ClassifyName(name);
                bool passwordProperty = !quoted && name == "Password";
                if (kind == SecretNameKind.None && !passwordProperty)
                {
                    return;
                }

                SyntaxToken token = _root.FindToken(start);
                if (token.SpanStart != start)
                {
                    return;
                }

                if (quoted)
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Parent is LiteralExpressionSyntax key && key.Span.End == end + 1)
                    {
                        OnNamedKey(key, name, kind);
                    }

                    return;
                }

                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    OnNamedIdentifier(token, name, kind);
                }
            }

            /// <summary>The position of the value after <c>=</c> (not <c>==</c> or <c>=&gt;</c>) at <paramref name="i"/>, or -1.</summary>
            private int AssignmentValue(int i)
            {
                if (i + 1 >= _source.Length || _source[i] != '=' || _source[i + 1] == '=' || _source[i + 1] == '>')
                {
                    return -1;
                }

                return SkipSpace(i + 1);
            }

            private static bool IsValueStart(char c) => c == '"' || c == '@' || c == '$' || c == '(' || c == '_' || Chars.IsAsciiLetter(c);

            private void OnNamedIdentifier(SyntaxToken token, string name, SecretNameKind kind)
            {
                ExpressionSyntax? value = null;
                ITypeSymbol? type = null;
                ISymbol? target = null;
                switch (token.Parent)
                {
                    case VariableDeclaratorSyntax declarator when declarator.Initializer != null:
                        value = declarator.Initializer.Value;
                        target = _model.GetDeclaredSymbol(declarator, _cancellationToken);
                        type = (target as ILocalSymbol)?.Type ?? (target as IFieldSymbol)?.Type;
                        break;
                    case PropertyDeclarationSyntax property when property.Initializer != null:
                        value = property.Initializer.Value;
                        target = _model.GetDeclaredSymbol(property, _cancellationToken);
                        type = (target as IPropertySymbol)?.Type;
                        break;
                    case ParameterSyntax parameter when parameter.Default != null:
                        value = parameter.Default.Value;
                        target = _model.GetDeclaredSymbol(parameter, _cancellationToken);
                        type = (target as IParameterSymbol)?.Type;
                        break;
                    case IdentifierNameSyntax identifier:
                        {
                            ExpressionSyntax left = identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : identifier;
                            if (left.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == left)
                            {
                                value = assignment.Right;
                                target = _model.GetSymbolInfo(left, _cancellationToken).Symbol;
                                type = target switch
                                {
                                    IPropertySymbol property => property.Type,
                                    IFieldSymbol field => field.Type,
                                    ILocalSymbol local => local.Type,
                                    IParameterSymbol parameter => parameter.Type,
                                    _ => null,
                                };
                            }
                            else if (identifier.Parent is NameEqualsSyntax nameEquals && nameEquals.Parent is AnonymousObjectMemberDeclaratorSyntax anonymous)
                            {
                                value = anonymous.Expression;
                                type = _model.GetTypeInfo(value, _cancellationToken).Type;
                            }

                            break;
                        }
                }

                if (value == null || type?.SpecialType != SpecialType.System_String || !_tree.Includes(value.Span))
                {
                    return;
                }

                if (target is IPropertySymbol sinkProperty && sinkProperty.Name == "Password" && State.Is(sinkProperty.ContainingType, _rule.NetworkCredential))
                {
                    ReportValue(value, "NetworkCredential.Password", UserNameBeside(value), Shape.Secret);
                    return;
                }

                if (kind == SecretNameKind.None || (target != null && _rule.IsConnectionBuilder(target.ContainingType)))
                {
                    // A builder's Password is SECRETS003's.
                    return;
                }

                ReportNamedValue(value, name);
            }

            /// <summary>The constant <c>UserName</c> beside <c>Password</c> in the same object initializer.</summary>
            private string? UserNameBeside(ExpressionSyntax value)
            {
                if (!(value.Parent is AssignmentExpressionSyntax assignment) || !(assignment.Parent is InitializerExpressionSyntax initializer))
                {
                    return null;
                }

                foreach (ExpressionSyntax sibling in initializer.Expressions)
                {
                    if (sibling is AssignmentExpressionSyntax other && other.Left is IdentifierNameSyntax left && left.Identifier.ValueText == "UserName")
                    {
                        return CandidateCollector.ConstantString(other.Right, _model, _cancellationToken);
                    }
                }

                return null;
            }

            /// <summary><c>d["api_key"] = "…"</c>, <c>{ "password", "…" }</c>, <c>d.Add("client_secret", "…")</c>.</summary>
            private void OnNamedKey(LiteralExpressionSyntax key, string name, SecretNameKind kind)
            {
                if (kind == SecretNameKind.None)
                {
                    return;
                }

                ExpressionSyntax? value = null;
                ITypeSymbol? container = null;
                if (key.Parent is ArgumentSyntax argument && argument.Parent is BracketedArgumentListSyntax brackets && brackets.Arguments.Count == 1)
                {
                    ExpressionSyntax? access = brackets.Parent as ExpressionSyntax;
                    if ((access is ElementAccessExpressionSyntax || access is ImplicitElementAccessSyntax) &&
                        access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        value = assignment.Right;
                        container = (_model.GetSymbolInfo(access, _cancellationToken).Symbol as IPropertySymbol)?.ContainingType;
                    }
                }
                else if (key.Parent is InitializerExpressionSyntax pair && pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) &&
                         pair.Expressions.Count == 2 && pair.Expressions[0] == key)
                {
                    value = pair.Expressions[1];
                    container = (pair.Parent?.Parent is ExpressionSyntax collection ? _model.GetTypeInfo(collection, _cancellationToken).Type : null);
                }
                else if (key.Parent is ArgumentSyntax first && first.Parent is ArgumentListSyntax list && list.Arguments.Count == 2 && list.Arguments[0] == first &&
                         list.Parent is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax access &&
                         (access.Name.Identifier.ValueText == "Add" || access.Name.Identifier.ValueText == "TryAdd"))
                {
                    value = list.Arguments[1].Expression;
                    container = (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol)?.ContainingType;
                }

                if (value == null || !_tree.Includes(value.Span) || _rule.IsConnectionBuilder(container as INamedTypeSymbol))
                {
                    return;
                }

                ReportNamedValue(value, name);
            }

            /// <summary>A value that only its name marks as a secret: reported when it looks like one, and no other rule owns it.</summary>
            private void ReportNamedValue(ExpressionSyntax value, string name)
            {
                value = SkipCasts(value);
                if ((value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax) && !_tree.Index.MayBeConstant(value))
                {
                    return;
                }

                if (_values.Contains(value.SpanStart))
                {
                    return;
                }

                CandidateText? candidate = CandidateCollector.FromValue(value, _model, _tree.Index, _cancellationToken);
                if (candidate == null)
                {
                    return;
                }

                string text = candidate.Text;
                if (text.IndexOf(Chars.Hole) >= 0 || AuthSecrets.IsPlaceholderSecret(text, 0, text.Length, null) ||
                    !AuthSecrets.LooksLikeSecretValue(text, 0, text.Length) || ConnectionStrings.IsConnectionFragment(text) || OwnedByAnotherRule(text, name, value))
                {
                    return;
                }

                _values.Add(value.SpanStart);
                Trim(text, out int start, out int length);
                Report(candidate, start, length, "'" + name + "'");
            }

            /// <summary>
            /// Values SECRETS001-003 report: access key IDs, connection strings, secret keys that the name or an access key
            /// ID on the same line marks as AWS's.
            /// </summary>
            private bool OwnedByAnotherRule(string text, string name, ExpressionSyntax value)
            {
                if (AwsKeys.ContainsAccessKeyId(text) || ConnectionStrings.MayHoldPassword(text))
                {
                    return true;
                }

                // "Password=…" on its own is a connection-string fragment: SECRETS003 judges its value (a placeholder such as
                // ${DB_PASSWORD} is no finding there).
                int equals = text.IndexOf('=');
                if (equals > 0 && ConnectionStrings.IsPasswordKey(text.Substring(0, equals).Trim()))
                {
                    return true;
                }

                if (text.Length == AwsKeys.SecretKeyLength && AwsKeys.LooksLikeSecretKey(text, 0, text.Length))
                {
                    int lineStart = _source.LastIndexOf('\n', Math.Max(0, value.SpanStart - 1)) + 1;
                    int lineEnd = _source.IndexOf('\n', value.Span.End);
                    if (AwsKeys.FindAccessKeyId(_source, lineStart, lineStart, lineEnd < 0 ? _source.Length : lineEnd) >= 0)
                    {
                        return true;
                    }
                }

                List<AwsSecretMatch> probe = _awsProbe ??= new List<AwsSecretMatch>(1);
                probe.Clear();
                AwsKeys.FindSecrets(text, NameHints.Classify(name), keyIdNearby: false, probe);
                return probe.Count > 0;
            }
        }
    }
}
