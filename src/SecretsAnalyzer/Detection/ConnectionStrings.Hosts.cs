using System;

namespace SecretsAnalyzer.Detection
{
    // Hosts: the server a connection string names, normalised for messages (Oracle descriptors, local files),
    // and dropped when it could show any of the password.
    public static partial class ConnectionStrings
    {
        /// <summary>
        /// The host to show in a message: the <c>HOST=</c> of an Oracle <c>(DESCRIPTION=…)</c>, without a
        /// <c>tcp:</c> prefix or a <c>,1433</c> port; null for placeholders, holes and local database files.
        /// </summary>
        public static string? NormalizeHost(string? value)
        {
            if (value == null)
            {
                return null;
            }

            string host = value.Trim();
            if (host.Length > 0 && host[0] == '(' && host.IndexOf("HOST", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                host = OracleHost(host) ?? string.Empty;
            }

            int colon = host.IndexOf(':');
            if (colon > 0 && colon <= 6)
            {
                string prefix = host.Substring(0, colon).ToLowerInvariant();
                if (prefix == "tcp" || prefix == "np" || prefix == "lpc" || prefix == "admin")
                {
                    host = host.Substring(colon + 1);
                }
            }

            int comma = host.IndexOf(',');
            if (comma > 0)
            {
                host = host.Substring(0, comma);
            }

            host = host.Trim();
            if (host.Length == 0 || host.Length > MaxHostLength || host.IndexOf(Chars.Hole) >= 0 || host.IndexOf('\n') >= 0)
            {
                return null;
            }

            if (Placeholders.IsTemplate(host, 0, host.Length) || IsLocalFile(host))
            {
                return null;
            }

            return host;
        }

        private static string? OracleHost(string description)
        {
            int i = 0;
            while (true)
            {
                int at = IndexOfIgnoreCase(description, "HOST", i);
                if (at < 0)
                {
                    return null;
                }

                int j = at + 4;
                while (j < description.Length && char.IsWhiteSpace(description[j]))
                {
                    j++;
                }

                bool boundary = at == 0 || !Chars.IsAsciiLetter(description[at - 1]);
                if (boundary && j < description.Length && description[j] == '=')
                {
                    int close = description.IndexOf(')', j);
                    string host = (close < 0 ? description.Substring(j + 1) : description.Substring(j + 1, close - j - 1)).Trim();
                    return host.Length == 0 ? null : host;
                }

                i = at + 4;
            }
        }

        private static readonly string[] LocalFileExtensions = { ".db", ".db3", ".sqlite", ".sqlite3", ".mdf", ".accdb", ".mdb", ".sdf", ".fdb", ".s3db" };

        /// <summary>A SQLite or local database file name, or an in-memory database: not a host.</summary>
        public static bool IsLocalFile(string value)
        {
            if (value.IndexOf(":memory:", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (string extension in LocalFileExtensions)
            {
                if (value.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return value.IndexOf('\\') >= 0 && value.IndexOf('|') >= 0;
        }

        /// <summary>A host that could show any run of the password is dropped: messages never hold the secret.</summary>
        private static string? SafeHost(string? host, string text, int passwordStart, int passwordLength)
        {
            if (host == null || passwordLength == 0)
            {
                return host;
            }

            string password = text.Substring(passwordStart, passwordLength);
            return host.IndexOf(password, StringComparison.Ordinal) >= 0 ? null : host;
        }

        private static int IndexOfIgnoreCase(string text, string needle, int from)
        {
            return text.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
        }
    }
}
