namespace SecretsAnalyzer.ConfigFiles
{
    // Line-level scanning: keys, plain scalar ends, comments, markers, line ends and blanks.
    public sealed partial class YamlConfigReader
    {
        /// <summary>
        /// Where a key ends when the text at <paramref name="p"/> is <c>key:</c> (a plain or one-line quoted key followed by
        /// <c>:</c> and a blank or the end of the line); -1 otherwise. <paramref name="colon"/> is the colon's offset.
        /// </summary>
        private int FindKey(int p, int lineEnd, out int colon)
        {
            colon = -1;
            char c = _text[p];
            if (c == '"' || c == '\'')
            {
                int close = p + 1;
                while (close < lineEnd)
                {
                    if (_text[close] == c)
                    {
                        if (c == '\'' && close + 1 < lineEnd && _text[close + 1] == '\'')
                        {
                            close += 2;
                            continue;
                        }

                        break;
                    }

                    if (c == '"' && _text[close] == '\\')
                    {
                        close++;
                    }

                    close++;
                }

                if (close >= lineEnd)
                {
                    return -1;
                }

                int after = SkipBlanks(close + 1, lineEnd);
                if (after < lineEnd && _text[after] == ':' && (after + 1 >= lineEnd || IsSpace(_text[after + 1])))
                {
                    colon = after;
                    return close + 1;
                }

                return -1;
            }

            if (c == '[' || c == '{' || c == '|' || c == '>' || c == '!' || c == '&' || c == '*' || c == '#' || c == '%' || c == '@' || c == '`')
            {
                return -1;
            }

            for (int i = p; i < lineEnd; i++)
            {
                char d = _text[i];
                if (d == '#' && i > p && IsSpace(_text[i - 1]))
                {
                    return -1;
                }

                if (d == ':' && (i + 1 >= lineEnd || IsSpace(_text[i + 1])))
                {
                    colon = i;
                    int end = i;
                    while (end > p && IsSpace(_text[end - 1]))
                    {
                        end--;
                    }

                    return end;
                }
            }

            return -1;
        }

        private string KeyText(int start, int end)
        {
            char c = _text[start];
            if (c == '"' || c == '\'')
            {
                ReadQuoted(start, flow: false);
                return _builder.Build(System.Array.Empty<ConfigPathSegment>(), start, end - start, start + 1, ConfigScalarStyle.Plain, -1).Value;
            }

            return _text.Substring(start, end - start);
        }

        /// <summary>The end of a plain scalar on this line: before <c> #</c>, trailing blanks, and (in flow) <c>,[]{}</c> and <c>: </c>.</summary>
        private int PlainEnd(int p, int lineEnd, bool flow)
        {
            int i = p;
            while (i < lineEnd)
            {
                char c = _text[i];
                if (c == '#' && i > p && IsSpace(_text[i - 1]))
                {
                    break;
                }

                if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'))
                {
                    break;
                }

                if (flow && c == ':' && (i + 1 >= lineEnd || IsSpace(_text[i + 1]) || IsFlowIndicator(_text[i + 1])))
                {
                    break;
                }

                i++;
            }

            while (i > p && IsSpace(_text[i - 1]))
            {
                i--;
            }

            return i;
        }

        /// <summary>After a value that ended mid-line: a comment or nothing may follow; returns where the next line starts.</summary>
        private int RestOfLine(int p, int lineEnd)
        {
            int q = SkipBlanks(p, lineEnd);
            if (q < lineEnd)
            {
                if (_text[q] == '#')
                {
                    AddComment(q, lineEnd);
                }
                else
                {
                    Fail(q, "unexpected text after a value");
                }
            }

            return NextLine(lineEnd);
        }

        private void Fail(int offset, string error)
        {
            if (_errorOffset < 0)
            {
                _errorOffset = offset;
                _error = error;
            }
        }

        private void AddCommentIfAny(int p, int lineEnd)
        {
            if (p < lineEnd && _text[p] == '#')
            {
                AddComment(p, lineEnd);
            }
        }

        private void AddComment(int start, int end) => _comments.Add(new ConfigComment(start, end - start));

        private void Truncate(int depth)
        {
            if (_path.Count > depth)
            {
                _path.RemoveRange(depth, _path.Count - depth);
            }
        }

        private bool IsMarker(int lineStart, int lineEnd, string marker) =>
            lineEnd - lineStart >= 3 && string.CompareOrdinal(_text, lineStart, marker, 0, 3) == 0 && (lineEnd - lineStart == 3 || IsSpace(_text[lineStart + 3]));

        /// <summary>The end of the line at <paramref name="p"/>, before its <c>\r\n</c> or <c>\n</c>.</summary>
        private int LineEnd(int p)
        {
            int newline = _text.IndexOf('\n', p);
            int end = newline < 0 ? _n : newline;
            if (end > p && _text[end - 1] == '\r')
            {
                end--;
            }

            return end;
        }

        private int NextLine(int lineEnd)
        {
            int i = lineEnd;
            if (i < _n && _text[i] == '\r')
            {
                i++;
            }

            if (i < _n && _text[i] == '\n')
            {
                i++;
            }

            return i == lineEnd && i < _n ? i + 1 : i;
        }

        private int SkipBlanks(int p, int lineEnd)
        {
            while (p < lineEnd && (_text[p] == ' ' || _text[p] == '\t'))
            {
                p++;
            }

            return p;
        }

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        private static bool IsFlowIndicator(char c) => c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
}
