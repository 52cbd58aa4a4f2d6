namespace SecretsAnalyzer.ConfigFiles
{
    // Single- and double-quoted scalars and double-quoted escapes.
    public sealed partial class YamlConfigReader
    {
        /// <summary>A quoted scalar from its opening quote, into the builder; returns the offset after the closing quote.</summary>
        private int ReadQuoted(int p, bool flow)
        {
            char quote = _text[p];
            _builder.Clear();
            int i = p + 1;
            while (i < _n)
            {
                char c = _text[i];
                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < _n && _text[i + 1] == '\'')
                    {
                        _builder.Append('\'', i, verbatim: false, width: 2);
                        i += 2;
                        continue;
                    }

                    return i + 1;
                }

                if (c == '\r' || c == '\n')
                {
                    // Line folding: trailing blanks of the line are dropped, one break is a space, each blank line a newline.
                    _builder.TrimEnd();
                    int breakAt = i;
                    int breaks = 0;
                    while (i < _n && (_text[i] == '\r' || _text[i] == '\n' || _text[i] == ' ' || _text[i] == '\t'))
                    {
                        if (_text[i] == '\n')
                        {
                            breaks++;
                        }

                        i++;
                    }

                    if (breaks <= 1)
                    {
                        _builder.Append(' ', breakAt, verbatim: false);
                    }
                    else
                    {
                        for (int b = 1; b < breaks; b++)
                        {
                            _builder.Append('\n', breakAt, verbatim: false);
                        }
                    }

                    continue;
                }

                if (quote == '"' && c == '\\' && i + 1 < _n)
                {
                    i = ReadEscape(i);
                    continue;
                }

                _builder.Append(c, i, verbatim: true);
                i++;
            }

            Fail(p, "unterminated quoted scalar");
            return _n;
        }

        private int ReadEscape(int i)
        {
            char e = _text[i + 1];
            int digits;
            switch (e)
            {
                case 'n': _builder.Append('\n', i, verbatim: false, width: 2); return i + 2;
                case 't': _builder.Append('\t', i, verbatim: false, width: 2); return i + 2;
                case 'r': _builder.Append('\r', i, verbatim: false, width: 2); return i + 2;
                case '0': _builder.Append('\0', i, verbatim: false, width: 2); return i + 2;
                case 'x': digits = 2; break;
                case 'u': digits = 4; break;
                case 'U': digits = 8; break;
                case '\r':
                case '\n':
                    // An escaped line break: the lines join with nothing between them.
                    int j = i + 1;
                    if (j < _n && _text[j] == '\r')
                    {
                        j++;
                    }

                    if (j < _n && _text[j] == '\n')
                    {
                        j++;
                    }

                    while (j < _n && (_text[j] == ' ' || _text[j] == '\t'))
                    {
                        j++;
                    }

                    return j;
                default:
                    _builder.Append(e, i, verbatim: false, width: 2);
                    return i + 2;
            }

            int code = 0;
            int read = 0;
            while (read < digits && i + 2 + read < _n && Detection.Chars.IsHexDigit(_text[i + 2 + read]))
            {
                char h = _text[i + 2 + read];
                code = (code * 16) + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                read++;
            }

            if (read == digits && code <= 0xFFFF)
            {
                _builder.Append((char)code, i, verbatim: false, width: 2 + read);
            }
            else
            {
                _builder.Append('\uFFFD', i, verbatim: false, width: 2 + read);
            }

            return i + 2 + read;
        }
    }
}
