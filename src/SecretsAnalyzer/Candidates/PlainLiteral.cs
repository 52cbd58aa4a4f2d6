using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Candidates
{
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
