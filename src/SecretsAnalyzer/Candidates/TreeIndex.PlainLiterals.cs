using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Candidates
{
    // Reading a plain literal or a plain interpolated string from the text alone (escapes, the characters
    // around it), without asking the tree.
    internal sealed partial class TreeIndex
    {
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
    }
}
