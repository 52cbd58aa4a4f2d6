namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    /// <summary>Locates the repository the tests were built from.</summary>
    internal static class RepoPaths
    {
        private static readonly Lazy<string> LazyRoot = new(() =>
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SecretsAnalyzer.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SecretsAnalyzer.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => LazyRoot.Value;

        public static string Sample => Path.Combine(Root, "tests", "samples", "LambdaSample");

        /// <summary>Copies a directory tree, leaving out build output and tool state.</summary>
        public static void CopyTree(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (string file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)), overwrite: true);
            }

            foreach (string dir in Directory.EnumerateDirectories(source))
            {
                string name = Path.GetFileName(dir);
                if (name is "bin" or "obj" or ".git" or ".vs" or "TestResults" or "artifacts")
                {
                    continue;
                }

                CopyTree(dir, Path.Combine(destination, name));
            }
        }
    }
}
