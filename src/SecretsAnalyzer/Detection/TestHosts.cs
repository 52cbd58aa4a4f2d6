using System;

namespace SecretsAnalyzer.Detection
{
    /// <summary>
    /// Hosts that only a developer's machine or a test run reaches: <c>localhost</c>, loopback addresses,
    /// <c>host.docker.internal</c>, the reserved test domains (<c>*.test</c>, <c>*.local</c>, <c>*.localhost</c>,
    /// <c>*.example</c>, <c>*.invalid</c>, RFC 2606/6761), SQL Server LocalDB, and a single-label name such as a
    /// docker-compose service (<c>db</c>, <c>postgres</c>, <c>redis</c>). Pure; no DNS.
    /// </summary>
    public static class TestHosts
    {
        private static readonly string[] LocalNames = { "localhost", "host.docker.internal", "gateway.docker.internal", "host.testcontainers.internal" };

        private static readonly string[] ReservedSuffixes = { ".test", ".local", ".localhost", ".example", ".invalid", ".internal.test", ".localdomain" };

        /// <summary>Whether <paramref name="host"/> (as <see cref="ConnectionStrings.NormalizeHost(string)"/> gives it) is a local test host.</summary>
        public static bool IsLocalTestHost(string? host)
        {
            if (host == null)
            {
                return false;
            }

            string value = host.Trim();

            // A port or an instance after the name: localhost:5432, 127.0.0.1,1433, .\SQLEXPRESS, (localdb)\MSSQLLocalDB.
            if (value.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase) || value == "." || value.StartsWith(".\\", StringComparison.Ordinal) ||
                value.StartsWith("(local)", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (value.StartsWith("[", StringComparison.Ordinal))
            {
                int close = value.IndexOf(']');
                value = close > 0 ? value.Substring(1, close - 1) : value;
            }
            else
            {
                int cut = value.IndexOfAny(new[] { ':', '\\', '/', ',' });
                if (cut > 0 && value.IndexOf(':') == value.LastIndexOf(':'))
                {
                    value = value.Substring(0, cut);
                }
            }

            if (value.Length == 0)
            {
                return false;
            }

            if (value == "::1" || value == "0:0:0:0:0:0:0:1" || value == "0.0.0.0" || IsLoopbackV4(value))
            {
                return true;
            }

            foreach (string name in LocalNames)
            {
                if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (string suffix in ReservedSuffixes)
            {
                if (value.Length > suffix.Length && value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return IsSingleLabel(value);
        }

        /// <summary>127.x.y.z.</summary>
        private static bool IsLoopbackV4(string value)
        {
            if (!value.StartsWith("127.", StringComparison.Ordinal))
            {
                return false;
            }

            int dots = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '.')
                {
                    dots++;
                }
                else if (!Chars.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return dots == 3;
        }

        /// <summary>
        /// A name without a dot (<c>db</c>, <c>sqlserver</c>, <c>postgres-test</c>): resolvable only inside a compose or
        /// container network, or on the machine itself. Digits alone are not a name.
        /// </summary>
        private static bool IsSingleLabel(string value)
        {
            if (value.Length > 63 || !Chars.IsAsciiLetter(value[0]))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!(Chars.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
