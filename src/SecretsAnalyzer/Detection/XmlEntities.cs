using System.Collections.Generic;
using System.Text;

namespace SecretsAnalyzer.Detection
{
    /// <summary>A stretch of decoded text that maps one to one onto the source.</summary>
    public readonly struct MappedRun
    {
        public MappedRun(int decodedStart, int sourceStart, int length)
        {
            DecodedStart = decodedStart;
            SourceStart = sourceStart;
            Length = length;
        }

        public int DecodedStart { get; }

        public int SourceStart { get; }

        public int Length { get; }
    }

    /// <summary>
    /// The five predefined XML entities and character references (<c>&amp;lt;</c>, <c>&amp;#60;</c>, <c>&amp;#x3C;</c>), as a
    /// documentation comment holds them: <c>Password=&amp;lt;password&amp;gt;</c> is <c>Password=&lt;password&gt;</c> to
    /// a reader. One forward pass; an unknown or malformed reference is kept as written.
    /// </summary>
    public static class XmlEntities
    {
        /// <summary>Longest reference decoded: <c>&amp;#x10FFFF;</c>.</summary>
        private const int MaxReferenceLength = 10;

        /// <summary>
        /// The text with its references decoded, or the text itself when it has none. <paramref name="runs"/> receives
        /// the stretches of the result that are copied unchanged from the text (references are not in any run).
        /// </summary>
        public static string Decode(string text, List<MappedRun> runs)
        {
            int amp = text.IndexOf('&');
            if (amp < 0)
            {
                runs.Add(new MappedRun(0, 0, text.Length));
                return text;
            }

            var builder = new StringBuilder(text.Length);
            int copyFrom = 0;
            int i = amp;
            while (i >= 0 && i < text.Length)
            {
                if (TryReference(text, i, out char decoded, out int length))
                {
                    if (i > copyFrom)
                    {
                        runs.Add(new MappedRun(builder.Length, copyFrom, i - copyFrom));
                        builder.Append(text, copyFrom, i - copyFrom);
                    }

                    builder.Append(decoded);
                    copyFrom = i + length;
                    i = copyFrom;
                }
                else
                {
                    i++;
                }

                i = i < text.Length ? text.IndexOf('&', i) : -1;
            }

            if (copyFrom < text.Length)
            {
                runs.Add(new MappedRun(builder.Length, copyFrom, text.Length - copyFrom));
                builder.Append(text, copyFrom, text.Length - copyFrom);
            }

            return builder.ToString();
        }

        /// <summary>The reference at <paramref name="at"/> (which holds '&amp;'), if it is one this decoder knows.</summary>
        public static bool TryReference(string text, int at, out char decoded, out int length)
        {
            decoded = '\0';
            length = 0;
            int semicolon = -1;
            for (int j = at + 1; j < text.Length && j - at <= MaxReferenceLength; j++)
            {
                if (text[j] == ';')
                {
                    semicolon = j;
                    break;
                }
            }

            if (semicolon < 0)
            {
                return false;
            }

            int nameStart = at + 1;
            int nameLength = semicolon - nameStart;
            length = semicolon - at + 1;
            if (nameLength >= 2 && text[nameStart] == '#')
            {
                return TryCharacterReference(text, nameStart + 1, semicolon, out decoded);
            }

            switch (nameLength)
            {
                case 2 when string.CompareOrdinal(text, nameStart, "lt", 0, 2) == 0:
                    decoded = '<';
                    return true;
                case 2 when string.CompareOrdinal(text, nameStart, "gt", 0, 2) == 0:
                    decoded = '>';
                    return true;
                case 3 when string.CompareOrdinal(text, nameStart, "amp", 0, 3) == 0:
                    decoded = '&';
                    return true;
                case 4 when string.CompareOrdinal(text, nameStart, "quot", 0, 4) == 0:
                    decoded = '"';
                    return true;
                case 4 when string.CompareOrdinal(text, nameStart, "apos", 0, 4) == 0:
                    decoded = '\'';
                    return true;
                default:
                    return false;
            }
        }

        private static bool TryCharacterReference(string text, int start, int end, out char decoded)
        {
            decoded = '\0';
            bool hex = start < end && (text[start] == 'x' || text[start] == 'X');
            int i = hex ? start + 1 : start;
            if (i >= end)
            {
                return false;
            }

            int value = 0;
            for (; i < end; i++)
            {
                char c = text[i];
                int digit = Chars.IsAsciiDigit(c) ? c - '0'
                    : hex && Chars.IsHexDigit(c) ? (c | 0x20) - 'a' + 10
                    : -1;
                if (digit < 0)
                {
                    return false;
                }

                value = (value * (hex ? 16 : 10)) + digit;
                if (value > 0xFFFF)
                {
                    // Outside the basic plane: kept as written (never part of a credential this tool reads).
                    return false;
                }
            }

            if (value == 0 || (value >= 0xD800 && value <= 0xDFFF))
            {
                return false;
            }

            decoded = (char)value;
            return true;
        }
    }
}
