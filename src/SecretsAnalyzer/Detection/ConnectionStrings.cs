using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    /// <summary>
    /// Finds hard-coded passwords in connection strings (../shared/REFERENCE.md §2). A hand-written parser of ADO.NET
    /// <c>key=value</c> strings that follows <c>DbConnectionStringBuilder</c>: quoted values, doubled quotes,
    /// <c>;</c> inside quotes, whitespace around keys, case-insensitive keys, duplicate keys where the last one wins,
    /// ODBC <c>{braced}</c> values. Also StackExchange.Redis configuration strings and URIs with userinfo or a
    /// <c>password=</c> parameter (including <c>jdbc:</c>). Every scan is a single forward pass with bounded look-back:
    /// linear in the text, no regex, no recursion, no exception on malformed input.
    /// </summary>
    public static partial class ConnectionStrings
    {
        private const int MaxKeyLength = 64;
        private const int MaxHostLength = 128;
        private const int MaxSchemeLength = 32;

        /// <summary>Password keys every driver accepts, normalised (lower case, no spaces or underscores).</summary>
        private static readonly string[] PasswordKeys =
        {
            "password", "pwd", "psw", "password1", "password2", "password3", "pwd1", "pwd2", "pwd3", "sslpassword",
            "proxypassword", "proxypwd", "certificatepassword", "databasepassword", "jetoledb:databasepassword", "userpassword",
        };

        private static readonly string[] HostKeys =
        {
            "server", "datasource", "host", "hostname", "address", "addr", "networkaddress", "servername", "hosts", "servers",
            "endpoint", "dbhost",
        };

        private static readonly string[] UserKeys =
        {
            "userid", "uid", "user", "username", "login", "loginid", "usr", "useridentifier",
        };

        private static readonly string[] OtherKeys =
        {
            "database", "initialcatalog", "db", "dbname", "databasename", "catalog", "port", "driver", "dsn", "provider",
            "sslmode", "encrypt", "trustservercertificate", "integratedsecurity", "trustedconnection", "connecttimeout",
            "connectiontimeout", "timeout", "commandtimeout", "defaultcommandtimeout", "pooling", "minpoolsize",
            "maxpoolsize", "maximumpoolsize", "minimumpoolsize", "applicationname", "app", "multipleactiveresultsets",
            "persistsecurityinfo", "persistsecurityinformation", "charset", "characterset", "protocol", "searchpath",
            "servicename", "sid", "dbq", "mode", "sslca", "sslcert", "sslkey", "sslrootcert", "allowuservariables",
            "convertzerodatetime", "allowpublickeyretrieval", "applicationintent", "multisubnetfailover", "authentication",
            "extendedproperties", "initialfilename", "attachdbfilename", "failoverpartner", "workstationid", "wsid",
            "packetsize", "enlist", "keepalive", "statementcachesize", "connectionlifetime", "defaultschema", "schema",
            "currentschema", "securitymode", "dbapassword", "serverversion", "sslprotocols", "tcpkeepalive", "usessl",
            "ssl", "tls", "options", "role", "dbarole", "language", "currentlanguage", "passfile", "kerberosservicename",
        };

        /// <summary>
        /// The cheapest test a value must pass before the parser runs: it mentions a password key (<c>pass</c>,
        /// <c>pwd</c>, <c>psw</c>), a URI (<c>://</c>) or a JDBC URL (<c>jdbc:</c>). No allocation.
        /// </summary>
        public static bool QuickTest(string text) => QuickTest(text, 0, text.Length);

        /// <summary><see cref="QuickTest(string)"/> in <c>text[start..end)</c>.</summary>
        public static bool QuickTest(string text, int start, int end)
        {
            int n = end;
            for (int i = start; i + 2 < n; i++)
            {
                char c = text[i];
                if (c == ':' && text[i + 1] == '/' && text[i + 2] == '/')
                {
                    return true;
                }

                char l = (char)(c | 0x20);
                if (l == 'j' && i + 4 < n && (text[i + 1] | 0x20) == 'd' && (text[i + 2] | 0x20) == 'b' && (text[i + 3] | 0x20) == 'c' && text[i + 4] == ':')
                {
                    return true;
                }

                if (l == 'p')
                {
                    char a = (char)(text[i + 1] | 0x20), b = (char)(text[i + 2] | 0x20);
                    if ((a == 'w' && b == 'd') || (a == 's' && b == 'w') ||
                        (a == 'a' && b == 's' && i + 3 < n && (text[i + 3] | 0x20) == 's'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a key (or a builder property name) names a password, in any spelling a driver accepts.</summary>
        public static bool IsPasswordKey(string key) => key != null && IsPasswordKey(key, 0, key.Length);

        public static bool IsPasswordKey(string text, int start, int length) => MatchesAny(text, start, length, PasswordKeys);

        /// <summary>Whether a key (or a builder property name) names the server: Server, Data Source, Host, Address, …</summary>
        public static bool IsHostKey(string key) => key != null && MatchesAny(key, 0, key.Length, HostKeys);

        /// <summary>Whether a key names the user: User Id, Uid, User, Username, User Name, Login.</summary>
        public static bool IsUserKey(string key) => key != null && MatchesAny(key, 0, key.Length, UserKeys);

        [ThreadStatic]
        private static List<ConnectionStringPassword>? s_probe;

        /// <summary>
        /// Whether <see cref="FindPasswords(string, bool, List{ConnectionStringPassword}, out bool)"/> finds a password in the
        /// text without context, or with a connection context where it says context would help: an upper bound of what
        /// SECRETS003 reports for the text, before any context is looked up.
        /// </summary>
        public static bool MayHoldPassword(string text)
        {
            List<ConnectionStringPassword> probe = s_probe ??= new List<ConnectionStringPassword>(1);
            probe.Clear();
            FindPasswords(text, connectionContext: false, probe, out bool contextWouldHelp);
            if (probe.Count == 0 && contextWouldHelp)
            {
                FindPasswords(text, connectionContext: true, probe);
            }

            bool any = probe.Count > 0;
            probe.Clear();
            return any;
        }

        /// <summary>
        /// Finds every reportable password in the text. <paramref name="connectionContext"/> says the text is known to
        /// be a connection string (it goes to a builder, a <c>DbConnection</c> or a <c>ConnectionString</c>); without it a
        /// <c>key=value</c> password needs another connection key (host, database, user, port, driver, …) beside it.
        /// </summary>
        public static void FindPasswords(string text, bool connectionContext, List<ConnectionStringPassword> results)
        {
            FindPasswords(text, connectionContext, results, out _);
        }

        /// <summary>
        /// As above; <paramref name="contextWouldHelp"/> says that a complete, real-looking <c>key=value</c> password
        /// was passed over only because nothing around it says connection string, so a caller that can tell where the
        /// value goes may ask again with <c>connectionContext: true</c>.
        /// </summary>
        public static void FindPasswords(string text, bool connectionContext, List<ConnectionStringPassword> results, out bool contextWouldHelp)
        {
            contextWouldHelp = false;
            if (text.Length == 0)
            {
                return;
            }

            int first = results.Count;
            bool delimited = HasRegionDelimiter(text);
            bool viaRedis = TryRedis(text, 0, text.Length, results);
            if (!viaRedis)
            {
                KeyValueScan whole = ScanKeyValue(text, 0, text.Length, connectionContext);
                bool reportable = IsReportable(text, ref whole, connectionContext);
                contextWouldHelp |= !reportable && !connectionContext && IsReportable(text, ref whole, connectionContext: true);
                if (reportable && (!whole.Malformed || !delimited))
                {
                    Add(results, Finding(text, ref whole));
                }
                else if (delimited)
                {
                    // The text holds more than one string (JSON, XML, a log line, a multi-line raw string): parse each
                    // stretch between quotes and line breaks on its own.
                    bool any = false;
                    int regionStart = 0;
                    for (int i = 0; i <= text.Length; i++)
                    {
                        if (i < text.Length && !IsRegionDelimiter(text[i]))
                        {
                            continue;
                        }

                        if (i > regionStart)
                        {
                            if (TryRedis(text, regionStart, i, results))
                            {
                                any = true;
                            }
                            else
                            {
                                KeyValueScan region = ScanKeyValue(text, regionStart, i, connectionContext);
                                if (IsReportable(text, ref region, connectionContext))
                                {
                                    Add(results, Finding(text, ref region));
                                    any = true;
                                }
                                else if (!connectionContext && region.HasPassword && IsReportable(text, ref region, connectionContext: true))
                                {
                                    contextWouldHelp = true;
                                }
                            }
                        }

                        regionStart = i + 1;
                    }

                    if (!any && reportable)
                    {
                        Add(results, Finding(text, ref whole));
                    }
                }
            }

            int sortedTo = results.Count;
            FindUriPasswords(text, results, first, sortedTo);
            FindOracleThinPasswords(text, results, first, sortedTo);
        }

        /// <summary>
        /// Whether the text is a piece of a connection string: <c>key=value</c> pairs with a known connection key
        /// (server, database, user, port, …). For a lone <c>Password=…</c> whose neighbours are such pieces
        /// (<c>string.Join(";", "Server=db", "Password=…")</c>).
        /// </summary>
        public static bool IsConnectionFragment(string text)
        {
            if (text.Length == 0 || text.IndexOf('=') < 0)
            {
                return false;
            }

            KeyValueScan scan = ScanKeyValue(text, 0, text.Length, connectionContext: false);
            return scan.ContextKeys > 0 && !scan.Malformed;
        }

        /// <summary>
        /// Every <c>key=value</c> pair of an ADO.NET connection string in order, as <c>DbConnectionStringBuilder</c> would
        /// split it, plus the pairs a lenient reader recovers after a syntax error. For tests and tools.
        /// </summary>
        public static List<ConnectionStringPair> ParsePairs(string text)
        {
            var pairs = new List<ConnectionStringPair>();
            var reader = new PairReader(text, 0, text.Length, odbcBraces: true, salvageKeys: false);
            while (reader.Next(out ConnectionStringPair pair))
            {
                pairs.Add(pair);
            }

            return pairs;
        }

        /// <summary>The last password of the text as ADO.NET would read it (quotes removed), or null. For tests and tools.</summary>
        public static string? LastPasswordValue(string text)
        {
            var reader = new PairReader(text, 0, text.Length, odbcBraces: false, salvageKeys: false);
            string? value = null;
            while (reader.Next(out ConnectionStringPair pair))
            {
                if (pair.KeyLength > 0 && IsPasswordKey(text, pair.KeyStart, pair.KeyLength))
                {
                    value = pair.WellFormed ? pair.Value(text) : null;
                }
            }

            return value;
        }

        /// <summary>A value with its quotes' doubling undone (<c>it''s</c> → <c>it's</c>, <c>a}}b</c> → <c>a}b</c>).</summary>
        public static string Unescape(string text, int start, int length, char quote)
        {
            string raw = text.Substring(start, length);
            switch (quote)
            {
                case '\'':
                    return raw.Replace("''", "'");
                case '"':
                    return raw.Replace("\"\"", "\"");
                case '{':
                    return raw.Replace("}}", "}");
                default:
                    return raw;
            }
        }

        /// <summary>Adds a finding unless <c>results[from..to)</c> (ordered by start) already holds one at the same place.</summary>
        private static void Add(List<ConnectionStringPassword> results, ConnectionStringPassword finding, int from = 0, int to = 0)
        {
            int lo = from, hi = to - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int start = results[mid].Start;
                if (start == finding.Start)
                {
                    if (results[mid].Host == null && finding.Host != null)
                    {
                        results[mid] = finding;
                    }

                    return;
                }

                if (start < finding.Start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            results.Add(finding);
        }

        private static bool HasRegionDelimiter(string text)
        {
            foreach (char c in text)
            {
                if (IsRegionDelimiter(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRegionDelimiter(char c) => c == '"' || c == '`' || c == '\r' || c == '\n';

        /// <summary>Whether the slice, lower-cased with spaces and underscores removed, is one of <paramref name="keys"/>.</summary>
        private static bool MatchesAny(string text, int start, int length, string[] keys)
        {
            if (length <= 0 || length > MaxKeyLength)
            {
                return false;
            }

            foreach (string key in keys)
            {
                if (EqualsKey(text, start, length, key))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EqualsKey(string text, int start, int length, string key)
        {
            int k = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '_' || c == '\t')
                {
                    continue;
                }

                if (k >= key.Length || char.ToLowerInvariant(c) != key[k])
                {
                    return false;
                }

                k++;
            }

            return k == key.Length;
        }
    }
}
