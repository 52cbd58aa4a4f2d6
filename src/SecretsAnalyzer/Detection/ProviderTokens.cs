using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    /// <summary>What a provider token is: the provider and the kind of credential.</summary>
    public enum ProviderTokenKind
    {
        /// <summary>A PEM or OpenSSH private key block with a body: <c>-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----</c>.</summary>
        PrivateKey,

        /// <summary><c>ghp_</c> + 36 base62, the last 6 the base62 CRC32 of the first 30.</summary>
        GitHubPersonalAccessToken,

        /// <summary><c>gho_</c>, as <see cref="GitHubPersonalAccessToken"/>.</summary>
        GitHubOAuthToken,

        /// <summary><c>ghu_</c>, as <see cref="GitHubPersonalAccessToken"/>.</summary>
        GitHubUserToServerToken,

        /// <summary><c>ghs_</c>, as <see cref="GitHubPersonalAccessToken"/>.</summary>
        GitHubServerToServerToken,

        /// <summary><c>ghr_</c>, as <see cref="GitHubPersonalAccessToken"/>.</summary>
        GitHubRefreshToken,

        /// <summary><c>github_pat_</c> + 22 base62 + <c>_</c> + 59 base62.</summary>
        GitHubFineGrainedToken,

        /// <summary><c>npm_</c> + 36 base62 with the GitHub checksum.</summary>
        NpmAccessToken,

        /// <summary><c>xoxb-</c> + team id + <c>-</c> + bot user id + <c>-</c> + 24 or more base62.</summary>
        SlackBotToken,

        /// <summary><c>xoxp-</c> + three numeric ids + a base62 secret of 28 or more.</summary>
        SlackUserToken,

        /// <summary><c>xoxa-</c> (workspace / legacy app token): numeric ids and a base62 secret of 24 or more.</summary>
        SlackWorkspaceToken,

        /// <summary><c>xoxr-</c> (refresh token): numeric ids and a base62 secret of 24 or more.</summary>
        SlackRefreshToken,

        /// <summary><c>xapp-</c> + version digit + app id + numeric id + a lowercase base36 secret of 32 or more.</summary>
        SlackAppToken,

        /// <summary><c>https://hooks.slack.com/services/T…/B…/</c> + 24 base62.</summary>
        SlackWebhook,

        /// <summary><c>sk_live_</c> + 24 to 247 base62. Test mode (<c>sk_test_</c>) is not a finding.</summary>
        StripeSecretKey,

        /// <summary><c>rk_live_</c> + 24 to 247 base62.</summary>
        StripeRestrictedKey,

        /// <summary><c>SG.</c> + 22 + <c>.</c> + 43 of <c>[A-Za-z0-9_-]</c>.</summary>
        SendGridApiKey,

        /// <summary>The 32-character secret of a Twilio API key, next to its SID (<c>SK</c> + 32 lowercase hex) in the same value.</summary>
        TwilioApiKeySecret,

        /// <summary><c>AIza</c> + 35 of <c>[A-Za-z0-9_-]</c>.</summary>
        GoogleApiKey,

        /// <summary><c>glpat-</c> + 20 of <c>[A-Za-z0-9_-]</c>.</summary>
        GitLabPersonalAccessToken,

        /// <summary>The 88-character base64 key after <c>AccountKey=</c> in an Azure Storage connection string.</summary>
        AzureStorageAccountKey,

        /// <summary><c>shpat_</c>, <c>shpca_</c>, <c>shppa_</c> + 32 hex.</summary>
        ShopifyAccessToken,

        /// <summary><c>shpss_</c> + 32 hex.</summary>
        ShopifySharedSecret,
    }

    /// <summary>A provider token found in a text: where it is and what it is.</summary>
    public readonly struct ProviderTokenMatch
    {
        public ProviderTokenMatch(int start, int length, ProviderTokenKind kind)
        {
            Start = start;
            Length = length;
            Kind = kind;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public ProviderTokenKind Kind { get; }
    }

    /// <summary>
    /// Provider tokens and private keys found by their published format (../shared/REFERENCE.md §8): hand-written
    /// scanners, one forward walk, linear in the text, no regex, no recursion. Only formats distinctive enough for a
    /// precision of at least 0.99 are recognised; test-mode keys, documentation examples, placeholders, wrong checksums,
    /// wrong lengths and tokens that run into a longer word are not findings.
    /// </summary>
    public static class ProviderTokens
    {
        /// <summary>The shortest text that can hold a token (<c>glpat-</c> + 20).</summary>
        public const int MinTokenLength = 26;

        /// <summary>Base64 characters a private key body needs at least (a real key has hundreds).</summary>
        public const int MinPrivateKeyBody = 64;

        /// <summary>How far from a Twilio API key SID its secret may stand in the same value.</summary>
        public const int TwilioPairReach = 120;

        private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        private const string SlackWebhookHost = "hooks.slack.com/services/";

        /// <summary>
        /// The Azurite / storage emulator account key, published in Microsoft's documentation for local development.
        /// </summary>
        private const string DevelopmentStorageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        private static readonly string[] PemLabels = { string.Empty, "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED " };

        /// <summary>Words that make a token body plainly made up (compared case-insensitively).</summary>
        private static readonly string[] MadeUpWords = { "EXAMPLE", "XXXX", "FAKE", "DUMMY", "SAMPLE", "PLACEHOLDER", "REDACTED", "YOUR", "NOTREAL", "INVALID" };

        private static readonly uint[] Crc32Table = CreateCrc32Table();

        // Characters a token (or the part of its prefix that is scanned for) can start with.
        private static readonly bool[] Triggers = CreateTriggers();

        /// <summary>
        /// The quick test: whether <c>text[start..end)</c> has, at a word boundary, the start of a token format
        /// (a prefix switch on the first character, no allocation). A yes still needs <see cref="FindTokens(string, List{ProviderTokenMatch})"/>.
        /// </summary>
        public static bool MayContainToken(string text, int start, int end)
        {
            if (end - start < MinTokenLength)
            {
                return false;
            }

            int last = end - MinTokenLength;
            for (int i = start; i <= last; i++)
            {
                char c = text[i];
                if (c < 128 && Triggers[c] && (i == start || !IsWordChar(text[i - 1])) && PrefixAt(text, i, end) != Prefix.None)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><see cref="MayContainToken(string, int, int)"/> on the whole text.</summary>
        public static bool MayContainToken(string text) => MayContainToken(text, 0, text.Length);

        /// <summary>Whether <c>text[start..end)</c> holds at least one token (as if the range were the whole text).</summary>
        public static bool ContainsToken(string text, int start, int end) => Walk(text, start, end, null);

        /// <summary><see cref="ContainsToken(string, int, int)"/> on the whole text.</summary>
        public static bool ContainsToken(string text) => Walk(text, 0, text.Length, null);

        /// <summary>Every token in the text, in order.</summary>
        public static void FindTokens(string text, List<ProviderTokenMatch> results) => Walk(text, 0, text.Length, results);

        /// <summary>Every token in the text, in order.</summary>
        public static List<ProviderTokenMatch> FindTokens(string text)
        {
            var results = new List<ProviderTokenMatch>();
            Walk(text, 0, text.Length, results);
            return results;
        }

        /// <summary>The provider and kind for a message: <c>GitHub personal access token</c>.</summary>
        public static string Describe(ProviderTokenKind kind)
        {
            switch (kind)
            {
                case ProviderTokenKind.PrivateKey: return "Private key";
                case ProviderTokenKind.GitHubPersonalAccessToken: return "GitHub personal access token";
                case ProviderTokenKind.GitHubOAuthToken: return "GitHub OAuth access token";
                case ProviderTokenKind.GitHubUserToServerToken: return "GitHub App user-to-server token";
                case ProviderTokenKind.GitHubServerToServerToken: return "GitHub App installation (server-to-server) token";
                case ProviderTokenKind.GitHubRefreshToken: return "GitHub App refresh token";
                case ProviderTokenKind.GitHubFineGrainedToken: return "GitHub fine-grained personal access token";
                case ProviderTokenKind.NpmAccessToken: return "npm access token";
                case ProviderTokenKind.SlackBotToken: return "Slack bot token";
                case ProviderTokenKind.SlackUserToken: return "Slack user token";
                case ProviderTokenKind.SlackWorkspaceToken: return "Slack workspace access token";
                case ProviderTokenKind.SlackRefreshToken: return "Slack refresh token";
                case ProviderTokenKind.SlackAppToken: return "Slack app-level token";
                case ProviderTokenKind.SlackWebhook: return "Slack incoming webhook URL";
                case ProviderTokenKind.StripeSecretKey: return "Stripe live secret key";
                case ProviderTokenKind.StripeRestrictedKey: return "Stripe live restricted key";
                case ProviderTokenKind.SendGridApiKey: return "SendGrid API key";
                case ProviderTokenKind.TwilioApiKeySecret: return "Twilio API key secret";
                case ProviderTokenKind.GoogleApiKey: return "Google API key";
                case ProviderTokenKind.GitLabPersonalAccessToken: return "GitLab personal access token";
                case ProviderTokenKind.AzureStorageAccountKey: return "Azure Storage account key";
                case ProviderTokenKind.ShopifyAccessToken: return "Shopify access token";
                default: return "Shopify shared secret";
            }
        }

        /// <summary>
        /// What a message may show of a token: its public prefix and its last four characters (<c>ghp_…x9Qa</c>). A
        /// private key shows its BEGIN line only; a webhook its host and path stem; an Azure key its connection-string key;
        /// a Twilio secret, which has no prefix, only its last four.
        /// </summary>
        public static string Redact(string text, ProviderTokenMatch match)
        {
            string prefix;
            switch (match.Kind)
            {
                case ProviderTokenKind.PrivateKey:
                    int close = text.IndexOf("-----", match.Start + 5, System.StringComparison.Ordinal);
                    return close < 0 ? Redaction.Ellipsis : text.Substring(match.Start, close + 5 - match.Start) + Redaction.Ellipsis;
                case ProviderTokenKind.SlackWebhook:
                    prefix = "https://" + SlackWebhookHost;
                    break;
                case ProviderTokenKind.AzureStorageAccountKey:
                    prefix = "AccountKey=";
                    break;
                case ProviderTokenKind.TwilioApiKeySecret:
                    prefix = string.Empty;
                    break;
                default:
                    prefix = text.Substring(match.Start, PrefixLength(match.Kind));
                    break;
            }

            return match.Length < 16 ? Redaction.Ellipsis : prefix + Redaction.Ellipsis + text.Substring(match.End - 4, 4);
        }

        private static int PrefixLength(ProviderTokenKind kind)
        {
            switch (kind)
            {
                case ProviderTokenKind.GitHubFineGrainedToken: return 11;
                case ProviderTokenKind.StripeSecretKey:
                case ProviderTokenKind.StripeRestrictedKey: return 8;
                case ProviderTokenKind.SlackBotToken:
                case ProviderTokenKind.SlackUserToken:
                case ProviderTokenKind.SlackWorkspaceToken:
                case ProviderTokenKind.SlackRefreshToken:
                case ProviderTokenKind.SlackAppToken: return 5;
                case ProviderTokenKind.GitLabPersonalAccessToken:
                case ProviderTokenKind.ShopifyAccessToken:
                case ProviderTokenKind.ShopifySharedSecret: return 6;
                case ProviderTokenKind.SendGridApiKey: return 3;
                default: return 4;
            }
        }

        private enum Prefix
        {
            None,
            Pem,
            GitHub,
            GitHubFineGrained,
            GitLab,
            Npm,
            Slack,
            SlackApp,
            SlackWebhook,
            Stripe,
            Shopify,
            SendGrid,
            Twilio,
            Google,
            AzureAccountKey,
        }

        /// <summary>Which format's prefix starts at <c>text[i]</c>: a switch on the first character, then a few compares.</summary>
        private static Prefix PrefixAt(string text, int i, int end)
        {
            switch (text[i])
            {
                case '-':
                    return At(text, i, end, "-----BEGIN ") ? Prefix.Pem : Prefix.None;
                case 'g':
                    if (i + 4 <= end && text[i + 1] == 'h' && text[i + 3] == '_')
                    {
                        char k = text[i + 2];
                        return k == 'p' || k == 'o' || k == 'u' || k == 's' || k == 'r' ? Prefix.GitHub : Prefix.None;
                    }

                    return At(text, i, end, "github_pat_") ? Prefix.GitHubFineGrained : At(text, i, end, "glpat-") ? Prefix.GitLab : Prefix.None;
                case 'n':
                    return At(text, i, end, "npm_") ? Prefix.Npm : Prefix.None;
                case 'x':
                    if (At(text, i, end, "xox") && i + 5 <= end && text[i + 4] == '-')
                    {
                        char k = text[i + 3];
                        return k == 'b' || k == 'p' || k == 'a' || k == 'r' ? Prefix.Slack : Prefix.None;
                    }

                    return At(text, i, end, "xapp-") ? Prefix.SlackApp : Prefix.None;
                case 'h':
                    return At(text, i, end, SlackWebhookHost) ? Prefix.SlackWebhook : Prefix.None;
                case 's':
                    if (At(text, i, end, "sk_live_"))
                    {
                        return Prefix.Stripe;
                    }

                    if (At(text, i, end, "shp") && i + 6 <= end && text[i + 5] == '_')
                    {
                        char a = text[i + 3], b = text[i + 4];
                        return (a == 'a' && b == 't') || (a == 'c' && b == 'a') || (a == 'p' && b == 'a') || (a == 's' && b == 's') ? Prefix.Shopify : Prefix.None;
                    }

                    return Prefix.None;
                case 'r':
                    return At(text, i, end, "rk_live_") ? Prefix.Stripe : Prefix.None;
                case 'S':
                    if (i + 3 <= end && text[i + 1] == 'G' && text[i + 2] == '.')
                    {
                        return Prefix.SendGrid;
                    }

                    return i + 3 <= end && text[i + 1] == 'K' && IsLowerHex(text[i + 2]) ? Prefix.Twilio : Prefix.None;
                case 'A':
                case 'a':
                    if (At(text, i, end, "AIza"))
                    {
                        return Prefix.Google;
                    }

                    return AtIgnoreCase(text, i, end, "accountkey=") ? Prefix.AzureAccountKey : Prefix.None;
                default:
                    return Prefix.None;
            }
        }

        /// <summary>
        /// The one walk behind <see cref="ContainsToken(string, int, int)"/> and <see cref="FindTokens(string, List{ProviderTokenMatch})"/>:
        /// with no list it stops at the first token.
        /// </summary>
        private static bool Walk(string text, int start, int end, List<ProviderTokenMatch>? results)
        {
            if (end - start < MinTokenLength)
            {
                return false;
            }

            bool found = false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c >= 128 || !Triggers[c] || (i > start && IsWordChar(text[i - 1])))
                {
                    continue;
                }

                Prefix prefix = PrefixAt(text, i, end);
                if (prefix == Prefix.None)
                {
                    continue;
                }

                ProviderTokenMatch match = Match(text, i, start, end, prefix);
                if (match.Length == 0)
                {
                    continue;
                }

                if (results == null)
                {
                    return true;
                }

                found = true;
                if (results.Count == 0 || results[results.Count - 1].Start != match.Start)
                {
                    results.Add(match);
                }

                // Go on after the match; a Twilio secret may stand before its SID: then after the SID.
                i = System.Math.Max(match.End, prefix == Prefix.Twilio ? i + 34 : i + 1) - 1;
            }

            return found;
        }

        private static ProviderTokenMatch Match(string text, int i, int start, int end, Prefix prefix)
        {
            switch (prefix)
            {
                case Prefix.Pem:
                    return MatchPrivateKey(text, i, end);
                case Prefix.GitHub:
                    return Checksummed(text, i, 4, end) ? new ProviderTokenMatch(i, 40, GitHubKind(text[i + 2])) : default;
                case Prefix.Npm:
                    return Checksummed(text, i, 4, end) ? new ProviderTokenMatch(i, 40, ProviderTokenKind.NpmAccessToken) : default;
                case Prefix.GitHubFineGrained:
                    return MatchFineGrained(text, i, end);
                case Prefix.GitLab:
                    return Body(text, i, 6, 20, end, IsUrlSafeBase64Char) ? new ProviderTokenMatch(i, 26, ProviderTokenKind.GitLabPersonalAccessToken) : default;
                case Prefix.Google:
                    return Body(text, i, 4, 35, end, IsUrlSafeBase64Char) ? new ProviderTokenMatch(i, 39, ProviderTokenKind.GoogleApiKey) : default;
                case Prefix.Slack:
                    return MatchSlack(text, i, end);
                case Prefix.SlackApp:
                    return MatchSlackApp(text, i, end);
                case Prefix.SlackWebhook:
                    return MatchSlackWebhook(text, i, start, end);
                case Prefix.Stripe:
                    return MatchStripe(text, i, end);
                case Prefix.Shopify:
                    return Body(text, i, 6, 32, end, Chars.IsHexDigit)
                        ? new ProviderTokenMatch(i, 38, text[i + 3] == 's' ? ProviderTokenKind.ShopifySharedSecret : ProviderTokenKind.ShopifyAccessToken)
                        : default;
                case Prefix.SendGrid:
                    return MatchSendGrid(text, i, end);
                case Prefix.Twilio:
                    return MatchTwilio(text, i, start, end);
                case Prefix.AzureAccountKey:
                    return MatchAzureKey(text, i, end);
                default:
                    return default;
            }
        }

        private static ProviderTokenKind GitHubKind(char kind)
        {
            switch (kind)
            {
                case 'p': return ProviderTokenKind.GitHubPersonalAccessToken;
                case 'o': return ProviderTokenKind.GitHubOAuthToken;
                case 'u': return ProviderTokenKind.GitHubUserToServerToken;
                case 's': return ProviderTokenKind.GitHubServerToServerToken;
                default: return ProviderTokenKind.GitHubRefreshToken;
            }
        }

        /// <summary>
        /// <c>prefix</c> + 30 base62 + the 6-character base62 CRC32 (IEEE) of those 30, left-padded with <c>0</c>
        /// (GitHub's 2021 token format, and npm's): exactly 36 characters after the prefix, not running into a longer word.
        /// </summary>
        private static bool Checksummed(string text, int i, int prefixLength, int end)
        {
            int body = i + prefixLength;
            if (!Fixed(text, i, prefixLength, 36, end, Chars.IsAsciiLetterOrDigit) || IsMadeUp(text, body, 30))
            {
                return false;
            }

            uint crc = Crc32(text, body, 30);
            for (int k = body + 35; k >= body + 30; k--)
            {
                if (text[k] != Base62[(int)(crc % 62)])
                {
                    return false;
                }

                crc /= 62;
            }

            return true;
        }

        /// <summary>The CRC32 (IEEE 802.3, as zlib's <c>crc32</c>) of <c>text[start..start+length)</c> read as ASCII.</summary>
        public static uint Crc32(string text, int start, int length)
        {
            uint crc = 0xFFFFFFFFu;
            for (int k = start; k < start + length; k++)
            {
                crc = Crc32Table[(crc ^ (byte)text[k]) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        /// <summary>The 6-character base62 checksum GitHub and npm append to the 30 random characters of a token.</summary>
        public static string Checksum(string random30)
        {
            uint crc = Crc32(random30, 0, random30.Length);
            var chars = new char[6];
            for (int k = 5; k >= 0; k--)
            {
                chars[k] = Base62[(int)(crc % 62)];
                crc /= 62;
            }

            return new string(chars);
        }

        private static ProviderTokenMatch MatchFineGrained(string text, int i, int end)
        {
            // github_pat_ + 22 + '_' + 59
            const int Length = 11 + 22 + 1 + 59;
            if (i + Length > end || !Run(text, i + 11, 22, Chars.IsAsciiLetterOrDigit) || text[i + 33] != '_' ||
                !Run(text, i + 34, 59, Chars.IsAsciiLetterOrDigit) || (i + Length < end && IsWordChar(text[i + Length])) ||
                IsMadeUp(text, i + 11, 22) || IsMadeUp(text, i + 34, 59))
            {
                return default;
            }

            return new ProviderTokenMatch(i, Length, ProviderTokenKind.GitHubFineGrainedToken);
        }

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

        /// <summary>
        /// <c>-----BEGIN </c> + one of the private key labels + <c>PRIVATE KEY-----</c>, then a body of at least
        /// <see cref="MinPrivateKeyBody"/> base64 characters. Line breaks (real, or the <c>\n</c> escapes of a value that
        /// was written escaped), blank space, <c>*</c> continuation marks of a block comment and RFC 1421 headers
        /// (<c>Proc-Type:</c>, <c>DEK-Info:</c>) may stand between them. The match runs to the end of the
        /// <c>-----END … PRIVATE KEY-----</c> line when there is one, else to the end of the body. Public keys,
        /// certificates and a header without a body are not findings.
        /// </summary>
        private static ProviderTokenMatch MatchPrivateKey(string text, int i, int end)
        {
            int p = i + 11;
            int labelEnd = -1;
            foreach (string label in PemLabels)
            {
                if (At(text, p, end, label) && At(text, p + label.Length, end, "PRIVATE KEY-----"))
                {
                    labelEnd = p + label.Length + 16;
                    break;
                }
            }

            if (labelEnd < 0)
            {
                return default;
            }

            // Headers of a legacy encrypted key: lines of the form "Name: value" before the body.
            p = SkipLayout(text, labelEnd, end);
            for (int next; p < end && Chars.IsAsciiLetter(text[p]) && (next = HeaderLine(text, p, end)) > p;)
            {
                p = SkipLayout(text, next, end);
            }

            int body = 0;
            int bodyStart = p, bodyEnd = p;
            ulong seen = 0;
            while (p < end)
            {
                char c = text[p];
                if (Chars.IsBase64Char(c))
                {
                    body++;
                    // Distinct characters: c & 63 keeps A-Z, a-z, 0-9, '+', '/' and '=' apart.
                    seen |= 1ul << (c & 63);
                    p++;
                    bodyEnd = p;
                    continue;
                }

                int skipped = SkipLayout(text, p, end);
                if (skipped == p)
                {
                    break;
                }

                p = skipped;
            }

            if (body < MinPrivateKeyBody || BitCount(seen) < 16 || IsPlaceholderBody(text, bodyStart, bodyEnd))
            {
                return default;
            }

            int matchEnd = bodyEnd;
            if (At(text, p, end, "-----END "))
            {
                int close = text.IndexOf("-----", p + 9, System.Math.Min(end - p - 9, 40), System.StringComparison.Ordinal);
                if (close >= 0)
                {
                    matchEnd = close + 5;
                }
            }

            return new ProviderTokenMatch(i, matchEnd - i, ProviderTokenKind.PrivateKey);
        }

        /// <summary>Skips line breaks, spaces, the <c>\n</c>/<c>\r</c> escapes of an escaped value and block-comment <c>*</c> marks.</summary>
        private static int SkipLayout(string text, int p, int end)
        {
            while (p < end)
            {
                char c = text[p];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '"' || c == '+')
                {
                    // '"' and '+' only between lines: "...\n" + "..." written out in a comment or an escaped JSON value.
                    if ((c == '"' || c == '+' || c == '*') && !AfterBreak(text, p))
                    {
                        return p;
                    }

                    p++;
                }
                else if (c == '\\' && p + 1 < end && (text[p + 1] == 'n' || text[p + 1] == 'r'))
                {
                    p += 2;
                }
                else
                {
                    return p;
                }
            }

            return p;
        }

        /// <summary>
        /// Whether only layout stands between a line break and <c>text[p]</c> (so a <c>*</c>, <c>"</c> or <c>+</c> there is no
        /// base64). Looks back at most 16 characters, so a long run of layout stays linear.
        /// </summary>
        private static bool AfterBreak(string text, int p)
        {
            for (int k = p - 1; k >= 0 && k >= p - 16; k--)
            {
                char c = text[k];
                if (c == '\n' || c == '\r' || (c == 'n' && k > 0 && text[k - 1] == '\\'))
                {
                    return true;
                }

                if (!(c == ' ' || c == '\t' || c == '"' || c == '+' || c == '*'))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>For an RFC 1421 header line (<c>Proc-Type: 4,ENCRYPTED</c>) at <paramref name="p"/>: where the line ends; else <paramref name="p"/>.</summary>
        private static int HeaderLine(string text, int p, int end)
        {
            int k = p;
            while (k < end && (Chars.IsAsciiLetterOrDigit(text[k]) || text[k] == '-'))
            {
                k++;
            }

            if (k == p || k >= end || text[k] != ':')
            {
                return p;
            }

            while (k < end && text[k] != '\n' && text[k] != '\r' && !(text[k] == '\\' && k + 1 < end && text[k + 1] == 'n'))
            {
                k++;
            }

            return k;
        }

        /// <summary>A private key body that is a placeholder: a made-up word or few distinct characters in its first line.</summary>
        private static bool IsPlaceholderBody(string text, int start, int end)
        {
            int length = System.Math.Min(end - start, 64);
            for (int k = start; k < start + length; k++)
            {
                if (!Chars.IsBase64Char(text[k]))
                {
                    length = k - start;
                    break;
                }
            }

            return length > 0 && ContainsMadeUpWord(text, start, length);
        }

        /// <summary>
        /// A token body that is plainly made up: a placeholder word (<c>EXAMPLE</c>, <c>XXXX</c>, <c>FAKE</c>, …), a mask,
        /// a run of 5 equal characters, an ascending run of 6 (<c>123456</c>, <c>abcdef</c>) or fewer than 10 distinct
        /// characters in 20 or more. A random body is one of these about once in 10^5.
        /// </summary>
        public static bool IsMadeUp(string text, int start, int length)
        {
            if (length == 0 || Placeholders.IsMask(text, start, length) || ContainsMadeUpWord(text, start, length))
            {
                return true;
            }

            int run = 1, ascending = 1;
            ulong seen = 0;
            for (int k = start; k < start + length; k++)
            {
                char c = text[k];
                if (k > start)
                {
                    run = c == text[k - 1] ? run + 1 : 1;
                    ascending = c == text[k - 1] + 1 ? ascending + 1 : 1;
                    if (run >= 5 || ascending >= 6)
                    {
                        return true;
                    }
                }

                seen |= 1ul << (c & 63);
            }

            return length >= 20 && BitCount(seen) < 10;
        }

        private static bool ContainsMadeUpWord(string text, int start, int length)
        {
            foreach (string word in MadeUpWords)
            {
                if (AwsKeys.IndexOfIgnoreCase(text, start, length, word) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int BitCount(ulong v)
        {
            int n = 0;
            while (v != 0)
            {
                v &= v - 1;
                n++;
            }

            return n;
        }

        /// <summary>Exactly <paramref name="length"/> characters of <paramref name="allowed"/> after a prefix, with no word character after them.</summary>
        private static bool Fixed(string text, int i, int prefixLength, int length, int end, System.Func<char, bool> allowed)
        {
            int p = i + prefixLength;
            return p + length <= end && Run(text, p, length, allowed) && (p + length == end || !(IsWordChar(text[p + length]) || allowed(text[p + length])));
        }

        /// <summary><see cref="Fixed"/>, and the body is not made up.</summary>
        private static bool Body(string text, int i, int prefixLength, int length, int end, System.Func<char, bool> allowed)
            => Fixed(text, i, prefixLength, length, end, allowed) && !IsMadeUp(text, i + prefixLength, length);

        private static bool Run(string text, int p, int length, System.Func<char, bool> allowed)
        {
            for (int k = p; k < p + length; k++)
            {
                if (!allowed(text[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private static int CountRun(string text, int p, int end, System.Func<char, bool> allowed)
        {
            int k = p;
            while (k < end && allowed(text[k]))
            {
                k++;
            }

            return k - p;
        }

        private static bool HasLetterAndDigit(string text, int start, int length)
        {
            bool letter = false, digit = false;
            for (int k = start; k < start + length; k++)
            {
                letter |= Chars.IsAsciiLetter(text[k]);
                digit |= Chars.IsAsciiDigit(text[k]);
            }

            return letter && digit;
        }

        private static bool HasUpperLowerDigit(string text, int start, int length)
        {
            bool upper = false, lower = false, digit = false;
            for (int k = start; k < start + length; k++)
            {
                upper |= Chars.IsUpper(text[k]);
                lower |= Chars.IsLower(text[k]);
                digit |= Chars.IsAsciiDigit(text[k]);
            }

            return upper && lower && digit;
        }

        private static bool At(string text, int i, int end, string value)
        {
            if (i < 0 || i + value.Length > end)
            {
                return false;
            }

            for (int k = 0; k < value.Length; k++)
            {
                if (text[i + k] != value[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><see cref="At"/> with ASCII case folding; <paramref name="lower"/> is lower case.</summary>
        private static bool AtIgnoreCase(string text, int i, int end, string lower)
        {
            if (i + lower.Length > end)
            {
                return false;
            }

            for (int k = 0; k < lower.Length; k++)
            {
                char c = text[i + k];
                if ((Chars.IsUpper(c) ? (char)(c | 0x20) : c) != lower[k])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Letters, digits and <c>_</c>: a token that touches one of these on its left is part of a longer word.</summary>
        private static bool IsWordChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_';

        private static bool IsSlackChar(char c) => IsWordChar(c) || c == '-';

        private static bool IsUrlSafeBase64Char(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

        private static bool IsLowerHex(char c) => Chars.IsAsciiDigit(c) || (uint)(c - 'a') <= 'f' - 'a';

        private static bool IsUpperOrDigit(char c) => Chars.IsUpper(c) || Chars.IsAsciiDigit(c);

        private static bool IsLowerOrDigit(char c) => Chars.IsLower(c) || Chars.IsAsciiDigit(c);

        private static uint[] CreateCrc32Table()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }

        private static bool[] CreateTriggers()
        {
            var triggers = new bool[128];
            foreach (char c in "-gnxhsrSAa")
            {
                triggers[c] = true;
            }

            return triggers;
        }
    }
}
