namespace SecretsAnalyzer.Detection
{
    // The key=value reader (DbConnectionOptions' grammar, never throwing), and its key and hole tests: plausible
    // and salvaged keys, interpolation holes and format items.
    public static partial class ConnectionStrings
    {
        /// <summary>
        /// Reads <c>key=value</c> pairs the way <c>DbConnectionOptions.GetKeyValuePair</c> does, one state machine pass,
        /// but never throws: after a syntax error it resumes at the next <c>;</c>, and a key with junk in front
        /// (<c>// Server</c>, <c>"Db": "Server</c>, <c>garbage;Password</c>) is cut back to the known key at its end.
        /// </summary>
        private struct PairReader
        {
            private readonly string _text;
            private readonly int _end;
            private readonly bool _odbcBraces;
            private readonly bool _salvageKeys;
            private int _pos;

            public PairReader(string text, int from, int to, bool odbcBraces, bool salvageKeys)
            {
                _salvageKeys = salvageKeys;
                _text = text;
                _pos = from;
                _end = to;
                _odbcBraces = odbcBraces;
                LastKeySalvaged = false;
                LastHoleFragment = false;
                LastValueSpansLines = false;
            }

            /// <summary>The last value was unquoted and ran over a line break: legal in ADO.NET, but a sign of text around the string.</summary>
            public bool LastValueSpansLines { get; private set; }

            /// <summary>The last key had junk in front that was cut off.</summary>
            public bool LastKeySalvaged { get; private set; }

            /// <summary>The junk in front of the last key was only interpolation holes and <c>;</c>: a fragment of a connection string.</summary>
            public bool LastHoleFragment { get; private set; }

            public bool Next(out ConnectionStringPair pair)
            {
                string text = _text;
                int end = _end;
                int i = _pos;
                LastKeySalvaged = false;
                LastHoleFragment = false;
                LastValueSpansLines = false;

                // NothingYet: skip whitespace and ';'.
                while (i < end && (text[i] == ';' || char.IsWhiteSpace(text[i])))
                {
                    i++;
                }

                if (i >= end || text[i] == '\0')
                {
                    _pos = end;
                    pair = default;
                    return false;
                }

                // Key: up to the first single '='; "==" is an escaped '='. A ';' is part of the key in ADO.NET.
                int keyStart = i;
                int equals = -1;
                while (i < end)
                {
                    char c = text[i];
                    if (c == '=')
                    {
                        if (i + 1 < end && text[i + 1] == '=' && i > keyStart)
                        {
                            i += 2;
                            continue;
                        }

                        equals = i;
                        break;
                    }

                    i++;
                }

                if (equals < 0)
                {
                    // A key without '=': a syntax error that runs to the end of the text.
                    _pos = end;
                    LastHoleFragment = OnlyHolesAndSeparators(text, keyStart, end);
                    pair = new ConnectionStringPair(keyStart, 0, end, 0, '\0', wellFormed: false);
                    return true;
                }

                int keyEnd = equals;
                while (keyEnd > keyStart && char.IsWhiteSpace(text[keyEnd - 1]))
                {
                    keyEnd--;
                }

                if (_salvageKeys && !IsPlausibleKey(text, keyStart, keyEnd - keyStart))
                {
                    int salvaged = SalvageKey(text, keyStart, keyEnd);
                    if (salvaged > keyStart)
                    {
                        LastKeySalvaged = true;
                        LastHoleFragment = OnlyHolesAndSeparators(text, keyStart, salvaged) && ContainsHole(text, keyStart, salvaged);
                        keyStart = salvaged;
                    }
                    else
                    {
                        LastKeySalvaged = true;
                        keyStart = keyEnd; // an unknown key: the pair is read but names nothing
                    }
                }

                i = equals + 1;

                // KeyEnd: skip whitespace before the value.
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= end || text[i] == ';' || text[i] == '\0')
                {
                    _pos = i < end && text[i] == ';' ? i + 1 : end;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i, 0, '\0', wellFormed: true);
                    return true;
                }

                char first = text[i];
                if (first == '\'' || first == '"')
                {
                    int close = FindClosingQuote(text, i + 1, end, first);
                    if (close < 0)
                    {
                        // Unterminated: ADO.NET throws; everything after the quote is swallowed, nothing is unambiguous.
                        _pos = end;
                        pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, end - i - 1, first, wellFormed: false);
                        return true;
                    }

                    bool ok = AfterQuotedValue(text, close + 1, end, out int next);
                    _pos = next;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, close - i - 1, first, ok);
                    return true;
                }

                if (first == '{' && _odbcBraces)
                {
                    int close = FindClosingQuote(text, i + 1, end, '}');
                    if (close >= 0 && AfterQuotedValue(text, close + 1, end, out int next))
                    {
                        _pos = next;
                        pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, close - i - 1, '{', wellFormed: true);
                        return true;
                    }
                }

                if (char.IsControl(first))
                {
                    int semicolon = text.IndexOf(';', i, end - i);
                    _pos = semicolon < 0 ? end : semicolon + 1;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i, 0, '\0', wellFormed: false);
                    return true;
                }

                // UnquotedValue: up to ';' or a control character that is not whitespace; trailing whitespace trimmed.
                int valueStart = i;
                while (i < end)
                {
                    char c = text[i];
                    if (c == ';' || (char.IsControl(c) && !char.IsWhiteSpace(c)))
                    {
                        break;
                    }

                    i++;
                }

                int valueEnd = i;
                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                {
                    valueEnd--;
                }

                LastValueSpansLines = valueEnd > valueStart && text.IndexOfAny(LineBreaks, valueStart, valueEnd - valueStart) >= 0;

                bool wellFormed = true;
                if (i < end && text[i] != ';' && text[i] != '\0')
                {
                    // A control character ends the value; ADO.NET then fails on it.
                    wellFormed = false;
                    int semicolon = text.IndexOf(';', i, end - i);
                    i = semicolon < 0 ? end : semicolon;
                }

                _pos = i < end && text[i] == ';' ? i + 1 : end;
                if (i < end && text[i] == '\0')
                {
                    _pos = end;
                }

                pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart, '\0', wellFormed);
                return true;
            }

            /// <summary>After a closing quote only whitespace may come before ';' or the end (QuotedValueEnd).</summary>
            private static bool AfterQuotedValue(string text, int i, int end, out int next)
            {
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= end || text[i] == '\0')
                {
                    next = end;
                    return true;
                }

                if (text[i] == ';')
                {
                    next = i + 1;
                    return true;
                }

                int semicolon = text.IndexOf(';', i, end - i);
                next = semicolon < 0 ? end : semicolon + 1;
                return false;
            }

            private static int FindClosingQuote(string text, int i, int end, char quote)
            {
                while (i < end)
                {
                    int q = text.IndexOf(quote, i, end - i);
                    if (q < 0)
                    {
                        return -1;
                    }

                    if (q + 1 < end && text[q + 1] == quote)
                    {
                        i = q + 2;
                        continue;
                    }

                    return q;
                }

                return -1;
            }
        }

        private static readonly char[] LineBreaks = { '\r', '\n' };

        private static bool IsKeyChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == ':';

        /// <summary>A key a connection string may really hold: a letter, then letters, digits, spaces, '_', '-', '.', ':'.</summary>
        private static bool IsPlausibleKey(string text, int start, int length)
        {
            if (length <= 0 || length > MaxKeyLength || !Chars.IsAsciiLetter(text[start]))
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                if (!IsKeyChar(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Where a known key starts at the end of a key with junk in front (<c>// Server</c> → <c>Server</c>,
        /// <c>Connecting with Server</c> → <c>Server</c>), or <paramref name="start"/> when there is none. Bounded look-back.
        /// </summary>
        private static int SalvageKey(string text, int start, int end)
        {
            int s = end;
            while (s > start && end - s < MaxKeyLength && IsKeyChar(text[s - 1]))
            {
                s--;
            }

            // Try the whole tail, then drop one leading word at a time.
            while (s < end)
            {
                while (s < end && (text[s] == ' ' || text[s] == '\t'))
                {
                    s++;
                }

                if (s >= end)
                {
                    break;
                }

                if (Chars.IsAsciiLetter(text[s]) && IsKnownKey(text, s, end - s))
                {
                    return s;
                }

                while (s < end && text[s] != ' ' && text[s] != '\t')
                {
                    s++;
                }
            }

            return start;
        }

        private static bool IsKnownKey(string text, int start, int length) =>
            MatchesAny(text, start, length, PasswordKeys) || MatchesAny(text, start, length, HostKeys) ||
            MatchesAny(text, start, length, UserKeys) || MatchesAny(text, start, length, OtherKeys);

        /// <summary>Only interpolation holes, format items (<c>{0}</c>, <c>{baseConnection}</c>), <c>;</c> and whitespace.</summary>
        private static bool OnlyHolesAndSeparators(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '{')
                {
                    int close = FormatItemEnd(text, i, end);
                    if (close < 0)
                    {
                        return false;
                    }

                    i = close;
                    continue;
                }

                if (c != Chars.Hole && c != ';' && !char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsHole(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == Chars.Hole || (text[i] == '{' && FormatItemEnd(text, i, end) > 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The index of the '}' closing a format item that starts at <paramref name="open"/>, or -1. Bounded.</summary>
        private static int FormatItemEnd(string text, int open, int end)
        {
            for (int j = open + 1; j < end && j - open <= MaxKeyLength; j++)
            {
                char c = text[j];
                if (c == '}')
                {
                    return j > open + 1 ? j : -1;
                }

                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == ':'))
                {
                    return -1;
                }
            }

            return -1;
        }
    }
}
