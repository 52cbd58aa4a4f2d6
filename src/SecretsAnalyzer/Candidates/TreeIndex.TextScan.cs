using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Candidates
{
    // The scan of the source text: the loop over the characters, what it does at a quote, a comment and a word,
    // the token search near the last one found, and the directives and disabled code that are not code.
    internal sealed partial class TreeIndex
    {
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
}
