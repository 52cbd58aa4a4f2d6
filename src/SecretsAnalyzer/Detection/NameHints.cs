namespace SecretsAnalyzer.Detection
{
    /// <summary>What the name that receives a value says about it.</summary>
    public enum NameHint
    {
        None = 0,

        /// <summary>The name says secret or secret key (<c>SecretAccessKey</c>, <c>aws_secret_access_key</c>, <c>secretKey</c>).</summary>
        SecretKey,

        /// <summary>The name says session or security token (<c>aws_session_token</c>, <c>SessionToken</c>, <c>X-Amz-Security-Token</c>, <c>stsToken</c>, exactly <c>token</c>).</summary>
        SessionToken,
    }

    /// <summary>Classifies identifiers, labels and keys by the letters they contain, ignoring case and separators.</summary>
    public static class NameHints
    {
        public static NameHint Classify(string? name)
        {
            if (name == null || name.Length == 0)
            {
                return NameHint.None;
            }

            return Classify(name, 0, name.Length);
        }

        public static NameHint Classify(string text, int start, int length)
        {
            // Lower-case letters and digits, once, into the thread's buffer; every word is looked for in that.
            int n = Normalize(text, start, length, out char[] name);
            if (Contains(name, n, "sessiontoken") ||
                Contains(name, n, "securitytoken") ||
                Contains(name, n, "ststoken") ||
                IsExactly(name, n, "token") ||
                IsExactly(name, n, "awstoken"))
            {
                return NameHint.SessionToken;
            }

            if (Contains(name, n, "secret") && !IsOtherKindOfSecret(name, n))
            {
                return NameHint.SecretKey;
            }

            return NameHint.None;
        }

        /// <summary>
        /// Secrets of other systems, which are often 40 random characters too: OAuth client secrets, JWT and webhook
        /// signing secrets, HMAC keys. They count only when the name also says AWS (<c>AwsClientSecret</c> does not
        /// exist, but <c>awsSecretAccessKey</c> may sit next to <c>signing</c>).
        /// </summary>
        private static readonly string[] OtherSecretQualifiers =
        {
            "client", "jwt", "webhook", "signing", "hmac", "oauth", "consumer", "stripe", "github", "slack", "twilio",
            "sendgrid", "cookie", "csrf", "totp", "captcha", "encryption", "shared", "app",
        };

        /// <summary>Words of names that hold random values which are not AWS keys: salts, nonces, digests, cursors, ids.</summary>
        private static readonly string[] OtherValueWords =
        {
            "salt", "nonce", "hash", "digest", "checksum", "etag", "cursor", "seed", "idempotency", "correlation", "request",
            "trace", "version", "commit", "sha", "thumbprint", "fingerprint", "signature",
        };

        /// <summary>
        /// Whether a name says its value is something other than an AWS key (<c>WebhookSecret</c>, <c>IdempotencySalt</c>,
        /// <c>RequestNonce</c>, <c>ConfigHash</c>), so a key ID next to it is no evidence. A name that also says AWS,
        /// access key or secret key never does.
        /// </summary>
        public static bool SaysOtherValue(string? name)
        {
            if (name == null || name.Length == 0)
            {
                return false;
            }

            int n = Normalize(name, 0, name.Length, out char[] normalized);
            if (SaysAws(normalized, n))
            {
                return false;
            }

            return ContainsAny(normalized, n, OtherSecretQualifiers) || ContainsAny(normalized, n, OtherValueWords);
        }

        private static bool IsOtherKindOfSecret(char[] name, int n) => !SaysAws(name, n) && ContainsAny(name, n, OtherSecretQualifiers);

        private static bool SaysAws(char[] name, int n) => Contains(name, n, "aws") || Contains(name, n, "accesskey") || Contains(name, n, "secretkey");

        [System.ThreadStatic]
        private static char[]? s_normalized;

        /// <summary>The ASCII letters and digits of <c>text[start..start+length)</c>, lower-cased, into the thread's buffer; returns how many.</summary>
        private static int Normalize(string text, int start, int length, out char[] buffer)
        {
            buffer = s_normalized ??= new char[64];
            if (buffer.Length < length)
            {
                buffer = s_normalized = new char[System.Math.Max(length, buffer.Length * 2)];
            }

            int n = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (Chars.IsAsciiLetterOrDigit(c))
                {
                    // Digits already have the 0x20 bit; upper-case letters gain it.
                    buffer[n++] = (char)(c | 0x20);
                }
            }

            return n;
        }

        private static bool ContainsAny(char[] name, int n, string[] words)
        {
            foreach (string word in words)
            {
                if (Contains(name, n, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(char[] name, int n, string word)
        {
            if (word.Length == 0)
            {
                return true;
            }

            char first = word[0];
            for (int i = 0; i + word.Length <= n; i++)
            {
                if (name[i] != first)
                {
                    continue;
                }

                int k = 1;
                while (k < word.Length && name[i + k] == word[k])
                {
                    k++;
                }

                if (k == word.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsExactly(char[] name, int n, string word)
        {
            if (n != word.Length)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                if (name[i] != word[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a name says connection string: <c>connectionString</c>, <c>ConnStr</c>, <c>DATABASE_URL</c>, <c>connection_url</c>, exactly <c>dsn</c>.</summary>
        public static bool SaysConnectionString(string? name)
        {
            if (name == null || name.Length == 0)
            {
                return false;
            }

            return ContainsNormalized(name, 0, name.Length, "connectionstring") ||
                   ContainsNormalized(name, 0, name.Length, "connstr") ||
                   ContainsNormalized(name, 0, name.Length, "connectionurl") ||
                   ContainsNormalized(name, 0, name.Length, "databaseurl") ||
                   EqualsNormalized(name, 0, name.Length, "dsn");
        }

        /// <summary>Whether the letters and digits of the slice, lower-cased, contain <paramref name="needle"/> (lower-case letters and digits).</summary>
        public static bool ContainsNormalized(string text, int start, int length, string needle)
        {
            int n = Normalize(text, start, length, out char[] name);
            return Contains(name, n, needle);
        }

        /// <summary>Whether the letters and digits of the slice, lower-cased, are <paramref name="needle"/>.</summary>
        public static bool EqualsNormalized(string text, int start, int length, string needle)
        {
            int n = Normalize(text, start, length, out char[] name);
            return IsExactly(name, n, needle);
        }
    }
}
