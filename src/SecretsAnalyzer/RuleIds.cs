namespace SecretsAnalyzer
{
    /// <summary>Rule identifiers, category and help links, in one place.</summary>
    public static class RuleIds
    {
        public const string AwsAccessKeyId = "SECRETS001";
        public const string AwsSecretKey = "SECRETS002";
        public const string ConnectionStringPassword = "SECRETS003";
        public const string RoleArn = "SECRETS004";
        public const string AuthenticationSecret = "SECRETS005";
        public const string ProviderToken = "SECRETS006";

        public const string Category = "Security";

        /// <summary>Base of every rule's documentation page.</summary>
        public const string HelpLinkBase = "https://github.com/secrets-analyzer/SecretsAnalyzer/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";
    }
}
