namespace SecretsAnalyzer.Detection
{
    // Connection strings written as a template: every value that names the server, the database or the user is a
    // stand-in (Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPass), so a word-like
    // password next to them is one too.
    public static partial class ConnectionStrings
    {
        /// <summary>Values that only repeat what their key means: a template to fill in, not a real server or user.</summary>
        private static readonly string[] GenericValueWords =
        {
            "server", "servername", "serveraddress", "host", "hostname", "hostaddress", "address", "database", "databasename",
            "db", "dbname", "dbhost", "dbserver", "dbuser", "catalog", "user", "username", "userid", "uid", "login", "loginname",
            "name", "instance", "instancename", "datasource", "schema", "account", "accountname",
        };

        /// <summary>Prefixes of documentation stand-ins: <c>myServer</c>, <c>yourDatabase</c>, <c>someUser</c>, <c>exampleHost</c>.</summary>
        private static readonly string[] StandInPrefixes = { "my", "your", "some", "the", "example", "sample", "dummy", "fake", "test" };

        /// <summary>A password longer than this is not read as a documentation word, whatever its neighbours.</summary>
        private const int MaxTemplatePasswordLength = 24;

        /// <summary>
        /// Whether a server, database or user value is a stand-in: a placeholder (<c>{host}</c>, <c>&lt;server&gt;</c>),
        /// a generic word (<c>server</c>, <c>username</c>), or a prefixed one (<c>myServerAddress</c>, <c>your_db</c>).
        /// </summary>
        public static bool IsStandInValue(string text, int start, int length)
        {
            while (length > 0 && text[start] == ' ')
            {
                start++;
                length--;
            }

            while (length > 0 && text[start + length - 1] == ' ')
            {
                length--;
            }

            if (length == 0)
            {
                return false;
            }

            if (Placeholders.IsTemplate(text, start, length) || Placeholders.IsMask(text, start, length) ||
                Placeholders.IsOptionalNotation(text, start, length))
            {
                return true;
            }

            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            foreach (string word in GenericValueWords)
            {
                if (NameHints.EqualsNormalized(text, start, length, word))
                {
                    return true;
                }
            }

            foreach (string prefix in StandInPrefixes)
            {
                if (length > prefix.Length + 1 && string.Compare(text, start, prefix, 0, prefix.Length, System.StringComparison.OrdinalIgnoreCase) == 0 &&
                    IsStandInRest(text, start + prefix.Length, length - prefix.Length))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a password beside stand-in values is a word to fill in: letters with at most a short run of digits at
        /// the end and separators (<c>myPass</c>, <c>pass123</c>, <c>secret_1</c>), nothing a generator makes.
        /// </summary>
        public static bool IsTemplatePassword(string text, int start, int length)
        {
            if (length == 0 || length > MaxTemplatePasswordLength || !Chars.IsAsciiLetter(text[start]))
            {
                return false;
            }

            int end = start + length;
            int digitsFrom = end;
            while (digitsFrom > start && Chars.IsAsciiDigit(text[digitsFrom - 1]))
            {
                digitsFrom--;
            }

            if (end - digitsFrom > 4)
            {
                return false;
            }

            int upperAfterLower = 0;
            for (int i = start; i < digitsFrom; i++)
            {
                char c = text[i];
                if (!(Chars.IsAsciiLetter(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }

                if (i > start && Chars.IsUpper(c) && Chars.IsLower(text[i - 1]))
                {
                    upperAfterLower++;
                }
            }

            // Camel case with many humps (aBcDeFgH) is a random mix, not a word.
            return upperAfterLower <= 3;
        }

        /// <summary>After a stand-in prefix: a name starting with an upper-case letter or a separator (<c>Server</c>, <c>_db</c>).</summary>
        private static bool IsStandInRest(string text, int start, int length)
        {
            char first = text[start];
            if (!(Chars.IsUpper(first) || first == '_' || first == '-' || first == '.'))
            {
                // "mysql", "theodore": the prefix is part of a word.
                return Chars.IsLower(first) && IsGenericTail(text, start, length);
            }

            return true;
        }

        /// <summary>"myserver", "yourdb": a lower-case prefix glued to a generic word.</summary>
        private static bool IsGenericTail(string text, int start, int length)
        {
            foreach (string word in GenericValueWords)
            {
                if (NameHints.EqualsNormalized(text, start, length, word))
                {
                    return true;
                }
            }

            return NameHints.EqualsNormalized(text, start, length, "pass") || NameHints.EqualsNormalized(text, start, length, "pwd") ||
                   NameHints.EqualsNormalized(text, start, length, "password") || NameHints.EqualsNormalized(text, start, length, "secret");
        }
    }
}
