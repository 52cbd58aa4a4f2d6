using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>How a lookup is written where the value was.</summary>
    internal enum LookupForm
    {
        /// <summary><c>await SecretStore.GetSecretAsync("name")</c>: an async method, lambda or local function, or top-level statements.</summary>
        Await,

        /// <summary><c>SecretStore.GetSecret("name")</c>: initializers, properties, synchronous code.</summary>
        Sync,
    }

    /// <summary>How the execution-role fix removes explicit credentials.</summary>
    internal enum RoleEditKind
    {
        /// <summary>Drop arguments of a client constructor: <c>new AmazonS3Client(creds, region)</c> → <c>new AmazonS3Client(region)</c>.</summary>
        RemoveArguments,

        /// <summary>A credentials object becomes <c>DefaultAWSCredentialsIdentityResolver.GetCredentials()</c>.</summary>
        DefaultCredentials,

        /// <summary>An <c>Environment.SetEnvironmentVariable("AWS_…", …)</c> statement goes.</summary>
        RemoveStatement,
    }

    internal sealed class RoleEdit
    {
        public RoleEdit(RoleEditKind kind, SyntaxNode node, ImmutableArray<int> indices)
        {
            Kind = kind;
            Node = node;
            Indices = indices;
        }

        public RoleEditKind Kind { get; }

        /// <summary>The object creation (RemoveArguments, DefaultCredentials) or the statement (RemoveStatement).</summary>
        public SyntaxNode Node { get; }

        /// <summary>Argument indices to remove, ascending.</summary>
        public ImmutableArray<int> Indices { get; }
    }

    /// <summary>What one diagnostic allows: the fixes on offer, in order, and what each one rewrites.</summary>
    internal sealed class FixPlan
    {
        public FixPlan(Diagnostic diagnostic, Document document)
        {
            Diagnostic = diagnostic;
            Document = document;
        }

        public Diagnostic Diagnostic { get; }

        /// <summary>The document holding the diagnostic.</summary>
        public Document Document { get; }

        public ImmutableArray<FixKind> Kinds { get; set; } = ImmutableArray<FixKind>.Empty;

        public RoleEdit? Role { get; set; }

        /// <summary>The document holding <see cref="Value"/> (a constant may be declared elsewhere).</summary>
        public Document? ValueDocument { get; set; }

        /// <summary>The whole expression that moves: a literal, a constant concatenation or interpolation.</summary>
        public ExpressionSyntax? Value { get; set; }

        public LookupForm Form { get; set; }

        /// <summary>A <c>const</c> field or local declaration that holds the value and must stop being const.</summary>
        public SyntaxNode? ConstDeclaration { get; set; }

        /// <summary>The logical store name before prefixing and de-duplication (<c>type/member</c>).</summary>
        public string LogicalName { get; set; } = string.Empty;

        /// <summary>For the invoking-account fix: the <c>ILambdaContext</c> parameter in scope.</summary>
        public string? ContextParameter { get; set; }

        /// <summary>For the invoking-account fix: <c>role/path/Name</c>.</summary>
        public string? RoleResource { get; set; }

        /// <summary>
        /// For the redaction: each comment or documentation comment (top-level trivia), the span in it (absolute) and
        /// what replaces it. The finding first; with a key ID, the secret keys that are findings only because it is there.
        /// </summary>
        public System.Collections.Generic.List<(SyntaxTrivia Trivia, Microsoft.CodeAnalysis.Text.TextSpan Span, string Text)> Redactions { get; } =
            new System.Collections.Generic.List<(SyntaxTrivia, Microsoft.CodeAnalysis.Text.TextSpan, string)>();

        /// <summary>A UTF-8 literal (<c>"…"u8</c>): the lookup's string is encoded back to the literal's type.</summary>
        public bool Utf8 { get; set; }

        /// <summary>For an awaited lookup: the <c>CancellationToken</c> parameter in scope that is passed on, if any.</summary>
        public string? CancellationToken { get; set; }

        /// <summary>For a default parameter value: how the parameter and the code it feeds change (null otherwise).</summary>
        public ParameterDefaultPlan? ParameterDefault { get; set; }

        /// <summary>
        /// For a static field that holds the value (a <c>const</c>, or <c>static readonly</c>): it becomes a static
        /// get-only property over the helper's cache, so a failed read throws at the use and the next use reads again,
        /// instead of a <c>TypeInitializationException</c> for the life of the process.
        /// </summary>
        public FieldDeclarationSyntax? FieldToProperty { get; set; }

        public bool Offers(FixKind kind) => Kinds.Contains(kind);
    }
}
