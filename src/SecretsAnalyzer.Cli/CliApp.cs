using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecretsAnalyzer.Cli.Loading;
using SecretsAnalyzer.Cli.Migration;
using SecretsAnalyzer.Cli.Reporting;
using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli
{
    /// <summary>The command line: `secrets-analyzer scan` and `secrets-analyzer migrate`.</summary>
    internal static class CliApp
    {
        public const int ExitClean = 0;
        public const int ExitFindings = 1;
        public const int ExitLoadFailure = 2;

        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
        {
            var ui = new ConsoleUi(output, error);
            Command root = Build(ui);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                {
                    ui.Error(e.Message);
                }

                ui.Info("Run `secrets-analyzer --help` for usage.");
                return ExitLoadFailure;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
        }

        /// <summary>The command the tool is installed as (ToolCommandName), used in help and messages.</summary>
        public const string CommandName = "secrets-analyzer";

        /// <summary>
        /// The root command. A <see cref="RootCommand"/> names itself after the running assembly (SecretsAnalyzer.Cli
        /// under `dotnet tool`), so the root is a plain command named as installed, with the root's help and version options.
        /// </summary>
        internal static Command Build(ConsoleUi ui)
        {
            var root = new Command(
                CommandName,
                "SecretsAnalyzer: find hard-coded AWS credentials, database passwords and account-bound role ARNs in C# solutions, " +
                "and migrate them to AWS Secrets Manager or SSM Parameter Store.");
            root.Options.Add(new System.CommandLine.Help.HelpOption());
            root.Options.Add(new VersionOption());
            root.Subcommands.Add(BuildScan(ui));
            root.Subcommands.Add(BuildMigrate(ui));
            return root;
        }

        private static Argument<string> PathArgument() => new("path")
        {
            Description = "A solution (.sln, .slnx, .slnf), a C# project (.csproj), or a folder that holds one solution or some projects.",
            DefaultValueFactory = _ => ".",
        };

        private static Option<bool> NoRestoreOption() => new("--no-restore")
        {
            Description = "Do not run `dotnet restore` before loading the projects.",
        };

        private static Option<string[]> PropertyOption() => new("--property", "-p")
        {
            Description = "An MSBuild global property for loading the projects, as Name=Value (repeatable), e.g. -p Configuration=Release.",
            AllowMultipleArgumentsPerToken = false,
        };

        private static Command BuildScan(ConsoleUi ui)
        {
            Argument<string> path = PathArgument();
            var format = new Option<string>("--format", "-f")
            {
                Description = "Report format: text (grouped by project and rule), json, or sarif (SARIF 2.1.0).",
                DefaultValueFactory = _ => "text",
            };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var outputFile = new Option<FileInfo?>("--output", "-o")
            {
                Description = "Write the report to this file instead of standard output.",
            };
            Option<bool> noRestore = NoRestoreOption();
            Option<string[]> properties = PropertyOption();

            var scan = new Command("scan", "Run the SecretsAnalyzer rules on every C# project, as the build would. Exit code: 0 no findings, 1 findings, 2 the input could not be loaded.");
            scan.Arguments.Add(path);
            scan.Options.Add(format);
            scan.Options.Add(outputFile);
            scan.Options.Add(noRestore);
            scan.Options.Add(properties);
            scan.SetAction((parse, cancellationToken) => ScanAsync(
                ui,
                parse.GetValue(path)!,
                parse.GetValue(format)!,
                parse.GetValue(outputFile),
                LoadOptionsFrom(parse.GetValue(noRestore), parse.GetValue(properties)),
                cancellationToken));
            return scan;
        }

        private static Command BuildMigrate(ConsoleUi ui)
        {
            Argument<string> path = PathArgument();
            var store = new Option<string>("--store")
            {
                Description = "Where the values go: secrets-manager (AWS Secrets Manager) or parameter-store (SSM Parameter Store, SecureString).",
                Required = true,
            };
            store.AcceptOnlyFromAmong(FixKeys.SecretsManagerName, FixKeys.ParameterStoreName);
            var script = new Option<FileInfo?>("--provision-script")
            {
                Description = "The provisioning script to create (mode 0600, outside the git work tree or git-ignored). A rotation checklist is written next to it. Required unless --dry-run.",
            };
            var dryRun = new Option<bool>("--dry-run")
            {
                Description = "Print the diff and the secret or parameter names that would be created; change nothing.",
            };
            Option<bool> noRestore = NoRestoreOption();
            Option<string[]> properties = PropertyOption();

            var migrate = new Command(
                "migrate",
                "Apply the SecretsAnalyzer code fixes to the whole solution (as Fix All in the IDE), write a provisioning script with every removed value and a rotation checklist. Exit code: 0 every movable value migrated (or nothing to do), 3 some values skipped and the rest migrated, 1 refused (nothing written), 2 the input could not be loaded.");
            migrate.Arguments.Add(path);
            migrate.Options.Add(store);
            migrate.Options.Add(script);
            migrate.Options.Add(dryRun);
            migrate.Options.Add(noRestore);
            migrate.Options.Add(properties);
            migrate.SetAction((parse, cancellationToken) =>
            {
                var options = new MigrationOptions
                {
                    Store = FixKeys.ParseStore(parse.GetValue(store)!),
                    ProvisionScript = parse.GetValue(script)?.FullName,
                    DryRun = parse.GetValue(dryRun),
                };
                return new Migrator(ui).RunAsync(parse.GetValue(path)!, options, LoadOptionsFrom(parse.GetValue(noRestore), parse.GetValue(properties)), cancellationToken);
            });
            return migrate;
        }

        private static LoadOptions LoadOptionsFrom(bool noRestore, string[]? properties)
        {
            var dictionary = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string property in properties ?? Array.Empty<string>())
            {
                int eq = property.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    dictionary[property.Substring(0, eq).Trim()] = property.Substring(eq + 1);
                }
            }

            return new LoadOptions { Restore = !noRestore, Properties = dictionary };
        }

        private static async Task<int> ScanAsync(ConsoleUi ui, string path, string format, FileInfo? output, LoadOptions loadOptions, CancellationToken cancellationToken)
        {
            var (session, problems) = await ui.WithStatusAsync("Loading " + path, status => ScanSession.OpenAsync(path, loadOptions, status, cancellationToken)).ConfigureAwait(false);
            if (session == null)
            {
                ReportLoadProblems(ui, problems);
                return ExitLoadFailure;
            }

            using (session)
            {
                ReportCompilerErrors(ui, session);
                IReadOnlyList<Finding> findings = session.Findings;
                IReadOnlyList<InactiveRule> inactive = session.InactiveRules;
                string? rendered = format switch
                {
                    "json" => JsonReport.Render(findings, session.RootDirectory, session.ProjectNames, inactive),
                    "sarif" => SarifReport.Render(findings, session.RootDirectory, inactive),
                    _ => null,
                };

                if (rendered == null)
                {
                    if (output != null)
                    {
                        using var writer = new StringWriter();
                        TextReport.Render(ConsoleUi.Create(writer, terminal: false), findings, session.ProjectNames, inactive);
                        await File.WriteAllTextAsync(output.FullName, writer.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                        ui.Info("Wrote " + TextReport.Plural(findings.Count, "finding") + " to " + output.FullName);
                    }
                    else
                    {
                        TextReport.Render(ui.Out, findings, session.ProjectNames, inactive);
                    }
                }
                else if (output != null)
                {
                    await File.WriteAllTextAsync(output.FullName, rendered, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                    ui.Err.Write(TextReport.SummaryTable(findings, session.ProjectNames, inactive));
                    TextReport.WriteInactive(ui.Err, inactive);
                    ui.Info("Wrote " + TextReport.Plural(findings.Count, "finding") + " (" + format + ") to " + output.FullName);
                }
                else
                {
                    // The report owns standard output; the notes go to standard error, where a person sees them.
                    TextReport.WriteInactive(ui.Err, inactive);
                    await ui.OutputWriter.WriteAsync(rendered).ConfigureAwait(false);
                    await ui.OutputWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                return findings.Count == 0 ? ExitClean : ExitFindings;
            }
        }

        public static void ReportLoadProblems(ConsoleUi ui, IReadOnlyList<LoadProblem> problems)
        {
            foreach (LoadProblem problem in problems)
            {
                ui.Error("could not load project '" + problem.Project + "': " + problem.Message);
            }

            ui.Info("Nothing was analyzed or changed.");
        }

        public static void ReportCompilerErrors(ConsoleUi ui, ScanSession session)
        {
            foreach (string note in session.Loaded.Notes)
            {
                ui.Warning(note);
            }

            foreach (var group in session.OtherCompilerErrors.GroupBy(e => e.Project))
            {
                ui.Warning("project '" + group.Key + "' has " + group.Count() + " compiler error(s), e.g. " + ScanSession.FormatError(group.First().Error) + "; its findings may be incomplete");
            }
        }
    }
}
