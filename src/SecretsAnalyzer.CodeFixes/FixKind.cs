namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>The rewrites SecretsAnalyzer offers, in the order a finding offers them.</summary>
    internal enum FixKind
    {
        /// <summary>SECRETS001/002: remove explicit credentials so the default chain picks up the Lambda execution role.</summary>
        UseExecutionRole,

        /// <summary>SECRETS001/002/003: the value becomes a Secrets Manager lookup through the project's helper.</summary>
        ReadFromSecretsManager,

        /// <summary>SECRETS001/002/003: the value becomes a SecureString Parameter Store lookup through the project's helper.</summary>
        ReadFromParameterStore,

        /// <summary>SECRETS004: the role ARN becomes a Parameter Store lookup.</summary>
        ReadRoleArnFromParameterStore,

        /// <summary>SECRETS004: partition and account come from <c>ILambdaContext.InvokedFunctionArn</c>; path and name stay.</summary>
        BuildRoleArnFromInvokingAccount,

        /// <summary>
        /// Any rule, a finding in a comment or documentation comment: the credential is redacted in place (an access key
        /// ID keeps its prefix and last four characters, anything else becomes <c>&lt;redacted&gt;</c>).
        /// </summary>
        RedactInComment,
    }

    /// <summary>Stable equivalence keys (Fix All and <c>dotnet format</c> rely on them) and titles.</summary>
    internal static class FixKinds
    {
        /// <summary>
        /// The key of every finding's first action: its recommended fix. Fix All with this key applies each finding's
        /// recommended fix (the execution role where the keys go straight into a constructor, else a store lookup);
        /// <c>dotnet format</c> uses the first action's key, so it fixes every fixable finding this way.
        /// </summary>
        public const string RecommendedKey = "SecretsAnalyzer.Recommended";

        public const string UseExecutionRoleKey = "SecretsAnalyzer.UseExecutionRole";
        public const string ReadFromSecretsManagerKey = "SecretsAnalyzer.ReadFromSecretsManager";
        public const string ReadFromParameterStoreKey = "SecretsAnalyzer.ReadFromParameterStore";
        public const string ReadRoleArnFromParameterStoreKey = "SecretsAnalyzer.ReadRoleArnFromParameterStore";
        public const string BuildRoleArnFromInvokingAccountKey = "SecretsAnalyzer.BuildRoleArnFromInvokingAccount";
        public const string RedactInCommentKey = "SecretsAnalyzer.RedactInComment";

        public static string Key(FixKind kind)
        {
            switch (kind)
            {
                case FixKind.UseExecutionRole: return UseExecutionRoleKey;
                case FixKind.ReadFromSecretsManager: return ReadFromSecretsManagerKey;
                case FixKind.ReadFromParameterStore: return ReadFromParameterStoreKey;
                case FixKind.ReadRoleArnFromParameterStore: return ReadRoleArnFromParameterStoreKey;
                case FixKind.RedactInComment: return RedactInCommentKey;
                default: return BuildRoleArnFromInvokingAccountKey;
            }
        }

        public static FixKind? FromKey(string? key)
        {
            switch (key)
            {
                case UseExecutionRoleKey: return FixKind.UseExecutionRole;
                case ReadFromSecretsManagerKey: return FixKind.ReadFromSecretsManager;
                case ReadFromParameterStoreKey: return FixKind.ReadFromParameterStore;
                case ReadRoleArnFromParameterStoreKey: return FixKind.ReadRoleArnFromParameterStore;
                case BuildRoleArnFromInvokingAccountKey: return FixKind.BuildRoleArnFromInvokingAccount;
                case RedactInCommentKey: return FixKind.RedactInComment;
                default: return null;
            }
        }

        public static string Title(FixKind kind)
        {
            switch (kind)
            {
                case FixKind.UseExecutionRole: return "Use the Lambda execution role";
                case FixKind.ReadFromSecretsManager: return "Read from AWS Secrets Manager";
                case FixKind.ReadFromParameterStore: return "Read from SSM Parameter Store";
                case FixKind.ReadRoleArnFromParameterStore: return "Read role ARN from SSM Parameter Store";
                case FixKind.RedactInComment: return "Redact the credential in the comment";
                default: return "Build role ARN from the invoking account";
            }
        }
    }
}
