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
}
