using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Candidates
{
    // The rules' shared per-item caches: each plain literal's node, value and chain top, each plain comment's
    // text and trivia, and each value's likely fold, filled on demand once for all rules (thread-safe).
    internal sealed partial class TreeIndex
    {
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
    }
}
