namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>
    /// Fresh, random fake credentials (generated for these tests; never valid, never the AWS docs examples) and the
    /// consumer sources that hold them. Every value here must stay out of build logs and SARIF files.
    /// </summary>
    internal static class FakeCredentials
    {
        public const string KeyId = "AKIAESUKMX7B2FZKWMX5";
        public const string SecretKey = "P+WpUZlAUyrQMMwenFUObksORHCU6GmPfFS5sMBB";
        public const string CommentKeyId = "AKIA3FICQCECHCBF7OUR";
        public const string SessionKeyId = "ASIACSRGI37WZ3FX6NIR";
        public const string SessionSecretKey = "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";
        public const string SessionToken =
            "IQoJb3JpZ2luX2VjERR0u/555MTtLO7hY+yAyb8mGBRhyHzoJeu7/wu8sn0E/cqC5XvFwpKOfLmaNs8w054hwPnMhXlPZCqR4Ymv2LsSV" +
            "NJdbVGR55BFiYLT68hAlvxcJbMC3T1zqJuWn6vmfM1vWzvrXcHYBLpuAw17zISBKsHKeEbQXSUS0+r1JM4Gb53dwyxDu";
        public const string DatabasePassword = "RHr7tXI#gI8ZOOGAoD";

        /// <summary>Every fake secret value written into a consumer source.</summary>
        public static readonly IReadOnlyList<string> All =
            [KeyId, SecretKey, CommentKeyId, SessionKeyId, SessionSecretKey, SessionToken, DatabasePassword];

        /// <summary>A Lambda-style credentials factory with a hard-coded key pair (SECRETS001 + SECRETS002).</summary>
        public static readonly string CredentialsWithKey = $$"""
            using Amazon.Runtime;

            namespace OrdersFunction
            {
                public static class OrdersCredentials
                {
                    public static AWSCredentials Create() => new BasicAWSCredentials("{{KeyId}}", "{{SecretKey}}");
                }
            }
            """;

        /// <summary>The same file once the key is gone: the values come from the environment.</summary>
        public static readonly string CredentialsWithoutKey = """
            using System;
            using Amazon.Runtime;

            namespace OrdersFunction
            {
                public static class OrdersCredentials
                {
                    public static AWSCredentials Create() => new BasicAWSCredentials(
                        Environment.GetEnvironmentVariable("ORDERS_ACCESS_KEY_ID") ?? string.Empty,
                        Environment.GetEnvironmentVariable("ORDERS_SECRET_ACCESS_KEY") ?? string.Empty);
                }
            }
            """;

        /// <summary>More places a secret hides, for the SARIF file: a comment, a session, a connection string.</summary>
        public static readonly string MoreSecrets = $$"""
            using Amazon.Runtime;

            namespace OrdersFunction
            {
                public static class Legacy
                {
                    // Old deploy key, rotated last spring: {{CommentKeyId}}
                    public static AWSCredentials Session() =>
                        new SessionAWSCredentials("{{SessionKeyId}}", "{{SessionSecretKey}}", "{{SessionToken}}");

                    public const string Orders = "Server=orders-db.internal;Database=orders;User Id=orders_app;Password={{DatabasePassword}}";
                }
            }
            """;
    }
}
