namespace SecretsAnalyzer.Detection
{
    /// <summary>One <c>key=value</c> pair, as <see cref="ConnectionStrings.ParsePairs"/> reports it.</summary>
    public readonly struct ConnectionStringPair
    {
        public ConnectionStringPair(int keyStart, int keyLength, int valueStart, int valueLength, char quote, bool wellFormed)
        {
            KeyStart = keyStart;
            KeyLength = keyLength;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Quote = quote;
            WellFormed = wellFormed;
        }

        public int KeyStart { get; }

        public int KeyLength { get; }

        /// <summary>The value's characters in the text, inside quotes or braces (doubled quotes still doubled).</summary>
        public int ValueStart { get; }

        public int ValueLength { get; }

        /// <summary><c>'</c>, <c>"</c> or <c>{</c> when the value was quoted or braced; <c>\0</c> otherwise.</summary>
        public char Quote { get; }

        /// <summary>False when the pair broke the grammar (unterminated quote, text after a closing quote, no <c>=</c>).</summary>
        public bool WellFormed { get; }

        /// <summary>The key as ADO.NET sees it (trimmed, <c>==</c> unescaped), lower-cased.</summary>
        public string Key(string text) => text.Substring(KeyStart, KeyLength).Replace("==", "=").ToLowerInvariant();

        /// <summary>The value with quotes removed and doubled quotes unescaped.</summary>
        public string Value(string text) => ConnectionStrings.Unescape(text, ValueStart, ValueLength, Quote);
    }
}
