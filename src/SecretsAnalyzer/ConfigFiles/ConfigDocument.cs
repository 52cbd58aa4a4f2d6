using System;
using System.Collections.Generic;
using System.Text;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>One step of a key path: a mapping key, a sequence index, or a YAML tag (<c>!Sub</c> as <c>Fn::Sub</c>).</summary>
    public readonly struct ConfigPathSegment
    {
        private ConfigPathSegment(string? name, int index, bool isTag)
        {
            Name = name;
            Index = index;
            IsTag = isTag;
        }

        /// <summary>The key, or the tag's long-form function name; null for an index.</summary>
        public string? Name { get; }

        /// <summary>The sequence index, or -1 for a key or a tag.</summary>
        public int Index { get; }

        /// <summary>A YAML short-form tag, written as the function it stands for (<c>!GetAtt</c> is <c>Fn::GetAtt</c>).</summary>
        public bool IsTag { get; }

        public bool IsIndex => Index >= 0;

        public static ConfigPathSegment Key(string name) => new ConfigPathSegment(name, -1, isTag: false);

        public static ConfigPathSegment Item(int index) => new ConfigPathSegment(null, index, isTag: false);

        public static ConfigPathSegment Tag(string function) => new ConfigPathSegment(function, -1, isTag: true);

        public override string ToString() => IsIndex ? "[" + Index + "]" : IsTag ? "!" + Name : Name ?? string.Empty;
    }

    /// <summary>How a scalar is written.</summary>
    public enum ConfigScalarStyle
    {
        /// <summary>A JSON string, or a YAML double-quoted scalar.</summary>
        DoubleQuoted,

        /// <summary>A YAML single-quoted scalar.</summary>
        SingleQuoted,

        /// <summary>A YAML plain scalar, or an unquoted <c>.env</c> value.</summary>
        Plain,

        /// <summary>A YAML literal block scalar (<c>|</c>).</summary>
        Literal,

        /// <summary>A YAML folded block scalar (<c>&gt;</c>).</summary>
        Folded,
    }

    /// <summary>
    /// A string value of a config file, decoded, with its key path and its exact place in the source: every character of
    /// <see cref="Value"/> maps to the offset of the source character it was read from.
    /// </summary>
    public sealed class ConfigScalar
    {
        private readonly int[]? _sourceMap;
        private readonly int[]? _sourceEnds;

        internal ConfigScalar(string value, ConfigPathSegment[] path, int start, int length, int valueStart, int[]? sourceMap, int[]? sourceEnds, ConfigScalarStyle style, int parent)
        {
            _sourceEnds = sourceEnds;
            Value = value;
            Path = path;
            Start = start;
            Length = length;
            ValueStart = valueStart;
            _sourceMap = sourceMap;
            Style = style;
            Parent = parent;
        }

        /// <summary>The decoded value (escapes resolved, block scalars joined).</summary>
        public string Value { get; }

        /// <summary>Where the value sits: keys from the root, sequence indexes, YAML tags.</summary>
        public IReadOnlyList<ConfigPathSegment> Path { get; }

        /// <summary>The whole token in the source, quotes included.</summary>
        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>Where <c>Value[0]</c> was read from, when the value is the source text itself (no escape, one line).</summary>
        public int ValueStart { get; }

        /// <summary>True when <c>Value</c> equals the source from <see cref="ValueStart"/> character for character.</summary>
        public bool IsVerbatim => _sourceMap == null;

        public ConfigScalarStyle Style { get; }

        /// <summary>The container (mapping or sequence) the value belongs to: values with the same number are siblings.</summary>
        public int Parent { get; }

        /// <summary>The last key of the path (the name that receives the value), or null.</summary>
        public string? Name
        {
            get
            {
                for (int i = Path.Count - 1; i >= 0; i--)
                {
                    ConfigPathSegment segment = Path[i];
                    if (!segment.IsTag && !segment.IsIndex)
                    {
                        return segment.Name;
                    }
                }

                return null;
            }
        }

        /// <summary>The source offset of <c>Value[index]</c>; <c>index == Value.Length</c> gives the end of the value.</summary>
        public int SourceOffset(int index)
        {
            if (_sourceMap == null)
            {
                return ValueStart + index;
            }

            if (index >= Value.Length)
            {
                return Value.Length == 0 ? ValueStart : _sourceMap[Value.Length - 1] + 1;
            }

            return _sourceMap[index];
        }

        /// <summary>The source span of <c>Value[start..start+length)</c>, escapes of its first and last characters included.</summary>
        public (int Start, int Length) SourceSpan(int start, int length)
        {
            int from = SourceOffset(start);
            if (length == 0)
            {
                return (from, 0);
            }

            int last = start + length - 1;
            int to = _sourceEnds == null ? SourceOffset(last) + 1 : _sourceEnds[last];
            return (from, Math.Max(0, to - from));
        }

        /// <summary>The key path written with <paramref name="separator"/> between keys, indexes as <c>[n]</c> (or after the separator for <c>:</c>), tags left out.</summary>
        public string FormatPath(char separator)
        {
            var builder = new StringBuilder();
            foreach (ConfigPathSegment segment in Path)
            {
                if (segment.IsTag)
                {
                    continue;
                }

                if (segment.IsIndex)
                {
                    if (separator == ':')
                    {
                        if (builder.Length > 0)
                        {
                            builder.Append(':');
                        }

                        builder.Append(segment.Index);
                    }
                    else
                    {
                        builder.Append('[').Append(segment.Index).Append(']');
                    }

                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(separator);
                }

                builder.Append(segment.Name);
            }

            return builder.ToString();
        }

        public override string ToString() => FormatPath('.') + "@" + Start + "+" + Length;
    }

    /// <summary>A comment in a config file (JSON <c>//</c> and <c>/* */</c>, YAML and <c>.env</c> <c>#</c>).</summary>
    public readonly struct ConfigComment
    {
        public ConfigComment(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>What a reader found: the string values, the comments and, if the text is malformed, where reading stopped.</summary>
    public sealed class ConfigDocument
    {
        internal ConfigDocument(string text, List<ConfigScalar> scalars, List<ConfigComment> comments, int errorOffset, string? error)
        {
            Text = text;
            Scalars = scalars;
            Comments = comments;
            ErrorOffset = errorOffset;
            Error = error;
        }

        public string Text { get; }

        public IReadOnlyList<ConfigScalar> Scalars { get; }

        public IReadOnlyList<ConfigComment> Comments { get; }

        /// <summary>Where the text stopped being well-formed, or -1. Values read before it are still listed.</summary>
        public int ErrorOffset { get; }

        public string? Error { get; }

        public bool IsWellFormed => ErrorOffset < 0;
    }

    /// <summary>Builds a <see cref="ConfigScalar"/> value from source characters, remembering where each came from.</summary>
    internal sealed class ScalarBuilder
    {
        private readonly StringBuilder _value = new StringBuilder();
        private readonly List<int> _offsets = new List<int>();
        private readonly List<int> _ends = new List<int>();
        private int _firstOffset = -1;
        private bool _verbatim = true;

        public int Count => _value.Length;

        public void Clear()
        {
            _value.Clear();
            _offsets.Clear();
            _ends.Clear();
            _firstOffset = -1;
            _verbatim = true;
        }

        /// <summary>
        /// Appends the character read at <paramref name="offset"/> (the character itself when verbatim) from
        /// <paramref name="width"/> source characters (an escape such as <c>\u0041</c> is 6).
        /// </summary>
        public void Append(char c, int offset, bool verbatim, int width = 1)
        {
            if (_value.Length == 0)
            {
                _firstOffset = offset;
            }
            else if (_verbatim && offset != _offsets[_offsets.Count - 1] + 1)
            {
                _verbatim = false;
            }

            _verbatim &= verbatim;
            _value.Append(c);
            _offsets.Add(offset);
            _ends.Add(offset + width);
        }

        public void AppendRange(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Append(text[i], i, verbatim: true);
            }
        }

        public void TrimEnd()
        {
            while (_value.Length > 0 && (_value[_value.Length - 1] == ' ' || _value[_value.Length - 1] == '\t'))
            {
                _value.Length--;
                _offsets.RemoveAt(_offsets.Count - 1);
                _ends.RemoveAt(_ends.Count - 1);
            }
        }

        public ConfigScalar Build(ConfigPathSegment[] path, int start, int length, int emptyValueStart, ConfigScalarStyle style, int parent)
        {
            string value = _value.ToString();
            int valueStart = _value.Length == 0 ? emptyValueStart : _firstOffset;
            int[]? map = _verbatim ? null : _offsets.ToArray();
            int[]? ends = _verbatim ? null : _ends.ToArray();
            return new ConfigScalar(value, path, start, length, valueStart, map, ends, style, parent);
        }
    }
}
