using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    /// <summary>The shape a password was found in.</summary>
    public enum ConnectionStringForm
    {
        /// <summary>ADO.NET <c>key=value;</c> (SQL Server, Npgsql, MySQL, Oracle, ODBC, OLE DB).</summary>
        KeyValue,

        /// <summary>StackExchange.Redis configuration: <c>host:port,password=…,ssl=True</c>.</summary>
        Redis,

        /// <summary><c>scheme://user:password@host</c>, or a <c>password=</c> parameter of a URI or JDBC URL.</summary>
        Uri,
    }

    /// <summary>A hard-coded password: where it is in the text, and the host it is for (never part of the password).</summary>
    public readonly struct ConnectionStringPassword
    {
        public ConnectionStringPassword(int start, int length, string? host, ConnectionStringForm form)
        {
            Start = start;
            Length = length;
            Host = host;
            Form = form;
        }

        /// <summary>Where the password starts in the text (inside its quotes or braces).</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>The server or host the connection string names, or null.</summary>
        public string? Host { get; }

        public ConnectionStringForm Form { get; }

        public override string ToString() => Form + "@" + Start + "+" + Length + (Host == null ? string.Empty : " for " + Host);
    }

    /// <summary>One <c>key=value</c> pair, as <see cref="ConnectionStrings.ParsePairs"/> reports it.</summary>
    public readonly struct ConnectionStringPair
    {
        public ConnectionStringPair(int keyStart, int keyLength, int valueStart, int valueLength, char quote, bool wellFormed)
        {
            KeyStart = keyStart;
            KeyLength = keyLength;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Quote = quote;
            WellFormed = wellFormed;
        }

        public int KeyStart { get; }

        public int KeyLength { get; }

        /// <summary>The value's characters in the text, inside quotes or braces (doubled quotes still doubled).</summary>
        public int ValueStart { get; }

        public int ValueLength { get; }

        /// <summary><c>'</c>, <c>"</c> or <c>{</c> when the value was quoted or braced; <c>\0</c> otherwise.</summary>
        public char Quote { get; }

        /// <summary>False when the pair broke the grammar (unterminated quote, text after a closing quote, no <c>=</c>).</summary>
        public bool WellFormed { get; }

        /// <summary>The key as ADO.NET sees it (trimmed, <c>==</c> unescaped), lower-cased.</summary>
        public string Key(string text) => text.Substring(KeyStart, KeyLength).Replace("==", "=").ToLowerInvariant();

        /// <summary>The value with quotes removed and doubled quotes unescaped.</summary>
        public string Value(string text) => ConnectionStrings.Unescape(text, ValueStart, ValueLength, Quote);
    }

    /// <summary>
    /// Finds hard-coded passwords in connection strings (../shared/REFERENCE.md §2). A hand-written parser of ADO.NET
    /// <c>key=value</c> strings that follows <c>DbConnectionStringBuilder</c>: quoted values, doubled quotes,
    /// <c>;</c> inside quotes, whitespace around keys, case-insensitive keys, duplicate keys where the last one wins,
    /// ODBC <c>{braced}</c> values. Also StackExchange.Redis configuration strings and URIs with userinfo or a
    /// <c>password=</c> parameter (including <c>jdbc:</c>). Every scan is a single forward pass with bounded look-back:
    /// linear in the text, no regex, no recursion, no exception on malformed input.
    /// </summary>
    public static class ConnectionStrings
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

        private static readonly string[] UriSchemes =
        {
            "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
            "sqlserver", "mssql", "mysqlx", "cockroachdb", "clickhouse", "oracle", "redshift", "valkey", "valkeys",
        };

        private static readonly string[] RedisOptionKeys =
        {
            "password", "user", "ssl", "sslhost", "sslprotocols", "abortconnect", "allowadmin", "channelprefix",
            "connectretry", "connecttimeout", "configchannel", "configcheckseconds", "defaultdatabase", "keepalive",
            "name", "proxy", "resolvedns", "responsetimeout", "servicename", "synctimeout", "asynctimeout", "tiebreaker",
            "version", "checkcertificaterevocation", "setlib", "protocol", "highprioritysocketthreads", "heartbeatinterval",
            "clientname", "writebuffer",
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

        // ---------------------------------------------------------------- ADO.NET key=value

        /// <summary>What one connection string holds, accumulated pair by pair (the last pair of each kind wins).</summary>
        private struct KeyValueScan
        {
            public bool HasPassword;
            public bool PasswordWellFormed;
            public int PasswordStart;
            public int PasswordLength;

            /// <summary>The password with its braces, for the placeholder test (<c>{0}</c> is a placeholder, <c>{Xk9;q}</c> is not).</summary>
            public int PasswordRawStart;
            public int PasswordRawLength;
            public char PasswordQuote;

            public int UserStart;
            public int UserLength;
            public char UserQuote;
            public bool HasUser;

            public int HostStart;
            public int HostLength;
            public char HostQuote;
            public bool HasHost;

            public int ContextKeys;
            public bool HoleFragment;
            public bool Malformed;
        }

        private static KeyValueScan ScanKeyValue(string text, int from, int to, bool connectionContext)
        {
            var scan = default(KeyValueScan);
            var reader = new PairReader(text, from, to, odbcBraces: true, salvageKeys: true);
            while (reader.Next(out ConnectionStringPair pair))
            {
                if (!pair.WellFormed || reader.LastKeySalvaged || reader.LastValueSpansLines)
                {
                    scan.Malformed = true;
                }

                if (reader.LastHoleFragment)
                {
                    scan.HoleFragment = true;
                }

                if (pair.KeyLength == 0)
                {
                    continue;
                }

                if (IsPasswordKey(text, pair.KeyStart, pair.KeyLength))
                {
                    scan.HasPassword = true;
                    scan.PasswordWellFormed = pair.WellFormed;
                    scan.PasswordStart = pair.ValueStart;
                    scan.PasswordLength = pair.ValueLength;
                    scan.PasswordRawStart = pair.Quote == '{' ? pair.ValueStart - 1 : pair.ValueStart;
                    scan.PasswordRawLength = pair.Quote == '{' ? pair.ValueLength + 2 : pair.ValueLength;
                    scan.PasswordQuote = pair.Quote;
                    continue;
                }

                if (MatchesAny(text, pair.KeyStart, pair.KeyLength, HostKeys))
                {
                    scan.ContextKeys++;
                    if (pair.WellFormed)
                    {
                        scan.HasHost = true;
                        scan.HostStart = pair.ValueStart;
                        scan.HostLength = pair.ValueLength;
                        scan.HostQuote = pair.Quote;
                    }
                }
                else if (MatchesAny(text, pair.KeyStart, pair.KeyLength, UserKeys))
                {
                    scan.ContextKeys++;
                    if (pair.WellFormed)
                    {
                        scan.HasUser = true;
                        scan.UserStart = pair.ValueStart;
                        scan.UserLength = pair.ValueLength;
                        scan.UserQuote = pair.Quote;
                    }
                }
                else if (MatchesAny(text, pair.KeyStart, pair.KeyLength, OtherKeys))
                {
                    scan.ContextKeys++;
                }
            }

            return scan;
        }

        private static bool IsReportable(string text, ref KeyValueScan scan, bool connectionContext)
        {
            if (!scan.HasPassword || !scan.PasswordWellFormed || scan.PasswordLength == 0)
            {
                return false;
            }

            if (scan.ContextKeys == 0 && !scan.HoleFragment && !connectionContext)
            {
                return false;
            }

            if (scan.PasswordQuote == '\0' && IsProse(text, scan.PasswordStart, scan.PasswordLength))
            {
                return false;
            }

            string? user = scan.HasUser ? Unescape(text, scan.UserStart, scan.UserLength, scan.UserQuote).Trim() : null;
            return !Placeholders.IsPlaceholder(text, scan.PasswordRawStart, scan.PasswordRawLength, user);
        }

        /// <summary>
        /// An unquoted value that reads as a sentence (<c>rotated monthly</c>, <c>is kept in Secrets Manager under
        /// migrations/prod</c>): at least two plain words, and plain words make up two thirds of it. A sentence that
        /// happens to follow <c>Password=</c> in a comment or message, not a password.
        /// </summary>
        private static bool IsProse(string text, int start, int length)
        {
            int tokens = 0, words = 0;
            int i = start, end = start + length;
            while (i < end)
            {
                while (i < end && text[i] == ' ')
                {
                    i++;
                }

                if (i >= end)
                {
                    break;
                }

                tokens++;
                bool word = true;
                int tokenStart = i;
                while (i < end && text[i] != ' ')
                {
                    char c = text[i];
                    bool trailingPunctuation = (c == '.' || c == ',' || c == ':' || c == '\'') && i > tokenStart;
                    word &= Chars.IsAsciiLetter(c) || trailingPunctuation;
                    i++;
                }

                if (word)
                {
                    words++;
                }
            }

            return words >= 2 && words * 3 >= tokens * 2;
        }

        private static ConnectionStringPassword Finding(string text, ref KeyValueScan scan)
        {
            string? host = null;
            if (scan.HasHost)
            {
                string raw = Unescape(text, scan.HostStart, scan.HostLength, scan.HostQuote);
                host = NormalizeHost(scan.HostQuote == '{' ? "{" + raw + "}" : raw);
            }

            return new ConnectionStringPassword(scan.PasswordStart, scan.PasswordLength, SafeHost(host, text, scan.PasswordStart, scan.PasswordLength), ConnectionStringForm.KeyValue);
        }

        /// <summary>
        /// Reads <c>key=value</c> pairs the way <c>DbConnectionOptions.GetKeyValuePair</c> does, one state machine pass,
        /// but never throws: after a syntax error it resumes at the next <c>;</c>, and a key with junk in front
        /// (<c>// Server</c>, <c>"Db": "Server</c>, <c>garbage;Password</c>) is cut back to the known key at its end.
        /// </summary>
        private struct PairReader
        {
            private readonly string _text;
            private readonly int _end;
            private readonly bool _odbcBraces;
            private readonly bool _salvageKeys;
            private int _pos;

            public PairReader(string text, int from, int to, bool odbcBraces, bool salvageKeys)
            {
                _salvageKeys = salvageKeys;
                _text = text;
                _pos = from;
                _end = to;
                _odbcBraces = odbcBraces;
                LastKeySalvaged = false;
                LastHoleFragment = false;
                LastValueSpansLines = false;
            }

            /// <summary>The last value was unquoted and ran over a line break: legal in ADO.NET, but a sign of text around the string.</summary>
            public bool LastValueSpansLines { get; private set; }

            /// <summary>The last key had junk in front that was cut off.</summary>
            public bool LastKeySalvaged { get; private set; }

            /// <summary>The junk in front of the last key was only interpolation holes and <c>;</c>: a fragment of a connection string.</summary>
            public bool LastHoleFragment { get; private set; }

            public bool Next(out ConnectionStringPair pair)
            {
                string text = _text;
                int end = _end;
                int i = _pos;
                LastKeySalvaged = false;
                LastHoleFragment = false;
                LastValueSpansLines = false;

                // NothingYet: skip whitespace and ';'.
                while (i < end && (text[i] == ';' || char.IsWhiteSpace(text[i])))
                {
                    i++;
                }

                if (i >= end || text[i] == '\0')
                {
                    _pos = end;
                    pair = default;
                    return false;
                }

                // Key: up to the first single '='; "==" is an escaped '='. A ';' is part of the key in ADO.NET.
                int keyStart = i;
                int equals = -1;
                while (i < end)
                {
                    char c = text[i];
                    if (c == '=')
                    {
                        if (i + 1 < end && text[i + 1] == '=' && i > keyStart)
                        {
                            i += 2;
                            continue;
                        }

                        equals = i;
                        break;
                    }

                    i++;
                }

                if (equals < 0)
                {
                    // A key without '=': a syntax error that runs to the end of the text.
                    _pos = end;
                    LastHoleFragment = OnlyHolesAndSeparators(text, keyStart, end);
                    pair = new ConnectionStringPair(keyStart, 0, end, 0, '\0', wellFormed: false);
                    return true;
                }

                int keyEnd = equals;
                while (keyEnd > keyStart && char.IsWhiteSpace(text[keyEnd - 1]))
                {
                    keyEnd--;
                }

                if (_salvageKeys && !IsPlausibleKey(text, keyStart, keyEnd - keyStart))
                {
                    int salvaged = SalvageKey(text, keyStart, keyEnd);
                    if (salvaged > keyStart)
                    {
                        LastKeySalvaged = true;
                        LastHoleFragment = OnlyHolesAndSeparators(text, keyStart, salvaged) && ContainsHole(text, keyStart, salvaged);
                        keyStart = salvaged;
                    }
                    else
                    {
                        LastKeySalvaged = true;
                        keyStart = keyEnd; // an unknown key: the pair is read but names nothing
                    }
                }

                i = equals + 1;

                // KeyEnd: skip whitespace before the value.
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= end || text[i] == ';' || text[i] == '\0')
                {
                    _pos = i < end && text[i] == ';' ? i + 1 : end;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i, 0, '\0', wellFormed: true);
                    return true;
                }

                char first = text[i];
                if (first == '\'' || first == '"')
                {
                    int close = FindClosingQuote(text, i + 1, end, first);
                    if (close < 0)
                    {
                        // Unterminated: ADO.NET throws; everything after the quote is swallowed, nothing is unambiguous.
                        _pos = end;
                        pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, end - i - 1, first, wellFormed: false);
                        return true;
                    }

                    bool ok = AfterQuotedValue(text, close + 1, end, out int next);
                    _pos = next;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, close - i - 1, first, ok);
                    return true;
                }

                if (first == '{' && _odbcBraces)
                {
                    int close = FindClosingQuote(text, i + 1, end, '}');
                    if (close >= 0 && AfterQuotedValue(text, close + 1, end, out int next))
                    {
                        _pos = next;
                        pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i + 1, close - i - 1, '{', wellFormed: true);
                        return true;
                    }
                }

                if (char.IsControl(first))
                {
                    int semicolon = text.IndexOf(';', i, end - i);
                    _pos = semicolon < 0 ? end : semicolon + 1;
                    pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, i, 0, '\0', wellFormed: false);
                    return true;
                }

                // UnquotedValue: up to ';' or a control character that is not whitespace; trailing whitespace trimmed.
                int valueStart = i;
                while (i < end)
                {
                    char c = text[i];
                    if (c == ';' || (char.IsControl(c) && !char.IsWhiteSpace(c)))
                    {
                        break;
                    }

                    i++;
                }

                int valueEnd = i;
                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                {
                    valueEnd--;
                }

                LastValueSpansLines = valueEnd > valueStart && text.IndexOfAny(LineBreaks, valueStart, valueEnd - valueStart) >= 0;

                bool wellFormed = true;
                if (i < end && text[i] != ';' && text[i] != '\0')
                {
                    // A control character ends the value; ADO.NET then fails on it.
                    wellFormed = false;
                    int semicolon = text.IndexOf(';', i, end - i);
                    i = semicolon < 0 ? end : semicolon;
                }

                _pos = i < end && text[i] == ';' ? i + 1 : end;
                if (i < end && text[i] == '\0')
                {
                    _pos = end;
                }

                pair = new ConnectionStringPair(keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart, '\0', wellFormed);
                return true;
            }

            /// <summary>After a closing quote only whitespace may come before ';' or the end (QuotedValueEnd).</summary>
            private static bool AfterQuotedValue(string text, int i, int end, out int next)
            {
                while (i < end && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= end || text[i] == '\0')
                {
                    next = end;
                    return true;
                }

                if (text[i] == ';')
                {
                    next = i + 1;
                    return true;
                }

                int semicolon = text.IndexOf(';', i, end - i);
                next = semicolon < 0 ? end : semicolon + 1;
                return false;
            }

            private static int FindClosingQuote(string text, int i, int end, char quote)
            {
                while (i < end)
                {
                    int q = text.IndexOf(quote, i, end - i);
                    if (q < 0)
                    {
                        return -1;
                    }

                    if (q + 1 < end && text[q + 1] == quote)
                    {
                        i = q + 2;
                        continue;
                    }

                    return q;
                }

                return -1;
            }
        }

        private static readonly char[] LineBreaks = { '\r', '\n' };

        private static bool IsKeyChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == ':';

        /// <summary>A key a connection string may really hold: a letter, then letters, digits, spaces, '_', '-', '.', ':'.</summary>
        private static bool IsPlausibleKey(string text, int start, int length)
        {
            if (length <= 0 || length > MaxKeyLength || !Chars.IsAsciiLetter(text[start]))
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
            {
                if (!IsKeyChar(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Where a known key starts at the end of a key with junk in front (<c>// Server</c> → <c>Server</c>,
        /// <c>Connecting with Server</c> → <c>Server</c>), or <paramref name="start"/> when there is none. Bounded look-back.
        /// </summary>
        private static int SalvageKey(string text, int start, int end)
        {
            int s = end;
            while (s > start && end - s < MaxKeyLength && IsKeyChar(text[s - 1]))
            {
                s--;
            }

            // Try the whole tail, then drop one leading word at a time.
            while (s < end)
            {
                while (s < end && (text[s] == ' ' || text[s] == '\t'))
                {
                    s++;
                }

                if (s >= end)
                {
                    break;
                }

                if (Chars.IsAsciiLetter(text[s]) && IsKnownKey(text, s, end - s))
                {
                    return s;
                }

                while (s < end && text[s] != ' ' && text[s] != '\t')
                {
                    s++;
                }
            }

            return start;
        }

        private static bool IsKnownKey(string text, int start, int length) =>
            MatchesAny(text, start, length, PasswordKeys) || MatchesAny(text, start, length, HostKeys) ||
            MatchesAny(text, start, length, UserKeys) || MatchesAny(text, start, length, OtherKeys);

        /// <summary>Only interpolation holes, format items (<c>{0}</c>, <c>{baseConnection}</c>), <c>;</c> and whitespace.</summary>
        private static bool OnlyHolesAndSeparators(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == '{')
                {
                    int close = FormatItemEnd(text, i, end);
                    if (close < 0)
                    {
                        return false;
                    }

                    i = close;
                    continue;
                }

                if (c != Chars.Hole && c != ';' && !char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ContainsHole(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == Chars.Hole || (text[i] == '{' && FormatItemEnd(text, i, end) > 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The index of the '}' closing a format item that starts at <paramref name="open"/>, or -1. Bounded.</summary>
        private static int FormatItemEnd(string text, int open, int end)
        {
            for (int j = open + 1; j < end && j - open <= MaxKeyLength; j++)
            {
                char c = text[j];
                if (c == '}')
                {
                    return j > open + 1 ? j : -1;
                }

                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == ':'))
                {
                    return -1;
                }
            }

            return -1;
        }

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

        // ---------------------------------------------------------------- hosts

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

        // ---------------------------------------------------------------- StackExchange.Redis

        /// <summary>
        /// <c>host:port[,host:port],password=…[,option=…]</c>: comma-separated endpoints and options, every token one
        /// or the other, at least one endpoint. Values cannot hold a comma (StackExchange.Redis splits on it).
        /// </summary>
        private static bool TryRedis(string text, int from, int to, List<ConnectionStringPassword> results)
        {
            if (text.IndexOf(',', from, to - from) < 0)
            {
                return false;
            }

            int endpoints = 0;
            int passwordStart = -1, passwordLength = 0;
            int userStart = -1, userLength = 0;
            int hostStart = -1, hostLength = 0;
            int i = from;
            while (i <= to)
            {
                int comma = i < to ? text.IndexOf(',', i, to - i) : -1;
                int tokenEnd = comma < 0 ? to : comma;
                int s = i, e = tokenEnd;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }

                if (e > s)
                {
                    int equals = text.IndexOf('=', s, e - s);
                    if (equals < 0)
                    {
                        if (!IsEndpoint(text, s, e))
                        {
                            return false;
                        }

                        if (endpoints++ == 0)
                        {
                            hostStart = s;
                            int colon = text.IndexOf(':', s, e - s);
                            hostLength = (colon < 0 ? e : colon) - s;
                        }
                    }
                    else
                    {
                        int keyEnd = equals;
                        while (keyEnd > s && char.IsWhiteSpace(text[keyEnd - 1]))
                        {
                            keyEnd--;
                        }

                        if (!(text[s] == '$' || MatchesAny(text, s, keyEnd - s, RedisOptionKeys)))
                        {
                            return false;
                        }

                        int valueStart = equals + 1;
                        while (valueStart < e && char.IsWhiteSpace(text[valueStart]))
                        {
                            valueStart++;
                        }

                        if (EqualsKey(text, s, keyEnd - s, "password"))
                        {
                            passwordStart = valueStart;
                            passwordLength = e - valueStart;
                        }
                        else if (EqualsKey(text, s, keyEnd - s, "user"))
                        {
                            userStart = valueStart;
                            userLength = e - valueStart;
                        }
                    }
                }

                if (comma < 0)
                {
                    break;
                }

                i = comma + 1;
            }

            if (endpoints == 0)
            {
                return false;
            }

            if (passwordStart < 0 || passwordLength == 0)
            {
                return true; // a Redis configuration without a password: nothing to report, nothing else to try
            }

            string? user = userStart >= 0 ? text.Substring(userStart, userLength) : null;
            if (!Placeholders.IsPlaceholder(text, passwordStart, passwordLength, user))
            {
                string? host = hostLength > 0 ? NormalizeHost(text.Substring(hostStart, hostLength)) : null;
                Add(results, new ConnectionStringPassword(passwordStart, passwordLength, SafeHost(host, text, passwordStart, passwordLength), ConnectionStringForm.Redis));
            }

            return true;
        }

        private static bool IsEndpoint(string text, int start, int end)
        {
            int colon = -1;
            bool letterOrDigit = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c == ':')
                {
                    if (colon >= 0)
                    {
                        return false;
                    }

                    colon = i;
                }
                else if (colon >= 0)
                {
                    if (!Chars.IsAsciiDigit(c) && c != Chars.Hole)
                    {
                        return false;
                    }
                }
                else if (Chars.IsAsciiLetterOrDigit(c) || c == Chars.Hole)
                {
                    letterOrDigit = true;
                }
                else if (c != '.' && c != '-' && c != '_')
                {
                    return false;
                }
            }

            return letterOrDigit && (colon < 0 || colon < end - 1);
        }

        // ---------------------------------------------------------------- URIs

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
