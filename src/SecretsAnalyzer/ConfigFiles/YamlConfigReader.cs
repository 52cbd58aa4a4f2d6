using System.Collections.Generic;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>
    /// Reads the YAML that CloudFormation and SAM templates are written in: block mappings and sequences, flow mappings
    /// and sequences, plain, single- and double-quoted scalars (on one or several lines), literal and folded block scalars
    /// (<c>|</c>, <c>&gt;</c> with their indicators), comments, anchors and aliases, document markers and the short-form
    /// tags of intrinsic functions (<c>!Sub</c>, <c>!Ref</c>, <c>!GetAtt</c>, <c>!Join</c>, <c>!If</c>, <c>!ImportValue</c>, …),
    /// which become a path segment named after the long form (<c>Fn::Sub</c>, <c>Ref</c>). Lists every scalar with its key
    /// path and the source offset of each character. Line by line with explicit stacks: linear in the text, no
    /// recursion, never throws. Not supported (read leniently, never reported as values): complex keys (<c>? </c>),
    /// merge keys, tabs as indentation.
    /// </summary>
    public sealed class YamlConfigReader
    {
        private readonly string _text;
        private readonly int _n;
        private readonly List<ConfigScalar> _scalars = new List<ConfigScalar>();
        private readonly List<ConfigComment> _comments = new List<ConfigComment>();
        private readonly List<Level> _levels = new List<Level>();
        private readonly List<ConfigPathSegment> _path = new List<ConfigPathSegment>();
        private readonly ScalarBuilder _builder = new ScalarBuilder();
        private int _nextId;
        private int _errorOffset = -1;
        private string? _error;

        private YamlConfigReader(string text)
        {
            _text = text;
            _n = text.Length;
        }

        private struct Level
        {
            public int Indent;
            public bool IsSequence;
            public int Id;
            public int PathDepth;
            public int Index;
        }

        private struct FlowFrame
        {
            public bool IsMap;
            public int Id;
            public int PathDepth;
            public int Index;
            public bool EntryStarted;
        }

        public static ConfigDocument Read(string text)
        {
            var reader = new YamlConfigReader(text);
            reader.ReadAll();
            return new ConfigDocument(text, reader._scalars, reader._comments, reader._errorOffset, reader._error);
        }

        /// <summary>The long form of a short-form tag (<c>!GetAtt</c> is <c>Fn::GetAtt</c>, <c>!Ref</c> is <c>Ref</c>); null for other tags (<c>!!str</c>).</summary>
        public static string? LongFormOf(string tag)
        {
            if (tag.Length < 2 || tag[0] != '!' || tag[1] == '!' || tag[1] == '<')
            {
                return null;
            }

            string name = tag.Substring(1);
            return name == "Ref" || name == "Condition" ? name : "Fn::" + name;
        }

        private void ReadAll()
        {
            int pos = _n > 0 && _text[0] == '\uFEFF' ? 1 : 0;
            while (pos < _n)
            {
                int lineStart = pos;
                int lineEnd = LineEnd(pos);
                int p = lineStart;
                while (p < lineEnd && _text[p] == ' ')
                {
                    p++;
                }

                int q = SkipBlanks(p, lineEnd);
                if (q >= lineEnd)
                {
                    pos = NextLine(lineEnd);
                    continue;
                }

                if (_text[q] == '#')
                {
                    AddComment(q, lineEnd);
                    pos = NextLine(lineEnd);
                    continue;
                }

                if (p == lineStart && (IsMarker(lineStart, lineEnd, "---") || IsMarker(lineStart, lineEnd, "...") || _text[p] == '%'))
                {
                    // A document marker or a directive: a new document starts from the root.
                    _levels.Clear();
                    _path.Clear();
                    int comment = _text.IndexOf('#', lineStart, lineEnd - lineStart);
                    if (comment > 0)
                    {
                        AddComment(comment, lineEnd);
                    }

                    pos = NextLine(lineEnd);
                    continue;
                }

                int column = p - lineStart;
                while (_levels.Count > 0 && _levels[_levels.Count - 1].Indent > column)
                {
                    Pop();
                }

                pos = ReadLine(lineStart, p, lineEnd);
            }
        }

        /// <summary>Reads the content of a line from <paramref name="p"/>; returns where the next line starts (past any block or flow value that ran on).</summary>
        private int ReadLine(int lineStart, int p, int lineEnd)
        {
            bool atLineStart = true;
            while (true)
            {
                int column = p - lineStart;
                char c = _text[p];
                if (c == '-' && (p + 1 >= lineEnd || _text[p + 1] == ' ' || _text[p + 1] == '\t'))
                {
                    Level seq = EnsureLevel(column, sequence: true, atLineStart);
                    seq.Index++;
                    _levels[_levels.Count - 1] = seq;
                    Truncate(seq.PathDepth);
                    _path.Add(ConfigPathSegment.Item(seq.Index));
                    p = SkipBlanks(p + 1, lineEnd);
                    atLineStart = false;
                    if (p >= lineEnd || _text[p] == '#')
                    {
                        AddCommentIfAny(p, lineEnd);
                        return NextLine(lineEnd);
                    }

                    continue;
                }

                int keyEnd = FindKey(p, lineEnd, out int colon);
                if (keyEnd >= 0)
                {
                    string key = KeyText(p, keyEnd);
                    Level map = EnsureLevel(column, sequence: false, atLineStart);
                    Truncate(map.PathDepth);
                    _path.Add(ConfigPathSegment.Key(key));
                    int valueStart = SkipBlanks(colon + 1, lineEnd);
                    return ReadValue(valueStart, lineEnd, map.Indent, map.Id);
                }

                // A scalar or flow collection on its own: a sequence item, or the root.
                int owner = _levels.Count > 0 ? _levels[_levels.Count - 1].Indent : -1;
                int id = _levels.Count > 0 ? _levels[_levels.Count - 1].Id : -1;
                return ReadValue(p, lineEnd, owner, id);
            }
        }

        /// <summary>
        /// Makes the level the entry at <paramref name="column"/> belongs to the innermost one, pushing a new mapping or
        /// sequence when the entry starts one. <c>key:</c> followed by <c>- item</c> at the key's own column is a sequence
        /// inside the mapping.
        /// </summary>
        private Level EnsureLevel(int column, bool sequence, bool atLineStart)
        {
            if (_levels.Count > 0)
            {
                Level top = _levels[_levels.Count - 1];
                if (top.Indent == column && top.IsSequence == sequence)
                {
                    return top;
                }

                if (atLineStart && top.Indent == column && top.IsSequence && !sequence)
                {
                    // The end of a sequence written at its key's column: the next key of the mapping.
                    Pop();
                    if (_levels.Count > 0 && _levels[_levels.Count - 1].Indent == column && !_levels[_levels.Count - 1].IsSequence)
                    {
                        return _levels[_levels.Count - 1];
                    }
                }
            }

            var level = new Level { Indent = column, IsSequence = sequence, Id = _nextId++, PathDepth = _path.Count, Index = -1 };
            _levels.Add(level);
            return level;
        }

        private void Pop()
        {
            Level level = _levels[_levels.Count - 1];
            _levels.RemoveAt(_levels.Count - 1);
            Truncate(level.PathDepth);
        }

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

        /// <summary>A flow collection from its opening bracket, across lines; returns the offset after its closing bracket.</summary>
        private int ReadFlow(int p)
        {
            var frames = new List<FlowFrame>();
            int basePath = _path.Count;
            while (p < _n)
            {
                char c = _text[p];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    p++;
                    continue;
                }

                if (c == '#' && (p == 0 || IsSpace(_text[p - 1])))
                {
                    int le = LineEnd(p);
                    AddComment(p, le);
                    p = le;
                    continue;
                }

                if (c == '[' || c == '{')
                {
                    StartEntry(frames);
                    frames.Add(new FlowFrame { IsMap = c == '{', Id = _nextId++, PathDepth = _path.Count, Index = 0 });
                    p++;
                    continue;
                }

                if (c == ']' || c == '}')
                {
                    if (frames.Count == 0)
                    {
                        Fail(p, "unbalanced bracket");
                        return _n;
                    }

                    FlowFrame closed = frames[frames.Count - 1];
                    frames.RemoveAt(frames.Count - 1);
                    Truncate(closed.PathDepth);
                    p++;
                    if (frames.Count == 0)
                    {
                        Truncate(basePath);
                        return p;
                    }

                    continue;
                }

                if (frames.Count == 0)
                {
                    Fail(p, "a flow collection was expected");
                    return _n;
                }

                if (c == ',')
                {
                    FlowFrame top = frames[frames.Count - 1];
                    top.Index++;
                    top.EntryStarted = false;
                    frames[frames.Count - 1] = top;
                    Truncate(top.PathDepth);
                    p++;
                    continue;
                }

                if (c == ':' && (p + 1 >= _n || IsSpace(_text[p + 1]) || IsFlowIndicator(_text[p + 1])))
                {
                    // A separator after a key that was read as a value (an empty key, or a key after a tag).
                    p++;
                    continue;
                }

                if (c == '!' || c == '&' || c == '*')
                {
                    int end = p;
                    while (end < _n && !IsSpace(_text[end]) && !IsFlowIndicator(_text[end]))
                    {
                        end++;
                    }

                    if (c == '!')
                    {
                        StartEntry(frames);
                        string? function = LongFormOf(_text.Substring(p, end - p));
                        if (function != null)
                        {
                            _path.Add(ConfigPathSegment.Tag(function));
                        }
                    }

                    p = end;
                    continue;
                }

                // A scalar: a key when ':' follows.
                int start = p;
                int tokenEnd;
                ConfigScalarStyle style;
                if (c == '"' || c == '\'')
                {
                    tokenEnd = ReadQuoted(p, flow: true);
                    style = c == '"' ? ConfigScalarStyle.DoubleQuoted : ConfigScalarStyle.SingleQuoted;
                }
                else
                {
                    int le = LineEnd(p);
                    tokenEnd = PlainEnd(p, le, flow: true);
                    _builder.Clear();
                    _builder.AppendRange(_text, p, tokenEnd);
                    style = ConfigScalarStyle.Plain;
                    if (tokenEnd == p)
                    {
                        // Not a scalar character: skip it rather than loop.
                        p++;
                        continue;
                    }
                }

                int after = tokenEnd;
                while (after < _n && (_text[after] == ' ' || _text[after] == '\t'))
                {
                    after++;
                }

                FlowFrame frame = frames[frames.Count - 1];
                bool isKey = after < _n && _text[after] == ':' && (style != ConfigScalarStyle.Plain || after + 1 >= _n || IsSpace(_text[after + 1]) || IsFlowIndicator(_text[after + 1]));
                if (isKey)
                {
                    string key = _builder.Build(System.Array.Empty<ConfigPathSegment>(), start, tokenEnd - start, start, style, -1).Value;
                    Truncate(frame.PathDepth);
                    _path.Add(ConfigPathSegment.Key(key));
                    frame.EntryStarted = true;
                    frames[frames.Count - 1] = frame;
                    p = after + 1;
                    continue;
                }

                StartEntry(frames);
                _scalars.Add(_builder.Build(_path.ToArray(), start, tokenEnd - start, style == ConfigScalarStyle.Plain ? start : start + 1, style, frame.Id));
                p = tokenEnd;
            }

            Fail(p, "unterminated flow collection");
            Truncate(basePath);
            return _n;
        }

        /// <summary>In a flow sequence, the first thing of an entry adds its index to the path.</summary>
        private void StartEntry(List<FlowFrame> frames)
        {
            if (frames.Count == 0)
            {
                return;
            }

            FlowFrame top = frames[frames.Count - 1];
            if (top.EntryStarted)
            {
                return;
            }

            top.EntryStarted = true;
            frames[frames.Count - 1] = top;
            if (!top.IsMap)
            {
                Truncate(top.PathDepth);
                _path.Add(ConfigPathSegment.Item(top.Index));
            }
        }

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
