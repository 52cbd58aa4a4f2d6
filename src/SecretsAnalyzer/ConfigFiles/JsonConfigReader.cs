using System.Collections.Generic;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>
    /// Reads JSON as the .NET configuration loader (<c>JsonCommentHandling.Skip</c>, <c>AllowTrailingCommas</c>) and the
    /// Lambda tooling accept it: <c>//</c> and <c>/* */</c> comments, trailing commas. Lists every string value with its key
    /// path and source span. One forward pass over the text with an explicit stack: linear, no recursion, never throws;
    /// on malformed text it stops and keeps what it read so far.
    /// </summary>
    public static class JsonConfigReader
    {
        private struct Frame
        {
            public bool IsArray;
            public int Index;
            public int Id;
            public int PathDepth;
        }

        private enum State
        {
            Value,
            Key,
            AfterValue,
        }

        public static ConfigDocument Read(string text)
        {
            var scalars = new List<ConfigScalar>();
            var comments = new List<ConfigComment>();
            var stack = new List<Frame>();
            var path = new List<ConfigPathSegment>();
            var builder = new ScalarBuilder();
            int nextId = 0;
            int n = text.Length;
            int i = n > 0 && text[0] == '\uFEFF' ? 1 : 0;
            int errorOffset = -1;
            string? error = null;
            State state = State.Value;
            while (true)
            {
                if (!SkipTrivia(text, ref i, comments, out error))
                {
                    errorOffset = i;
                    break;
                }

                if (i >= n)
                {
                    if (stack.Count > 0 || state != State.AfterValue)
                    {
                        errorOffset = n;
                        error = "unexpected end of text";
                    }

                    break;
                }

                char c = text[i];
                if (state == State.Value)
                {
                    int parent = -1;
                    if (stack.Count > 0)
                    {
                        Frame top = stack[stack.Count - 1];
                        parent = top.Id;
                        if (top.IsArray)
                        {
                            if (c == ']')
                            {
                                // "[]", or a trailing comma.
                                i++;
                                Close(stack, path);
                                state = State.AfterValue;
                                continue;
                            }

                            Truncate(path, top.PathDepth);
                            path.Add(ConfigPathSegment.Item(top.Index));
                        }
                    }

                    if (c == '{' || c == '[')
                    {
                        stack.Add(new Frame { IsArray = c == '[', Index = 0, Id = nextId++, PathDepth = path.Count });
                        i++;
                        state = c == '[' ? State.Value : State.Key;
                        continue;
                    }

                    if (c == '"')
                    {
                        int start = i;
                        bool closed = ReadString(text, ref i, builder);
                        scalars.Add(builder.Build(path.ToArray(), start, i - start, start + 1, ConfigScalarStyle.DoubleQuoted, parent));
                        if (!closed)
                        {
                            errorOffset = start;
                            error = "unterminated string";
                            break;
                        }
                    }
                    else
                    {
                        // A number, true, false or null: not a string value.
                        int start = i;
                        while (i < n && !IsDelimiter(text[i]))
                        {
                            i++;
                        }

                        if (!IsLiteral(text, start, i))
                        {
                            errorOffset = start;
                            error = "a value was expected";
                            break;
                        }
                    }

                    state = State.AfterValue;
                    continue;
                }

                if (state == State.Key)
                {
                    if (c == '}')
                    {
                        // "{}", or a trailing comma.
                        i++;
                        Close(stack, path);
                        state = State.AfterValue;
                        continue;
                    }

                    int keyStart = i;
                    if (c != '"' || !ReadString(text, ref i, builder))
                    {
                        errorOffset = keyStart;
                        error = "a property name was expected";
                        break;
                    }

                    string key = builder.Build(System.Array.Empty<ConfigPathSegment>(), keyStart, i - keyStart, keyStart + 1, ConfigScalarStyle.DoubleQuoted, -1).Value;
                    if (!SkipTrivia(text, ref i, comments, out error))
                    {
                        errorOffset = i;
                        break;
                    }

                    if (i >= n || text[i] != ':')
                    {
                        errorOffset = i;
                        error = "':' was expected";
                        break;
                    }

                    i++;
                    Truncate(path, stack[stack.Count - 1].PathDepth);
                    path.Add(ConfigPathSegment.Key(key));
                    state = State.Value;
                    continue;
                }

                // After a value: ',' or the closing bracket of the container.
                if (stack.Count == 0)
                {
                    errorOffset = i;
                    error = "text after the root value";
                    break;
                }

                Frame current = stack[stack.Count - 1];
                if (c == ',')
                {
                    i++;
                    if (current.IsArray)
                    {
                        current.Index++;
                        stack[stack.Count - 1] = current;
                        state = State.Value;
                    }
                    else
                    {
                        state = State.Key;
                    }

                    continue;
                }

                if (c == (current.IsArray ? ']' : '}'))
                {
                    i++;
                    Close(stack, path);
                    continue;
                }

                errorOffset = i;
                error = current.IsArray ? "',' or ']' was expected" : "',' or '}' was expected";
                break;
            }

            return new ConfigDocument(text, scalars, comments, errorOffset, error);
        }

        private static void Close(List<Frame> stack, List<ConfigPathSegment> path)
        {
            Frame closed = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            Truncate(path, closed.PathDepth);
        }

        private static void Truncate(List<ConfigPathSegment> path, int depth)
        {
            if (path.Count > depth)
            {
                path.RemoveRange(depth, path.Count - depth);
            }
        }

        private static bool IsDelimiter(char c) => c == ',' || c == ']' || c == '}' || c == ':' || c == '"' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '{' || c == '[';

        private static bool IsLiteral(string text, int start, int end)
        {
            int length = end - start;
            if (length == 0)
            {
                return false;
            }

            if ((length == 4 && string.CompareOrdinal(text, start, "true", 0, 4) == 0) ||
                (length == 5 && string.CompareOrdinal(text, start, "false", 0, 5) == 0) ||
                (length == 4 && string.CompareOrdinal(text, start, "null", 0, 4) == 0))
            {
                return true;
            }

            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!(Detection.Chars.IsAsciiDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Skips whitespace and comments. False for an unterminated <c>/*</c> comment or a lone <c>/</c>.</summary>
        private static bool SkipTrivia(string text, ref int i, List<ConfigComment> comments, out string? error)
        {
            error = null;
            int n = text.Length;
            while (i < n)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                    continue;
                }

                if (c != '/')
                {
                    return true;
                }

                if (i + 1 < n && text[i + 1] == '/')
                {
                    int start = i;
                    while (i < n && text[i] != '\n' && text[i] != '\r')
                    {
                        i++;
                    }

                    comments.Add(new ConfigComment(start, i - start));
                    continue;
                }

                if (i + 1 < n && text[i + 1] == '*')
                {
                    int start = i;
                    int close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                    if (close < 0)
                    {
                        comments.Add(new ConfigComment(start, n - start));
                        i = start;
                        error = "unterminated comment";
                        return false;
                    }

                    i = close + 2;
                    comments.Add(new ConfigComment(start, i - start));
                    continue;
                }

                error = "unexpected '/'";
                return false;
            }

            return true;
        }

        /// <summary>Reads the string whose opening quote is at <paramref name="i"/>; leaves <paramref name="i"/> after the closing quote.</summary>
        private static bool ReadString(string text, ref int i, ScalarBuilder builder)
        {
            builder.Clear();
            int n = text.Length;
            i++;
            while (i < n)
            {
                char c = text[i];
                if (c == '"')
                {
                    i++;
                    return true;
                }

                if (c == '\n' || c == '\r')
                {
                    // JSON strings never span lines: the string is unterminated.
                    return false;
                }

                if (c != '\\')
                {
                    builder.Append(c, i, verbatim: true);
                    i++;
                    continue;
                }

                int escape = i;
                if (i + 1 >= n)
                {
                    i = n;
                    return false;
                }

                char e = text[i + 1];
                switch (e)
                {
                    case 'n': builder.Append('\n', escape, verbatim: false, width: 2); i += 2; break;
                    case 'r': builder.Append('\r', escape, verbatim: false, width: 2); i += 2; break;
                    case 't': builder.Append('\t', escape, verbatim: false, width: 2); i += 2; break;
                    case 'b': builder.Append('\b', escape, verbatim: false, width: 2); i += 2; break;
                    case 'f': builder.Append('\f', escape, verbatim: false, width: 2); i += 2; break;
                    case 'u':
                        int code = 0;
                        int digits = 0;
                        while (digits < 4 && i + 2 + digits < n && Detection.Chars.IsHexDigit(text[i + 2 + digits]))
                        {
                            char h = text[i + 2 + digits];
                            code = (code * 16) + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                            digits++;
                        }

                        builder.Append(digits == 4 ? (char)code : 'u', escape, verbatim: false, width: 2 + digits);
                        i += 2 + digits;
                        break;
                    default:
                        // \" \\ \/ (and anything else, kept as the character).
                        builder.Append(e, escape, verbatim: false, width: 2);
                        i += 2;
                        break;
                }
            }

            return false;
        }
    }
}
