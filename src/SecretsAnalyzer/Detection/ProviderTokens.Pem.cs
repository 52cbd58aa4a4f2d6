namespace SecretsAnalyzer.Detection
{
    // PEM and OpenSSH private key blocks: header, layout and body.
    public static partial class ProviderTokens
    {
        /// <summary>
        /// <c>-----BEGIN </c> + one of the private key labels + <c>PRIVATE KEY-----</c>, then a body of at least
        /// <see cref="MinPrivateKeyBody"/> base64 characters. Line breaks (real, or the <c>\n</c> escapes of a value that
        /// was written escaped), blank space, <c>*</c> continuation marks of a block comment and RFC 1421 headers
        /// (<c>Proc-Type:</c>, <c>DEK-Info:</c>) may stand between them. The match runs to the end of the
        /// <c>-----END … PRIVATE KEY-----</c> line when there is one, else to the end of the body. Public keys,
        /// certificates and a header without a body are not findings.
        /// </summary>
        private static ProviderTokenMatch MatchPrivateKey(string text, int i, int end)
        {
            int p = i + 11;
            int labelEnd = -1;
            foreach (string label in PemLabels)
            {
                if (At(text, p, end, label) && At(text, p + label.Length, end, "PRIVATE KEY-----"))
                {
                    labelEnd = p + label.Length + 16;
                    break;
                }
            }

            if (labelEnd < 0)
            {
                return default;
            }

            // Headers of a legacy encrypted key: lines of the form "Name: value" before the body.
            p = SkipLayout(text, labelEnd, end);
            for (int next; p < end && Chars.IsAsciiLetter(text[p]) && (next = HeaderLine(text, p, end)) > p;)
            {
                p = SkipLayout(text, next, end);
            }

            int body = 0;
            int bodyStart = p, bodyEnd = p;
            ulong seen = 0;
            while (p < end)
            {
                char c = text[p];
                if (Chars.IsBase64Char(c))
                {
                    body++;
                    // Distinct characters: c & 63 keeps A-Z, a-z, 0-9, '+', '/' and '=' apart.
                    seen |= 1ul << (c & 63);
                    p++;
                    bodyEnd = p;
                    continue;
                }

                int skipped = SkipLayout(text, p, end);
                if (skipped == p)
                {
                    break;
                }

                p = skipped;
            }

            if (body < MinPrivateKeyBody || BitCount(seen) < 16 || IsPlaceholderBody(text, bodyStart, bodyEnd))
            {
                return default;
            }

            int matchEnd = bodyEnd;
            if (At(text, p, end, "-----END "))
            {
                int close = text.IndexOf("-----", p + 9, System.Math.Min(end - p - 9, 40), System.StringComparison.Ordinal);
                if (close >= 0)
                {
                    matchEnd = close + 5;
                }
            }

            return new ProviderTokenMatch(i, matchEnd - i, ProviderTokenKind.PrivateKey);
        }

        /// <summary>Skips line breaks, spaces, the <c>\n</c>/<c>\r</c> escapes of an escaped value and block-comment <c>*</c> marks.</summary>
        private static int SkipLayout(string text, int p, int end)
        {
            while (p < end)
            {
                char c = text[p];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '"' || c == '+')
                {
                    // '"' and '+' only between lines: "...\n" + "..." written out in a comment or an escaped JSON value.
                    if ((c == '"' || c == '+' || c == '*') && !AfterBreak(text, p))
                    {
                        return p;
                    }

                    p++;
                }
                else if (c == '\\' && p + 1 < end && (text[p + 1] == 'n' || text[p + 1] == 'r'))
                {
                    p += 2;
                }
                else
                {
                    return p;
                }
            }

            return p;
        }

        /// <summary>
        /// Whether only layout stands between a line break and <c>text[p]</c> (so a <c>*</c>, <c>"</c> or <c>+</c> there is no
        /// base64). Looks back at most 16 characters, so a long run of layout stays linear.
        /// </summary>
        private static bool AfterBreak(string text, int p)
        {
            for (int k = p - 1; k >= 0 && k >= p - 16; k--)
            {
                char c = text[k];
                if (c == '\n' || c == '\r' || (c == 'n' && k > 0 && text[k - 1] == '\\'))
                {
                    return true;
                }

                if (!(c == ' ' || c == '\t' || c == '"' || c == '+' || c == '*'))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>For an RFC 1421 header line (<c>Proc-Type: 4,ENCRYPTED</c>) at <paramref name="p"/>: where the line ends; else <paramref name="p"/>.</summary>
        private static int HeaderLine(string text, int p, int end)
        {
            int k = p;
            while (k < end && (Chars.IsAsciiLetterOrDigit(text[k]) || text[k] == '-'))
            {
                k++;
            }

            if (k == p || k >= end || text[k] != ':')
            {
                return p;
            }

            while (k < end && text[k] != '\n' && text[k] != '\r' && !(text[k] == '\\' && k + 1 < end && text[k + 1] == 'n'))
            {
                k++;
            }

            return k;
        }
    }
}
