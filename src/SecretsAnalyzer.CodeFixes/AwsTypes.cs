using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>The AWS SDK types the fixes need, resolved by metadata name in one compilation.</summary>
    internal sealed class AwsTypes
    {
        public const string SecretsManagerClient = "Amazon.SecretsManager.AmazonSecretsManagerClient";
        public const string SecretsManagerInterface = "Amazon.SecretsManager.IAmazonSecretsManager";
        public const string GetSecretValueRequest = "Amazon.SecretsManager.Model.GetSecretValueRequest";
        public const string ParameterStoreClient = "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient";
        public const string ParameterStoreInterface = "Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement";
        public const string GetParameterRequest = "Amazon.SimpleSystemsManagement.Model.GetParameterRequest";
        public const string Arn = "Amazon.Arn";
        public const string AwsCredentials = "Amazon.Runtime.AWSCredentials";
        public const string AmazonServiceClient = "Amazon.Runtime.AmazonServiceClient";
        public const string DefaultCredentialsResolver = "Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver";
        public const string LambdaContext = "Amazon.Lambda.Core.ILambdaContext";

        public const string SecretsManagerPackage = "AWSSDK.SecretsManager";
        public const string ParameterStorePackage = "AWSSDK.SimpleSystemsManagement";

        private AwsTypes(Compilation compilation)
        {
            HasSecretsManager = compilation.GetTypeByMetadataName(SecretsManagerClient) != null &&
                compilation.GetTypeByMetadataName(SecretsManagerInterface) != null &&
                compilation.GetTypeByMetadataName(GetSecretValueRequest) != null;
            HasParameterStore = compilation.GetTypeByMetadataName(ParameterStoreClient) != null &&
                compilation.GetTypeByMetadataName(ParameterStoreInterface) != null &&
                compilation.GetTypeByMetadataName(GetParameterRequest) != null;
            HasArn = compilation.GetTypeByMetadataName(Arn) != null;
            Credentials = compilation.GetTypeByMetadataName(AwsCredentials);
            ServiceClient = compilation.GetTypeByMetadataName(AmazonServiceClient);
            DefaultResolver = compilation.GetTypeByMetadataName(DefaultCredentialsResolver);
            LambdaContextType = compilation.GetTypeByMetadataName(LambdaContext);
        }

        public static AwsTypes Create(Compilation compilation) => new AwsTypes(compilation);

        public bool HasSecretsManager { get; }

        public bool HasParameterStore { get; }

        /// <summary>A secret can be read: through Secrets Manager, or through Parameter Store's <c>/aws/reference/secretsmanager/</c> path.</summary>
        public bool CanReadSecrets => HasSecretsManager || HasParameterStore;

        public bool HasArn { get; }

        public INamedTypeSymbol? Credentials { get; }

        public INamedTypeSymbol? ServiceClient { get; }

        public INamedTypeSymbol? DefaultResolver { get; }

        public INamedTypeSymbol? LambdaContextType { get; }

        public bool IsCredentials(ITypeSymbol? type) => Credentials != null && DerivesFrom(type, Credentials);

        public bool IsServiceClient(ITypeSymbol? type) => ServiceClient != null && DerivesFrom(type, ServiceClient);

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
