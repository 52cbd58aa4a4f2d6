using System;
using System.Text;

namespace SecretsAnalyzer.Tests.Detection
{
    /// <summary>
    /// Fake provider tokens, generated at run time (never literal in a test name): random bodies from a seeded generator,
    /// and for GitHub and npm the checksum computed here, independently of the detection core (bitwise CRC32, base62).
    /// </summary>
    internal sealed class FakeTokens
    {
        public const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        public const string UrlSafe = Base62 + "_-";
        public const string Base64 = Base62 + "+/";
        public const string LowerHex = "0123456789abcdef";

        private readonly Random _random;

        public FakeTokens(int seed = 7) => _random = new Random(seed);

        /// <summary>A random string that has upper case, lower case and digits (as every real base62 secret of this length has).</summary>
        public string Random(int length, string alphabet = Base62)
        {
            while (true)
            {
                var b = new StringBuilder(length);
                for (int k = 0; k < length; k++)
                {
                    b.Append(alphabet[_random.Next(alphabet.Length)]);
                }

                string s = b.ToString();
                if (alphabet == "0123456789" || (!LooksMadeUp(s) && HasClasses(s, alphabet)))
                {
                    return s;
                }
            }
        }

        /// <summary><c>prefix</c> + 30 random base62 + their checksum (GitHub's 2021 format; npm's).</summary>
        public string Checksummed(string prefix) => WithChecksum(prefix, Random(30));

        public static string WithChecksum(string prefix, string random30) => prefix + random30 + Checksum(random30);

        public static string Checksum(string random30)
        {
            uint crc = 0xFFFFFFFFu;
            foreach (char c in random30)
            {
                crc ^= (byte)c;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            ulong value = crc ^ 0xFFFFFFFFu;
            var s = new StringBuilder();
            while (value > 0)
            {
                s.Insert(0, Base62[(int)(value % 62)]);
                value /= 62;
            }

            return s.ToString().PadLeft(6, '0');
        }

        public string GitHub(char kind = 'p') => Checksummed("gh" + kind + "_");

        public string Npm() => Checksummed("npm_");

        public string FineGrained() => "github_pat_" + Random(22) + "_" + Random(59);

        public string SlackBot() => "xoxb-" + Random(11, "0123456789") + "-" + Random(12, "0123456789") + "-" + Random(24);

        public string SlackUser() => "xoxp-" + Random(10, "0123456789") + "-" + Random(10, "0123456789") + "-" + Random(12, "0123456789") + "-" + Random(32, LowerHex);

        public string SlackWorkspace() => "xoxa-2-" + Random(12, "0123456789") + "-" + Random(12, "0123456789") + "-" + Random(32);

        public string SlackRefresh() => "xoxr-" + Random(12, "0123456789") + "-" + Random(40);

        public string SlackApp() => "xapp-1-A" + Random(10, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "-" + Random(13, "0123456789") + "-" + Random(64, "0123456789abcdefghijklmnopqrstuvwxyz");

        public string SlackWebhook() => "https://hooks.slack.com/services/T" + Random(8, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "/B" + Random(10, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "/" + Random(24);

        public string Stripe(string prefix = "sk_live_", int length = 99) => prefix + Random(length);

        public string SendGrid() => "SG." + Random(22, UrlSafe) + "." + Random(43, UrlSafe);

        public string TwilioSid() => "SK" + Random(32, LowerHex);

        public string TwilioSecret() => Random(32);

        public string Google() => "AIza" + Random(35, UrlSafe);

        public string GitLab() => "glpat-" + Random(20, UrlSafe);

        public string AzureKey() => Random(86, Base64) + "==";

        public string Shopify(string prefix = "shpat_") => prefix + Random(32, LowerHex);

        /// <summary>A PEM block of the given label (<c>"RSA "</c>, <c>""</c>, …) with a random base64 body of 64-character lines.</summary>
        public string Pem(string label, string newline = "\n", int lines = 6)
        {
            var b = new StringBuilder("-----BEGIN " + label + "PRIVATE KEY-----" + newline);
            b.Append("MII");
            for (int k = 0; k < lines; k++)
            {
                b.Append(Random(k == 0 ? 61 : 64, Base64)).Append(newline);
            }

            return b.Append("-----END " + label + "PRIVATE KEY-----").ToString();
        }

        // Real secrets of these lengths have every class their alphabet offers (a miss is a few in a thousand).
        private static bool HasClasses(string s, string alphabet)
        {
            bool upper = false, lower = false, digit = false;
            foreach (char c in s)
            {
                upper |= char.IsUpper(c);
                lower |= char.IsLower(c);
                digit |= char.IsDigit(c);
            }

            bool mixedCase = alphabet.IndexOf('A') >= 0 && alphabet.IndexOf('a') >= 0;
            return s.Length < 8 || ((upper || !mixedCase) && (lower || upper) && digit);
        }

        // What the core calls made up (a run of 5 equal characters, 6 ascending ones, few distinct characters, a
        // placeholder word): a random body is one about once in 10^4; keep generated positives clear of it.
        private static bool LooksMadeUp(string s)
        {
            int run = 1, ascending = 1;
            for (int k = 1; k < s.Length; k++)
            {
                run = s[k] == s[k - 1] ? run + 1 : 1;
                ascending = s[k] == s[k - 1] + 1 ? ascending + 1 : 1;
                if (run >= 5 || ascending >= 6)
                {
                    return true;
                }
            }

            foreach (string word in new[] { "EXAMPLE", "XXXX", "FAKE", "DUMMY", "SAMPLE", "PLACEHOLDER", "REDACTED", "YOUR", "NOTREAL", "INVALID" })
            {
                if (s.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            var distinct = new System.Collections.Generic.HashSet<char>(s);
            return s.Length >= 20 && distinct.Count < 10;
        }
    }
}
