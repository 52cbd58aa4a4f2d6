namespace SecretsAnalyzer.Detection
{
    // Character-level helpers: runs, fixed-length bodies, case-insensitive matches, character classes and the trigger table.
    public static partial class ProviderTokens
    {
        private static int BitCount(ulong v)
        {
            int n = 0;
            while (v != 0)
            {
                v &= v - 1;
                n++;
            }

            return n;
        }

        /// <summary>Exactly <paramref name="length"/> characters of <paramref name="allowed"/> after a prefix, with no word character after them.</summary>
        private static bool Fixed(string text, int i, int prefixLength, int length, int end, System.Func<char, bool> allowed)
        {
            int p = i + prefixLength;
            return p + length <= end && Run(text, p, length, allowed) && (p + length == end || !(IsWordChar(text[p + length]) || allowed(text[p + length])));
        }

        /// <summary><see cref="Fixed"/>, and the body is not made up.</summary>
        private static bool Body(string text, int i, int prefixLength, int length, int end, System.Func<char, bool> allowed)
            => Fixed(text, i, prefixLength, length, end, allowed) && !IsMadeUp(text, i + prefixLength, length);

        private static bool Run(string text, int p, int length, System.Func<char, bool> allowed)
        {
            for (int k = p; k < p + length; k++)
            {
                if (!allowed(text[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private static int CountRun(string text, int p, int end, System.Func<char, bool> allowed)
        {
            int k = p;
            while (k < end && allowed(text[k]))
            {
                k++;
            }

            return k - p;
        }

        private static bool HasLetterAndDigit(string text, int start, int length)
        {
            bool letter = false, digit = false;
            for (int k = start; k < start + length; k++)
            {
                letter |= Chars.IsAsciiLetter(text[k]);
                digit |= Chars.IsAsciiDigit(text[k]);
            }

            return letter && digit;
        }

        private static bool HasUpperLowerDigit(string text, int start, int length)
        {
            bool upper = false, lower = false, digit = false;
            for (int k = start; k < start + length; k++)
            {
                upper |= Chars.IsUpper(text[k]);
                lower |= Chars.IsLower(text[k]);
                digit |= Chars.IsAsciiDigit(text[k]);
            }

            return upper && lower && digit;
        }

        private static bool At(string text, int i, int end, string value)
        {
            if (i < 0 || i + value.Length > end)
            {
                return false;
            }

            for (int k = 0; k < value.Length; k++)
            {
                if (text[i + k] != value[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><see cref="At"/> with ASCII case folding; <paramref name="lower"/> is lower case.</summary>
        private static bool AtIgnoreCase(string text, int i, int end, string lower)
        {
            if (i + lower.Length > end)
            {
                return false;
            }

            for (int k = 0; k < lower.Length; k++)
            {
                char c = text[i + k];
                if ((Chars.IsUpper(c) ? (char)(c | 0x20) : c) != lower[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Letters, digits and <c>_</c>: a token that touches one of these on its left is part of a longer word.</summary>
        private static bool IsWordChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_';

        private static bool IsSlackChar(char c) => IsWordChar(c) || c == '-';

        private static bool IsUrlSafeBase64Char(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

        private static bool IsLowerHex(char c) => Chars.IsAsciiDigit(c) || (uint)(c - 'a') <= 'f' - 'a';

        private static bool IsUpperOrDigit(char c) => Chars.IsUpper(c) || Chars.IsAsciiDigit(c);

        private static bool IsLowerOrDigit(char c) => Chars.IsLower(c) || Chars.IsAsciiDigit(c);

        private static bool[] CreateTriggers()
        {
            var triggers = new bool[128];
            foreach (char c in "-gnxhsrSAa")
            {
                triggers[c] = true;
            }

            return triggers;
        }
    }
}
