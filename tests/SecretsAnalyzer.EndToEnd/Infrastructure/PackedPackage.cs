using System.Diagnostics;

namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    /// <summary>
    /// Packs SecretsAnalyzer once per test run into a local feed, under a version no cache can hold
    /// (0.1.0-e2e&lt;random&gt;), and gives the consumers a nuget.config and a packages folder of their own.
    /// The pack runs on a copy of the sources, so it never races the repository's own build or other tests.
    /// </summary>
    /// <remarks>
    /// One pack for the whole run, shared by every test class: a class takes it as <c>IClassFixture&lt;PackedPackage&gt;</c>
    /// (or through a collection fixture), and each fixture instance is a handle on the same pack, made by the first
    /// class that needs it. So the classes run in parallel (each is its own xunit collection; they share no state but
    /// the read-only feed and the packages folder, which NuGet fills under a file lock). The last handle disposed
    /// deletes the temporary folder, within the run (a handle asked for after that packs again, which only happens
    /// when the classes run one after another).
    /// </remarks>
    public sealed class PackedPackage : IDisposable
    {
        private static readonly object Gate = new();
        private static Pack? current;
        private static Exception? failure;
        private static int handles;

        private readonly Pack pack;
        private bool disposed;

        public PackedPackage()
        {
            lock (Gate)
            {
                // A pack that failed is rethrown to every class that asks for it, without packing again.
                if (failure != null)
                {
                    throw new InvalidOperationException("the shared pack failed earlier in this run", failure);
                }

                try
                {
                    current ??= new Pack();
                }
                catch (Exception e)
                {
                    failure = e;
                    throw;
                }

                handles++;
                pack = current;
            }
        }

        /// <summary>The temporary folder that holds the feed, the packages folder and every consumer.</summary>
        public string Root => pack.Root;

        public string Feed => pack.Feed;

        public string PackagesFolder => pack.PackagesFolder;

        public string Version => pack.Version;

        public string NupkgPath => pack.NupkgPath;

        public TimeSpan PackTime => pack.PackTime;

        /// <summary>
        /// nuget.config for a consumer: the local feed first, then the sources configured on this machine (the user's
        /// NuGet.Config, normally nuget.org). Consumers live outside the repository, so nothing else is inherited.
        /// </summary>
        public string NuGetConfig =>
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="secretsanalyzer-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """;

        /// <summary>Makes a new, empty consumer directory (hermetic: its own nuget.config and root .editorconfig).</summary>
        public string NewDirectory(string name)
        {
            string dir = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "nuget.config"), NuGetConfig);
            return dir;
        }

        /// <summary>A handle's end; the last one deletes the pack's temporary folder.</summary>
        public void Dispose()
        {
            lock (Gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
                if (--handles == 0 && current != null)
                {
                    current.Delete();
                    current = null;
                }
            }
        }

        private sealed class Pack
        {
            public Pack()
            {
                Root = Path.Combine(Path.GetTempPath(), "secretsanalyzer-e2e-" + Guid.NewGuid().ToString("N")[..10]);
                Directory.CreateDirectory(Root);
                Feed = Path.Combine(Root, "feed");
                PackagesFolder = Path.Combine(Root, "packages");
                Directory.CreateDirectory(Feed);
                Directory.CreateDirectory(PackagesFolder);
                Version = "0.1.0-e2e" + Guid.NewGuid().ToString("N")[..10];

                NupkgPath = Path.Combine(Feed, "SecretsAnalyzer." + Version + ".nupkg");
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    string sources = Path.Combine(Root, "sources");
                    CopySources(sources);
                    ProcessResult pack = ProcessRunner.Dotnet(
                        sources,
                        TimeSpan.FromMinutes(10),
                        "pack", "nupkg", "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version, "-nodeReuse:false");
                    if (pack.ExitCode != 0)
                    {
                        throw new InvalidOperationException("dotnet pack failed: " + pack);
                    }

                    if (!File.Exists(NupkgPath))
                    {
                        throw new InvalidOperationException("dotnet pack did not produce " + NupkgPath + ": " + pack);
                    }
                }
                catch
                {
                    Delete();
                    throw;
                }

                PackTime = stopwatch.Elapsed;
                Timings.Record($"dotnet pack nupkg -c Release: {PackTime.TotalSeconds:F1} s");
            }

            public string Root { get; }

            public string Feed { get; }

            public string PackagesFolder { get; }

            public string Version { get; }

            public string NupkgPath { get; }

            public TimeSpan PackTime { get; }

            public void Delete()
            {
                try
                {
                    Directory.Delete(Root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        private static void CopySources(string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (string dir in new[] { "src", "nupkg", "docs" })
            {
                string source = Path.Combine(RepoPaths.Root, dir);
                if (Directory.Exists(source))
                {
                    RepoPaths.CopyTree(source, Path.Combine(destination, dir));
                }
            }

            foreach (string file in Directory.EnumerateFiles(RepoPaths.Root))
            {
                string name = Path.GetFileName(file);
                if (name.StartsWith("Directory.", StringComparison.Ordinal)
                    || name is "global.json" or "LICENSE" or "README.md" or ".editorconfig" or "NuGet.config" or "nuget.config")
                {
                    File.Copy(file, Path.Combine(destination, name));
                }
            }
        }
    }

    /// <summary>
    /// A collection for tests that must not run beside each other; its fixture is a handle on the same shared pack.
    /// Most classes need no collection: they take <c>IClassFixture&lt;PackedPackage&gt;</c> and run in parallel.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class EndToEndCollection : ICollectionFixture<PackedPackage>
    {
        public const string Name = "End to end";
    }
}
