namespace SecretsAnalyzer.Detection
{
    // GitHub tokens: the kind a prefix letter names and fine-grained personal access tokens.
    public static partial class ProviderTokens
    {
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
    }
}
