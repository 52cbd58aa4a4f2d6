using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// One pass over a tree that every rule shares: the string values (literals, interpolated strings and the tops
    /// of <c>+</c> chains), the arguments that are a constant's name, the assignments and two-argument
    /// <c>.Add(key, value)</c> calls that receive a value, the comments, and the tree's <c>const</c> locals.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The rules subscribe to one semantic-model action per tree instead of syntax-node actions, because the
    /// analyzer driver's per-node dispatch for the kinds the rules need (every literal, <c>+</c>, argument,
    /// assignment and invocation) cost about a fifth of the compile on its own.
    /// </para>
    /// <para>
    /// The pass reads the source text, not the syntax tree: visiting every node and token of a tree costs a few
    /// percent of the compile by itself. A scan of the characters finds each <c>"</c> (a string starts there), each
    /// <c>//</c> and <c>/*</c>, and each word that names a source constant; only there does it ask the tree which
    /// token it is (<see cref="SyntaxNode.FindToken(int, bool)"/>) and climb to the value's top. Every climb stops at a
    /// <c>+</c> already climbed, so a 20,000-part concatenation costs linear time, and nothing recurses.
    /// </para>
    /// <para>
    /// The index is keyed by the <see cref="SemanticModel"/>: the driver hands every analyzer the same model for
    /// a tree during one pass, so the four rules share one pass, and nothing outlives it.
    /// </para>
    /// </remarks>
    internal sealed partial class TreeIndex
    {
        private static readonly ConditionalWeakTable<SemanticModel, TreeIndex> s_byModel = new ConditionalWeakTable<SemanticModel, TreeIndex>();
        private static readonly object s_gate = new object();
        private static readonly string NotAString = new string('\0', 1);

        private readonly NameTable _fields;
        // Nodes are remembered by their span, not by reference: an object's identity hash is costly to take the first
        // time (it was the largest single cost of the pass). No two + nodes, and no two assignments or calls, share a span.
        private readonly HashSet<long> _climbed = new HashSet<long>();
        private readonly HashSet<long> _linked = new HashSet<long>();
        private readonly Stack<ExpressionSyntax> _chain = new Stack<ExpressionSyntax>();
        private NameTable? _locals;
        private string?[]? _folded;

        // The last token found: the next position is usually near it, so the search starts from its ancestors.
        private SyntaxNode? _near;

        private readonly SyntaxTree _tree;

        private TreeIndex(NameTable fields, SyntaxTree tree)
        {
            _fields = fields;
            _tree = tree;
        }

        /// <summary>
        /// String literals read straight from the source text: regular <c>"…"</c> literals without escapes, alone or as an
        /// operand of a <c>+</c> chain between operands that fold to holes (<see cref="PlainLiteral.InChain"/>). Their node
        /// is found only for a value that passes a rule's quick test (<see cref="LiteralNode"/>).
        /// </summary>
        public PlainLiteralList PlainLiterals { get; } = new PlainLiteralList();

        /// <summary>The other string literals, interpolated strings and <c>+</c> chains that are not operands of a <c>+</c>.</summary>
        public List<ExpressionSyntax> Values { get; } = new List<ExpressionSyntax>();

        /// <summary>Arguments whose expression (inside parentheses) names a constant: <c>F(Key)</c>, <c>F(Keys.Secret)</c>.</summary>
        public List<ArgumentSyntax> NamedArguments { get; } = new List<ArgumentSyntax>();

        /// <summary>The <c>a = b</c> whose left side is named like a password (<c>Password</c>, <c>Pwd</c>, <c>["Password"]</c>).</summary>
        public List<AssignmentExpressionSyntax> Assignments { get; } = new List<AssignmentExpressionSyntax>();

        /// <summary>The <c>x.Add(key, value)</c> (exactly two arguments) whose key is a string literal named like a password, or a constant's name.</summary>
        public List<InvocationExpressionSyntax> KeyValueAdds { get; } = new List<InvocationExpressionSyntax>();

        /// <summary>Documentation comments, disabled code, and comments inside directives: the comments found by the tree.</summary>
        public List<SyntaxTrivia> Comments { get; } = new List<SyntaxTrivia>();

        /// <summary>
        /// The other comments (<c>// …</c> and <c>/* … */</c> in code), read from the source text (<see cref="SourceText"/>):
        /// their trivia is found only for a comment that passes a rule's quick test (<see cref="CommentTrivia"/>).
        /// </summary>
        public List<TextSpan> PlainComments { get; } = new List<TextSpan>();

        /// <summary>The source text the plain literals and comments were read from.</summary>
        public string SourceText { get; private set; } = string.Empty;

        public static TreeIndex Get(SemanticModel model, CancellationToken cancellationToken)
        {
            if (s_byModel.TryGetValue(model, out TreeIndex? index))
            {
                return index;
            }

            TreeIndex built = Build(model.SyntaxTree, ConstantNames.For(model.Compilation).Names(cancellationToken), cancellationToken);
            lock (s_gate)
            {
                if (s_byModel.TryGetValue(model, out index))
                {
                    return index;
                }

                s_byModel.Add(model, built);
                return built;
            }
        }

        private System.Tuple<object, SecretsOptions>? _options;

        /// <summary>The tree's options, read once for all rules of a compilation (thread-safe).</summary>
        public SecretsOptions Options(SecretsOptions.Reader reader)
        {
            System.Tuple<object, SecretsOptions>? known = Volatile.Read(ref _options);
            if (known != null && known.Item1 == reader.Provider)
            {
                return known.Item2;
            }

            SecretsOptions options = reader.Get(_tree);
            Volatile.Write(ref _options, System.Tuple.Create<object, SecretsOptions>(reader.Provider, options));
            return options;
        }

        /// <summary>Whether <paramref name="name"/> may name a constant: a source constant field, or a <c>const</c> local of this tree.</summary>
        public bool MayBeConstant(string name) => (_locals != null && _locals.Contains(name, 0, name.Length)) || _fields.Contains(name, 0, name.Length);

        /// <summary>
        /// Whether the compiler may fold <paramref name="expression"/> to a constant worth asking it about: a literal,
        /// or a name (<c>Key</c>, <c>Keys.Key</c>) that <see cref="MayBeConstant(string)"/>. Syntax only.
        /// </summary>
        public bool MayBeConstant(ExpressionSyntax expression)
        {
            expression = CandidateCollector.SkipParentheses(expression);
            if (expression is LiteralExpressionSyntax)
            {
                return true;
            }

            string? name = NameOf(expression);
            return name != null && MayBeConstant(name);
        }

        /// <summary>
        /// The value the name most likely has, from syntax alone: the literal initializer of the one constant (field or
        /// local) of that name (<see cref="ConstantNames.NotText"/> for a number, <c>true</c>, <c>false</c> or <c>null</c>).
        /// Null when that is not known (no such constant, several, or another initializer).
        /// A filter only: a local may hide the field at the use, so a value that matters is confirmed by lookup.
        /// </summary>
        public string? LikelyValue(ExpressionSyntax expression)
        {
            string? name = NameOf(CandidateCollector.SkipParentheses(expression));
            if (name == null)
            {
                return null;
            }

            bool local = _locals != null && _locals.Contains(name, 0, name.Length);
            if (local)
            {
                // A const local of the tree; a field of the same name makes it a guess too far.
                return _fields.Contains(name, 0, name.Length) ? null : _locals!.Value(name, 0, name.Length);
            }

            if (!_fields.Contains(name, 0, name.Length))
            {
                return null;
            }

            // Type.Name: the constant of that type. A simple name: the one of the innermost type around the use that
            // declares it (as lookup would find it), else the one constant of that name in the compilation.
            expression = CandidateCollector.SkipParentheses(expression);
            if (expression is MemberAccessExpressionSyntax member && NameOf(member.Expression) is string container)
            {
                return _fields.ContainsQualified(container, name) ? _fields.QualifiedValue(container, name) : null;
            }

            for (SyntaxNode? node = expression.Parent; node != null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax type && _fields.ContainsQualified(type.Identifier.ValueText, name))
                {
                    return _fields.QualifiedValue(type.Identifier.ValueText, name);
                }
            }

            return _fields.Value(name, 0, name.Length);
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => member.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
