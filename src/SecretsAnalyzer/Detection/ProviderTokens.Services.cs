namespace SecretsAnalyzer.Detection
{
    // Stripe, SendGrid, Twilio and Azure storage key scanners.
    public static partial class ProviderTokens
    {
        /// <summary>
        /// <c>sk_live_</c> / <c>rk_live_</c> + 24 to 247 base62. Test mode (<c>sk_test_</c>, <c>rk_test_</c>) and publishable
        /// keys (<c>pk_live_</c>, public by design) never start a match.
        /// </summary>
        private static ProviderTokenMatch MatchStripe(string text, int i, int end)
        {
            int n = CountRun(text, i + 8, end, Chars.IsAsciiLetterOrDigit);
            if (n < 24 || n > 247 || (i + 8 + n < end && IsWordChar(text[i + 8 + n])) || IsMadeUp(text, i + 8, n) || !HasLetterAndDigit(text, i + 8, n))
            {
                return default;
            }

            return new ProviderTokenMatch(i, 8 + n, text[i] == 's' ? ProviderTokenKind.StripeSecretKey : ProviderTokenKind.StripeRestrictedKey);
        }

        /// <summary><c>SG.</c> + 22 + <c>.</c> + 43 of <c>[A-Za-z0-9_-]</c> (the key id and the secret, both base64url).</summary>
        private static ProviderTokenMatch MatchSendGrid(string text, int i, int end)
        {
            const int Length = 3 + 22 + 1 + 43;
            if (i + Length > end || !Run(text, i + 3, 22, IsUrlSafeBase64Char) || text[i + 25] != '.' || !Run(text, i + 26, 43, IsUrlSafeBase64Char) ||
                (i + Length < end && (IsUrlSafeBase64Char(text[i + Length]) || (text[i + Length] == '.' && i + Length + 1 < end && IsUrlSafeBase64Char(text[i + Length + 1])))) ||
                IsMadeUp(text, i + 3, 22) || IsMadeUp(text, i + 26, 43))
            {
                return default;
            }

            return new ProviderTokenMatch(i, Length, ProviderTokenKind.SendGridApiKey);
        }

        /// <summary>
        /// A Twilio API key: its SID (<c>SK</c> + 32 lowercase hex) names the key and is no secret on its own; the
        /// finding is its secret, a separate run of exactly 32 base62 characters with upper case, lower case and digits,
        /// within <see cref="TwilioPairReach"/> characters of the SID in the same value or comment (either side). A SID
        /// alone, and a SID next to a hex string (an auth token or a hash), are not findings.
        /// </summary>
        private static ProviderTokenMatch MatchTwilio(string text, int i, int start, int end)
        {
            if (!Fixed(text, i, 2, 32, end, IsLowerHex))
            {
                return default;
            }

            int from = System.Math.Max(start, i - TwilioPairReach);
            int to = System.Math.Min(end, i + 34 + TwilioPairReach);
            for (int p = from; p < to; p++)
            {
                if (p >= i && p < i + 34)
                {
                    p = i + 33;
                    continue;
                }

                if (!Chars.IsAsciiLetterOrDigit(text[p]) || (p > start && IsWordChar(text[p - 1])))
                {
                    continue;
                }

                int n = CountRun(text, p, end, Chars.IsAsciiLetterOrDigit);
                if (n == 32 && (p + n >= end || !IsWordChar(text[p + n])) && HasUpperLowerDigit(text, p, n) && !IsMadeUp(text, p, n))
                {
                    return new ProviderTokenMatch(p, 32, ProviderTokenKind.TwilioApiKeySecret);
                }

                p += n - 1;
            }

            return default;
        }

        /// <summary>
        /// <c>AccountKey=</c> (any case) + 88 base64 characters, the last two <c>==</c> (a 64-byte key), not followed by
        /// another base64 character. The storage emulator's published key is not a finding. The match is the key.
        /// </summary>
        private static ProviderTokenMatch MatchAzureKey(string text, int i, int end)
        {
            int p = i + 11;
            if (p + 88 > end || !Run(text, p, 86, Chars.IsSecretKeyChar) || text[p + 86] != '=' || text[p + 87] != '=' ||
                (p + 88 < end && Chars.IsBase64Char(text[p + 88])) || IsMadeUp(text, p, 86) ||
                string.CompareOrdinal(text, p, DevelopmentStorageKey, 0, 88) == 0)
            {
                return default;
            }

            return new ProviderTokenMatch(p, 88, ProviderTokenKind.AzureStorageAccountKey);
        }
    }
}
