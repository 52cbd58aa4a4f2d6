using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Detection;

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

        /// <summary>The text of <c>PlainComments[i]</c>, copied out of the source once for all rules (thread-safe).</summary>
        public string CommentText(int i)
        {
            string?[] texts = Slots(ref _commentTexts, PlainComments.Count);
            string? text = Volatile.Read(ref texts[i]);
            if (text == null)
            {
                TextSpan span = PlainComments[i];
                text = SourceText.Substring(span.Start, span.Length);
                Volatile.Write(ref texts[i], text);
            }

            return text;
        }

        private string?[]? _commentTexts;

        /// <summary>The trivia of <c>PlainComments[i]</c>, or default when the tree disagrees that a comment starts there.</summary>
        public SyntaxTrivia CommentTrivia(int i, SyntaxTree tree, CancellationToken cancellationToken)
        {
            TextSpan span = PlainComments[i];
            SyntaxTrivia trivia = tree.GetRoot(cancellationToken).FindTrivia(span.Start);
            return trivia.Span == span && (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                ? trivia
                : default;
        }

        /// <summary>The literal node of <c>PlainLiterals[i]</c>, found once for all rules (thread-safe; searched from the root).</summary>
        public LiteralExpressionSyntax? LiteralNode(int i, SyntaxTree tree, CancellationToken cancellationToken) =>
            Node(i, tree, cancellationToken) as LiteralExpressionSyntax;

        /// <summary>
        /// The node of <c>PlainLiterals[i]</c>: its literal, or for a text part (<see cref="PlainKind.InInterpolation"/>)
        /// the interpolated string. Found once for all rules (thread-safe; searched from the root).
        /// </summary>
        public ExpressionSyntax? Node(int i, SyntaxTree tree, CancellationToken cancellationToken)
        {
            PlainSlot slot = Slot(i);
            ExpressionSyntax? node = Volatile.Read(ref slot.Node);
            if (node == null)
            {
                PlainLiteral literal = PlainLiterals[i];
                SyntaxToken token = tree.GetRoot(cancellationToken).FindToken(literal.Start);
                node = token.SpanStart != literal.Start ? null : literal.Kind == PlainKind.InInterpolation
                    ? token.Parent as InterpolatedStringExpressionSyntax
                    : token.Parent as LiteralExpressionSyntax;
                Volatile.Write(ref slot.Node, node);
            }

            return node;
        }

        /// <summary>The value of <c>PlainLiterals[i]</c>, copied out of the source once for all rules (thread-safe).</summary>
        public string PlainValue(int i)
        {
            PlainSlot slot = Slot(i);
            string? value = Volatile.Read(ref slot.Value);
            if (value == null)
            {
                value = PlainLiterals[i].Value;
                Volatile.Write(ref slot.Value, value);
            }

            return value;
        }

        /// <summary>
        /// The top of the <c>+</c> chain that <c>PlainLiterals[i]</c> (<see cref="PlainKind.InChain"/>) is an operand of,
        /// climbed once for all rules; null when the tree disagrees. Climbs from many parts of one chain share what they
        /// climbed, so they stay linear in the chain.
        /// </summary>
        public BinaryExpressionSyntax? ChainOf(int i, SyntaxTree tree, CancellationToken cancellationToken)
        {
            PlainSlot slot = Slot(i);
            SyntaxNode? top = Volatile.Read(ref slot.Chain);
            if (top == null)
            {
                LiteralExpressionSyntax? part = LiteralNode(i, tree, cancellationToken);
                if (part == null)
                {
                    return null;
                }

                lock (_shared)
                {
                    top = ChainTop(part, _shared.ChainTops ??= new Dictionary<long, SyntaxNode>());
                }

                Volatile.Write(ref slot.Chain, top);
            }

            return top as BinaryExpressionSyntax;
        }

        // One object per plain literal that some rule looked at beyond its quick test (most literals have none).
        private PlainSlot?[]? _plainSlots;

        private PlainSlot Slot(int i)
        {
            PlainSlot?[] slots = Slots(ref _plainSlots, PlainLiterals.Count);
            PlainSlot? slot = Volatile.Read(ref slots[i]);
            if (slot == null)
            {
                Interlocked.CompareExchange(ref slots[i], new PlainSlot(), null);
                slot = Volatile.Read(ref slots[i])!;
            }

            return slot;
        }

        /// <summary>What the rules found out about one plain literal, once for all of them (each field filled on demand).</summary>
        private sealed class PlainSlot
        {
            public ExpressionSyntax? Node;
            public string? Value;
            public SyntaxNode? Chain;
        }

        /// <summary>The rules' shared memos that are filled under a lock (it is this object).</summary>
        private sealed class SharedMemos
        {
            public Dictionary<long, SyntaxNode>? ChainTops;
            public Dictionary<long, string>? LikelyFolds;
        }

        private readonly SharedMemos _shared = new SharedMemos();

        /// <summary>
        /// A per-item cache that the rules fill on demand, one slot per plain literal or value, made on first use
        /// (thread-safe: two rules may fill a slot at once, and either result is kept).
        /// </summary>
        private static T?[] Slots<T>(ref T?[]? slots, int count)
            where T : class
        {
            T?[]? existing = Volatile.Read(ref slots);
            if (existing != null)
            {
                return existing;
            }

            Interlocked.CompareExchange(ref slots, new T?[count], null);
            return slots!;
        }

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

        /// <summary>
        /// The text of <c>Values[i]</c> when it is a <c>+</c> chain or an interpolated string, folded once for all rules with each constant's
        /// <see cref="LikelyValue"/> (holes for what is not constant): what the rules' quick tests look at before the
        /// exact fold. Null when the chain is not a string.
        /// </summary>
        public string? FoldedText(int i, SemanticModel model, CancellationToken cancellationToken)
        {
            string?[] folded = Slots(ref _folded, Values.Count);
            string? text = Volatile.Read(ref folded[i]);
            if (text == null)
            {
                // Two rules may fold the same chain at once; both get the same text, and either copy is kept.
                CandidateText? candidate = Values[i] is InterpolatedStringExpressionSyntax interpolated
                    ? CandidateCollector.FromInterpolation(interpolated, model, this, cancellationToken, likely: true)
                    : CandidateCollector.FromConcatenation((BinaryExpressionSyntax)Values[i], model, this, cancellationToken, likely: true);
                text = candidate?.Text ?? NotAString;
                Volatile.Write(ref folded[i], text);
            }

            return ReferenceEquals(text, NotAString) ? null : text;
        }

        /// <summary>
        /// The likely fold (see <see cref="FoldedText"/>) of a <c>+</c> chain or interpolated string reached through one of
        /// its plain parts, made once for all rules that reach it through any of its parts (thread-safe). Null when it
        /// is not a string.
        /// </summary>
        public string? LikelyFold(ExpressionSyntax node, SemanticModel model, CancellationToken cancellationToken)
        {
            long key = Key(node);
            string? text;
            lock (_shared)
            {
                if (_shared.LikelyFolds == null || !_shared.LikelyFolds.TryGetValue(key, out text))
                {
                    text = null;
                }
            }

            if (text == null)
            {
                // Two rules may fold the same value at once; both get the same text, and either copy is kept.
                CandidateText? candidate = node is InterpolatedStringExpressionSyntax interpolated
                    ? CandidateCollector.FromInterpolation(interpolated, model, this, cancellationToken, likely: true)
                    : CandidateCollector.FromConcatenation((BinaryExpressionSyntax)node, model, this, cancellationToken, likely: true);
                text = candidate?.Text ?? NotAString;
                lock (_shared)
                {
                    (_shared.LikelyFolds ??= new Dictionary<long, string>())[key] = text;
                }
            }

            return ReferenceEquals(text, NotAString) ? null : text;
        }

        internal static TreeIndex Build(SyntaxTree tree, NameTable fields, CancellationToken cancellationToken)
        {
            var index = new TreeIndex(fields, tree);
            SyntaxNode root = tree.GetRoot(cancellationToken);
            index._text = index.SourceText = tree.GetText(cancellationToken).ToString();

            // Room for about as many plain literals as the text has pairs of quotes: the list is the pass's largest
            // allocation, and growing it by doubling would allocate it about twice.
            index.PlainLiterals.Source = index._text;
            index.PlainLiterals.Capacity = CountQuotes(index._text) / 2 + 4;
            if (root.ContainsDirectives)
            {
                index.AddDisabledText(root);
            }

            // The ranges still to scan: the whole text, then the holes of each interpolated string (whose text parts
            // are not code). A stack, so nested interpolations need no recursion.
            var pending = new Stack<TextSpan>();
            pending.Push(new TextSpan(0, index._text.Length));
            int checkpoint = 0;
            string text = index._text;
            while (pending.Count > 0)
            {
                TextSpan range = pending.Pop();
                int i = range.Start;
                int end = range.End;
                while (i < end)
                {
                    if (i >= checkpoint)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        checkpoint = i + (1 << 16);
                    }

                    char c = text[i];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                    {
                        // Indentation and line breaks, a third of a typical file: nothing to look at.
                        i++;
                        continue;
                    }

                    i = index.Step(root, i, end, pending);
                }
            }

            index._text = null;
            return index;
        }

        private string? _text;

        private static int CountQuotes(string text)
        {
            int count = 0;
            for (int i = text.IndexOf('"'); i >= 0; i = text.IndexOf('"', i + 1))
            {
                count++;
            }

            return count;
        }

        // Directives and disabled code, where a quote does not start a string: sorted, for binary search.
        private List<TextSpan>? _notCode;

        /// <summary>Looks at the character at <paramref name="i"/> and returns where to go on.</summary>
        private int Step(SyntaxNode root, int i, int end, Stack<TextSpan> pending)
        {
            string text = _text!;
            char c = text[i];
            if (c == '"')
            {
                return OnQuote(root, i, pending);
            }

            if (c == '/' && i + 1 < end && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                return OnCommentStart(root, i);
            }

            if (IsWordStart(c) && (i == 0 || !IsWordPart(text[i - 1])))
            {
                int wordEnd = i + 1;
                while (wordEnd < end && IsWordPart(text[wordEnd]))
                {
                    wordEnd++;
                }

                OnWord(root, text, i, wordEnd - i);
                return wordEnd;
            }

            return i + 1;
        }

        private static bool IsWordStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c > 0x7F && char.IsLetter(c));

        private static bool IsWordPart(char c) => IsWordStart(c) || (c >= '0' && c <= '9');

        /// <summary>
        /// A <c>"</c>. A plain literal (regular, no escape, on one line, not next to a <c>+</c>) is read from the text
        /// alone. Anything else asks the tree which token it is: a string becomes a value (or part of one), an
        /// interpolated string's holes are queued for scanning. Returns where to go on.
        /// </summary>
        private int OnQuote(SyntaxNode root, int position, Stack<TextSpan> pending)
        {
            if (_chainLiterals.Count > 0 &&
                (_chainLiterals.TryGetValue(position, out int known) || (position > 0 && _chainLiterals.TryGetValue(position - 1, out known))))
            {
                return known;
            }

            int plainEnd = PlainLiteralEnd(position, pending);
            if (plainEnd > 0)
            {
                // A key named like a password ("Password" of b["Password"] = …, d.Add("Pwd", …)): find where it goes.
                if (PlainLiterals.Count > 0 && PlainLiterals[PlainLiterals.Count - 1] is var last && last.Kind != PlainKind.InInterpolation && last.Start + last.Length == plainEnd &&
                    ConnectionStrings.IsPasswordKey(last.Text, last.ValueStart, last.ValueLength) && FindToken(root, position).Parent is LiteralExpressionSyntax key)
                {
                    LinkKey(key);
                }

                return plainEnd;
            }

            SyntaxToken token = FindToken(root, position);
            if (!token.Span.Contains(position))
            {
                // In trivia: disabled text, a directive, or a comment the scan did not start at.
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
                        if (ConnectionStrings.IsPasswordKey(token.ValueText))
                        {
                            LinkKey(literal);
                        }
                    }

                    break;

                case SyntaxKind.InterpolatedStringStartToken:
                case SyntaxKind.InterpolatedVerbatimStringStartToken:
                case SyntaxKind.InterpolatedSingleLineRawStringStartToken:
                case SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                    if (token.Parent is InterpolatedStringExpressionSyntax interpolated)
                    {
                        AddValue(interpolated);
                        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
                        {
                            if (content is InterpolationSyntax hole)
                            {
                                pending.Push(TextSpan.FromBounds(hole.OpenBraceToken.Span.End, hole.CloseBraceToken.SpanStart));
                            }
                        }

                        return interpolated.Span.End > position ? interpolated.Span.End : position + 1;
                    }

                    break;
            }

            return token.Span.End > position ? token.Span.End : position + 1;
        }

        /// <summary>
        /// When the quote at <paramref name="open"/> starts a plain literal (see <see cref="PlainLiterals"/>), records it and
        /// returns the position after it; otherwise 0, and the tree decides. Plain: a regular literal whose escapes are
        /// simple ones (<c>\"</c>, <c>\\</c>, <c>\n</c>, …), or a verbatim one without <c>""</c>, on one line; or a regular
        /// interpolated string read by <see cref="PlainInterpolationEnd"/>.
        /// </summary>
        private int PlainLiteralEnd(int open, Stack<TextSpan> pending)
        {
            string text = _text!;
            int n = text.Length;
            int start = open;
            bool verbatim = false;
            if (open > 0)
            {
                char before = text[open - 1];
                if (before == '$')
                {
                    return open >= 2 && (text[open - 2] == '$' || text[open - 2] == '@') ? 0 : PlainInterpolationEnd(open - 1, pending);
                }

                if (before == '@')
                {
                    if (open >= 2 && (text[open - 2] == '$' || text[open - 2] == '@'))
                    {
                        return 0;
                    }

                    verbatim = true;
                    start = open - 1;
                }
                else if (before == '\'' || before == '\\' || before == '"')
                {
                    return 0;
                }
            }

            int i = open + 1;
            bool escaped = false;
            while (i < n)
            {
                // Straight to the next character that matters (a vectorized search on .NET Core).
                i = text.IndexOfAny(s_literalStops, i);
                if (i < 0)
                {
                    return 0;
                }

                char c = text[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\n' || c == '\r')
                {
                    // No closing quote on the line (or a verbatim literal over lines).
                    return 0;
                }

                if (c == '\\' && !verbatim)
                {
                    if (i + 1 >= n || !IsSimpleEscape(text[i + 1]))
                    {
                        // \u, \x, \U, or no escape at all: the tree decodes it.
                        return 0;
                    }

                    escaped = true;
                    i += 2;
                    continue;
                }

                i++;
            }

            if (i >= n || (i == open + 1 && i + 1 < n && text[i + 1] == '"'))
            {
                // Unterminated, or a raw string's opening quotes (or a verbatim "" escape).
                return 0;
            }

            int close = i;
            if (close + 1 < n && (text[close + 1] == 'u' || text[close + 1] == 'U' || (verbatim && text[close + 1] == '"')))
            {
                return 0;
            }

            int where = InNotCode(start) ? AskTheTree : PlusNeighbourhood(start, close);
            if (where == AskTheTree)
            {
                return 0;
            }

            PlainKind kind = where == IsolatedInChain ? PlainKind.InChain : PlainKind.Alone;
            if (escaped)
            {
                string value = Unescape(text, open + 1, close);
                PlainLiterals.Add(new PlainLiteral(start, close + 1 - start, value, 0, value.Length, kind));
            }
            else
            {
                PlainLiterals.Add(new PlainLiteral(start, close + 1 - start, text, open + 1, close - open - 1, kind));
            }

            return close + 1;
        }

        // What ends the run of ordinary characters in a regular or verbatim literal.
        private static readonly char[] s_literalStops = { '"', '\\', '\n', '\r' };

        /// <summary>Whether <c>\</c> and <paramref name="c"/> make a simple escape (<c>\n</c>, <c>\"</c>, …), one the scan can pass over.</summary>
        private static bool IsSimpleEscape(char c) => TrySimpleEscape(c, out _);

        /// <summary>The character that <c>\</c> and <paramref name="c"/> stand for, when they make a simple escape.</summary>
        private static bool TrySimpleEscape(char c, out char value)
        {
            value = c switch
            {
                '"' or '\'' or '\\' => c,
                '0' => '\0',
                'a' => '\a',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'v' => '\v',
                _ => '\uffff',
            };
            return value != '\uffff';
        }

        /// <summary>
        /// The value of <c>text[from..to)</c>, a regular literal's or an interpolated text part's characters whose escapes
        /// are all simple ones (<see cref="IsSimpleEscape"/>), decoded as the parser decodes them into the token's value
        /// (doubled braces of a text part stay doubled there too). Decoding here costs a copy of the few escaped values;
        /// asking the tree for the token cost a search per value.
        /// </summary>
        internal static string Unescape(string text, int from, int to)
        {
            char[] buffer = s_unescaped != null && s_unescaped.Length >= to - from ? s_unescaped : (s_unescaped = new char[Math.Max(to - from, 256)]);
            int n = 0;
            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (c == '\\' && i + 1 < to && TrySimpleEscape(text[i + 1], out char decoded))
                {
                    c = decoded;
                    i++;
                }

                buffer[n++] = c;
            }

            return new string(buffer, 0, n);
        }

        [ThreadStatic]
        private static char[]? s_unescaped;

        private static readonly char[] s_interpolationEscapes = { '\\', '{', '}' };

        // The text parts and holes of the interpolated string being read (reused).
        private readonly List<TextSpan> _parts = new List<TextSpan>();
        private readonly List<TextSpan> _holes = new List<TextSpan>();

        /// <summary>
        /// The regular interpolated string at <paramref name="dollar"/>, read from the text when it is plain: on one line,
        /// text parts with at most simple escapes and doubled braces, holes of plain code (no string, char, brace, comment or directive)
        /// none of whose words names a constant, and no <c>+</c> beside it. Its text parts are recorded as
        /// <see cref="PlainKind.InInterpolation"/>, its holes queued for the scan, and the position after it is returned;
        /// otherwise 0, and the tree decides.
        /// </summary>
        private int PlainInterpolationEnd(int dollar, Stack<TextSpan> pending)
        {
            string text = _text!;
            int n = text.Length;
            List<TextSpan> parts = _parts, holes = _holes;
            parts.Clear();
            holes.Clear();
            int i = dollar + 2;
            int partStart = i;
            while (true)
            {
                if (i >= n)
                {
                    return 0;
                }

                char c = text[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\n' || c == '\r')
                {
                    return 0;
                }

                if (c == '\\')
                {
                    if (i + 1 >= n || !IsSimpleEscape(text[i + 1]))
                    {
                        return 0;
                    }

                    i += 2;
                    continue;
                }

                if (c == '}')
                {
                    if (i + 1 < n && text[i + 1] == '}')
                    {
                        i += 2;
                        continue;
                    }

                    return 0;
                }

                if (c != '{')
                {
                    i++;
                    continue;
                }

                if (i + 1 < n && text[i + 1] == '{')
                {
                    i += 2;
                    continue;
                }

                if (i > partStart)
                {
                    parts.Add(TextSpan.FromBounds(partStart, i));
                }

                int holeStart = ++i;
                while (true)
                {
                    if (i >= n)
                    {
                        return 0;
                    }

                    c = text[i];
                    if (c == '}')
                    {
                        break;
                    }

                    if (c == '"' || c == '\'' || c == '{' || c == '$' || c == '@' || c == '/' || c == '#' || c == '\\' || c == '\n' || c == '\r')
                    {
                        return 0;
                    }

                    if (IsWordStart(c) && !IsWordPart(text[i - 1]))
                    {
                        int wordEnd = i + 1;
                        while (wordEnd < n && IsWordPart(text[wordEnd]))
                        {
                            wordEnd++;
                        }

                        if (_fields.Contains(text, i, wordEnd - i) || (_locals != null && _locals.Contains(text, i, wordEnd - i)))
                        {
                            // A hole that may be a constant: the fold needs the compiler.
                            return 0;
                        }

                        i = wordEnd;
                        continue;
                    }

                    i++;
                }

                holes.Add(TextSpan.FromBounds(holeStart, i));
                partStart = ++i;
            }

            int close = i;
            if (close > partStart)
            {
                parts.Add(TextSpan.FromBounds(partStart, close));
            }

            if (InNotCode(dollar) || PlusNeighbourhood(dollar, close) != Alone)
            {
                return 0;
            }

            foreach (TextSpan part in parts)
            {
                if (text.IndexOfAny(s_interpolationEscapes, part.Start, part.Length) < 0)
                {
                    PlainLiterals.Add(new PlainLiteral(dollar, close + 1 - dollar, text, part.Start, part.Length, PlainKind.InInterpolation));
                    continue;
                }

                string value = Unescape(text, part.Start, part.End);
                PlainLiterals.Add(new PlainLiteral(dollar, close + 1 - dollar, value, 0, value.Length, PlainKind.InInterpolation));
            }

            for (int h = holes.Count - 1; h >= 0; h--)
            {
                pending.Push(holes[h]);
            }

            return close + 1;
        }

        private const int Alone = 0;
        private const int IsolatedInChain = 1;
        private const int AskTheTree = -1;

        /// <summary>
        /// Where the literal between <paramref name="open"/> and <paramref name="close"/> stands, from the characters
        /// around it (past blanks and parentheses): <see cref="Alone"/> (no <c>+</c> beside it); <see cref="IsolatedInChain"/>
        /// (an operand of a <c>+</c> whose neighbouring operands are not string or char literals, so its text meets the
        /// others only across holes in the chain's fold); or <see cref="AskTheTree"/> (a literal operand beside it, or a
        /// comment, a directive or disabled code nearby).
        /// </summary>
        private int PlusNeighbourhood(int open, int close)
        {
            string text = _text!;
            int left = SkipBack(open - 1, '(');
            int right = SkipForward(close + 1, ')');
            char l = left >= 0 ? text[left] : ' ';
            char r = right < text.Length ? text[right] : ' ';
            if (l == '/' || r == '/' || l == '#' || r == '#' || NotCodeAt(left) || NotCodeAt(right))
            {
                return AskTheTree;
            }

            bool chain = false;
            if (l == '+')
            {
                chain = true;
                int before = SkipBack(left - 1, ')');
                if (before < 0 || !IsHoleOperandEnd(text[before]) || NotCodeAt(before))
                {
                    return AskTheTree;
                }
            }

            if (r == '+')
            {
                chain = true;
                int after = SkipForward(right + 1, '(');
                if (after >= text.Length || !IsHoleOperandStart(text[after]) || NotCodeAt(after))
                {
                    return AskTheTree;
                }
            }

            return chain ? IsolatedInChain : Alone;
        }

        /// <summary>The last character of an operand that folds to a hole: a name, a call, a number (not a string, a char or a comment).</summary>
        private static bool IsHoleOperandEnd(char c) => IsWordPart(c) || c == ')' || c == ']' || c == '!';

        /// <summary>The first character of an operand that folds to a hole: a name or a number (not a string, a char, $ or @).</summary>
        private static bool IsHoleOperandStart(char c) => IsWordPart(c);

        private int SkipBack(int i, char paren)
        {
            string text = _text!;
            while (i >= 0 && (text[i] == paren || IsBlank(text[i])))
            {
                i--;
            }

            return i;
        }

        private int SkipForward(int i, char paren)
        {
            string text = _text!;
            while (i < text.Length && (text[i] == paren || IsBlank(text[i])))
            {
                i++;
            }

            return i;
        }

        private bool NotCodeAt(int position) => _notCode != null && position >= 0 && position < _text!.Length && InNotCode(position);

        private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || (c > 0x7F && char.IsWhiteSpace(c));

        private bool InNotCode(int position)
        {
            if (_notCode == null)
            {
                return false;
            }

            int lo = 0, hi = _notCode.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                TextSpan span = _notCode[mid];
                if (position < span.Start)
                {
                    hi = mid - 1;
                }
                else if (position >= span.End)
                {
                    lo = mid + 1;
                }
                else
                {
                    return true;
                }
            }

            return false;
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
            int plainEnd = PlainCommentEnd(position);
            if (plainEnd > 0)
            {
                return plainEnd;
            }

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

        /// <summary>
        /// When the <c>//</c> or <c>/*</c> at <paramref name="position"/> starts an ordinary comment in code, records it and
        /// returns the position after it; otherwise 0 (a documentation comment, a comment in a directive or disabled
        /// code, an unterminated <c>/*</c>), and the tree decides.
        /// </summary>
        private int PlainCommentEnd(int position)
        {
            string text = _text!;
            int n = text.Length;
            char second = text[position + 1];
            char third = position + 2 < n ? text[position + 2] : '\0';
            if (third == second || InNotCode(position))
            {
                // /// and /** (documentation) and //// are left to the tree, and so is anything in a directive or disabled code.
                return 0;
            }

            int end;
            if (second == '/')
            {
                end = position + 2;
                while (end < n && !IsLineBreak(text[end]))
                {
                    end++;
                }
            }
            else
            {
                int close = text.IndexOf("*/", position + 2, System.StringComparison.Ordinal);
                if (close < 0)
                {
                    return 0;
                }

                end = close + 2;
            }

            PlainComments.Add(TextSpan.FromBounds(position, end));
            return end;
        }

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>
        /// A word: <c>const</c> (a local constant's declaration), a name like a password (an assignment's target), or
        /// the name of a constant (a use).
        /// </summary>
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

            bool constant = _fields.Contains(text, start, length) || (_locals != null && _locals.Contains(text, start, length));
            bool password = !constant && MayNamePassword(text, start, length);
            if (!constant && !password)
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
            else if (identifier.Parent is MemberBindingExpressionSyntax binding)
            {
                use = binding;
            }

            SyntaxNode? parent = use.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            if (password || (constant && MayNamePassword(text, start, length)))
            {
                // builder.Password = …, new Builder { Password = … }, x?.Password = …
                if (parent is AssignmentExpressionSyntax target && target.IsKind(SyntaxKind.SimpleAssignmentExpression) && target.Left == use)
                {
                    AddAssignment(target);
                }
            }

            if (!constant)
            {
                return;
            }

            switch (parent)
            {
                case ArgumentSyntax argument:
                    NamedArguments.Add(argument);
                    LinkKey(argument);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    AddValue(use);
                    break;
            }
        }

        /// <summary>
        /// A cheap filter for <see cref="ConnectionStrings.IsPasswordKey(string, int, int)"/> on identifiers: every
        /// password key ends in <c>password</c>, <c>pwd</c> or <c>psw</c>, perhaps with a digit.
        /// </summary>
        private static bool MayNamePassword(string text, int start, int length)
        {
            int end = start + length;
            if (length >= 4 && text[end - 1] >= '0' && text[end - 1] <= '9')
            {
                end--;
            }

            if (end - start < 3)
            {
                return false;
            }

            char a = (char)(text[end - 3] | 0x20), b = (char)(text[end - 2] | 0x20), c = (char)(text[end - 1] | 0x20);
            bool suffix = (a == 'o' && b == 'r' && c == 'd') || (a == 'p' && b == 'w' && c == 'd') || (a == 'p' && b == 's' && c == 'w');
            return suffix && ConnectionStrings.IsPasswordKey(text, start, length);
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
                    if (!_climbed.Add(Key(binary)))
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
            if (current is BinaryExpressionSyntax chain)
            {
                RememberChainLiterals(chain);
            }
        }

        // The string literals of the chains found so far, by the position of their token: the scan passes over them
        // without asking the tree again (a chain is found at its first literal; the others need no search or climb).
        private readonly Dictionary<int, int> _chainLiterals = new Dictionary<int, int>();

        private void RememberChainLiterals(BinaryExpressionSyntax chain)
        {
            Stack<ExpressionSyntax> stack = _chain;
            stack.Clear();
            stack.Push(chain);
            while (stack.Count > 0)
            {
                ExpressionSyntax e = CandidateCollector.SkipParentheses(stack.Pop());
                if (e is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    _climbed.Add(Key(binary));
                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                }
                else if (e is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)))
                {
                    SyntaxToken token = literal.Token;
                    _chainLiterals[token.SpanStart] = token.Span.End;
                    if (ConnectionStrings.IsPasswordKey(token.ValueText))
                    {
                        LinkKey(literal);
                    }
                }
            }
        }

        /// <summary>
        /// A key (a literal named like a password, or a constant's name): records the <c>x.Add(key, value)</c> call it
        /// is the first argument of, or the assignment whose target is <c>x[key]</c> (also <c>[key] = …</c> in an
        /// initializer).
        /// </summary>
        private void LinkKey(SyntaxNode key)
        {
            SyntaxNode? node = key is ArgumentSyntax ? key : key.Parent;
            while (node is ParenthesizedExpressionSyntax || node is CastExpressionSyntax)
            {
                node = node.Parent;
            }

            if (!(node is ArgumentSyntax argument))
            {
                return;
            }

            switch (argument.Parent)
            {
                case ArgumentListSyntax list when list.Arguments.Count == 2 && list.Arguments[0] == argument &&
                                                  list.Parent is InvocationExpressionSyntax invocation &&
                                                  invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "Add":
                    if (_linked.Add(Key(invocation)))
                    {
                        KeyValueAdds.Add(invocation);
                    }

                    break;

                case BracketedArgumentListSyntax brackets when brackets.Arguments.Count == 1 &&
                                                               brackets.Parent is ExpressionSyntax element &&
                                                               element.Parent is AssignmentExpressionSyntax assignment &&
                                                               assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == element:
                    AddAssignment(assignment);
                    break;
            }
        }

        /// <summary>Whether the chain topped by <paramref name="root"/> is one of <see cref="Values"/> (found by the tree).</summary>
        public bool IsIndexedChain(SyntaxNode root) => _climbed.Contains(Key(root));

        /// <summary>
        /// The top of the <c>+</c> chain that <paramref name="literal"/> is an operand of. <paramref name="tops"/> remembers
        /// the top for every <c>+</c> climbed, so climbs from many literals of one chain stay linear in the chain.
        /// </summary>
        public static SyntaxNode ChainTop(SyntaxNode literal, Dictionary<long, SyntaxNode> tops)
        {
            // Up to the top, or to a + already climbed; then the same way again to record the top for each + passed.
            SyntaxNode? top = null;
            for (SyntaxNode current = literal; top == null;)
            {
                BinaryExpressionSyntax? binary = AddParent(current);
                if (binary == null)
                {
                    top = current;
                }
                else if (!tops.TryGetValue(Key(binary), out top))
                {
                    current = binary;
                }
            }

            for (BinaryExpressionSyntax? binary = AddParent(literal); binary != null && binary != top; binary = AddParent(binary))
            {
                long key = Key(binary);
                if (tops.ContainsKey(key))
                {
                    break;
                }

                tops[key] = top;
            }

            return top;
        }

        /// <summary>The <c>+</c> that <paramref name="node"/> is an operand of (through parentheses), or null.</summary>
        private static BinaryExpressionSyntax? AddParent(SyntaxNode node)
        {
            SyntaxNode? parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) ? binary : null;
        }

        internal static long Key(SyntaxNode node)
        {
            TextSpan span = node.Span;
            return ((long)span.Start << 32) | (uint)span.End;
        }

        private void AddAssignment(AssignmentExpressionSyntax assignment)
        {
            if (_linked.Add(Key(assignment)))
            {
                Assignments.Add(assignment);
            }
        }

        /// <summary>
        /// The disabled code after each <c>#if</c>/<c>#elif</c>/<c>#else</c> whose branch is not taken, as comments; and
        /// every directive and disabled stretch as text that is not code, where a quote does not start a string.
        /// </summary>
        private void AddDisabledText(SyntaxNode root)
        {
            var notCode = new List<TextSpan>();
            for (DirectiveTriviaSyntax? directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
            {
                SyntaxTrivia parent = directive.ParentTrivia;
                notCode.Add(parent.FullSpan);
                SyntaxTriviaList list = parent.Token.LeadingTrivia;
                int at = list.IndexOf(parent);
                if (at >= 0 && at + 1 < list.Count && list[at + 1].IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    Comments.Add(list[at + 1]);
                    notCode.Add(list[at + 1].FullSpan);
                }
            }

            notCode.Sort((x, y) => x.Start.CompareTo(y.Start));
            _notCode = notCode;
        }
    }

    /// <summary>Where a <see cref="PlainLiteral"/> stands.</summary>
    internal enum PlainKind : byte
    {
        /// <summary>A literal that is a value of its own.</summary>
        Alone,

        /// <summary>
        /// An operand of a <c>+</c> chain whose neighbouring operands fold to holes. The value is the chain's fold, but the
        /// rules' quick tests look for patterns a hole breaks, so the chain needs folding only if one of its parts passes.
        /// </summary>
        InChain,

        /// <summary>
        /// A text part of an interpolated string whose holes cannot be constants (no hole names one): as for
        /// <see cref="InChain"/>, the interpolation needs folding only if one of its parts passes. The span is the
        /// whole interpolated string's.
        /// </summary>
        InInterpolation,
    }

    /// <summary>
    /// The plain literals of one tree, kept in 16 bytes each (the list is the shared pass's largest allocation): a
    /// literal's value is a range of the source text, or for a literal with escapes, the decoded value kept beside.
    /// </summary>
    internal sealed class PlainLiteralList : IReadOnlyList<PlainLiteral>
    {
        private const int KindShift = 30;
        private const int DecodedBit = 1 << 29;
        private const int LengthMask = DecodedBit - 1;

        private Packed[] _items = new Packed[0];
        private List<string>? _decoded;

        private struct Packed
        {
            public int Start;
            public int Length;

            // The value's start in the source, or for a decoded value its index in _decoded.
            public int ValueStart;

            // The value's length, the decoded bit, and the kind in the top two bits.
            public int ValueLengthAndFlags;
        }

        /// <summary>The source text that plain values are ranges of.</summary>
        public string Source { get; set; } = string.Empty;

        public int Count { get; private set; }

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value > _items.Length)
                {
                    Array.Resize(ref _items, value);
                }
            }
        }

        public PlainLiteral this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                Packed p = _items[index];
                var kind = (PlainKind)((uint)p.ValueLengthAndFlags >> KindShift);
                int valueLength = p.ValueLengthAndFlags & LengthMask;
                return (p.ValueLengthAndFlags & DecodedBit) != 0
                    ? new PlainLiteral(p.Start, p.Length, _decoded![p.ValueStart], 0, valueLength, kind)
                    : new PlainLiteral(p.Start, p.Length, Source, p.ValueStart, valueLength, kind);
            }
        }

        public void Add(PlainLiteral literal)
        {
            if (literal.ValueLength > LengthMask)
            {
                throw new ArgumentOutOfRangeException(nameof(literal));
            }

            int valueStart = literal.ValueStart;
            int flags = (int)literal.Kind << KindShift;
            if (!ReferenceEquals(literal.Text, Source))
            {
                // A decoded value: the literal is its whole value.
                string value = literal.ValueStart == 0 && literal.ValueLength == literal.Text.Length ? literal.Text : literal.Text.Substring(literal.ValueStart, literal.ValueLength);
                (_decoded ??= new List<string>()).Add(value);
                valueStart = _decoded.Count - 1;
                flags |= DecodedBit;
            }

            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
            }

            _items[Count++] = new Packed { Start = literal.Start, Length = literal.Length, ValueStart = valueStart, ValueLengthAndFlags = literal.ValueLength | flags };
        }

        public IEnumerator<PlainLiteral> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A plain string literal (or text part) read from the source text: where it is and its value.</summary>
    internal readonly struct PlainLiteral
    {
        public PlainLiteral(int start, int length, string text, int valueStart, int valueLength, PlainKind kind = PlainKind.Alone)
        {
            Start = start;
            Length = length;
            Text = text;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Kind = kind;
        }

        public PlainKind Kind { get; }

        /// <summary>See <see cref="PlainKind.InChain"/>.</summary>
        public bool InChain => Kind == PlainKind.InChain;

        /// <summary>Where its token starts (the <c>@</c> of a verbatim literal, the <c>$</c> of an interpolated string).</summary>
        public int Start { get; }

        /// <summary>The length of the literal, quotes included (of the whole interpolated string for a text part).</summary>
        public int Length { get; }

        /// <summary>
        /// Where the value's characters are, from <see cref="ValueStart"/> for <see cref="ValueLength"/>: the source text
        /// itself (no copy is made for the quick tests), or the decoded value of a literal with escapes.
        /// </summary>
        public string Text { get; }

        public int ValueStart { get; }

        public int ValueLength { get; }

        /// <summary>The value, escapes decoded (a copy, for the few values that pass a quick test).</summary>
        public string Value => ValueStart == 0 && ValueLength == Text.Length ? Text : Text.Substring(ValueStart, ValueLength);

        public TextSpan Span => new TextSpan(Start, Length);
    }
}
