using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// A piece of <see cref="CandidateText.Text"/> and where it came from: a literal token, a stretch of
    /// comment text that maps one to one onto the source, or neither (a constant from elsewhere, a hole).
    /// </summary>
    internal readonly struct Segment
    {
        public Segment(int textStart, int length, SyntaxToken token, int sourceStart)
        {
            TextStart = textStart;
            Length = length;
            Token = token;
            SourceStart = sourceStart;
        }

        public int TextStart { get; }

        public int Length { get; }

        /// <summary>The literal token whose value this piece is; default when there is none.</summary>
        public SyntaxToken Token { get; }

        /// <summary>Where the piece starts in the source when it maps one to one (comments); otherwise -1.</summary>
        public int SourceStart { get; }
    }

    /// <summary>
    /// A value the rules look at: a literal, a constant-folded concatenation, an interpolated string (holes as
    /// <see cref="Detection.Chars.Hole"/>) or a comment, with the map back to the source.
    /// </summary>
    internal sealed class CandidateText
    {
        private readonly Segment[] _segments;

        // Locating is linear over all the findings of one candidate: segments are found by binary search, and the
        // slow path that searches a token's text (escapes shift positions) has a budget proportional to the text.
        private int _slowPathBudget = -1;
        private SyntaxToken _lastToken;
        private int _lastShift;

        public CandidateText(string text, SyntaxNode? node, SyntaxTree tree, TextSpan fallbackSpan, Segment[] segments)
        {
            Text = text;
            Node = node;
            Tree = tree;
            FallbackSpan = fallbackSpan;
            _segments = segments;
        }

        public string Text { get; }

        /// <summary>The whole expression, or null for a comment.</summary>
        public SyntaxNode? Node { get; }

        public SyntaxTree Tree { get; }

        /// <summary>Where a finding goes when it cannot be placed inside one token: the whole expression or comment.</summary>
        public TextSpan FallbackSpan { get; }

        public IReadOnlyList<Segment> Segments => _segments;

        /// <summary>True when the whole text is one literal token's value.</summary>
        public bool IsSingleToken => _segments.Length == 1 && _segments[0].Token.RawKind != 0 && _segments[0].Length == Text.Length;

        public bool IsComment => Node == null;

        /// <summary>
        /// The source location of <c>Text[start..start+length]</c>: the exact characters inside the token when the
        /// slice lies within one literal token (or one comment), else the whole expression.
        /// </summary>
        public Location Locate(int start, int length)
        {
            return Location.Create(Tree, LocateSpan(start, length));
        }

        public TextSpan LocateSpan(int start, int length)
        {
            // Segments are in text order and do not overlap: the only one that can hold the slice is the last one
            // that starts at or before it (binary search, so a candidate with many parts and findings stays linear).
            int lo = 0, hi = _segments.Length - 1, found = -1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (_segments[mid].TextStart <= start)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            if (found >= 0)
            {
                Segment segment = _segments[found];
                if (start + length <= segment.TextStart + segment.Length)
                {
                    if (segment.SourceStart >= 0)
                    {
                        return new TextSpan(segment.SourceStart + (start - segment.TextStart), length);
                    }

                    if (segment.Token.RawKind != 0)
                    {
                        return LocateInToken(segment, start, length);
                    }
                }
            }

            return FallbackSpan;
        }

        private TextSpan LocateInToken(Segment segment, int start, int length)
        {
            SyntaxToken token = segment.Token;
            string tokenText = token.Text;

            // Fast path: the value is the token text between its opening delimiter and closing quote.
            int offsetInValue = start - segment.TextStart;
            int open = OpeningLength(tokenText);
            int guess = open + offsetInValue;
            if (guess >= 0 && guess + length <= tokenText.Length && string.CompareOrdinal(tokenText, guess, Text, start, length) == 0)
            {
                return new TextSpan(token.SpanStart + guess, length);
            }

            // Escapes before this point shift it by as much as they did for the previous finding in this token.
            if (_lastToken == token)
            {
                int shifted = guess + _lastShift;
                if (shifted >= 0 && shifted + length <= tokenText.Length && string.CompareOrdinal(tokenText, shifted, Text, start, length) == 0)
                {
                    return new TextSpan(token.SpanStart + shifted, length);
                }
            }

            // Escapes or raw-string indentation shift the value: find the characters in the token text. Each search
            // reads the whole token, so the searches of one candidate share a budget of a few times its text (a
            // 1 MiB literal with thousands of findings would otherwise be quadratic); past it, the whole token.
            if (_slowPathBudget < 0)
            {
                _slowPathBudget = (4 * Text.Length) + 65536;
            }

            if (_slowPathBudget < tokenText.Length)
            {
                return token.Span;
            }

            _slowPathBudget -= tokenText.Length;
            string slice = Text.Substring(start, length);
            int found = tokenText.IndexOf(slice, System.StringComparison.Ordinal);
            if (found >= 0 && tokenText.IndexOf(slice, found + 1, System.StringComparison.Ordinal) < 0)
            {
                _lastToken = token;
                _lastShift = found - guess;
                return new TextSpan(token.SpanStart + found, length);
            }

            return token.Span;
        }

        /// <summary>Length of the opening delimiter: <c>"</c>, <c>@"</c>, <c>"""</c>, … (interpolated text tokens have none).</summary>
        private static int OpeningLength(string tokenText)
        {
            int i = 0;
            while (i < tokenText.Length && (tokenText[i] == '@' || tokenText[i] == '$'))
            {
                i++;
            }

            int quotes = 0;
            while (i < tokenText.Length && tokenText[i] == '"')
            {
                i++;
                quotes++;
            }

            // A raw string literal's content starts after the newline that follows the opening quotes.
            if (quotes >= 3 && i < tokenText.Length && (tokenText[i] == '\r' || tokenText[i] == '\n'))
            {
                return -1;
            }

            return i;
        }
    }
}
