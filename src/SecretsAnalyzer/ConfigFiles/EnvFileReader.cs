using System.Collections.Generic;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>
    /// Reads <c>.env</c> files as dotenv loaders do: <c>KEY=VALUE</c> lines, an optional <c>export </c>, <c>#</c> comments
    /// (whole-line, or after a blank following an unquoted value), single-quoted values taken literally, double-quoted
    /// values with <c>\n</c>-style escapes that may span lines. Each value's path is its key. Linear, never throws.
    /// </summary>
    public static class EnvFileReader
    {
        public static ConfigDocument Read(string text)
        {
            var scalars = new List<ConfigScalar>();
            var comments = new List<ConfigComment>();
            var builder = new ScalarBuilder();
            int n = text.Length;
            int i = n > 0 && text[0] == '\uFEFF' ? 1 : 0;
            int errorOffset = -1;
            string? error = null;
            while (i < n)
            {
                int lineEnd = LineEnd(text, i);
                int p = SkipBlanks(text, i, lineEnd);
                if (p >= lineEnd)
                {
                    i = NextLine(text, lineEnd);
                    continue;
                }

                if (text[p] == '#')
                {
                    comments.Add(new ConfigComment(p, lineEnd - p));
                    i = NextLine(text, lineEnd);
                    continue;
                }

                if (lineEnd - p > 7 && string.CompareOrdinal(text, p, "export ", 0, 7) == 0)
                {
                    p = SkipBlanks(text, p + 7, lineEnd);
                }

                int keyStart = p;
                while (p < lineEnd && text[p] != '=' && text[p] != ':' && text[p] != ' ' && text[p] != '\t')
                {
                    p++;
                }

                int keyEnd = p;
                p = SkipBlanks(text, p, lineEnd);
                if (keyEnd == keyStart || p >= lineEnd || (text[p] != '=' && text[p] != ':'))
                {
                    if (errorOffset < 0)
                    {
                        errorOffset = keyStart;
                        error = "KEY=VALUE was expected";
                    }

                    i = NextLine(text, lineEnd);
                    continue;
                }

                var path = new[] { ConfigPathSegment.Key(text.Substring(keyStart, keyEnd - keyStart)) };
                p = SkipBlanks(text, p + 1, lineEnd);
                builder.Clear();
                if (p < lineEnd && (text[p] == '"' || text[p] == '\'' || text[p] == '`'))
                {
                    char quote = text[p];
                    int start = p;
                    int q = p + 1;
                    bool closed = false;
                    while (q < n)
                    {
                        char c = text[q];
                        if (c == quote)
                        {
                            closed = true;
                            q++;
                            break;
                        }

                        if (quote == '"' && c == '\\' && q + 1 < n)
                        {
                            char e = text[q + 1];
                            char decoded = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                            builder.Append(decoded, q, verbatim: false);
                            q += 2;
                            continue;
                        }

                        builder.Append(c, q, verbatim: true);
                        q++;
                    }

                    scalars.Add(builder.Build(path, start, q - start, start + 1, quote == '"' ? ConfigScalarStyle.DoubleQuoted : ConfigScalarStyle.SingleQuoted, 0));
                    if (!closed)
                    {
                        errorOffset = errorOffset < 0 ? start : errorOffset;
                        error ??= "unterminated quoted value";
                        break;
                    }

                    int le = LineEnd(text, q);
                    int rest = SkipBlanks(text, q, le);
                    if (rest < le && text[rest] == '#')
                    {
                        comments.Add(new ConfigComment(rest, le - rest));
                    }

                    i = NextLine(text, le);
                    continue;
                }

                int valueStart = p;
                int valueEnd = p;
                while (valueEnd < lineEnd && !(text[valueEnd] == '#' && valueEnd > valueStart && (text[valueEnd - 1] == ' ' || text[valueEnd - 1] == '\t')))
                {
                    valueEnd++;
                }

                if (valueEnd < lineEnd)
                {
                    comments.Add(new ConfigComment(valueEnd, lineEnd - valueEnd));
                }

                while (valueEnd > valueStart && (text[valueEnd - 1] == ' ' || text[valueEnd - 1] == '\t'))
                {
                    valueEnd--;
                }

                builder.AppendRange(text, valueStart, valueEnd);
                scalars.Add(builder.Build(path, valueStart, valueEnd - valueStart, valueStart, ConfigScalarStyle.Plain, 0));
                i = NextLine(text, lineEnd);
            }

            return new ConfigDocument(text, scalars, comments, errorOffset, error);
        }

        private static int SkipBlanks(string text, int p, int end)
        {
            while (p < end && (text[p] == ' ' || text[p] == '\t'))
            {
                p++;
            }

            return p;
        }

        private static int LineEnd(string text, int p)
        {
            int newline = text.IndexOf('\n', p);
            int end = newline < 0 ? text.Length : newline;
            return end > p && text[end - 1] == '\r' ? end - 1 : end;
        }

        private static int NextLine(string text, int lineEnd)
        {
            int i = lineEnd;
            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }

            return i == lineEnd ? i + 1 : i;
        }
    }
}
