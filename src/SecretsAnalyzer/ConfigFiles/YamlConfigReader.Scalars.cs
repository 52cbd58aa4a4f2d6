namespace SecretsAnalyzer.ConfigFiles
{
    // Block-context values: plain scalars and literal / folded block scalars.
    public sealed partial class YamlConfigReader
    {
        /// <summary>Reads a node value starting at <paramref name="p"/> (after <c>key:</c> or <c>- </c>, or alone on its line).</summary>
        private int ReadValue(int p, int lineEnd, int ownerIndent, int parent)
        {
            // Properties: tags and anchors, in any order.
            while (p < lineEnd && (_text[p] == '!' || _text[p] == '&'))
            {
                int end = p;
                while (end < lineEnd && _text[end] != ' ' && _text[end] != '\t')
                {
                    end++;
                }

                if (_text[p] == '!')
                {
                    string? function = LongFormOf(_text.Substring(p, end - p));
                    if (function != null)
                    {
                        _path.Add(ConfigPathSegment.Tag(function));
                    }
                }

                p = SkipBlanks(end, lineEnd);
            }

            if (p >= lineEnd || _text[p] == '#')
            {
                // The value is on the following lines (or empty).
                AddCommentIfAny(p, lineEnd);
                return NextLine(lineEnd);
            }

            char c = _text[p];
            if (c == '*')
            {
                // An alias: no value of its own.
                while (p < lineEnd && _text[p] != ' ' && _text[p] != '\t')
                {
                    p++;
                }

                return RestOfLine(p, lineEnd);
            }

            if (c == '|' || c == '>')
            {
                return ReadBlockScalar(p, lineEnd, ownerIndent, parent);
            }

            if (c == '[' || c == '{')
            {
                int end = ReadFlow(p);
                if (end >= _n)
                {
                    return _n;
                }

                int endOfLine = LineEnd(end);
                return RestOfLine(end, endOfLine);
            }

            if (c == '"' || c == '\'')
            {
                int start = p;
                int end = ReadQuoted(p, flow: false);
                _scalars.Add(_builder.Build(_path.ToArray(), start, end - start, start + 1, c == '"' ? ConfigScalarStyle.DoubleQuoted : ConfigScalarStyle.SingleQuoted, parent));
                if (end >= _n)
                {
                    return _n;
                }

                return RestOfLine(end, LineEnd(end));
            }

            if (c == ']' || c == '}' || c == ',')
            {
                Fail(p, "a plain scalar cannot start with '" + c + "'");
            }

            return ReadPlain(p, lineEnd, ownerIndent, parent);
        }

        /// <summary>A plain scalar in block context, with its continuation lines (indented deeper than its owner).</summary>
        private int ReadPlain(int p, int lineEnd, int ownerIndent, int parent)
        {
            _builder.Clear();
            int start = p;
            int end = PlainEnd(p, lineEnd, flow: false);
            _builder.AppendRange(_text, p, end);
            int tokenEnd = end;
            int next = NextLine(lineEnd);
            AddCommentIfAny(SkipBlanks(end, lineEnd), lineEnd);
            bool commented = SkipBlanks(end, lineEnd) < lineEnd;
            int blankLines = 0;
            while (!commented && next < _n)
            {
                int le = LineEnd(next);
                int q = next;
                while (q < le && _text[q] == ' ')
                {
                    q++;
                }

                int content = SkipBlanks(q, le);
                if (content >= le)
                {
                    blankLines++;
                    next = NextLine(le);
                    continue;
                }

                if (q - next <= ownerIndent || _text[content] == '#')
                {
                    break;
                }

                // Line folding: one line break is a space, each blank line a newline.
                if (blankLines == 0)
                {
                    _builder.Append(' ', next - 1, verbatim: false);
                }

                for (int b = 0; b < blankLines; b++)
                {
                    _builder.Append('\n', next - 1, verbatim: false);
                }

                blankLines = 0;
                int e = PlainEnd(content, le, flow: false);
                _builder.AppendRange(_text, content, e);
                tokenEnd = e;
                int after = SkipBlanks(e, le);
                next = NextLine(le);
                if (after < le)
                {
                    AddCommentIfAny(after, le);
                    break;
                }
            }

            _scalars.Add(_builder.Build(_path.ToArray(), start, tokenEnd - start, start, ConfigScalarStyle.Plain, parent));
            return next;
        }

        private int ReadBlockScalar(int p, int lineEnd, int ownerIndent, int parent)
        {
            int start = p;
            bool folded = _text[p] == '>';
            char chomp = ' ';
            int explicitIndent = 0;
            p++;
            while (p < lineEnd && (_text[p] == '+' || _text[p] == '-' || Detection.Chars.IsAsciiDigit(_text[p])))
            {
                if (_text[p] == '+' || _text[p] == '-')
                {
                    chomp = _text[p];
                }
                else
                {
                    explicitIndent = _text[p] - '0';
                }

                p++;
            }

            AddCommentIfAny(SkipBlanks(p, lineEnd), lineEnd);
            int baseIndent = ownerIndent < 0 ? 0 : ownerIndent;
            int contentIndent = explicitIndent > 0 ? (ownerIndent < 0 ? 0 : ownerIndent) + explicitIndent : -1;
            _builder.Clear();
            int next = NextLine(lineEnd);
            int tokenEnd = lineEnd;
            int pendingBreaks = 0;
            int lastBreakOffset = lineEnd;
            bool previousMoreIndented = false;
            bool any = false;
            while (next < _n)
            {
                int le = LineEnd(next);
                int q = next;
                while (q < le && _text[q] == ' ')
                {
                    q++;
                }

                int indent = q - next;
                bool blank = SkipBlanks(q, le) >= le;
                if (contentIndent < 0 && !blank)
                {
                    if (indent <= baseIndent && ownerIndent >= 0)
                    {
                        break;
                    }

                    contentIndent = indent;
                }

                if (!blank && indent < contentIndent)
                {
                    break;
                }

                if (blank)
                {
                    pendingBreaks++;
                    lastBreakOffset = le;
                    next = NextLine(le);
                    continue;
                }

                bool moreIndented = indent > contentIndent || (q < le && _text[q] == '\t');
                if (any)
                {
                    // The break before this line, then any blank lines.
                    if (folded && !moreIndented && !previousMoreIndented)
                    {
                        if (pendingBreaks == 0)
                        {
                            _builder.Append(' ', lastBreakOffset, verbatim: false);
                        }
                    }
                    else
                    {
                        _builder.Append('\n', lastBreakOffset, verbatim: false);
                    }

                    for (int b = 0; b < pendingBreaks; b++)
                    {
                        _builder.Append('\n', lastBreakOffset, verbatim: false);
                    }
                }

                pendingBreaks = 0;
                int contentStart = next + contentIndent;
                int contentEnd = le;
                _builder.AppendRange(_text, contentStart, contentEnd);
                tokenEnd = contentEnd;
                lastBreakOffset = le;
                previousMoreIndented = moreIndented;
                any = true;
                next = NextLine(le);
            }

            if (any && chomp != '-')
            {
                _builder.Append('\n', tokenEnd, verbatim: false);
                if (chomp == '+')
                {
                    for (int b = 0; b < pendingBreaks; b++)
                    {
                        _builder.Append('\n', tokenEnd, verbatim: false);
                    }
                }
            }

            _scalars.Add(_builder.Build(_path.ToArray(), start, tokenEnd - start, tokenEnd, folded ? ConfigScalarStyle.Folded : ConfigScalarStyle.Literal, parent));
            return next;
        }
    }
}
