namespace SecretsAnalyzer.Cli.Loading
{
    /// <summary>Why an input could not be loaded: which project, and what MSBuild or the compiler said.</summary>
    internal sealed record LoadProblem(string Project, string Message);
}
