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
    public sealed partial class YamlConfigReader
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
    }
}
