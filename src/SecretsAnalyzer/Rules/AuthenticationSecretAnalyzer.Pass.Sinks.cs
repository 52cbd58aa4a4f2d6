using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;

namespace SecretsAnalyzer.Rules
{
    // SECRETS005, the per-tree pass: constructors and methods of the sink types (NetworkCredential, signing keys, certificates).
    public sealed partial class AuthenticationSecretAnalyzer
    {
        private sealed partial class Pass
        {
            // ---------------------------------------------------------------- constructors and methods of sink types

            /// <summary>
            /// A type's name (<c>new NetworkCredential(…)</c>, <c>X509CertificateLoader.LoadPkcs12(…)</c>) or a method's
            /// (<c>cert.Import(…)</c>): the call it names, if any.
            /// </summary>
            private void OnTypeWord(int at, int length)
            {
                if (at > 0 && IsWordPart(_source[at - 1]))
                {
                    return;
                }

                int end = at + length;
                while (end < _source.Length && IsWordPart(_source[end]))
                {
                    end++;
                }

                string word = _source.Substring(at, end - at);
                bool prefixWord = word.StartsWith("HMAC", StringComparison.Ordinal) || word.StartsWith("X509Certificate", StringComparison.Ordinal);
                if (end - at != length && !prefixWord)
                {
                    return;
                }

                if (word == "Import" && NextNonSpace(end) != '(')
                {
                    return;
                }

                SyntaxToken token = _root.FindToken(at);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart != at || !(token.Parent is SimpleNameSyntax name))
                {
                    return;
                }

                SyntaxNode node = name;
                while (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node || node.Parent is AliasQualifiedNameSyntax alias && alias.Name == node)
                {
                    node = node.Parent;
                }

                switch (node.Parent)
                {
                    case ObjectCreationExpressionSyntax creation when creation.Type == node && creation.ArgumentList != null:
                        AnalyzeCall(creation, creation.ArgumentList);
                        break;
                    case MemberAccessExpressionSyntax access when access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access &&
                                                                 (access.Expression == node || access.Name == node):
                        AnalyzeCall(invocation, invocation.ArgumentList);
                        break;
                }
            }

            private void AnalyzeCall(ExpressionSyntax call, ArgumentListSyntax arguments)
            {
                if (arguments.Arguments.Count == 0 || !_tree.Includes(call.Span) ||
                    !(_model.GetSymbolInfo(call, _cancellationToken).Symbol is IMethodSymbol method))
                {
                    return;
                }

                INamedTypeSymbol type = method.ContainingType;
                if (State.Is(type, _rule.NetworkCredential) && method.MethodKind == MethodKind.Constructor)
                {
                    ExpressionSyntax? password = Argument(arguments, method, "password", string.Empty);
                    ExpressionSyntax? user = Argument(arguments, method, "userName", string.Empty);
                    if (password != null)
                    {
                        string? userName = user == null ? null : CandidateCollector.ConstantString(user, _model, _cancellationToken);
                        ReportValue(password, "NetworkCredential password" + CredentialsTarget(call), userName, Shape.Secret);
                    }
                }
                else if (State.Is(type, _rule.AuthenticationHeaderValue) && method.MethodKind == MethodKind.Constructor)
                {
                    ExpressionSyntax? parameter = Argument(arguments, method, "parameter", string.Empty);
                    ExpressionSyntax? schemeExpression = Argument(arguments, method, "scheme", string.Empty);
                    string? scheme = schemeExpression == null ? null : CandidateCollector.ConstantString(schemeExpression, _model, _cancellationToken);
                    if (parameter != null)
                    {
                        bool basic = string.Equals(scheme?.Trim(), "Basic", StringComparison.OrdinalIgnoreCase);
                        ReportValue(parameter, scheme == null ? "Authorization" : "Authorization: " + scheme.Trim(), null, basic ? Shape.BasicCredentials : Shape.Secret);
                    }
                }
                else if (State.Is(type, _rule.SymmetricSecurityKey) || State.DerivesFrom(type, _rule.Hmac))
                {
                    ExpressionSyntax? key = Argument(arguments, method, "key", "Byte[]");
                    if (key != null)
                    {
                        ReportKeyBytes(key, type.Name + " key");
                    }
                }
                else if (_rule.IsCertificateType(type))
                {
                    ExpressionSyntax? password = Argument(arguments, method, "password", string.Empty);
                    if (password != null)
                    {
                        ReportValue(password, type.Name + " password", null, Shape.Secret);
                    }
                }
            }

            /// <summary>
            /// The argument given to the parameter named <paramref name="parameterName"/> (by position or by name), when
            /// that parameter is a string (or, with <paramref name="typeName"/>, a type of that name: <c>Byte[]</c>).
            /// </summary>
            private static ExpressionSyntax? Argument(ArgumentListSyntax arguments, IMethodSymbol method, string parameterName, string typeName)
            {
                SeparatedSyntaxList<ArgumentSyntax> list = arguments.Arguments;
                for (int i = 0; i < list.Count; i++)
                {
                    ArgumentSyntax argument = list[i];
                    IParameterSymbol? parameter = null;
                    if (argument.NameColon != null)
                    {
                        string name = argument.NameColon.Name.Identifier.ValueText;
                        foreach (IParameterSymbol candidate in method.Parameters)
                        {
                            if (candidate.Name == name)
                            {
                                parameter = candidate;
                                break;
                            }
                        }
                    }
                    else if (i < method.Parameters.Length)
                    {
                        parameter = method.Parameters[i];
                    }

                    if (parameter == null || parameter.Name != parameterName)
                    {
                        continue;
                    }

                    ITypeSymbol type = parameter.Type;
                    bool fits = typeName.Length == 0
                        ? type.SpecialType == SpecialType.System_String || IsSpanOf(type, SpecialType.System_Char)
                        : type is IArrayTypeSymbol array && array.ElementType.SpecialType == SpecialType.System_Byte || IsSpanOf(type, SpecialType.System_Byte);
                    return fits ? argument.Expression : null;
                }

                return null;
            }

            private static bool IsSpanOf(ITypeSymbol type, SpecialType element) =>
                type is INamedTypeSymbol named && named.IsGenericType && (named.Name == "ReadOnlySpan" || named.Name == "Span") &&
                named.ContainingNamespace?.Name == "System" && named.TypeArguments.Length == 1 && named.TypeArguments[0].SpecialType == element;

            /// <summary>Where a new <c>NetworkCredential</c> goes, for the message: <c> (SmtpClient.Credentials)</c>, <c> (CredentialCache.Add)</c>.</summary>
            private string CredentialsTarget(ExpressionSyntax creation)
            {
                SyntaxNode? parent = creation.Parent;
                while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is AssignmentExpressionSyntax assignment &&
                    _model.GetSymbolInfo(assignment.Left, _cancellationToken).Symbol is IPropertySymbol property && property.Name == "Credentials")
                {
                    return " (" + property.ContainingType.Name + ".Credentials)";
                }

                if (parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax invocation &&
                    _model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method && State.Is(method.ContainingType, _rule.CredentialCache))
                {
                    return " (CredentialCache." + method.Name + ")";
                }

                return string.Empty;
            }

            /// <summary>
            /// Key bytes made from a constant string: <c>Encoding.UTF8.GetBytes("…")</c>, <c>Convert.FromBase64String("…")</c>,
            /// <c>Convert.FromHexString("…")</c>, <c>"…"u8</c> (or <c>"…"u8.ToArray()</c>).
            /// </summary>
            private void ReportKeyBytes(ExpressionSyntax key, string sink)
            {
                key = SkipCasts(key);
                if (key is InvocationExpressionSyntax toArray && toArray.ArgumentList.Arguments.Count == 0 &&
                    toArray.Expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == "ToArray" &&
                    SkipCasts(access.Expression).IsKind(SyntaxKind.Utf8StringLiteralExpression))
                {
                    key = SkipCasts(access.Expression);
                }

                if (key.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                {
                    ReportValue(key, sink, null, Shape.Secret);
                    return;
                }

                if (!(key is InvocationExpressionSyntax invocation) || invocation.ArgumentList.Arguments.Count != 1 ||
                    !(_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method) ||
                    method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                bool fromText = method.Name == "GetBytes" && State.DerivesFrom(method.ContainingType, _rule.Encoding);
                bool fromDigits = (method.Name == "FromBase64String" || method.Name == "FromHexString") && method.ContainingType.SpecialType == SpecialType.None &&
                                  method.ContainingType.Name == "Convert" && method.ContainingType.ContainingNamespace?.Name == "System";
                if (fromText || fromDigits)
                {
                    ReportValue(invocation.ArgumentList.Arguments[0].Expression, sink, null, Shape.Secret);
                }
            }
        }
    }
}
