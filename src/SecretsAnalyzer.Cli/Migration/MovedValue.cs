using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>A value that the fixes took out of the source and that the provisioning script puts into a store.</summary>
    internal sealed record MovedValue(
        int Number,
        StoreKind Store,
        string Name,
        string Value,
        string RuleId,
        string Kind,
        string Project,
        string Location,
        Finding Origin)
    {
        /// <summary>Every declaration the value is folded from (path:line), the expression's own first.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Sources { get; init; } = System.Array.Empty<string>();
    }
}
