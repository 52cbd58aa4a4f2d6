using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Cli.Loading;
using SecretsAnalyzer.Cli.Reporting;
using SecretsAnalyzer.Cli.Scanning;
using Spectre.Console;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>`secrets-analyzer migrate`: plan, check, then write the script, the checklist and the sources (in that order), or nothing.</summary>
    internal sealed class Migrator
    {
        public const int ExitRefused = 1;

        /// <summary>Every other value was migrated (or would be, with --dry-run), but some were skipped: see the summary.</summary>
        public const int ExitSomeSkipped = 3;

        private readonly ConsoleUi _ui;

        public Migrator(ConsoleUi ui) => _ui = ui;

        /// <summary>One file the migration writes: its new text, and its old text when it existed.</summary>
        internal sealed record FileEdit(string Path, string? OldText, string NewText, Encoding Encoding);

        public async Task<int> RunAsync(string path, MigrationOptions options, LoadOptions loadOptions, CancellationToken cancellationToken)
        {
            if (options.ProvisionScript == null && !options.DryRun)
            {
                _ui.Error("--provision-script FILE is required (or use --dry-run to see what would change).");
                return CliApp.ExitLoadFailure;
            }

            // An existing script is refused only when there is something to write: a second run with the same path (the
            // script of the first run is still there) just says there is nothing to migrate.
            string? scriptRefusal = options.ProvisionScript == null ? null : ScriptLocation.Refusal(options.ProvisionScript);
            if (scriptRefusal != null && !options.DryRun && !ScriptLocation.AlreadyExists(options.ProvisionScript!))
            {
                // A path no run may write to (inside a git work tree and not ignored, no such folder): refuse before loading.
                _ui.Error("refusing to write the provisioning script at " + options.ProvisionScript + ": " + scriptRefusal + ".");
                _ui.Info("Nothing was changed.");
                return ExitRefused;
            }

            var (session, problems) = await _ui.WithStatusAsync("Loading " + path, status => ScanSession.OpenAsync(path, loadOptions, status, cancellationToken)).ConfigureAwait(false);
            if (session == null)
            {
                CliApp.ReportLoadProblems(_ui, problems);
                return CliApp.ExitLoadFailure;
            }

            using (session)
            {
                CliApp.ReportCompilerErrors(_ui, session);
                MigrationPlan plan;
                IReadOnlyList<FileEdit> edits;
                try
                {
                    plan = await _ui.WithStatusAsync("Planning the migration", status => MigrationEngine.PlanAsync(session, options.Store, status, cancellationToken)).ConfigureAwait(false);
                    edits = await EditsAsync(plan, cancellationToken).ConfigureAwait(false);
                    foreach (MovedValue move in plan.Moves)
                    {
                        string? unsupported = ProvisioningScript.Unsupported(move.Value);
                        if (unsupported != null)
                        {
                            throw new MigrationRefusedException("the value moved to '" + move.Name + "' (" + move.Location + ") cannot be written to the script: " + unsupported);
                        }
                    }
                }
                catch (MigrationRefusedException e)
                {
                    _ui.Error("migration refused: " + e.Message);
                    _ui.Info("Nothing was written.");
                    return ExitRefused;
                }

                string input = session.Loaded.Input.SolutionPath ?? string.Join(", ", session.Loaded.Input.ProjectPaths);
                int exit = plan.Checklist.Any(c => c.Outcome == MigrationOutcome.Skipped) ? ExitSomeSkipped : CliApp.ExitClean;
                if (plan.Moves.Count == 0 && edits.Count == 0)
                {
                    _ui.Info(plan.Checklist.Count == 0
                        ? "Nothing to migrate: no hard-coded credentials found."
                        : "Nothing to migrate: no finding can be moved to the store by a fix.");
                    PrintOutcomes(plan);
                    _ui.Info("Nothing was changed.");
                    return exit;
                }

                if (scriptRefusal != null && !options.DryRun)
                {
                    _ui.Error("refusing to write the provisioning script at " + options.ProvisionScript + ": " + scriptRefusal + ".");
                    _ui.Info("Nothing was changed.");
                    return ExitRefused;
                }

                if (options.DryRun)
                {
                    if (scriptRefusal != null)
                    {
                        _ui.Warning("a real run would refuse the provisioning script at " + options.ProvisionScript + ": " + scriptRefusal + ".");
                    }

                    PrintDryRun(plan, edits, session.RootDirectory);
                    return exit;
                }

                DateTimeOffset now = DateTimeOffset.UtcNow;
                string script = Path.GetFullPath(options.ProvisionScript!);
                string checklist = ScriptLocation.ChecklistPath(script);
                string? again = ScriptLocation.Refusal(script);
                if (again != null)
                {
                    _ui.Error("refusing to write the provisioning script at " + script + ": " + again + ".");
                    _ui.Info("Nothing was written.");
                    return ExitRefused;
                }

                // The values first: once the sources are rewritten, the script is the only copy.
                ScriptLocation.CreatePrivate(script, ProvisioningScript.Render(plan.Moves, input, now));
                using (var stream = new FileStream(checklist, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                {
                    writer.Write(RotationChecklist.Render(plan.Checklist, input, script, now));
                }

                WriteSources(edits);
                PrintSummary(plan, edits, session.RootDirectory, script, checklist);
                return exit;
            }
        }

        /// <summary>The files the rewritten solution differs in: changed and added C# documents. Anything else is refused.</summary>
        internal static async Task<IReadOnlyList<FileEdit>> EditsAsync(MigrationPlan plan, CancellationToken cancellationToken)
        {
            var edits = new Dictionary<string, FileEdit>(StringComparer.Ordinal);
            SolutionChanges changes = plan.After.GetChanges(plan.Before);
            if (changes.GetAddedProjects().Any() || changes.GetRemovedProjects().Any())
            {
                throw new MigrationRefusedException("the fixes added or removed a project");
            }

            foreach (ProjectChanges project in changes.GetProjectChanges())
            {
                if (project.GetRemovedDocuments().Any() || project.GetChangedAdditionalDocuments().Any() || project.GetChangedAnalyzerConfigDocuments().Any() ||
                    project.GetAddedAdditionalDocuments().Any() || project.GetAddedMetadataReferences().Any() || project.GetAddedProjectReferences().Any())
                {
                    throw new MigrationRefusedException("the fixes changed " + project.NewProject.Name + " in a way the tool cannot write (removed documents, project or package references, or non-C# files)");
                }

                foreach (DocumentId id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    Document before = project.OldProject.GetDocument(id)!;
                    Document after = project.NewProject.GetDocument(id)!;
                    SourceText oldText = await before.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    SourceText newText = await after.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    Add(edits, new FileEdit(before.FilePath ?? throw new MigrationRefusedException(before.Name + " has no path"), oldText.ToString(), newText.ToString(), oldText.Encoding ?? newText.Encoding ?? new UTF8Encoding(false)));
                }

                foreach (DocumentId id in project.GetAddedDocuments())
                {
                    Document added = project.NewProject.GetDocument(id)!;
                    string file = added.FilePath ?? Path.Combine(Path.GetDirectoryName(project.NewProject.FilePath!)!, Path.Combine(added.Folders.ToArray()), added.Name);
                    if (File.Exists(file))
                    {
                        throw new MigrationRefusedException("the fixes add " + file + ", which already exists on disk outside the project");
                    }

                    SourceText text = await added.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    Add(edits, new FileEdit(file, null, text.ToString(), text.Encoding ?? new UTF8Encoding(false)));
                }
            }

            return edits.Values.Where(e => e.OldText != e.NewText).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        }

        private static void Add(Dictionary<string, FileEdit> edits, FileEdit edit)
        {
            // A file shared by several target frameworks is changed identically in each.
            if (edits.TryGetValue(edit.Path, out FileEdit? existing) && existing.NewText != edit.NewText)
            {
                throw new MigrationRefusedException("the fixes rewrote " + edit.Path + " differently for different target frameworks");
            }

            edits[edit.Path] = edit;
        }

        /// <summary>Writes every file to a temporary sibling first, then moves each into place.</summary>
        private static void WriteSources(IReadOnlyList<FileEdit> edits)
        {
            var staged = new List<(string Temp, string Path)>();
            try
            {
                foreach (FileEdit edit in edits)
                {
                    string temp = edit.Path + ".secrets-analyzer.tmp";
                    File.WriteAllText(temp, edit.NewText, edit.Encoding);
                    staged.Add((temp, edit.Path));
                }

                foreach (var (temp, target) in staged)
                {
                    if (File.Exists(target) && !OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
                    }

                    File.Move(temp, target, overwrite: true);
                }
            }
            finally
            {
                foreach (var (temp, _) in staged)
                {
                    if (File.Exists(temp))
                    {
                        File.Delete(temp);
                    }
                }
            }
        }

        private void PrintDryRun(MigrationPlan plan, IReadOnlyList<FileEdit> edits, string root)
        {
            foreach (FileEdit edit in edits)
            {
                string relative = Finding.Relative(root, edit.Path);
                string oldText = Mask(edit.OldText ?? string.Empty, plan.Checklist.Select(c => c.Finding).Where(f => f.FilePath == edit.Path));
                string newText = Mask(edit.NewText, plan.Remaining.Where(f => f.FilePath == edit.Path));
                string diff = UnifiedDiff.Render(edit.OldText == null ? "/dev/null" : "a/" + relative, "b/" + relative, oldText, newText);
                foreach (string line in diff.TrimEnd('\n').Split('\n'))
                {
                    string colour = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "bold"
                        : line.StartsWith('+') ? "green" : line.StartsWith('-') ? "red" : line.StartsWith("@@", StringComparison.Ordinal) ? "cyan" : "default";
                    _ui.Out.MarkupLine("[" + colour + "]" + Markup.Escape(line) + "[/]");
                }
            }

            _ui.Out.WriteLine();
            _ui.Out.Write(MovesTable(plan.Moves, "Would create"));
            PrintOutcomes(plan);
            _ui.Info("Dry run: nothing was written. Secret characters are masked (\u2022) in the diff; a real run writes them to the provisioning script only.");
        }

        private void PrintSummary(MigrationPlan plan, IReadOnlyList<FileEdit> edits, string root, string script, string checklist)
        {
            _ui.Out.Write(MovesTable(plan.Moves, "Moved"));
            _ui.Out.MarkupLine("Rewrote " + TextReport.Plural(edits.Count(e => e.OldText != null), "file") + ", added " + TextReport.Plural(edits.Count(e => e.OldText == null), "file") + ":");
            foreach (FileEdit edit in edits)
            {
                _ui.Out.MarkupLine("  " + (edit.OldText == null ? "[green]added[/]   " : "[yellow]changed[/] ") + Markup.Escape(Finding.Relative(root, edit.Path)));
            }

            _ui.Out.MarkupLine("Provisioning script: " + Markup.Escape(script) + " (mode 0600, " + TextReport.Plural(plan.Moves.Count, "value") + ")");
            _ui.Out.MarkupLine("Rotation checklist:  " + Markup.Escape(checklist) + " (" + TextReport.Plural(plan.Checklist.Count(c => c.Finding.RuleId != RuleIds.RoleArn), "credential") + " to rotate)");
            PrintOutcomes(plan);
            _ui.Out.MarkupLine("[bold]Next:[/] run the script once per AWS account (e.g. [italic]AWS_PROFILE=prod sh " + Markup.Escape(Path.GetFileName(script)) + "[/]), delete it, rotate every credential in the checklist, and rebuild.");
        }

        /// <summary>
        /// The summary: per rule, how many findings moved, were skipped (a fix would move them, but the tool cannot account
        /// for the value byte for byte) and are not fixable; then each finding that stays, with its reason.
        /// </summary>
        private void PrintOutcomes(MigrationPlan plan)
        {
            if (plan.Checklist.Count == 0)
            {
                return;
            }

            var summary = new Table().Border(TableBorder.Rounded).Title("Migration summary");
            summary.AddColumn("Rule");
            summary.AddColumn(new TableColumn("Moved").RightAligned());
            summary.AddColumn(new TableColumn("Skipped").RightAligned());
            summary.AddColumn(new TableColumn("Not fixable").RightAligned());
            summary.AddColumn(new TableColumn("Total").RightAligned());
            foreach (var rule in plan.Checklist.GroupBy(c => c.Finding.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                summary.AddRow(rule.Key, Count(rule, MigrationOutcome.Moved), Count(rule, MigrationOutcome.Skipped), Count(rule, MigrationOutcome.NotFixable), rule.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            summary.AddRow("[bold]Total[/]", Count(plan.Checklist, MigrationOutcome.Moved), Count(plan.Checklist, MigrationOutcome.Skipped), Count(plan.Checklist, MigrationOutcome.NotFixable), plan.Checklist.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _ui.Out.Write(summary);

            var staying = plan.Checklist.Where(c => c.Move == null).OrderBy(c => c.Outcome).ToList();
            if (staying.Count > 0)
            {
                var details = new Table().Border(TableBorder.Rounded).Title(TextReport.Plural(staying.Count, "finding") + " stay in the source");
                details.AddColumn("Outcome");
                details.AddColumn("Rule");
                details.AddColumn("Where");
                details.AddColumn("Reason");
                foreach (ChecklistEntry entry in staying)
                {
                    details.AddRow(
                        entry.Outcome == MigrationOutcome.Skipped ? "[yellow]skipped[/]"
                            : entry.NotMovedReason?.StartsWith(MigrationEngine.PolicyToNarrow, StringComparison.Ordinal) == true ? "[red]narrow by hand[/]"
                            : "not fixable",
                        entry.Finding.RuleId,
                        Markup.Escape(entry.Finding.Where),
                        Markup.Escape(entry.NotMovedReason ?? string.Empty));
                }

                _ui.Out.Write(details);
            }

            int policies = plan.Checklist.Count(c => c.NotMovedReason?.StartsWith(MigrationEngine.PolicyToNarrow, StringComparison.Ordinal) == true);
            if (policies > 0)
            {
                _ui.Warning(TextReport.Plural(policies, "policy", "policies") + " with a wildcard role ARN to narrow by hand (left in place, finding kept): see the rows marked \"narrow by hand\".");
            }

            int skipped = plan.Checklist.Count(c => c.Outcome == MigrationOutcome.Skipped);
            if (skipped > 0)
            {
                _ui.Warning(TextReport.Plural(skipped, "finding") + " skipped: the tool cannot account for the value byte for byte, so it left the code as it was (exit code " + ExitSomeSkipped + "). Move them by hand.");
            }
        }

        private static string Count(IEnumerable<ChecklistEntry> entries, MigrationOutcome outcome)
        {
            int n = entries.Count(e => e.Outcome == outcome);
            return n == 0 ? "[dim]0[/]" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static Table MovesTable(IReadOnlyList<MovedValue> moves, string verb)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(verb + " " + TextReport.Plural(moves.Count, "value"));
            table.AddColumn(new TableColumn("#").RightAligned());
            table.AddColumn("Store");
            table.AddColumn("Name");
            table.AddColumn("Rule");
            table.AddColumn("From");
            foreach (MovedValue move in moves)
            {
                table.AddRow(
                    move.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    move.Store == StoreKind.SecretsManager ? "Secrets Manager" : "Parameter Store (SecureString)",
                    Markup.Escape(move.Name),
                    move.RuleId + " " + Markup.Escape(RotationChecklist.KindTitle(move.Kind, move.RuleId)),
                    Markup.Escape(move.Location + (move.Sources.Count > 1 ? " (folded with " + string.Join(", ", move.Sources.Skip(1)) + ")" : string.Empty)));
            }

            return table;
        }

        /// <summary>Replaces the characters of each finding (the secret itself) with bullets.</summary>
        internal static string Mask(string text, IEnumerable<Finding> findings)
        {
            SourceText source = SourceText.From(text);
            char[] chars = text.ToCharArray();
            foreach (Finding f in findings)
            {
                if (f.Line - 1 >= source.Lines.Count || f.EndLine - 1 >= source.Lines.Count)
                {
                    continue;
                }

                int start = source.Lines[f.Line - 1].Start + f.Column - 1;
                int end = source.Lines[f.EndLine - 1].Start + f.EndColumn - 1;
                for (int i = Math.Max(0, start); i < Math.Min(chars.Length, end); i++)
                {
                    if (chars[i] != '\n' && chars[i] != '\r')
                    {
                        chars[i] = '\u2022';
                    }
                }
            }

            return new string(chars);
        }
    }
}
