namespace SecretsAnalyzer.Detection
{
    /// <summary>
    /// Values that stand for a password without being one: template placeholders (<c>{0}</c>, <c>{name}</c>,
    /// <c>${VAR}</c>, <c>$VAR</c>, <c>%VAR%</c>, <c>&lt;password&gt;</c>, <c>[password]</c>, <c>__X__</c>,
    /// <c>{{x}}</c>, <c>#{x}</c>, <c>$(x)</c>), masks (<c>****</c>, <c>xxxx</c>), documentation words
    /// (<c>YOUR_PASSWORD_HERE</c>, <c>changeme</c>, <c>myPassword</c>) and values that are only interpolation holes.
    /// Pure, allocation-free, linear in the slice.
    /// </summary>
    public static partial class Placeholders
    {
        /// <summary>Fewer literal characters than this next to a hole are not worth a finding (<c>{pwd}!</c>).</summary>
        public const int MinLiteralCharsBesideHole = 3;

        /// <summary>Documentation stand-ins are short; longer values are not compared word by word.</summary>
        public const int MaxDocumentationWordLength = 64;

        private static readonly string[] DocWords =
        {
            "password", "passwd", "pass", "pwd", "psw", "pw", "secret", "changeme", "changeit", "redacted", "hidden",
            "placeholder", "todo", "tbd", "none", "null", "nil", "empty", "example", "sample", "dummy", "fake", "mask",
            "masked", "notset", "unset", "undefined", "default", "value", "xxx", "dbpassword", "userpassword", "mypassword",
            "yourpassword", "thepassword", "adminpassword", "rootpassword", "sapassword", "secretpassword", "pwdhere",
            "passwordhere", "secrethere", "yourpasswordhere", "enterpassword", "insertpassword", "setme", "fixme",
            "replaceme", "notapassword", "nopassword", "test", "testing", "demo", "string", "tbc",
        };

        /// <summary>Words that make a whole word-like value documentation (<c>REPLACE_ME</c>, <c>ExampleOnly1</c>).</summary>
        private static readonly string[] DocFragments =
        {
            "changeme", "replace", "placeholder", "redacted", "example", "notreal", "dummy", "fake", "sample", "todo",
            "fixme", "setme", "fillme", "insert", "enter",
        };

        /// <summary>Fragments that, next to a password word, make a value documentation (<c>PASSWORD_GOES_HERE</c>).</summary>
        private static readonly string[] DocPasswordFragments = { "here", "goes", "my", "the", "db", "new", "old" };

        /// <summary>
        /// Whether <c>text[start..start+length]</c> (a password as it stands in the text, quotes removed, braces of
        /// an ODBC value kept) is not a real password: empty, a placeholder, a mask, a documentation word, only
        /// holes (or too few literal characters beside a hole), or equal to <paramref name="userName"/>.
        /// </summary>
        public static bool IsPlaceholder(string text, int start, int length, string? userName)
        {
            // Trim whitespace: "  " is empty.
            while (length > 0 && char.IsWhiteSpace(text[start]))
            {
                start++;
                length--;
            }

            while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
            {
                length--;
            }

            if (length == 0)
            {
                return true;
            }

            int holes = 0;
            int literal = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c == Chars.Hole)
                {
                    holes++;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    literal++;
                }
            }

            if (holes > 0 && literal < MinLiteralCharsBesideHole)
            {
                return true;
            }

            if (length == 1)
            {
                // "x", "-", "?", "*": a mask, not a password.
                return true;
            }

            if (text[start] == '\u2026')
            {
                // "…" (an elision in documentation: "password=…</c>"); no generated password starts with it.
                return true;
            }

            if (!AnyLetterOrDigit(text, start, length))
            {
                // "...", "***)", "?!": punctuation only, an elision in prose or a mask.
                return true;
            }

            if (userName != null && userName.Length == length && string.Compare(text, start, userName, 0, length, System.StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }

            if (IsTemplate(text, start, length) || IsMask(text, start, length) || IsDocumentationWord(text, start, length))
            {
                return true;
            }

            // Grammar notation: "[{password}]" or "{password}]" of "scheme://[{user}[:{password}]@]{host}", "[:password]".
            return IsOptionalNotation(text, start, length);
        }

        /// <summary>Whether the value is a template token of a known syntax, as a whole.</summary>
        public static bool IsTemplate(string text, int start, int length)
        {
            int end = start + length;
            char first = text[start];
            char last = text[end - 1];

            // {{x}}, {0}, {name}, {name:fmt}, {% x %}, {# x #}
            if (first == '{' && last == '}')
            {
                if (length >= 4 && text[start + 1] == '{' && text[end - 2] == '}')
                {
                    return true;
                }

                if (length >= 5 && (text[start + 1] == '%' || text[start + 1] == '#') && text[end - 2] == text[start + 1])
                {
                    return true;
                }

                return IsTemplateName(text, start + 1, length - 2, allowDigitsInside: false);
            }

            // ${VAR}, $(VAR), #{VAR}, %{VAR}, @{VAR}
            if ((first == '$' || first == '#' || first == '%' || first == '@') && length >= 3 && (text[start + 1] == '{' || text[start + 1] == '(') &&
                (last == '}' || last == ')'))
            {
                return true;
            }

            // #{VAR}# (Octopus/Azure DevOps token replacement)
            if (first == '#' && last == '#' && length >= 5 && text[start + 1] == '{' && text[end - 2] == '}')
            {
                return true;
            }

            // $VAR
            if (first == '$' && length >= 2)
            {
                return IsDollarVariable(text, start + 1, length - 1);
            }

            // %VAR%
            if (first == '%' && last == '%' && length >= 3)
            {
                return IsTemplateName(text, start + 1, length - 2, allowDigitsInside: true);
            }

            // %(name)s, %(password)r: Python's printf-style mapping keys.
            if (IsPythonMappingKey(text, start, length))
            {
                return true;
            }

            // &lt;password&gt;: a doc comment's <password>, entities not decoded.
            if (length >= 9 && first == '&' && last == ';' && string.CompareOrdinal(text, start, "&lt;", 0, 4) == 0 &&
                string.CompareOrdinal(text, end - 4, "&gt;", 0, 4) == 0)
            {
                return true;
            }

            // <password>, <%= password %>, <secret>, <YourStrong@Passw0rd>, [password]: a description in brackets, whatever it holds.
            if ((first == '<' && last == '>') || (first == '[' && last == ']'))
            {
                return length >= 3;
            }

            // (password)
            if (first == '(' && last == ')')
            {
                return length >= 3 && IsWords(text, start + 1, length - 2);
            }

            // @password, :password (a query parameter standing in for the value)
            if ((first == '@' || first == ':') && length >= 3 && IsLettersOnlyName(text, start + 1, length - 1))
            {
                return true;
            }

            // __X__, @@X@@
            if (length >= 5 && ((first == '_' && text[start + 1] == '_' && last == '_' && text[end - 2] == '_') ||
                                (first == '@' && text[start + 1] == '@' && last == '@' && text[end - 2] == '@')))
            {
                return true;
            }

            return false;
        }

        /// <summary>All one mask character: <c>****</c>, <c>xxxx</c>, <c>XXXX</c>, <c>....</c>, <c>••••</c>, <c>####</c>.</summary>
        public static bool IsMask(string text, int start, int length)
        {
            char first = text[start];
            bool maskChar = first == '*' || first == 'x' || first == 'X' || first == '.' || first == '#' || first == '\u2022' ||
                            first == '\u25CF' || first == '\u2026' || first == '?' || first == '-' || first == '_' || first == '0';
            if (!maskChar)
            {
                return false;
            }

            for (int i = start + 1; i < start + length; i++)
            {
                if (text[i] != first)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A word that documentation uses in place of a password: <c>password</c>, <c>changeme</c>,
        /// <c>YOUR_PASSWORD_HERE</c>, <c>your-password</c>, <c>myPassword</c>, <c>&lt;secret&gt;</c>.
        /// </summary>
        public static bool IsDocumentationWord(string text, int start, int length)
        {
            if (length > MaxDocumentationWordLength)
            {
                return false;
            }

            // "yourStrong(!)Password", "YourStrong@Passw0rd", "<enter-your-password>": documentation, whatever the punctuation.
            if (NameHints.ContainsNormalized(text, start, length, "your"))
            {
                return true;
            }

            // Only letters, digits and separators: a word, not a random password.
            int letters = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (Chars.IsAsciiLetter(c))
                {
                    letters++;
                }
                else if (!(Chars.IsAsciiDigit(c) || c == '_' || c == '-' || c == ' ' || c == '.' || c == '<' || c == '>' || c == '[' || c == ']'))
                {
                    return false;
                }
            }

            if (letters == 0)
            {
                return false;
            }

            foreach (string word in DocWords)
            {
                if (NameHints.EqualsNormalized(text, start, length, word))
                {
                    return true;
                }
            }

            foreach (string fragment in DocFragments)
            {
                if (NameHints.ContainsNormalized(text, start, length, fragment))
                {
                    return true;
                }
            }

            if (MentionsPassword(text, start, length))
            {
                foreach (string fragment in DocPasswordFragments)
                {
                    if (NameHints.ContainsNormalized(text, start, length, fragment))
                    {
                        return true;
                    }
                }
            }

            // my_password, my-db-password, db_pass: a prefix and the word itself, nothing random.
            if (MentionsPassword(text, start, length) && IsWords(text, start, length) && !HasDigitRun(text, start, length))
            {
                return true;
            }

            return false;
        }

        private static bool MentionsPassword(string text, int start, int length)
        {
            return NameHints.ContainsNormalized(text, start, length, "password") ||
                   NameHints.ContainsNormalized(text, start, length, "passwd") ||
                   NameHints.ContainsNormalized(text, start, length, "pwd") ||
                   NameHints.ContainsNormalized(text, start, length, "secret") ||
                   NameHints.EqualsNormalized(text, start, length, "pass") ||
                   NameHints.ContainsNormalized(text, start, length, "value");
        }

        private static bool IsLettersOnlyName(string text, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetter(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AnyLetterOrDigit(string text, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasDigitRun(string text, int start, int length)
        {
            for (int i = start; i < start + length; i++)
            {
                if (Chars.IsAsciiDigit(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Letters, digits, spaces, '_', '-' and '.', starting with a letter: a name or a few words.</summary>
        private static bool IsWords(string text, int start, int length)
        {
            if (length == 0 || !(Chars.IsAsciiLetter(text[start]) || text[start] == '_'))
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == ' ' || c == '.' || c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The inside of <c>{…}</c> as a template name: digits (<c>0</c>), or an identifier with an optional format
        /// (<c>password</c>, <c>db.password</c>, <c>0:N</c>). An identifier with digits inside (<c>Xk9mq2</c>) reads as an
        /// ODBC braced password unless <paramref name="allowDigitsInside"/>.
        /// </summary>
        private static bool IsTemplateName(string text, int start, int length, bool allowDigitsInside)
        {
            if (length <= 0)
            {
                return length == 0;
            }

            int end = start + length;
            int colon = -1;
            for (int i = start; i < end; i++)
            {
                if (text[i] == ':' || text[i] == ',')
                {
                    colon = i;
                    break;
                }
            }

            int nameEnd = colon >= 0 ? colon : end;
            if (nameEnd == start)
            {
                return false;
            }

            bool allDigits = true;
            for (int i = start; i < nameEnd; i++)
            {
                allDigits &= Chars.IsAsciiDigit(text[i]);
            }

            if (allDigits)
            {
                return true;
            }

            char first = text[start];
            if (!(Chars.IsAsciiLetter(first) || first == '_'))
            {
                return false;
            }

            bool seenDigit = false;
            for (int i = start; i < nameEnd; i++)
            {
                char c = text[i];
                if (Chars.IsAsciiDigit(c))
                {
                    seenDigit = true;
                }
                else if (Chars.IsAsciiLetter(c) || c == '_' || c == '.' || c == '-')
                {
                    if (seenDigit && !allowDigitsInside)
                    {
                        // A letter after a digit: Xk9mq2 is a braced password, not a name.
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>$VAR</c>: an ALL_CAPS name, or a name without digits (<c>$dbPassword</c>); <c>$ecret99</c> is a password.</summary>
        private static bool IsDollarVariable(string text, int start, int length)
        {
            char first = text[start];
            if (!(Chars.IsAsciiLetter(first) || first == '_'))
            {
                return false;
            }

            bool lower = false, digit = false;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (Chars.IsLower(c))
                {
                    lower = true;
                }
                else if (Chars.IsAsciiDigit(c))
                {
                    digit = true;
                }
                else if (!(Chars.IsUpper(c) || c == '_'))
                {
                    return false;
                }
            }

            return !lower || !digit;
        }
    }
}
