using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// Which AWS packages the code fixes need are missing from a compilation. When a fix cannot be offered because its
    /// package is not referenced, the finding is reported with a per-compilation copy of the rule's descriptor (same id,
    /// title, message, severity, help link) whose description says which package to add. The analysis engine accepts a
    /// diagnostic whose id is among the analyzer's supported ids, so the copy needs no extra entry in
    /// <c>SupportedDiagnostics</c>.
    /// </summary>
    internal sealed class FixAvailability
    {
        public const string SecretsManagerClient = "Amazon.SecretsManager.AmazonSecretsManagerClient";
        public const string ParameterStoreClient = "Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient";

        public static readonly FixAvailability All = new FixAvailability(true, true);

        private readonly bool _secretsManager;
        private readonly bool _parameterStore;
        private DiagnosticDescriptor? _valueRule001;
        private DiagnosticDescriptor? _valueRule002;
        private DiagnosticDescriptor? _valueRule003;
        private DiagnosticDescriptor? _valueRule005;
        private DiagnosticDescriptor? _roleArn;

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

        /// <summary>The descriptor to report with: the rule's own, or a copy whose description names the package to add.</summary>
        public DiagnosticDescriptor Adjust(DiagnosticDescriptor descriptor)
        {
            switch (descriptor.Id)
            {
                case RuleIds.AwsAccessKeyId:
                    return _secretsManager || _parameterStore ? descriptor : _valueRule001 ??= WithValueHint(descriptor);
                case RuleIds.AwsSecretKey:
                    return _secretsManager || _parameterStore ? descriptor : _valueRule002 ??= WithValueHint(descriptor);
                case RuleIds.ConnectionStringPassword:
                    return _secretsManager || _parameterStore ? descriptor : _valueRule003 ??= WithValueHint(descriptor);
                case RuleIds.AuthenticationSecret:
                    return _secretsManager || _parameterStore ? descriptor : _valueRule005 ??= WithValueHint(descriptor);
                case RuleIds.RoleArn:
                    return _parameterStore ? descriptor : _roleArn ??= WithHint(
                        descriptor,
                        " To enable the code fix that reads the ARN from SSM Parameter Store, add the NuGet package AWSSDK.SimpleSystemsManagement.");
                default:
                    return descriptor;
            }
        }

        private static DiagnosticDescriptor WithValueHint(DiagnosticDescriptor descriptor) => WithHint(
            descriptor,
            " To enable the code fixes that move the value to AWS Secrets Manager or SSM Parameter Store, add the NuGet package AWSSDK.SecretsManager (or AWSSDK.SimpleSystemsManagement).");

        private static DiagnosticDescriptor WithHint(DiagnosticDescriptor descriptor, string hint)
        {
            var tags = new string[System.Linq.Enumerable.Count(descriptor.CustomTags)];
            int i = 0;
            foreach (string tag in descriptor.CustomTags)
            {
                tags[i++] = tag;
            }

            return new DiagnosticDescriptor(
                descriptor.Id,
                descriptor.Title,
                descriptor.MessageFormat,
                descriptor.Category,
                descriptor.DefaultSeverity,
                descriptor.IsEnabledByDefault,
                descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) + hint,
                descriptor.HelpLinkUri,
                tags);
        }
    }
}
