using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// Which AWS packages the code fixes need are missing from a compilation. When a fix cannot be offered because its
    /// package is not referenced, the finding carries the package to add in the
    /// <see cref="DiagnosticProperties.MissingFixPackage"/> property. The finding is always reported with the rule's own
    /// descriptor: the compiler's SARIF log lists each distinct descriptor in <c>tool.driver.rules</c>, so a per-compilation
    /// copy (an earlier design, with the hint in its description) listed a rule twice in a solution where one project has
    /// the package and another has not.
    /// </summary>
    internal sealed class FixAvailability
    {
        public const string SecretsManagerClient = "Amazon.SecretsManager.AmazonSecretsManagerClient";
        public const string ParameterStoreClient = "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient";

        /// <summary>The packages that enable the fixes that move a credential to a store (either one is enough).</summary>
        public const string ValuePackages = "AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement";

        /// <summary>The package that enables the fix that reads a role ARN from Parameter Store.</summary>
        public const string RoleArnPackage = "AWSSDK.SimpleSystemsManagement";

        public static readonly FixAvailability All = new FixAvailability(true, true);

        private readonly bool _secretsManager;
        private readonly bool _parameterStore;

        private FixAvailability(bool secretsManager, bool parameterStore)
        {
            _secretsManager = secretsManager;
            _parameterStore = parameterStore;
        }

        public static FixAvailability Create(Compilation compilation)
        {
            bool secretsManager = compilation.GetTypeByMetadataName(SecretsManagerClient) != null;
            bool parameterStore = compilation.GetTypeByMetadataName(ParameterStoreClient) != null;
            return secretsManager && parameterStore ? All : new FixAvailability(secretsManager, parameterStore);
        }

        /// <summary>The NuGet package(s) to add to enable the fix that moves a finding of <paramref name="ruleId"/> to a store, or null.</summary>
        public string? MissingPackage(string ruleId)
        {
            switch (ruleId)
            {
                case RuleIds.AwsAccessKeyId:
                case RuleIds.AwsSecretKey:
                case RuleIds.ConnectionStringPassword:
                case RuleIds.ProviderToken:
                case RuleIds.AuthenticationSecret:
                    return _secretsManager || _parameterStore ? null : ValuePackages;
                case RuleIds.RoleArn:
                    return _parameterStore ? null : RoleArnPackage;
                default:
                    return null;
            }
        }

        /// <summary><paramref name="properties"/> with the missing package of <paramref name="ruleId"/>'s fix, when one is missing.</summary>
        public ImmutableDictionary<string, string?>? WithMissingPackage(string ruleId, ImmutableDictionary<string, string?>? properties)
        {
            string? missing = MissingPackage(ruleId);
            return missing == null
                ? properties
                : (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(DiagnosticProperties.MissingFixPackage, missing);
        }
    }
}
