namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    /// <summary>
    /// Measured times, kept where a reader can find them after `dotnet test` (which hides passing tests' output):
    /// artifacts/e2e-timings.txt in the repository (git-ignored). `.ci/run` prints it.
    /// </summary>
    internal static class Timings
    {
        private static readonly object Gate = new();

        public static string FilePath => Path.Combine(RepoPaths.Root, "artifacts", "e2e-timings.txt");

        public static void Record(string line)
        {
            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z {line}{Environment.NewLine}");
            }
        }
    }
}
