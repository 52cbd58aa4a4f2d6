using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Mirror
{
    // Mirrors release assets between GitHub, GitLab and the npm registry.
    public class RepositorySyncFunction
    {
        private static readonly HttpClient Http = new HttpClient();

        private const string GitHubToken = "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"; // Noncompliant SECRETS006
        private const string GitHubAppToken = "ghs_0gBxRBCl2cZjgX0lRiAKVZc28tbrAn2qk1kE"; // Noncompliant SECRETS006
        private const string FineGrainedToken = "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"; // Noncompliant SECRETS006
        private const string GitLabToken = "glpat-ZmYmERlqD-u7T2CEvHGx"; // Noncompliant SECRETS006
        private const string NpmRc = "//registry.npmjs.org/:_authToken=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"; // Noncompliant SECRETS006

        // Look-alikes: a token whose checksum was altered for the docs, a placeholder, a prefix in prose, a commit id.
        private const string DocsToken = "ghp_a5Iikd27tKHK1ZUOGCJlehr8x5S0AB3zgW8b"; // Compliant SECRETS006
        private const string DocsNpmToken = "npm_APcig7BZkupIWvdek08E2Im4MxuTrw1yBFt2"; // Compliant SECRETS006
        private const string TokenPlaceholder = "ghp_<your-personal-access-token>"; // Compliant SECRETS006
        private const string MaskedToken = "ghp_************************************"; // Compliant SECRETS006
        private const string GitLabPlaceholder = "glpat-xxxxxxxxxxxxxxxxxxxx"; // Compliant SECRETS006
        private const string CommitSha = "7fe1f2a844edebef31e35b41b98de956311a9d67"; // Compliant SECRETS006
        private const string TokenSecretName = "mirror/github-token"; // Compliant SECRETS006
        private const string LongerWord = "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0"; // Compliant SECRETS006

        public async Task<string> Handle(string release, ILambdaContext context)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.github.com/repos/orders/app/releases/" + release);
            request.Headers.Authorization = new AuthenticationHeaderValue("token", GitHubToken);
            request.Headers.UserAgent.ParseAdd("mirror");
            await Http.SendAsync(request);

            string gitlabUrl = $"https://oauth2:glpat-bz7uxgX3-Y5vNRC-_db5@gitlab.example.com/orders/app.git"; // Noncompliant SECRETS006
            context.Logger.LogLine("Use a ghp_ token with the repo scope; set it in GITHUB_TOKEN."); // Compliant SECRETS006
            return gitlabUrl + GitHubAppToken + FineGrainedToken + GitLabToken + NpmRc + DocsToken + DocsNpmToken + TokenPlaceholder + MaskedToken + GitLabPlaceholder + CommitSha + TokenSecretName + LongerWord;
        }

        // Rotated in March; the old OAuth token was 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 // Noncompliant SECRETS006
        /* refresh token for the GitHub App (do not commit):
           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 */ // Noncompliant SECRETS006
    }
}
