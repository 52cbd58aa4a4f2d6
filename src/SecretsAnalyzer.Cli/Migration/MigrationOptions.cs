using System;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>Which store the migrated values go to (the --store option).</summary>
    internal enum MigrationStore
    {
        SecretsManager,
        ParameterStore,
    }

    /// <summary>Where one moved value lives after the migration.</summary>
    internal enum StoreKind
    {
        /// <summary>An AWS Secrets Manager secret (SecretString).</summary>
        SecretsManager,

        /// <summary>An SSM Parameter Store parameter of type SecureString.</summary>
        ParameterStore,
    }

    internal sealed class MigrationOptions
    {
        public MigrationStore Store { get; init; }

        public string? ProvisionScript { get; init; }

        public bool DryRun { get; init; }
    }

    /// <summary>
    /// The equivalence keys of the SecretsAnalyzer code actions (issue 5): the tool picks, for each rule, the action
    /// that moves the value into the chosen store, exactly as "Fix All in Solution" with that action would.
    /// </summary>
    internal static class FixKeys
    {
        public const string ReadFromSecretsManager = "SecretsAnalyzer.ReadFromSecretsManager";
        public const string ReadFromParameterStore = "SecretsAnalyzer.ReadFromParameterStore";
        public const string ReadRoleArnFromParameterStore = "SecretsAnalyzer.ReadRoleArnFromParameterStore";

        public const string SecretsManagerName = "secrets-manager";
        public const string ParameterStoreName = "parameter-store";

        /// <summary>
        /// The action to apply for a rule. Credentials (SECRETS001-003) go to the chosen store. A role ARN (SECRETS004)
        /// is configuration, not a secret, and only Parameter Store holds it, whatever the store chosen.
        /// </summary>
        public static string For(string ruleId, MigrationStore store) =>
            ruleId == RuleIds.RoleArn
                ? ReadRoleArnFromParameterStore
                : store == MigrationStore.SecretsManager ? ReadFromSecretsManager : ReadFromParameterStore;

        public static string Title(string key) => key switch
        {
            ReadFromSecretsManager => "Read from AWS Secrets Manager",
            ReadFromParameterStore => "Read from SSM Parameter Store",
            ReadRoleArnFromParameterStore => "Read role ARN from SSM Parameter Store",
            _ => key,
        };

        public static MigrationStore ParseStore(string name) =>
            name == ParameterStoreName ? MigrationStore.ParameterStore
            : name == SecretsManagerName ? MigrationStore.SecretsManager
            : throw new ArgumentException("unknown store: " + name, nameof(name));
    }
}
