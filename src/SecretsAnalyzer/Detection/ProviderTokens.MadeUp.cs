namespace SecretsAnalyzer.Detection
{
    // Placeholder and made-up token bodies (documentation examples, XXXX, EXAMPLE, ...).
    public static partial class ProviderTokens
    {
        /// <summary>A private key body that is a placeholder: a made-up word or few distinct characters in its first line.</summary>
        private static bool IsPlaceholderBody(string text, int start, int end)
        {
            int length = System.Math.Min(end - start, 64);
            for (int k = start; k < start + length; k++)
            {
                if (!Chars.IsBase64Char(text[k]))
                {
                    length = k - start;
                    break;
                }
            }

            return length > 0 && ContainsMadeUpWord(text, start, length);
        }

        /// <summary>
        /// A token body that is plainly made up: a placeholder word (<c>EXAMPLE</c>, <c>XXXX</c>, <c>FAKE</c>, …), a mask,
        /// a run of 5 equal characters, an ascending run of 6 (<c>123456</c>, <c>abcdef</c>) or fewer than 10 distinct
        /// characters in 20 or more. A random body is one of these about once in 10^5.
        /// </summary>
        public static bool IsMadeUp(string text, int start, int length)
        {
            if (length == 0 || Placeholders.IsMask(text, start, length) || ContainsMadeUpWord(text, start, length))
            {
                return true;
            }

            int run = 1, ascending = 1;
            ulong seen = 0;
            for (int k = start; k < start + length; k++)
            {
                char c = text[k];
                if (k > start)
                {
                    run = c == text[k - 1] ? run + 1 : 1;
                    ascending = c == text[k - 1] + 1 ? ascending + 1 : 1;
                    if (run >= 5 || ascending >= 6)
                    {
                        return true;
                    }
                }

                seen |= 1ul << (c & 63);
            }

            return length >= 20 && BitCount(seen) < 10;
        }

        private static bool ContainsMadeUpWord(string text, int start, int length)
        {
            foreach (string word in MadeUpWords)
            {
                if (AwsKeys.IndexOfIgnoreCase(text, start, length, word) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
