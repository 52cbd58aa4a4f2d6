namespace SecretsAnalyzer.Detection
{
    // Slack: bot, user and app tokens and incoming webhook URLs.
    public static partial class ProviderTokens
    {
        /// <summary>
        /// <c>xoxb-</c>/<c>xoxp-</c>/<c>xoxa-</c>/<c>xoxr-</c>: hyphen-separated numeric ids (8 to 13 digits; a single-digit
        /// version may come first), then a base62 secret. A bot token has two ids and a secret of 24 or more; a user token
        /// three ids and 28 or more; a workspace or refresh token at least one id and 24 or more.
        /// </summary>
        private static ProviderTokenMatch MatchSlack(string text, int i, int end)
        {
            char k = text[i + 3];
            int p = i + 5;
            int ids = 0;
            while (true)
            {
                int digits = CountRun(text, p, end, Chars.IsAsciiDigit);
                bool version = digits == 1 && p == i + 5;
                if (digits == 0 || p + digits >= end || text[p + digits] != '-' || !(version || (digits >= 8 && digits <= 13)))
                {
                    break;
                }

                if (!version)
                {
                    ids++;
                }

                p += digits + 1;
            }

            int secret = CountRun(text, p, end, Chars.IsAsciiLetterOrDigit);
            int minIds = k == 'b' ? 2 : k == 'p' ? 3 : 1;
            int minSecret = k == 'p' ? 28 : 24;
            if (ids < minIds || ids > 3 || secret < minSecret || secret > 64 || (p + secret < end && IsSlackChar(text[p + secret])) ||
                IsMadeUp(text, p, secret) || !HasLetterAndDigit(text, p, secret))
            {
                return default;
            }

            ProviderTokenKind kind = k == 'b' ? ProviderTokenKind.SlackBotToken
                : k == 'p' ? ProviderTokenKind.SlackUserToken
                : k == 'a' ? ProviderTokenKind.SlackWorkspaceToken
                : ProviderTokenKind.SlackRefreshToken;
            return new ProviderTokenMatch(i, p + secret - i, kind);
        }

        /// <summary><c>xapp-</c> + a version digit + <c>-</c> + app id (<c>A</c> + 8 to 12 of <c>[A-Z0-9]</c>) + <c>-</c> + 8 to 13 digits + <c>-</c> + 32 to 64 of <c>[a-z0-9]</c>.</summary>
        private static ProviderTokenMatch MatchSlackApp(string text, int i, int end)
        {
            int p = i + 5;
            if (p + 2 >= end || !Chars.IsAsciiDigit(text[p]) || text[p + 1] != '-' || text[p + 2] != 'A')
            {
                return default;
            }

            p += 2;
            int app = CountRun(text, p, end, IsUpperOrDigit);
            if (app < 9 || app > 13 || p + app >= end || text[p + app] != '-')
            {
                return default;
            }

            p += app + 1;
            int digits = CountRun(text, p, end, Chars.IsAsciiDigit);
            if (digits < 8 || digits > 13 || p + digits >= end || text[p + digits] != '-')
            {
                return default;
            }

            p += digits + 1;
            int secret = CountRun(text, p, end, IsLowerOrDigit);
            if (secret < 32 || secret > 64 || (p + secret < end && IsSlackChar(text[p + secret])) || IsMadeUp(text, p, secret) || !HasLetterAndDigit(text, p, secret))
            {
                return default;
            }

            return new ProviderTokenMatch(i, p + secret - i, ProviderTokenKind.SlackAppToken);
        }

        /// <summary>
        /// <c>hooks.slack.com/services/</c> + <c>T</c> + 8 to 12 of <c>[A-Z0-9]</c> + <c>/</c> + <c>B</c> + 8 to 12 of
        /// <c>[A-Z0-9]</c> + <c>/</c> + 24 base62; the match includes the <c>https://</c> before it.
        /// </summary>
        private static ProviderTokenMatch MatchSlackWebhook(string text, int i, int start, int end)
        {
            int p = i + SlackWebhookHost.Length;
            if (!SlackId(text, ref p, end, 'T') || !SlackId(text, ref p, end, 'B'))
            {
                return default;
            }

            int secret = CountRun(text, p, end, Chars.IsAsciiLetterOrDigit);
            if (secret != 24 || (p + secret < end && IsWordChar(text[p + secret])) || IsMadeUp(text, p, secret) || !HasLetterAndDigit(text, p, secret))
            {
                return default;
            }

            int from = i - 8 >= start && At(text, i - 8, end, "https://") ? i - 8 : i;
            return new ProviderTokenMatch(from, p + secret - from, ProviderTokenKind.SlackWebhook);
        }

        private static bool SlackId(string text, ref int p, int end, char first)
        {
            if (p >= end || text[p] != first)
            {
                return false;
            }

            int n = CountRun(text, p + 1, end, IsUpperOrDigit);
            if (n < 8 || n > 12 || p + 1 + n >= end || text[p + 1 + n] != '/' || IsMadeUp(text, p + 1, n))
            {
                return false;
            }

            p += n + 2;
            return true;
        }
    }
}
