namespace SecretsAnalyzer.Detection
{
    // ADO.NET key=value strings: what one connection string holds, pair by pair, and whether its password is
    // reportable (context keys, prose, placeholders).
    public static partial class ConnectionStrings
    {
        /// <summary>What one connection string holds, accumulated pair by pair (the last pair of each kind wins).</summary>
        private struct KeyValueScan
        {
            public bool HasPassword;
            public bool PasswordWellFormed;
            public int PasswordStart;
            public int PasswordLength;

            /// <summary>The password with its braces, for the placeholder test (<c>{0}</c> is a placeholder, <c>{Xk9;q}</c> is not).</summary>
            public int PasswordRawStart;
            public int PasswordRawLength;
            public char PasswordQuote;

            public int UserStart;
            public int UserLength;
            public char UserQuote;
            public bool HasUser;

            public int HostStart;
            public int HostLength;
            public char HostQuote;
            public bool HasHost;

            public int ContextKeys;
            public bool HoleFragment;
            public bool Malformed;
        }

        private static KeyValueScan ScanKeyValue(string text, int from, int to, bool connectionContext)
        {
            var scan = default(KeyValueScan);
            var reader = new PairReader(text, from, to, odbcBraces: true, salvageKeys: true);
            while (reader.Next(out ConnectionStringPair pair))
            {
                if (!pair.WellFormed || reader.LastKeySalvaged || reader.LastValueSpansLines)
                {
                    scan.Malformed = true;
                }

                if (reader.LastHoleFragment)
                {
                    scan.HoleFragment = true;
                }

                if (pair.KeyLength == 0)
                {
                    continue;
                }

                if (IsPasswordKey(text, pair.KeyStart, pair.KeyLength))
                {
                    scan.HasPassword = true;
                    scan.PasswordWellFormed = pair.WellFormed;
                    scan.PasswordStart = pair.ValueStart;
                    scan.PasswordLength = pair.ValueLength;
                    scan.PasswordRawStart = pair.Quote == '{' ? pair.ValueStart - 1 : pair.ValueStart;
                    scan.PasswordRawLength = pair.Quote == '{' ? pair.ValueLength + 2 : pair.ValueLength;
                    scan.PasswordQuote = pair.Quote;
                    continue;
                }

                if (MatchesAny(text, pair.KeyStart, pair.KeyLength, HostKeys))
                {
                    scan.ContextKeys++;
                    if (pair.WellFormed)
                    {
                        scan.HasHost = true;
                        scan.HostStart = pair.ValueStart;
                        scan.HostLength = pair.ValueLength;
                        scan.HostQuote = pair.Quote;
                    }
                }
                else if (MatchesAny(text, pair.KeyStart, pair.KeyLength, UserKeys))
                {
                    scan.ContextKeys++;
                    if (pair.WellFormed)
                    {
                        scan.HasUser = true;
                        scan.UserStart = pair.ValueStart;
                        scan.UserLength = pair.ValueLength;
                        scan.UserQuote = pair.Quote;
                    }
                }
                else if (MatchesAny(text, pair.KeyStart, pair.KeyLength, OtherKeys))
                {
                    scan.ContextKeys++;
                }
            }

            return scan;
        }

        private static bool IsReportable(string text, ref KeyValueScan scan, bool connectionContext)
        {
            if (!scan.HasPassword || !scan.PasswordWellFormed || scan.PasswordLength == 0)
            {
                return false;
            }

            if (scan.ContextKeys == 0 && !scan.HoleFragment && !connectionContext)
            {
                return false;
            }

            if (scan.PasswordQuote == '\0' && IsProse(text, scan.PasswordStart, scan.PasswordLength))
            {
                return false;
            }

            string? user = scan.HasUser ? Unescape(text, scan.UserStart, scan.UserLength, scan.UserQuote).Trim() : null;
            return !Placeholders.IsPlaceholder(text, scan.PasswordRawStart, scan.PasswordRawLength, user);
        }

        /// <summary>
        /// An unquoted value that reads as a sentence (<c>rotated monthly</c>, <c>is kept in Secrets Manager under
        /// migrations/prod</c>): at least two plain words, and plain words make up two thirds of it. A sentence that
        /// happens to follow <c>Password=</c> in a comment or message, not a password.
        /// </summary>
        private static bool IsProse(string text, int start, int length)
        {
            int tokens = 0, words = 0;
            int i = start, end = start + length;
            while (i < end)
            {
                while (i < end && text[i] == ' ')
                {
                    i++;
                }

                if (i >= end)
                {
                    break;
                }

                tokens++;
                bool word = true;
                int tokenStart = i;
                while (i < end && text[i] != ' ')
                {
                    char c = text[i];
                    bool trailingPunctuation = (c == '.' || c == ',' || c == ':' || c == '\'') && i > tokenStart;
                    word &= Chars.IsAsciiLetter(c) || trailingPunctuation;
                    i++;
                }

                if (word)
                {
                    words++;
                }
            }

            return words >= 2 && words * 3 >= tokens * 2;
        }

        private static ConnectionStringPassword Finding(string text, ref KeyValueScan scan)
        {
            string? host = null;
            if (scan.HasHost)
            {
                string raw = Unescape(text, scan.HostStart, scan.HostLength, scan.HostQuote);
                host = NormalizeHost(scan.HostQuote == '{' ? "{" + raw + "}" : raw);
            }

            return new ConnectionStringPassword(scan.PasswordStart, scan.PasswordLength, SafeHost(host, text, scan.PasswordStart, scan.PasswordLength), ConnectionStringForm.KeyValue);
        }
    }
}
