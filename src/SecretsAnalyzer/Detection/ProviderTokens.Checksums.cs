namespace SecretsAnalyzer.Detection
{
    // Token checksums: the CRC-32 (and its table) and the base62 checksum of GitHub-style tokens.
    public static partial class ProviderTokens
    {
        /// <summary>
        /// <c>prefix</c> + 30 base62 + the 6-character base62 CRC32 (IEEE) of those 30, left-padded with <c>0</c>
        /// (GitHub's 2021 token format, and npm's): exactly 36 characters after the prefix, not running into a longer word.
        /// </summary>
        private static bool Checksummed(string text, int i, int prefixLength, int end)
        {
            int body = i + prefixLength;
            if (!Fixed(text, i, prefixLength, 36, end, Chars.IsAsciiLetterOrDigit) || IsMadeUp(text, body, 30))
            {
                return false;
            }

            uint crc = Crc32(text, body, 30);
            for (int k = body + 35; k >= body + 30; k--)
            {
                if (text[k] != Base62[(int)(crc % 62)])
                {
                    return false;
                }

                crc /= 62;
            }

            return true;
        }

        /// <summary>The CRC32 (IEEE 802.3, as zlib's <c>crc32</c>) of <c>text[start..start+length)</c> read as ASCII.</summary>
        public static uint Crc32(string text, int start, int length)
        {
            uint crc = 0xFFFFFFFFu;
            for (int k = start; k < start + length; k++)
            {
                crc = Crc32Table[(crc ^ (byte)text[k]) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        /// <summary>The 6-character base62 checksum GitHub and npm append to the 30 random characters of a token.</summary>
        public static string Checksum(string random30)
        {
            uint crc = Crc32(random30, 0, random30.Length);
            var chars = new char[6];
            for (int k = 5; k >= 0; k--)
            {
                chars[k] = Base62[(int)(crc % 62)];
                crc /= 62;
            }

            return new string(chars);
        }

        private static uint[] CreateCrc32Table()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
