using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
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
    public sealed partial class AuthenticationSecretAnalyzer : SecretsAnalyzerBase<AuthenticationSecretAnalyzer.State>
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
        private sealed partial class Pass
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
