using System;

namespace SecretsAnalyzer.Detection
{
    // URIs with a password in their user info (SECRETS005): finding the password, the schemes that count.
    public static partial class AuthSecrets
    {
        /// <summary>
        /// Finds a password in the user info of a network URI (<c>https://user:pw@host</c>, <c>smtp://</c>, <c>ftp://</c>):
        /// the first whose password is no placeholder and not the user name. The host is returned for the message.
        /// </summary>
        public static bool FindUriPassword(string text, out int passwordStart, out int passwordLength, out string? host)
        {
            passwordStart = passwordLength = 0;
            host = null;
            int n = text.Length;
            int from = 0;
            while (from < n)
            {
                int sep = text.IndexOf("://", from, StringComparison.Ordinal);
                if (sep < 0)
                {
                    return false;
                }

                from = sep + 3;
                int schemeStart = sep;
                while (schemeStart > 0 && sep - schemeStart < 16 && (Chars.IsAsciiLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] == '+'))
                {
                    schemeStart--;
                }

                if (!IsNetworkScheme(text, schemeStart, sep))
                {
                    continue;
                }

                // The authority ends at the path, query, fragment or anything that ends a URI in prose.
                int authorityEnd = from;
                while (authorityEnd < n && !IsAuthorityEnd(text[authorityEnd]))
                {
                    authorityEnd++;
                }

                int at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - from);
                if (at < 0)
                {
                    continue;
                }

                int colon = text.IndexOf(':', from, at - from);
                if (colon < 0)
                {
                    continue;
                }

                string user = text.Substring(from, colon - from);
                int start = colon + 1;
                int length = at - start;
                if (length <= 0 || text.IndexOf(Chars.Hole, start, length) >= 0 || at + 1 >= authorityEnd ||
                    IsPlaceholderSecret(text, start, length, user) || IsPlaceholderSecret(Unescape(text, start, length), 0, Unescape(text, start, length).Length, user))
                {
                    continue;
                }

                passwordStart = start;
                passwordLength = length;
                int hostEnd = at + 1;
                while (hostEnd < authorityEnd && text[hostEnd] != ':')
                {
                    hostEnd++;
                }

                host = text.Substring(at + 1, hostEnd - at - 1);
                if (host.Length == 0 || host.IndexOf(Chars.Hole) >= 0)
                {
                    host = null;
                }

                return true;
            }

            return false;
        }

        private static string Unescape(string text, int start, int length)
        {
            string slice = text.Substring(start, length);
            try
            {
                return Uri.UnescapeDataString(slice);
            }
            catch (UriFormatException)
            {
                return slice;
            }
        }

        private static bool IsAuthorityEnd(char c) =>
            c == '/' || c == '?' || c == '#' || char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == ',' || c == ';' || char.IsControl(c);

        private static bool IsNetworkScheme(string text, int start, int end)
        {
            int length = end - start;
            foreach (string scheme in NetworkSchemes)
            {
                if (scheme.Length == length && string.Compare(text, start, scheme, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
