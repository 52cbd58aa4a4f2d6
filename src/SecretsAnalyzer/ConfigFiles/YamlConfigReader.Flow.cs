using System.Collections.Generic;

namespace SecretsAnalyzer.ConfigFiles
{
    // Flow mappings and sequences ({ } and [ ]).
    public sealed partial class YamlConfigReader
    {
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
    }
}
