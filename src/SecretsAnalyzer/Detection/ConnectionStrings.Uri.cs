using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    // URIs and JDBC URLs: scheme://user:password@host, password= / pwd= parameters, and Oracle thin and OCI
    // URLs (user/password@host).
    public static partial class ConnectionStrings
    {
        private static readonly string[] UriSchemes =
        {
            "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
            "sqlserver", "mssql", "mysqlx", "cockroachdb", "clickhouse", "oracle", "redshift", "valkey", "valkeys",
        };

        /// <summary>
        /// Oracle JDBC thin and OCI URLs: <c>jdbc:oracle:thin:user/password@host:1521/service</c> (also
        /// <c>@//host…</c> and <c>@(DESCRIPTION=…)</c>).
        /// </summary>
        private static void FindOracleThinPasswords(string text, List<ConnectionStringPassword> results, int sortedFrom, int sortedTo)
        {
            const string Prefix = "jdbc:oracle:";
            int from = 0;
            while (from < text.Length)
            {
                int at = text.IndexOf(Prefix, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    return;
                }

                int i = at + Prefix.Length;
                from = i;
                int colon = i;
                while (colon < text.Length && Chars.IsAsciiLetter(text[colon]))
                {
                    colon++;
                }

                if (colon >= text.Length || text[colon] != ':')
                {
                    continue;
                }

                int userStart = colon + 1;
                int end = userStart;
                int slash = -1;
                while (end < text.Length && text[end] != '@' && !IsUriTerminator(text[end]))
                {
                    if (slash < 0 && text[end] == '/')
                    {
                        slash = end;
                    }

                    end++;
                }

                from = end;
                if (end >= text.Length || text[end] != '@' || slash <= userStart || slash + 1 >= end)
                {
                    continue;
                }

                int hostStart = end + 1;
                while (hostStart < text.Length && text[hostStart] == '/')
                {
                    hostStart++;
                }

                int hostEnd = hostStart;
                while (hostEnd < text.Length && !IsUriTerminator(text[hostEnd]) && text[hostEnd] != ':' && text[hostEnd] != '/')
                {
                    hostEnd++;
                }

                string user = text.Substring(userStart, slash - userStart);
                string? host = hostEnd > hostStart ? NormalizeHost(text.Substring(hostStart, hostEnd - hostStart)) : null;
                int passwordStart = slash + 1;
                int passwordLength = end - passwordStart;
                if (!Placeholders.IsPlaceholder(text, passwordStart, passwordLength, user))
                {
                    Add(results, new ConnectionStringPassword(passwordStart, passwordLength, SafeHost(host, text, passwordStart, passwordLength), ConnectionStringForm.Uri), sortedFrom, sortedTo);
                }
            }
        }

        /// <summary>
        /// <c>scheme://user:password@host…</c> for database and broker schemes, and <c>password=</c> / <c>pwd=</c>
        /// parameters after the authority (<c>?user=…&amp;password=…</c>, <c>jdbc:sqlserver://h;password=…</c>).
        /// </summary>
        private static void FindUriPasswords(string text, List<ConnectionStringPassword> results, int sortedFrom, int sortedTo)
        {
            int n = text.Length;
            int from = 0;
            while (from < n)
            {
                int sep = text.IndexOf("://", from, StringComparison.Ordinal);
                if (sep < 0)
                {
                    return;
                }

                from = sep + 3;
                int schemeStart = sep;
                while (schemeStart > 0 && sep - schemeStart < MaxSchemeLength && IsSchemeChar(text[schemeStart - 1]))
                {
                    schemeStart--;
                }

                if (schemeStart == sep)
                {
                    continue;
                }

                bool jdbc = schemeStart >= 5 && string.Compare(text, schemeStart - 5, "jdbc:", 0, 5, StringComparison.OrdinalIgnoreCase) == 0;
                if (!jdbc && !IsKnownScheme(text, schemeStart, sep))
                {
                    continue;
                }

                int authorityStart = sep + 3;
                int authorityEnd = authorityStart;
                while (authorityEnd < n)
                {
                    char c = text[authorityEnd];
                    if (IsUriTerminator(c) || c == '/' || c == '?' || c == '#' || (jdbc && c == ';'))
                    {
                        break;
                    }

                    authorityEnd++;
                }

                int at = authorityEnd > authorityStart ? text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
                int hostStart = at >= 0 ? at + 1 : authorityStart;
                int hostEnd = hostStart;
                while (hostEnd < authorityEnd && text[hostEnd] != ':' && text[hostEnd] != ',' && text[hostEnd] != ';')
                {
                    hostEnd++;
                }

                string? host = hostEnd > hostStart ? NormalizeHost(text.Substring(hostStart, hostEnd - hostStart)) : null;

                int passwordStart = -1, passwordLength = 0;
                string? user = null;
                if (at >= 0)
                {
                    int colon = text.IndexOf(':', authorityStart, at - authorityStart);
                    user = text.Substring(authorityStart, (colon < 0 ? at : colon) - authorityStart);
                    if (colon >= 0)
                    {
                        passwordStart = colon + 1;
                        passwordLength = at - passwordStart;
                    }
                }

                // Parameters: path, query and ';' properties, up to the end of the URI.
                int i = authorityEnd;
                while (i < n && !IsUriTerminator(text[i]))
                {
                    char c = text[i];
                    if (c == '?' || c == '&' || c == ';')
                    {
                        int keyStart = i + 1;
                        int j = keyStart;
                        while (j < n && !IsUriTerminator(text[j]) && text[j] != '=' && text[j] != '&' && text[j] != ';' && text[j] != '?')
                        {
                            j++;
                        }

                        if (j < n && text[j] == '=')
                        {
                            int valueStart = j + 1;
                            int k = valueStart;
                            while (k < n && !IsUriTerminator(text[k]) && text[k] != '&' && text[k] != ';')
                            {
                                k++;
                            }

                            if (MatchesAny(text, keyStart, j - keyStart, PasswordKeys))
                            {
                                passwordStart = valueStart;
                                passwordLength = k - valueStart;
                            }
                            else if (MatchesAny(text, keyStart, j - keyStart, UserKeys))
                            {
                                user = text.Substring(valueStart, k - valueStart);
                            }
                            else if (host == null && MatchesAny(text, keyStart, j - keyStart, HostKeys))
                            {
                                host = NormalizeHost(text.Substring(valueStart, k - valueStart));
                            }

                            i = k;
                            continue;
                        }

                        i = j;
                        continue;
                    }

                    i++;
                }

                from = Math.Max(from, i);
                if (passwordStart >= 0 && passwordLength > 0 && !Placeholders.IsPlaceholder(text, passwordStart, passwordLength, user))
                {
                    Add(results, new ConnectionStringPassword(passwordStart, passwordLength, SafeHost(host, text, passwordStart, passwordLength), ConnectionStringForm.Uri), sortedFrom, sortedTo);
                }
            }
        }

        private static bool IsSchemeChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '+' || c == '-' || c == '.';

        private static bool IsUriTerminator(char c) => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || char.IsControl(c);

        private static bool IsKnownScheme(string text, int start, int end)
        {
            if (InSchemeList(text, start, end))
            {
                return true;
            }

            // postgresql+asyncpg, mysql+pymysql: a known scheme with a driver suffix.
            int plus = text.IndexOf('+', start, end - start);
            return plus > start && plus < end - 1 && InSchemeList(text, start, plus);
        }

        private static bool InSchemeList(string text, int start, int end)
        {
            foreach (string scheme in UriSchemes)
            {
                if (end - start == scheme.Length && string.Compare(text, start, scheme, 0, scheme.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
