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
        /// folded text can hold more than its literal parts show. Syntax only (<see cref="TreeIndex.MayBeConstant(ExpressionSyntax)"/>);
        /// the fold asks the compiler.
        /// </summary>
        public static bool MayHoldConstants(InterpolatedStringExpressionSyntax interpolated, TreeIndex? index, CancellationToken cancellationToken)
        {
            foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
            {
                if (content is InterpolationSyntax hole && hole.AlignmentClause == null && hole.FormatClause == null && IsNamed(hole.Expression, index, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name (<c>Key</c>, <c>Keys.Key</c>) that may be a constant; with no index, any name.</summary>
        private static bool IsNamed(ExpressionSyntax expression, TreeIndex? index, CancellationToken cancellationToken)
        {
            ExpressionSyntax e = SkipParentheses(expression);
            return (e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax) && (index == null || index.MayBeConstant(e));
        }

        /// <remarks>With <paramref name="likely"/>, as in <see cref="FromConcatenation"/>: text for quick tests only.</remarks>
        public static CandidateText FromInterpolation(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, TreeIndex? index, CancellationToken cancellationToken, bool likely = false)
        {
            StringBuilder builder = RentBuilder();
            List<Segment> segments = RentSegments();
            AppendInterpolation(interpolated, model, index, builder, segments, cancellationToken, likely);
            return likely ? new CandidateText(builder.ToString(), interpolated, interpolated.SyntaxTree, interpolated.Span, Array.Empty<Segment>()) : Build(builder, segments, interpolated);
        }

        /// <summary>
        /// Flattens a concatenation (iteratively, any depth) and folds its operands: literal and constant operands
        /// keep their text, anything else becomes a hole. Returns null when no operand is a string. The compiler is
        /// asked only about names that <paramref name="index"/> says may be constants (any name when it is null).
        /// </summary>
        /// <remarks>With <paramref name="likely"/>, names are folded with <see cref="TreeIndex.LikelyValue"/> where it is
        /// known, without asking the compiler: the text for the rules' quick tests, not for findings.</remarks>
        public static CandidateText? FromConcatenation(BinaryExpressionSyntax top, SemanticModel model, TreeIndex? index, CancellationToken cancellationToken, bool likely = false)
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
                else if (!IsNamed(e, index, cancellationToken))
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

                string? foldedText = FoldNamedConstants(top, leaves, model, cancellationToken);
                return foldedText == null ? null : new CandidateText(foldedText, top, top.SyntaxTree, top.Span, Array.Empty<Segment>());
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
                        AppendInterpolation(interpolated, model, index, builder, segments, cancellationToken, likely);
                        break;
                    default:
                        AppendConstantOrHole(leaf, model, index, builder, cancellationToken, likely);
                        break;
                }
            }

            // The likely text is for quick tests only: no map back to the source.
            return likely ? new CandidateText(builder.ToString(), top, top.SyntaxTree, top.Span, Array.Empty<Segment>()) : Build(builder, segments, top);
        }

        /// <summary>
        /// <c>A + B + C</c> where every operand is a name: the folded string when all are string constants, null when one
        /// is not a constant or none is a string (a sum of numbers). A mix of strings with chars or numbers is left to the
        /// compiler, whose left-to-right folding rules (<c>'a' + 'b' + "c"</c> is <c>"195c"</c>) are not repeated here.
        /// </summary>
        private static string? FoldNamedConstants(BinaryExpressionSyntax top, List<ExpressionSyntax> leaves, SemanticModel model, CancellationToken cancellationToken)
        {
            bool anyString = false, allStrings = true;
            foreach (ExpressionSyntax leaf in leaves)
            {
                if (!ConstantLookup.TryGetConstant(leaf, model, cancellationToken, out object? value, out _))
                {
                    return null;
                }

                anyString |= value is string;
                allStrings &= value is string;
            }

            if (!anyString)
            {
                return null;
            }

            if (!allStrings)
            {
                Optional<object?> folded = model.GetConstantValue(top, cancellationToken);
                return folded.HasValue ? folded.Value as string : null;
            }

            StringBuilder builder = RentBuilder();
            foreach (ExpressionSyntax leaf in leaves)
            {
                ConstantLookup.TryGetConstant(leaf, model, cancellationToken, out object? value, out _);
                builder.Append((string)value!);
            }

            return builder.ToString();
        }

        /// <summary>A comment or disabled text as a candidate; it maps one to one onto the source.</summary>
        public static CandidateText FromTrivia(SyntaxTrivia trivia)
        {
            string text = trivia.ToFullString();
            int start = trivia.FullSpan.Start;
            if ((trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)) &&
                text.IndexOf('&') >= 0)
            {
                // A doc comment is XML: "&lt;password&gt;" reads "<password>". The rules see the decoded text; the
                // squiggle still lands on the source characters of an undecoded stretch.
                var runs = new List<MappedRun>();
                string decoded = XmlEntities.Decode(text, runs);
                var segments = new Segment[runs.Count];
                for (int i = 0; i < runs.Count; i++)
                {
                    segments[i] = new Segment(runs[i].DecodedStart, runs[i].Length, default, start + runs[i].SourceStart);
                }

                return new CandidateText(decoded, null, trivia.SyntaxTree!, trivia.FullSpan, segments);
            }

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

        /// <summary>
        /// A value given to an API as its own candidate: a string literal, an interpolated string or a concatenation
        /// (folded, with holes for what is not constant), or a named constant. Null for anything else.
        /// </summary>
        public static CandidateText? FromValue(ExpressionSyntax value, SemanticModel model, TreeIndex? index, CancellationToken cancellationToken)
        {
            switch (value)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return FromLiteral(literal);
                case InterpolatedStringExpressionSyntax interpolated:
                    return FromInterpolation(interpolated, model, index, cancellationToken);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return FromConcatenation(binary, model, index, cancellationToken);
                case IdentifierNameSyntax _:
                case MemberAccessExpressionSyntax _:
                    {
                        Optional<object?> constant = model.GetConstantValue(value, cancellationToken);
                        return constant.HasValue && constant.Value is string text
                            ? new CandidateText(text, value, value.SyntaxTree, value.Span, Array.Empty<Segment>())
                            : null;
                    }

                default:
                    return null;
            }
        }

        /// <summary>The constant string value of an expression, if it has one.</summary>
        public static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            expression = SkipParentheses(expression);
            if (expression is LiteralExpressionSyntax literal)
            {
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) ? literal.Token.ValueText : null;
            }

            if (expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax)
            {
                return ConstantLookup.TryGetConstant(expression, model, cancellationToken, out object? constant, out _) ? constant as string : null;
            }

            if (expression is BinaryExpressionSyntax || expression is InterpolatedStringExpressionSyntax ||
                (expression is InvocationExpressionSyntax invocation && invocation.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == "nameof"))
            {
                // A fold the compiler makes: a concatenation, an interpolation, or nameof(SqlConnectionStringBuilder.Password).
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

        private static void AppendInterpolation(InterpolatedStringExpressionSyntax interpolated, SemanticModel model, TreeIndex? index, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken, bool likely = false)
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
                        AppendConstantOrHole(hole.Expression, model, index, builder, cancellationToken, likely);
                    }
                    else
                    {
                        builder.Append(Chars.Hole);
                    }
                }
            }
        }

        private static void AppendConstantOrHole(ExpressionSyntax expression, SemanticModel model, TreeIndex? index, StringBuilder builder, CancellationToken cancellationToken, bool likely)
        {
            ExpressionSyntax e = SkipParentheses(expression);
            if (e is LiteralExpressionSyntax literal)
            {
                // A literal's value is in its token: no need to ask the compiler. Numbers and the like are holes.
                object? literalValue = literal.Token.Value;
                if (literal.IsKind(SyntaxKind.CharacterLiteralExpression) && literalValue is char ch)
                {
                    builder.Append(ch);
                }
                else if ((literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)) && literalValue is string str)
                {
                    builder.Append(str);
                }
                else if (literal.IsKind(SyntaxKind.NumericLiteralExpression) && ConstantFormatting.Format(literalValue, null) is string number)
                {
                    // $"arn:aws:iam::{123456789012}:role/x": an integer written as the runtime writes it.
                    builder.Append(number);
                }
                else
                {
                    builder.Append(Chars.Hole);
                }

                return;
            }

            if (likely && index != null && index.LikelyValue(e) is string guess)
            {
                if (ReferenceEquals(guess, ConstantNames.NotText))
                {
                    builder.Append(Chars.Hole);
                }
                else
                {
                    builder.Append(guess);
                }

                return;
            }

            if (IsNamed(e, index, cancellationToken) && ConstantLookup.TryGetConstant(e, model, cancellationToken, out object? value, out ISymbol? symbol))
            {
                // Strings and chars as they are; integers, bools and enum members as the runtime writes them (const long
                // Account = 560788957781 in $"arn:aws:iam::{Account}:role/x").
                if (ConstantFormatting.Format(value, symbol) is string formatted)
                {
                    builder.Append(formatted);
                    return;
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
