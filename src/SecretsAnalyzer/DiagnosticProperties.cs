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
        public const string KindCredential = "Credential";

        /// <summary>SECRETS004: which case the role ARN is, a <c>SecretsAnalyzer.Detection.RoleArnKind</c> name (BoundAccount, WildcardRoleName, WildcardAccount).</summary>
        public const string RoleArnCase = "RoleArnCase";

        /// <summary>SECRETS004: the role resource of the ARN, <c>role/path/Name</c>, for fixes that rebuild the ARN.</summary>
        public const string RoleArnResource = "RoleArnResource";
    }
}
