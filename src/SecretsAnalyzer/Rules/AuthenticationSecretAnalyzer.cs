using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS005: a hard-coded password, token or key given to an authentication API, found by where the value goes:
    /// <c>NetworkCredential</c>, <c>AuthenticationHeaderValue</c> and credential headers, signing keys
    /// (<c>SymmetricSecurityKey</c>, <c>HMAC*</c>), certificate passwords, network URIs with a password in their user
    /// info, and names that say password, secret, token or API key (only for values that look like one). The squiggle
    /// sits on the value; the message names the sink, never the value.
    /// </summary>
    /// <remarks>
    /// Nothing is found by a value alone, so the rule's quick test refuses every string and the work happens in
    /// <see cref="AnalyzeRuleShapes"/>: an ordinal search of the tree's source text for the few words a sink is written
    /// with (<c>NetworkCredential</c>, <c>Authorization</c>, <c>://</c>, <c>password</c>, …), a look at the characters
    /// around each hit (a name must be followed by <c>=</c> and a value), and only then the token, the syntax and the
    /// symbol. A file without those words costs a few vectorized searches.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AuthenticationSecretAnalyzer : SecretsAnalyzerBase<AuthenticationSecretAnalyzer.State>
    {
        internal static readonly ImmutableDictionary<string, string?> Properties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindCredential);

        /// <summary>Words (ignoring case) a name that says password, secret, token or API key contains.</summary>
        private static readonly string[] NameWords = { "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "subscription-key", "subscriptionkey" };

        /// <summary>Words (ignoring case) of the credential headers (<see cref="AuthSecrets.IsCredentialHeader"/>).</summary>
        private static readonly string[] HeaderWords = { "authorization", "api-key", "apikey", "subscription-key", "functions-key" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AuthenticationSecret);

        private protected override State CreateRuleState(Compilation compilation) => new State(compilation);

        /// <summary>No string is a finding by its text alone: every candidate comes from a sink (<see cref="AnalyzeRuleShapes"/>).</summary>
        private protected override bool QuickTest(string text, int start, int end) => false;

        private protected override bool MayReport(string text) => false;

        private protected override bool AnalyzesComments => false;

        private protected override void Analyze(CandidateScope<State> scope)
        {
        }

        private protected override void AnalyzeRuleShapes(TreeScope<State> tree) => new Pass(tree).Run();

        /// <summary>One tree: the searches, and the values already judged (a value reached from two words is judged once).</summary>
        private sealed class Pass
        {
            private const int MaxLookAround = 256;

            private readonly TreeScope<State> _tree;
            private readonly State _rule;
            private readonly SemanticModel _model;
            private readonly string _source;
            private readonly SyntaxNode _root;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<int> _values = new HashSet<int>();
            private readonly HashSet<int> _names = new HashSet<int>();
            private List<AwsSecretMatch>? _awsProbe;

            public Pass(TreeScope<State> tree)
            {
                _tree = tree;
                _rule = tree.State.Rule;
                _model = tree.Model;
                _source = tree.Index.SourceText;
                _root = tree.Model.SyntaxTree.GetRoot(tree.CancellationToken);
                _cancellationToken = tree.CancellationToken;
            }

            public void Run()
            {
                // Sinks first, so a value reached from a sink and from a name gets the sink's message.
                if (_rule.NetworkCredential != null)
                {
                    Search("NetworkCredential", StringComparison.Ordinal, OnTypeWord);
                }

                if (_rule.AuthenticationHeaderValue != null)
                {
                    Search("AuthenticationHeaderValue", StringComparison.Ordinal, OnTypeWord);
                }

                if (_rule.SymmetricSecurityKey != null)
                {
                    Search("SymmetricSecurityKey", StringComparison.Ordinal, OnTypeWord);
                }

                if (_rule.Hmac != null)
                {
                    Search("HMAC", StringComparison.Ordinal, OnTypeWord);
                }

                if (_rule.HasCertificates)
                {
                    Search("X509Certificate", StringComparison.Ordinal, OnTypeWord);
                    Search("Import", StringComparison.Ordinal, OnTypeWord);
                }

                if (_rule.HttpHeaders != null || _rule.WebHeaderCollection != null)
                {
                    foreach (string word in HeaderWords)
                    {
                        Search(word, StringComparison.OrdinalIgnoreCase, OnHeaderWord);
                    }
                }

                Search("://", StringComparison.Ordinal, OnUri);
                foreach (string word in NameWords)
                {
                    Search(word, StringComparison.OrdinalIgnoreCase, OnNameWord);
                }
            }

            private void Search(string word, StringComparison comparison, Action<int, int> onHit)
            {
                int checkpoint = 0;
                for (int at = _source.IndexOf(word, 0, comparison); at >= 0; at = _source.IndexOf(word, at + word.Length, comparison))
                {
                    if (at >= checkpoint)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        checkpoint = at + (1 << 16);
                    }

                    onHit(at, word.Length);
                }
            }

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

        private enum Shape
        {
            /// <summary>A password, token or key as a whole.</summary>
            Secret,

            /// <summary>An <c>Authorization</c> header's value: a scheme and credentials.</summary>
            AuthorizationValue,

            /// <summary>The credentials of a <c>Basic</c> scheme: base64 of <c>user:password</c>.</summary>
            BasicCredentials,
        }

        private static bool IsWordPart(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_' || (c > 0x7F && char.IsLetterOrDigit(c));

        private static bool IsKeyPart(char c) => IsWordPart(c) || c == '-';

        private static ExpressionSyntax SkipCasts(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = bang.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The sink types, resolved once per compilation; a sink whose type the compilation does not know is skipped.</summary>
        public sealed class State
        {
            internal State(Compilation compilation)
            {
                NetworkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
                CredentialCache = compilation.GetTypeByMetadataName("System.Net.CredentialCache");
                AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
                HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
                WebHeaderCollection = compilation.GetTypeByMetadataName("System.Net.WebHeaderCollection");
                SymmetricSecurityKey = compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
                Hmac = compilation.GetTypeByMetadataName("System.Security.Cryptography.HMAC");
                Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
                Certificate = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate");
                CertificateCollection = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509Certificate2Collection");
                CertificateLoader = compilation.GetTypeByMetadataName("System.Security.Cryptography.X509Certificates.X509CertificateLoader");
                ConnectionStringBuilder = compilation.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder");
            }

            internal INamedTypeSymbol? NetworkCredential { get; }

            internal INamedTypeSymbol? CredentialCache { get; }

            internal INamedTypeSymbol? AuthenticationHeaderValue { get; }

            internal INamedTypeSymbol? HttpHeaders { get; }

            internal INamedTypeSymbol? WebHeaderCollection { get; }

            internal INamedTypeSymbol? SymmetricSecurityKey { get; }

            internal INamedTypeSymbol? Hmac { get; }

            internal INamedTypeSymbol? Encoding { get; }

            internal INamedTypeSymbol? Certificate { get; }

            internal INamedTypeSymbol? CertificateCollection { get; }

            internal INamedTypeSymbol? CertificateLoader { get; }

            internal INamedTypeSymbol? ConnectionStringBuilder { get; }

            internal bool HasCertificates => Certificate != null || CertificateCollection != null || CertificateLoader != null;

            internal bool IsCertificateType(INamedTypeSymbol? type) =>
                DerivesFrom(type, Certificate) || Is(type, CertificateCollection) || Is(type, CertificateLoader);

            /// <summary>A <c>DbConnectionStringBuilder</c> subtype or look-alike, whose password is SECRETS003's.</summary>
            internal bool IsConnectionBuilder(INamedTypeSymbol? type) =>
                DerivesFrom(type, ConnectionStringBuilder) || ConnectionStringPasswordAnalyzer.State.IsBuilderLike(type);

            internal static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? sink) =>
                sink != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, sink);

            internal static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? sink)
            {
                if (sink == null)
                {
                    return false;
                }

                for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, sink))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
