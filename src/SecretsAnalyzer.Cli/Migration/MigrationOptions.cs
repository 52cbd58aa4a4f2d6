using System;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>Which store the migrated values go to.</summary>
    internal enum MigrationStore
    {
        SecretsManager,
        ParameterStore,
    }

    internal sealed class MigrationOptions
    {
        public MigrationStore Store { get; init; }

        public string? ProvisionScript { get; init; }

        public bool DryRun { get; init; }
    }

    internal static class MigrationStoreNames
    {
    }
}
