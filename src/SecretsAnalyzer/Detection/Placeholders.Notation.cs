namespace SecretsAnalyzer.Detection
{
    // Notation around placeholders: optional parts of a grammar in documentation ("[:{password}]"), and the
    // printf-style mapping keys of Python ("%(password)s").
    public static partial class Placeholders
    {
        /// <summary>Longest name inside <c>%(…)s</c> that is taken as a mapping key.</summary>
        private const int MaxMappingKeyLength = 64;

        /// <summary>
        /// A value that is a placeholder once the brackets of a grammar's optional parts are taken away:
        /// <c>{password}]</c> and <c>[{user}[</c> of <c>scheme://[{user}[:{password}]@]{host}</c>, <c>[password</c>,
        /// <c>[[password]]</c>. Only unbalanced or nested square brackets at the ends are removed, and only a core that
        /// is itself a template, a mask or a documentation word counts: <c>Xk9]q2]</c> stays a password.
        /// </summary>
        public static bool IsOptionalNotation(string text, int start, int length)
        {
            int end = start + length;
            int s = start, e = end;
            bool stripped = false;

            // Bounded by the value's length: each step removes one character.
            while (e - s >= 2)
            {
                char first = text[s];
                char last = text[e - 1];
                if (first == '[' && last == ']' && e - s >= 4 && text[s + 1] == '[' && text[e - 2] == ']')
                {
                    // [[password]] -> [password] (still a bracketed description, tested below).
                    s++;
                    e--;
                    stripped = true;
                }
                else if (last == ']' && first != '[')
                {
                    e--;
                    stripped = true;
                }
                else if (first == '[' && last != ']')
                {
                    s++;
                    stripped = true;
                }
                else if (first == ':' && e - s >= 3 && (text[s + 1] == '{' || text[s + 1] == '<' || text[s + 1] == '['))
                {
                    // [:{password}] -> :{password} -> {password}
                    s++;
                    stripped = true;
                }
                else
                {
                    break;
                }
            }

            if (!stripped || e - s < 2)
            {
                return false;
            }

            return IsTemplate(text, s, e - s) || IsMask(text, s, e - s) || IsDocumentationWord(text, s, e - s);
        }

        /// <summary><c>%(name)s</c>: <c>%(</c>, an identifier (dots allowed), <c>)</c> and one conversion letter.</summary>
        private static bool IsPythonMappingKey(string text, int start, int length)
        {
            int end = start + length;
            if (length < 5 || length > MaxMappingKeyLength || text[start] != '%' || text[start + 1] != '(' || text[end - 2] != ')')
            {
                return false;
            }

            char conversion = text[end - 1];
            if ("sdirfxXcaeEgGou".IndexOf(conversion) < 0)
            {
                return false;
            }

            int nameStart = start + 2, nameEnd = end - 2;
            if (nameEnd <= nameStart || !(Chars.IsAsciiLetter(text[nameStart]) || text[nameStart] == '_'))
            {
                return false;
            }

            for (int i = nameStart; i < nameEnd; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
