using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    /// <summary>
    /// Provider tokens and private keys found by their published format (../shared/REFERENCE.md §8): hand-written
    /// scanners, one forward walk, linear in the text, no regex, no recursion. Only formats distinctive enough for a
    /// precision of at least 0.99 are recognised; test-mode keys, documentation examples, placeholders, wrong checksums,
    /// wrong lengths and tokens that run into a longer word are not findings.
    /// </summary>
    public static partial class ProviderTokens
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
    }
}
