using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>
    /// A throw-away copy of the repository's analyzer sources and build settings in a temporary folder, in which each
    /// test gets its own copy of tests/samples/LambdaSample (at tests/samples/NAME, so the sample's relative
    /// references to src/ resolve to the copy). Nothing a test does touches the real repository.
    /// </summary>
    public sealed class TestRepo : IDisposable
    {
        public TestRepo()
        {
            RepoRoot = Metadata("RepoRoot");
            CliAssembly = Metadata("CliAssembly");
            Root = Path.Combine(Path.GetTempPath(), "secrets-analyzer-cli-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Root);
            foreach (string project in new[] { "SecretsAnalyzer", "SecretsAnalyzer.CodeFixes" })
            {
                CopyTree(Path.Combine(RepoRoot, "src", project), Path.Combine(Root, "src", project));
            }

            foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(RepoRoot, file), Path.Combine(Root, file));
            }
        }

        public string RepoRoot { get; }

        public string CliAssembly { get; }

        /// <summary>The temporary repository root (not a git repository).</summary>
        public string Root { get; }

        /// <summary>A fresh copy of the sample solution; returns the path of its .sln.</summary>
        public string NewSample(string name)
        {
            string target = Path.Combine(Root, "tests", "samples", name);
            CopyTree(Path.Combine(RepoRoot, "tests", "samples", "LambdaSample"), target);
            return Path.Combine(target, "LambdaSample.sln");
        }

        /// <summary>Runs the tool as its own process, the way `dotnet tool` runs it.</summary>
        public ProcessResult Cli(string workingDirectory, params string[] args) =>
            Run("dotnet", new[] { CliAssembly }.Concat(args), workingDirectory, TimeSpan.FromMinutes(10));

        public static ProcessResult Run(string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The test host's MSBuild variables would point a child's MSBuild at the test host's SDK settings.
            foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";
            start.Environment["DOTNET_NOLOGO"] = "1";
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                start.Environment[pair.Key] = pair.Value;
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(fileName + " " + string.Join(" ", args) + " did not finish in " + timeout);
            }

            process.WaitForExit();
            return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        }

        /// <summary>Path → SHA-256 of every file under <paramref name="root"/> except build output.</summary>
        public static Dictionary<string, string> Snapshot(string root)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Split('/').Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }

            return result;
        }

        public void Dispose()
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

        private static string Metadata(string key) =>
            typeof(TestRepo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static void CopyTree(string source, string target)
        {
            Directory.CreateDirectory(target);
            foreach (string file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            foreach (string directory in Directory.GetDirectories(source))
            {
                string name = Path.GetFileName(directory);
                if (name is not ("bin" or "obj"))
                {
                    CopyTree(directory, Path.Combine(target, name));
                }
            }
        }
    }

    public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + "\n" + StandardError;
    }

    [CollectionDefinition(Name)]
    public sealed class CliCollection : ICollectionFixture<TestRepo>
    {
        public const string Name = "secrets-analyzer CLI";
    }
}
