using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    // StackExchange.Redis configuration strings: host:port[,host:port],password=…[,option=…].
    public static partial class ConnectionStrings
    {
        private static readonly string[] RedisOptionKeys =
        {
            "password", "user", "ssl", "sslhost", "sslprotocols", "abortconnect", "allowadmin", "channelprefix",
            "connectretry", "connecttimeout", "configchannel", "configcheckseconds", "defaultdatabase", "keepalive",
            "name", "proxy", "resolvedns", "responsetimeout", "servicename", "synctimeout", "asynctimeout", "tiebreaker",
            "version", "checkcertificaterevocation", "setlib", "protocol", "highprioritysocketthreads", "heartbeatinterval",
            "clientname", "writebuffer",
        };

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
    }
}
