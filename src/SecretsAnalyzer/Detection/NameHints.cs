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
            // Normalise to lower-case letters and digits without allocating: compare on the fly.
            if (ContainsNormalized(text, start, length, "sessiontoken") ||
                ContainsNormalized(text, start, length, "securitytoken") ||
                ContainsNormalized(text, start, length, "ststoken") ||
                EqualsNormalized(text, start, length, "token") ||
                EqualsNormalized(text, start, length, "awstoken") ||
                EndsWithNormalized(text, start, length, "sessiontoken"))
            {
                return NameHint.SessionToken;
            }

            if (ContainsNormalized(text, start, length, "secret") && !IsOtherKindOfSecret(text, start, length))
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

            if (IsOtherKindOfSecret(name, 0, name.Length))
            {
                return true;
            }

            if (ContainsNormalized(name, 0, name.Length, "aws") || ContainsNormalized(name, 0, name.Length, "accesskey") ||
                ContainsNormalized(name, 0, name.Length, "secretkey"))
            {
                return false;
            }

            foreach (string word in OtherValueWords)
            {
                if (ContainsNormalized(name, 0, name.Length, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOtherKindOfSecret(string text, int start, int length)
        {
            if (ContainsNormalized(text, start, length, "aws") || ContainsNormalized(text, start, length, "accesskey") ||
                ContainsNormalized(text, start, length, "secretkey"))
            {
                return false;
            }

            foreach (string qualifier in OtherSecretQualifiers)
            {
                if (ContainsNormalized(text, start, length, qualifier))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the letters and digits of the slice, lower-cased, contain <paramref name="needle"/> (lower-case letters and digits).</summary>
        public static bool ContainsNormalized(string text, int start, int length, string needle)
        {
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                if (!Chars.IsAsciiLetterOrDigit(text[i]))
                {
                    continue;
                }

                int j = i;
                int k = 0;
                while (j < end && k < needle.Length)
                {
                    char c = text[j];
                    if (!Chars.IsAsciiLetterOrDigit(c))
                    {
                        j++;
                        continue;
                    }

                    if (char.ToLowerInvariant(c) != needle[k])
                    {
                        break;
                    }

                    j++;
                    k++;
                }

                if (k == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool EqualsNormalized(string text, int start, int length, string needle)
        {
            int k = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                if (!Chars.IsAsciiLetterOrDigit(c))
                {
                    continue;
                }

                if (k >= needle.Length || char.ToLowerInvariant(c) != needle[k])
                {
                    return false;
                }

                k++;
            }

            return k == needle.Length;
        }

        private static bool EndsWithNormalized(string text, int start, int length, string needle)
        {
            int k = needle.Length - 1;
            for (int i = start + length - 1; i >= start && k >= 0; i--)
            {
                char c = text[i];
                if (!Chars.IsAsciiLetterOrDigit(c))
                {
                    continue;
                }

                if (char.ToLowerInvariant(c) != needle[k])
                {
                    return false;
                }

                k--;
            }

            return k < 0;
        }
    }
}
