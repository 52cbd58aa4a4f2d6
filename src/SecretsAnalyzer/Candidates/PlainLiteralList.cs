using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Candidates
{
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
}
