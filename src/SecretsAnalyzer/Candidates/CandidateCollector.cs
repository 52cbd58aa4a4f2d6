using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// Turns syntax into <see cref="CandidateText"/>: literals, interpolated strings, constant-folded
    /// concatenations and comments. Every walk is iterative: no recursion depth is set by the input.
    /// </summary>
    internal static class CandidateCollector
    {
        /// <summary>The node kinds the rules subscribe to.</summary>
        public static readonly SyntaxKind[] ValueKinds =
        {
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression,
            SyntaxKind.InterpolatedStringExpression,
            SyntaxKind.AddExpression,
        };

        [ThreadStatic]
        private static StringBuilder? s_builder;

        [ThreadStatic]
        private static List<Segment>? s_segments;

        [ThreadStatic]
        private static List<ExpressionSyntax>? s_leaves;

        [ThreadStatic]
        private static Stack<ExpressionSyntax>? s_stack;

        /// <summary>
        /// Whether the node is its own candidate. A literal or interpolated string that is an operand of a
        /// concatenation is not: the top of the concatenation covers it, with the folded value.
        /// </summary>
        public static bool IsCandidateRoot(SyntaxNode node)
        {
            SyntaxNode? parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent == null || !parent.IsKind(SyntaxKind.AddExpression);
        }

        /// <summary>The raw value of a literal node without allocating, for the rules' quick tests.</summary>
        public static string LiteralValue(LiteralExpressionSyntax literal) => literal.Token.ValueText;

        public static CandidateText FromLiteral(LiteralExpressionSyntax literal)
        {
            SyntaxToken token = literal.Token;
            string text = token.ValueText;
            return new CandidateText(text, literal, literal.SyntaxTree, literal.Span, new[] { new Segment(0, text.Length, token, -1) });
        }

        /// <summary>Whether any literal text part of the interpolated string passes <paramref name="quickTest"/>.</summary>
        public static bool AnyTextPart(InterpolatedStringExpressionSyntax interpolated, Func<string, bool> quickTest)
        {
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax part && quickTest(part.TextToken.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a hole of the interpolated string may be a named constant (<c>$"{Keys.Prefix}…"</c>), so the
        /// folded text can hold more than its literal parts show. Syntax only; the fold asks the compiler.
        /// </summary>
        public static bool MayHoldConstants(InterpolatedStringExpressionSyntax interpolated)
        {
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolationSyntax hole && hole.AlignmentClause == null && hole.FormatClause == null)
                {
                    ExpressionSyntax e = SkipParentheses(hole.Expression);
                    if (e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public static CandidateText FromInterpolation(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, CancellationToken cancellationToken)
        {
            StringBuilder builder = RentBuilder();
            List<Segment> segments = RentSegments();
            AppendInterpolation(interpolated, model, builder, segments, cancellationToken);
            return Build(builder, segments, interpolated);
        }

        /// <summary>
        /// Flattens a concatenation (iteratively, any depth) and folds its operands: literal and constant operands
        /// keep their text, anything else becomes a hole. Returns null when no operand is a string.
        /// </summary>
        public static CandidateText? FromConcatenation(BinaryExpressionSyntax top, SemanticModel model, CancellationToken cancellationToken)
        {
            List<ExpressionSyntax> leaves = s_leaves ??= new List<ExpressionSyntax>();
            leaves.Clear();
            Stack<ExpressionSyntax> stack = s_stack ??= new Stack<ExpressionSyntax>();
            stack.Clear();
            stack.Push(top);
            bool anyStringLiteral = false;
            bool allNamed = true;
            while (stack.Count > 0)
            {
                ExpressionSyntax e = SkipParentheses(stack.Pop());
                if (e is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                    continue;
                }

                leaves.Add(e);
                if (e.IsKind(SyntaxKind.StringLiteralExpression) || e.IsKind(SyntaxKind.InterpolatedStringExpression) || e.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                {
                    anyStringLiteral = true;
                }
                else if (!(e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax))
                {
                    allNamed = false;
                }
            }

            if (!anyStringLiteral)
            {
                // Only constants declared elsewhere can make this a string: ask the compiler for the folded value.
                if (!allNamed)
                {
                    return null;
                }

                Optional<object?> folded = model.GetConstantValue(top, cancellationToken);
                if (!folded.HasValue || !(folded.Value is string foldedText))
                {
                    return null;
                }

                return new CandidateText(foldedText, top, top.SyntaxTree, top.Span, Array.Empty<Segment>());
            }

            StringBuilder builder = RentBuilder();
            List<Segment> segments = RentSegments();
            foreach (ExpressionSyntax leaf in leaves)
            {
                switch (leaf)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                        AppendToken(literal.Token, builder, segments);
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        AppendInterpolation(interpolated, model, builder, segments, cancellationToken);
                        break;
                    default:
                        AppendConstantOrHole(leaf, model, builder, cancellationToken);
                        break;
                }
            }

            return Build(builder, segments, top);
        }

        /// <summary>A comment or disabled text as a candidate; it maps one to one onto the source.</summary>
        public static CandidateText FromTrivia(SyntaxTrivia trivia)
        {
            string text = trivia.ToFullString();
            int start = trivia.FullSpan.Start;
            return new CandidateText(text, null, trivia.SyntaxTree!, trivia.FullSpan, new[] { new Segment(0, text.Length, default, start) });
        }

        /// <summary>Whether the trivia is text a person wrote that the compiler ignores: comments, doc comments, disabled code.</summary>
        public static bool IsCommentLike(SyntaxTrivia trivia)
        {
            switch ((SyntaxKind)trivia.RawKind)
            {
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                case SyntaxKind.DisabledTextTrivia:
                    return true;
                default:
                    return false;
            }
        }

        public static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>The constant string value of an expression, if it has one.</summary>
        public static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            expression = SkipParentheses(expression);
            if (expression is LiteralExpressionSyntax literal)
            {
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? literal.Token.ValueText : null;
            }

            if (expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax || expression is BinaryExpressionSyntax || expression is InterpolatedStringExpressionSyntax)
            {
                Optional<object?> value = model.GetConstantValue(expression, cancellationToken);
                return value.HasValue ? value.Value as string : null;
            }

            return null;
        }

        private static void AppendToken(SyntaxToken token, StringBuilder builder, List<Segment> segments)
        {
            string value = token.ValueText;
            segments.Add(new Segment(builder.Length, value.Length, token, -1));
            builder.Append(value);
        }

        private static void AppendInterpolation(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken)
        {
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    AppendToken(text.TextToken, builder, segments);
                }
                else if (content is InterpolationSyntax hole)
                {
                    if (hole.AlignmentClause == null && hole.FormatClause == null)
                    {
                        AppendConstantOrHole(hole.Expression, model, builder, cancellationToken);
                    }
                    else
                    {
                        builder.Append(Chars.Hole);
                    }
                }
            }
        }

        private static void AppendConstantOrHole(ExpressionSyntax expression, SemanticModel model, StringBuilder builder, CancellationToken cancellationToken)
        {
            ExpressionSyntax e = SkipParentheses(expression);
            if (e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax || e is LiteralExpressionSyntax)
            {
                Optional<object?> value = model.GetConstantValue(e, cancellationToken);
                if (value.HasValue)
                {
                    if (value.Value is string s)
                    {
                        builder.Append(s);
                        return;
                    }

                    if (value.Value is char c)
                    {
                        builder.Append(c);
                        return;
                    }
                }
            }

            builder.Append(Chars.Hole);
        }

        private static CandidateText Build(StringBuilder builder, List<Segment> segments, SyntaxNode node)
        {
            string text = builder.ToString();
            Segment[] array = segments.ToArray();
            if (builder.Capacity > 1 << 16)
            {
                // Don't keep a huge buffer alive on the thread after a hostile input.
                s_builder = null;
            }

            return new CandidateText(text, node, node.SyntaxTree, node.Span, array);
        }

        private static StringBuilder RentBuilder()
        {
            StringBuilder builder = s_builder ??= new StringBuilder(256);
            builder.Clear();
            return builder;
        }

        private static List<Segment> RentSegments()
        {
            List<Segment> segments = s_segments ??= new List<Segment>();
            segments.Clear();
            return segments;
        }
    }
}
