using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
    internal sealed class TreeIndex
    {
        private static readonly ConditionalWeakTable<SemanticModel, TreeIndex> s_byModel = new ConditionalWeakTable<SemanticModel, TreeIndex>();
        private static readonly object s_gate = new object();
        private static readonly string NotAString = new string('\0', 1);

        private readonly NameTable _fields;
        private readonly HashSet<SyntaxNode> _climbed = new HashSet<SyntaxNode>();
        private readonly HashSet<SyntaxNode> _linked = new HashSet<SyntaxNode>();
        private NameTable? _locals;
        private string?[]? _folded;

        // The last token found: the next position is usually near it, so the search starts from its ancestors.
        private SyntaxNode? _near;

        private TreeIndex(NameTable fields)
        {
            _fields = fields;
        }

        /// <summary>String literals, interpolated strings and <c>+</c> chains that are not operands of a <c>+</c>.</summary>
        public List<ExpressionSyntax> Values { get; } = new List<ExpressionSyntax>();

        /// <summary>Arguments whose expression (inside parentheses) names a constant: <c>F(Key)</c>, <c>F(Keys.Secret)</c>.</summary>
        public List<ArgumentSyntax> NamedArguments { get; } = new List<ArgumentSyntax>();

        /// <summary>The <c>a = b</c> whose right side is a value of <see cref="Values"/> or a constant's name.</summary>
        public List<AssignmentExpressionSyntax> Assignments { get; } = new List<AssignmentExpressionSyntax>();

        /// <summary>The <c>x.Add(key, value)</c> (exactly two arguments) with a string value or a constant's name among them.</summary>
        public List<InvocationExpressionSyntax> KeyValueAdds { get; } = new List<InvocationExpressionSyntax>();

        /// <summary>Comments, documentation comments and disabled code.</summary>
        public List<SyntaxTrivia> Comments { get; } = new List<SyntaxTrivia>();

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

        /// <summary>
        /// The text of <c>Values[i]</c> when it is a <c>+</c> chain, folded once for all rules with each constant's
        /// <see cref="LikelyValue"/> (holes for what is not constant): what the rules' quick tests look at before the
        /// exact fold. Null when the chain is not a string.
        /// </summary>
        public string? FoldedText(int i, SemanticModel model, CancellationToken cancellationToken)
        {
            string?[] folded = Volatile.Read(ref _folded) ?? InitFolded();
            string? text = Volatile.Read(ref folded[i]);
            if (text == null)
            {
                // Two rules may fold the same chain at once; both get the same text, and either copy is kept.
                CandidateText? candidate = CandidateCollector.FromConcatenation((BinaryExpressionSyntax)Values[i], model, this, cancellationToken, likely: true);
                text = candidate?.Text ?? NotAString;
                Volatile.Write(ref folded[i], text);
            }

            return ReferenceEquals(text, NotAString) ? null : text;
        }

        private string?[] InitFolded()
        {
            Interlocked.CompareExchange(ref _folded, new string?[Values.Count], null);
            return _folded!;
        }

        internal static TreeIndex Build(SyntaxTree tree, NameTable fields, CancellationToken cancellationToken)
        {
            var index = new TreeIndex(fields);
            SyntaxNode root = tree.GetRoot(cancellationToken);
            string text = tree.GetText(cancellationToken).ToString();
            int n = text.Length;
            int i = 0;
            int checkpoint = 0;
            while (i < n)
            {
                if (i >= checkpoint)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    checkpoint = i + (1 << 16);
                }

                char c = text[i];
                if (c == '"')
                {
                    i = index.OnQuote(root, i);
                }
                else if (c == '/' && i + 1 < n && (text[i + 1] == '/' || text[i + 1] == '*'))
                {
                    i = index.OnCommentStart(root, i);
                }
                else if (IsWordStart(c) && (i == 0 || !IsWordPart(text[i - 1])))
                {
                    int end = i + 1;
                    while (end < n && IsWordPart(text[end]))
                    {
                        end++;
                    }

                    index.OnWord(root, text, i, end - i);
                    i = end;
                }
                else
                {
                    i++;
                }
            }

            if (root.ContainsDirectives)
            {
                index.AddDisabledText(root);
            }

            return index;
        }

        private static bool IsWordStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c > 0x7F && char.IsLetter(c));

        private static bool IsWordPart(char c) => IsWordStart(c) || (c >= '0' && c <= '9');

        /// <summary>A <c>"</c>: the string token it belongs to, if any, becomes a value (or part of one). Returns where to go on.</summary>
        private int OnQuote(SyntaxNode root, int position)
        {
            SyntaxToken token = FindToken(root, position);
            if (!token.Span.Contains(position))
            {
                // In trivia: disabled text, or a comment the scan did not start at.
                return position + 1;
            }

            switch ((SyntaxKind)token.RawKind)
            {
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                    if (token.Parent is LiteralExpressionSyntax literal)
                    {
                        AddValue(literal);
                    }

                    break;

                case SyntaxKind.InterpolatedStringStartToken:
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    if (token.Parent is InterpolatedStringExpressionSyntax interpolated)
                    {
                        AddValue(interpolated);
                    }

                    break;
            }

            return token.Span.End > position ? token.Span.End : position + 1;
        }

        /// <summary>
        /// The token at <paramref name="position"/>, searched from the smallest ancestor of the last token found that
        /// holds the position (positions only grow during the scan), else from the root.
        /// </summary>
        private SyntaxToken FindToken(SyntaxNode root, int position)
        {
            SyntaxNode node = _near ?? root;
            while (node.Parent != null && !node.FullSpan.Contains(position))
            {
                node = node.Parent;
            }

            SyntaxToken token = node.FullSpan.Contains(position) ? node.FindToken(position) : root.FindToken(position);
            _near = token.Parent ?? root;
            return token;
        }

        /// <summary>A <c>//</c> or <c>/*</c>: a comment, unless it sits inside a string. Returns where to go on.</summary>
        private int OnCommentStart(SyntaxNode root, int position)
        {
            SyntaxNode node = _near ?? root;
            while (node.Parent != null && !node.FullSpan.Contains(position))
            {
                node = node.Parent;
            }

            SyntaxTrivia trivia = node.FullSpan.Contains(position) ? node.FindTrivia(position) : root.FindTrivia(position);
            switch ((SyntaxKind)trivia.RawKind)
            {
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                    Comments.Add(trivia);
                    return trivia.FullSpan.End > position ? trivia.FullSpan.End : position + 1;

                case SyntaxKind.DisabledTextTrivia:
                    // Collected with the directives that disable it.
                    return trivia.FullSpan.End > position ? trivia.FullSpan.End : position + 1;

                default:
                    return position + 1;
            }
        }

        /// <summary>A word: <c>const</c> (a local constant's declaration) or the name of a constant (a use).</summary>
        private void OnWord(SyntaxNode root, string text, int start, int length)
        {
            if (length == 5 && string.CompareOrdinal(text, start, "const", 0, 5) == 0)
            {
                if (FindToken(root, start).Parent is LocalDeclarationStatementSyntax local && local.IsConst)
                {
                    foreach (VariableDeclaratorSyntax variable in local.Declaration.Variables)
                    {
                        ConstantNames.Declared declared = ConstantNames.Declared.Of(variable);
                        (_locals ??= new NameTable()).Add(declared.Name, declared.LiteralValue);
                    }
                }

                return;
            }

            if (!_fields.Contains(text, start, length) && (_locals == null || !_locals.Contains(text, start, length)))
            {
                return;
            }

            SyntaxToken token = FindToken(root, start);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart != start || !(token.Parent is IdentifierNameSyntax identifier))
            {
                return;
            }

            ExpressionSyntax use = identifier;
            if (identifier.Parent is MemberAccessExpressionSyntax member && member.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                if (member.Name != identifier)
                {
                    // `Keys` of `Keys.Prefix`: the use is the access, found by its last name.
                    return;
                }

                use = member;
            }

            SyntaxNode? parent = use.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case ArgumentSyntax argument:
                    NamedArguments.Add(argument);
                    LinkReceiver(argument);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    AddValue(use);
                    break;
                case CastExpressionSyntax _:
                case AssignmentExpressionSyntax _:
                    LinkReceiver(use);
                    break;
            }
        }

        /// <summary>
        /// A string value found at <paramref name="value"/>: it is a value of its own, or an operand of a <c>+</c> chain
        /// whose top is. The climb stops at a <c>+</c> already climbed, so each node of a chain is climbed once.
        /// </summary>
        private void AddValue(ExpressionSyntax value)
        {
            SyntaxNode current = value;
            while (true)
            {
                SyntaxNode? parent = current.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    if (!_climbed.Add(binary))
                    {
                        return;
                    }

                    current = binary;
                    continue;
                }

                break;
            }

            if (current == value && !(value is LiteralExpressionSyntax) && !(value is InterpolatedStringExpressionSyntax))
            {
                // A lone name is not a value of its own (arguments and assignments are linked by the caller).
                return;
            }

            Values.Add((ExpressionSyntax)current);
            LinkReceiver(current);
        }

        /// <summary>Records the assignment or <c>.Add(key, value)</c> call that receives a value (through parentheses and casts).</summary>
        private void LinkReceiver(SyntaxNode value)
        {
            SyntaxNode? parent = value is ArgumentSyntax ? value : value.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    if (_linked.Add(assignment))
                    {
                        Assignments.Add(assignment);
                    }

                    break;

                case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list && list.Arguments.Count == 2 &&
                                                  list.Parent is InvocationExpressionSyntax invocation &&
                                                  invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "Add":
                    if (_linked.Add(invocation))
                    {
                        KeyValueAdds.Add(invocation);
                    }

                    break;
            }
        }

        /// <summary>The disabled code after each <c>#if</c>/<c>#elif</c>/<c>#else</c> whose branch is not taken.</summary>
        private void AddDisabledText(SyntaxNode root)
        {
            for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                SyntaxTrivia parent = directive.ParentTrivia;
                SyntaxTriviaList list = parent.Token.LeadingTrivia;
                int at = list.IndexOf(parent);
                if (at >= 0 && at + 1 < list.Count && list[at + 1].IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    Comments.Add(list[at + 1]);
                }
            }
        }
    }
}
