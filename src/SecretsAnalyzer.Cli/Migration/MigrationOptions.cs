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
        public const string ReadFromSecretsManager = SecretsAnalyzer.CodeFixes.FixKinds.ReadFromSecretsManagerKey;
        public const string ReadFromParameterStore = SecretsAnalyzer.CodeFixes.FixKinds.ReadFromParameterStoreKey;
        public const string ReadRoleArnFromParameterStore = SecretsAnalyzer.CodeFixes.FixKinds.ReadRoleArnFromParameterStoreKey;

        /// <summary>The key of each finding's first (recommended) action, whatever fix it is; the title tells which.</summary>
        public const string Recommended = SecretsAnalyzer.CodeFixes.FixKinds.RecommendedKey;

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

        public static string Title(string key) =>
            SecretsAnalyzer.CodeFixes.FixKinds.FromKey(key) is SecretsAnalyzer.CodeFixes.FixKind kind ? SecretsAnalyzer.CodeFixes.FixKinds.Title(kind) : key;

        /// <summary>Whether <paramref name="action"/> is the fix with <paramref name="key"/> (its own key, or the recommended key and its title).</summary>
        public static bool Is(Microsoft.CodeAnalysis.CodeActions.CodeAction action, string key) =>
            action.EquivalenceKey == key || (action.EquivalenceKey == Recommended && action.Title == Title(key));

        public static MigrationStore ParseStore(string name) =>
            name == ParameterStoreName ? MigrationStore.ParameterStore
            : name == SecretsManagerName ? MigrationStore.SecretsManager
            : throw new ArgumentException("unknown store: " + name, nameof(name));
    }
}
