namespace SecretsAnalyzer
{
    /// <summary>Keys and values of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes read.</summary>
    public static class DiagnosticProperties
    {
        /// <summary>What was found: one of the Kind* values.</summary>
        public const string SecretKind = "SecretKind";

        public const string KindAccessKeyId = "AccessKeyId";
        public const string KindSecretAccessKey = "SecretAccessKey";
        public const string KindSessionToken = "SessionToken";
        public const string KindConnectionString = "ConnectionString";
        public const string KindRoleArn = "RoleArn";
        public const string KindProviderToken = "ProviderToken";

        /// <summary>SECRETS006: which token it is, a <c>SecretsAnalyzer.Detection.ProviderTokenKind</c> name (GitHubPersonalAccessToken, PrivateKey, …).</summary>
        public const string ProviderTokenKind = "ProviderTokenKind";
        public const string KindCredential = "Credential";

        /// <summary>SECRETS004: which case the role ARN is, a <c>SecretsAnalyzer.Detection.RoleArnKind</c> name (BoundAccount, WildcardRoleName, WildcardAccount).</summary>
        public const string RoleArnCase = "RoleArnCase";

        /// <summary>SECRETS004: the role resource of the ARN, <c>role/path/Name</c>, for fixes that rebuild the ARN.</summary>
        public const string RoleArnResource = "RoleArnResource";

        /// <summary>
        /// Set when the fix that moves the value to a store is not offered because the project lacks its AWS SDK package:
        /// the package(s) to add, e.g. <c>AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement</c>. Never a secret.
        /// </summary>
        public const string MissingFixPackage = "MissingFixPackage";

        /// <summary>A finding in a config file: the file kind, a <c>SecretsAnalyzer.ConfigFiles.ConfigFileKind</c> name (AppSettings, Template, …).</summary>
        public const string ConfigFileKind = "ConfigFileKind";

        /// <summary>A finding in a config file: the key path of the value (<c>ConnectionStrings:Orders</c>, <c>Resources.Fn.Properties.Role</c>).</summary>
        public const string ConfigKeyPath = "ConfigKeyPath";
    }
}
