using System.Text.RegularExpressions;
using SecretsAnalyzer.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>
    /// The README's own commands, taken from README.md and run as written: the sample command (its findings must be the
    /// README's excerpt and counts), and the install from a clone (eng/add-local-package.sh on a throwaway consumer,
    /// whose later restore and build must show the finding). When the README or the product drifts, these fail.
    /// Each test works on its own copy in a temporary folder, so they may run in parallel with anything.
    /// </summary>
    public sealed class ReadmeCommandsTests : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
        private static readonly Regex FindingLine = new(
            @"^(?<project>[A-Za-z][A-Za-z0-9_.]*)/\S+\.(?:cs|json|yaml|yml|template|env)\(\d+,\d+\): warning (?<rule>SECRETS\d{3}): \S",
            RegexOptions.None,
            TimeSpan.FromSeconds(5));

        // A whole access key ID (4-letter prefix and 16 characters); a message may show only its prefix and last four.
        private static readonly Regex WholeKeyId = new(@"A[KS]IA[A-Z0-9]{16}", RegexOptions.None, TimeSpan.FromSeconds(5));

        private readonly ITestOutputHelper output;
        private readonly string root;

        public ReadmeCommandsTests(ITestOutputHelper output)
        {
            this.output = output;
            root = Path.Combine(Path.GetTempPath(), "secretsanalyzer-readme-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(root);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        [Fact]
        public void SampleCommand_PrintsTheFindingsOfTheReadmesExcerpt_AndItsCounts()
        {
            Readme readme = Readme.Load();
            Readme.ConsoleBlock block = readme.ConsoleBlockRunning("tests/samples/LambdaSample");
            Readme.Counts expected = readme.CountsAfter(block);

            string clone = CopyClone("sample", "src", Path.Combine("tests", "samples", "LambdaSample"));
            ProcessResult run = ProcessRunner.Run("sh", ["-c", block.Command], clone, Timeout);
            Timings.Record($"README sample command: {run.Elapsed.TotalSeconds:F1} s, exit {run.ExitCode}");
            output.WriteLine(run.ToString());

            Assert.True(run.ExitCode == 0, "the README's sample command failed. " + run);
            string[] lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.NotEmpty(lines);
            var findings = new List<(string Project, string Rule)>();
            foreach (string line in lines)
            {
                Match match = FindingLine.Match(line);
                Assert.True(match.Success, $"not a finding as the README shows them: `{line}`. " + run);
                findings.Add((match.Groups["project"].Value, match.Groups["rule"].Value));
                Assert.False(WholeKeyId.IsMatch(line), "a finding shows a whole access key ID. " + run);
            }

            Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
            foreach (string excerptLine in block.Excerpt)
            {
                Assert.True(lines.Contains(excerptLine, StringComparer.Ordinal), $"the README's excerpt line `{excerptLine}` is not in the output. " + run);
            }

            Assert.Equal(expected.Total, findings.Count);
            Assert.Equal(Sorted(expected.PerProject), Sorted(Count(findings.Select(f => f.Project))));
            Assert.Equal(Sorted(expected.PerRule), Sorted(Count(findings.Select(f => f.Rule))));
        }

        [Fact]
        public void InstallScript_AddsThePackageFromALocalFeed_AndALaterRestoreAndBuildReportsTheKey()
        {
            Readme readme = Readme.Load();
            string command = readme.ShellLineStartingWith("eng/add-local-package.sh ");
            string placeholder = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.EndsWith(".csproj", placeholder, StringComparison.Ordinal);

            string clone = CopyClone("clone", "src", "nupkg", "eng");

            // The options the README names are the script's own.
            ProcessResult help = ProcessRunner.Run("sh", ["-c", "eng/add-local-package.sh --help"], clone, TimeSpan.FromMinutes(1));
            Assert.True(help.ExitCode == 0, "eng/add-local-package.sh --help failed. " + help);
            foreach (string option in Regex.Matches(readme.Text, @"\(`--feed`[^)]*\)", RegexOptions.None, TimeSpan.FromSeconds(5)).Single().Value.Split('`').Where(o => o.StartsWith("--", StringComparison.Ordinal)))
            {
                Assert.Contains(option + " ", help.Output, StringComparison.Ordinal);
            }

            string consumer = Path.Combine(root, "consumer");
            string packages = Path.Combine(root, "packages");
            string project = WriteConsumer(consumer, packages);

            ProcessResult install = ProcessRunner.Run("sh", ["-c", command.Replace(placeholder, "'" + project + "'", StringComparison.Ordinal)], clone, Timeout);
            Timings.Record($"README install (eng/add-local-package.sh: pack, nuget.config, dotnet add): {install.Elapsed.TotalSeconds:F1} s, exit {install.ExitCode}");
            output.WriteLine(install.ToString());
            Assert.True(install.ExitCode == 0, "eng/add-local-package.sh failed. " + install);

            // The package reference, at the version the script packed into the feed in the clone.
            string feed = Path.Combine(clone, "artifacts", "local-feed");
            string nupkg = Assert.Single(Directory.GetFiles(feed, "SecretsAnalyzer.*.nupkg"));
            string version = Path.GetFileNameWithoutExtension(nupkg)["SecretsAnalyzer.".Length..];
            Assert.Matches(@"^\d+\.\d+\.\d+-local\.\d{14}$", version);
            string projectText = File.ReadAllText(project);
            Assert.Contains($"<PackageReference Include=\"SecretsAnalyzer\" Version=\"{version}\">", projectText, StringComparison.Ordinal);
            Assert.Contains("<PrivateAssets>all</PrivateAssets>", projectText, StringComparison.Ordinal);

            // The feed is a source in the nuget.config next to the solution, not next to the project; other sources stay.
            string config = Path.Combine(consumer, "nuget.config");
            Assert.True(File.Exists(config), "no nuget.config next to the consumer's solution. " + install);
            Assert.False(File.Exists(Path.Combine(consumer, "Orders", "nuget.config")), "the nuget.config went next to the project, not the solution");
            string configText = File.ReadAllText(config);
            Assert.Contains($"<add key=\"SecretsAnalyzerLocal\" value=\"{feed}\" />", configText, StringComparison.Ordinal);
            Assert.DoesNotContain("<clear", configText, StringComparison.Ordinal);

            // A later restore, from scratch, finds the package through that nuget.config, and the build reports the key.
            Directory.Delete(Path.Combine(consumer, "Orders", "obj"), recursive: true);
            ProcessResult build = ProcessRunner.Dotnet(consumer, Timeout, "build", "Consumer.slnx", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:minimal");
            Timings.Record($"README install: consumer restore + build: {build.Elapsed.TotalSeconds:F1} s, exit {build.ExitCode}");
            output.WriteLine(build.ToString());
            BuildAssert.Succeeded(build);
            BuildAssert.Reports(build, "warning", "SECRETS001");
            BuildAssert.Reports(build, "warning", "SECRETS002");
            BuildAssert.HoldsNoSecret(build.Output, "the consumer's build log");
            Assert.True(Directory.Exists(Path.Combine(packages, "secretsanalyzer", version)), "the restore did not take SecretsAnalyzer " + version + " from the feed");
        }

        [Fact]
        public void LinksOfTheReadmeAndTheDocs_PointToFilesThatExist()
        {
            var files = new List<string> { Path.Combine(RepoPaths.Root, "README.md") };
            files.AddRange(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories));
            var link = new Regex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.None, TimeSpan.FromSeconds(5));
            var broken = new List<string>();
            int checkedLinks = 0;
            foreach (string file in files)
            {
                foreach (Match match in link.Matches(File.ReadAllText(file)))
                {
                    string target = match.Groups["target"].Value;
                    if (target.StartsWith('#') || Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.None, TimeSpan.FromSeconds(5)))
                    {
                        continue;
                    }

                    checkedLinks++;
                    string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target.Split('#')[0]));
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        broken.Add($"{Path.GetRelativePath(RepoPaths.Root, file)} -> {target}");
                    }
                }
            }

            Assert.True(checkedLinks > 10, $"only {checkedLinks} relative links found: is the link pattern still right?");
            Assert.True(broken.Count == 0, "broken links: " + string.Join(", ", broken));
        }

        private static IEnumerable<KeyValuePair<string, int>> Sorted(IReadOnlyDictionary<string, int> counts) =>
            counts.OrderBy(p => p.Key, StringComparer.Ordinal);

        private static Dictionary<string, int> Count(IEnumerable<string> keys) =>
            keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        /// <summary>A partial clone in the temporary folder: the repository's root files and the given folders.</summary>
        private string CopyClone(string name, params string[] folders)
        {
            string clone = Path.Combine(root, name);
            Directory.CreateDirectory(clone);
            foreach (string file in Directory.EnumerateFiles(RepoPaths.Root))
            {
                File.Copy(file, Path.Combine(clone, Path.GetFileName(file)));
            }

            foreach (string folder in folders)
            {
                RepoPaths.CopyTree(Path.Combine(RepoPaths.Root, folder), Path.Combine(clone, folder));
            }

            return clone;
        }

        /// <summary>
        /// A throwaway consumer solution, outside the clone: Consumer.slnx and Orders/Orders.csproj with a hard-coded key.
        /// Its Directory.Build.props only keeps the test's restores out of the machine's global packages folder.
        /// </summary>
        private static string WriteConsumer(string consumer, string packages)
        {
            Directory.CreateDirectory(Path.Combine(consumer, "Orders"));
            File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n");
            File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <RestorePackagesPath>{packages}</RestorePackagesPath>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.slnx"), """
                <Solution>
                  <Project Path="Orders/Orders.csproj" />
                </Solution>
                """);
            string project = Path.Combine(consumer, "Orders", "Orders.csproj");
            File.WriteAllText(project, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="AWSSDK.Core" Version="4.1.0" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Orders", "OrdersCredentials.cs"), FakeCredentials.CredentialsWithKey);
            return project;
        }

        /// <summary>README.md, read the way a newcomer reads it: fenced blocks, the commands in them, the sentences after them.</summary>
        private sealed class Readme
        {
            private readonly string[] lines;

            private Readme(string[] lines)
            {
                this.lines = lines;
            }

            public static Readme Load() => new(File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md")));

            public string Text => string.Join("\n", lines);

            /// <summary>
            /// The ```console block whose command (a `$ ` line, continued by lines after a trailing backslash) mentions
            /// <paramref name="mention"/>; the other lines of the block are the excerpt, without the `…` lines.
            /// </summary>
            public ConsoleBlock ConsoleBlockRunning(string mention)
            {
                foreach ((int start, int end, string language) in Blocks())
                {
                    if (language != "console" || !lines[start].StartsWith("$ ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    int i = start;
                    var command = new List<string> { lines[i][2..] };
                    while (lines[i].EndsWith('\\') && i + 1 < end)
                    {
                        command.Add(lines[++i]);
                    }

                    string text = string.Join("\n", command);
                    if (text.Contains(mention, StringComparison.Ordinal))
                    {
                        string[] excerpt = lines[(i + 1)..end].Select(l => l.Trim()).Where(l => l != "…" && l.Length > 0).ToArray();
                        Assert.True(excerpt.Length >= 3, "the README's console block shows almost no output");
                        return new ConsoleBlock(text, excerpt, end);
                    }
                }

                throw new InvalidOperationException($"README.md has no ```console block with a `$ ` command that mentions {mention}");
            }

            /// <summary>The single line of a ```sh block that starts with <paramref name="prefix"/>.</summary>
            public string ShellLineStartingWith(string prefix)
            {
                var found = new List<string>();
                foreach ((int start, int end, string language) in Blocks())
                {
                    if (language == "sh")
                    {
                        found.AddRange(lines[start..end].Where(l => l.StartsWith(prefix, StringComparison.Ordinal)));
                    }
                }

                return Assert.Single(found);
            }

            /// <summary>
            /// The paragraph after the block that says "**N findings**: A in P1 and B in P2; C SECRETS001, D SECRETS002, …".
            /// </summary>
            public Counts CountsAfter(ConsoleBlock block)
            {
                int i = block.End + 1;
                while (i < lines.Length && lines[i].Trim().Length == 0)
                {
                    i++;
                }

                var paragraph = new List<string>();
                while (i < lines.Length && lines[i].Trim().Length > 0)
                {
                    paragraph.Add(lines[i++]);
                }

                string text = string.Join(" ", paragraph);
                TimeSpan limit = TimeSpan.FromSeconds(5);
                Match total = Regex.Match(text, @"\*\*(\d+) findings\*\*", RegexOptions.None, limit);
                Assert.True(total.Success, "no \"**N findings**\" after the README's sample output: " + text);
                var perProject = Regex.Matches(text, @"(\d+) in ([A-Za-z][A-Za-z0-9_.]*)", RegexOptions.None, limit)
                    .ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
                var perRule = Regex.Matches(text, @"(\d+) (SECRETS\d{3})", RegexOptions.None, limit)
                    .ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
                int totalCount = int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(perProject.Count > 0 && perRule.Count > 0, "the README's counts name no project or no rule: " + text);
                Assert.Equal(totalCount, perProject.Values.Sum());
                Assert.Equal(totalCount, perRule.Values.Sum());
                return new Counts(totalCount, perProject, perRule);
            }

            /// <summary>Fenced blocks: the first and the past-the-end line of their content, and their language.</summary>
            private IEnumerable<(int Start, int End, string Language)> Blocks()
            {
                for (int i = 0; i < lines.Length; i++)
                {
                    if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string language = lines[i][3..].Trim();
                    int end = i + 1;
                    while (end < lines.Length && !lines[end].StartsWith("```", StringComparison.Ordinal))
                    {
                        end++;
                    }

                    yield return (i + 1, end, language);
                    i = end;
                }
            }

            public sealed record ConsoleBlock(string Command, string[] Excerpt, int End);

            public sealed record Counts(int Total, IReadOnlyDictionary<string, int> PerProject, IReadOnlyDictionary<string, int> PerRule);
        }
    }
}
