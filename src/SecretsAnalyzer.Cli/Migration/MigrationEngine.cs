using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SecretsAnalyzer.Cli.Loading;
using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>The outcome of planning a migration: the rewritten solution, what moved where, and what stays.</summary>
    internal sealed class MigrationPlan
    {
        public MigrationPlan(Solution before, Solution after, IReadOnlyList<MovedValue> moves, IReadOnlyList<ChecklistEntry> checklist, IReadOnlyList<Finding> remaining)
        {
            Before = before;
            After = after;
            Moves = moves;
            Checklist = checklist;
            Remaining = remaining;
        }

        public Solution Before { get; }

        public Solution After { get; }

        public IReadOnlyList<MovedValue> Moves { get; }

        /// <summary>Every finding of the scan before the migration, with what became of it.</summary>
        public IReadOnlyList<ChecklistEntry> Checklist { get; }

        /// <summary>Findings still reported after the migration.</summary>
        public IReadOnlyList<Finding> Remaining { get; }
    }

    /// <summary>What became of one finding.</summary>
    internal enum MigrationOutcome
    {
        /// <summary>Its value is in the provisioning script and the code reads it from the store.</summary>
        Moved,

        /// <summary>A fix would move it, but the tool cannot account for the value byte for byte: left as it was.</summary>
        Skipped,

        /// <summary>No fix moves it (a comment, a form without a fix, a missing package, a policy to narrow by hand).</summary>
        NotFixable,
    }

    /// <summary>One finding of the original scan, and whether its value moved (and where) or why not.</summary>
    internal sealed record ChecklistEntry(Finding Finding, MovedValue? Move, string? NotMovedReason, bool Skipped = false)
    {
        public MigrationOutcome Outcome => Move != null ? MigrationOutcome.Moved : Skipped ? MigrationOutcome.Skipped : MigrationOutcome.NotFixable;
    }

    /// <summary>Thrown when the migration must not be written; the message says why.</summary>
    internal sealed class MigrationRefusedException : Exception
    {
        public MigrationRefusedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Applies the SecretsAnalyzer code fixes to a whole solution through the fixers' own Fix All providers, one
    /// (fixer, action) batch per pass, re-analyzing between passes, and accounts for every value that leaves the source.
    /// </summary>
    internal static partial class MigrationEngine
    {
        private const string ValueKind = "SecretsAnalyzer.Cli.Value";
        private const string SlotKind = "SecretsAnalyzer.Cli.Slot";
        private const string AnchorKind = "SecretsAnalyzer.Cli.Anchor";
        private const int MaxPasses = 8;

        public static async Task<MigrationPlan> PlanAsync(ScanSession session, MigrationStore store, Action<string> status, CancellationToken cancellationToken)
        {
            Solution original = session.Loaded.Solution;
            IReadOnlyList<ProjectId> targets = session.Loaded.Targets;
            string rootDirectory = session.RootDirectory;

            // A multi-targeting project is loaded once per target framework, with the same files: the fixes run on the
            // first one, and the result is mirrored to the others before the compile check.
            IReadOnlyList<ProjectId> primary = targets
                .GroupBy(id => original.GetProject(id)!.FilePath ?? id.ToString(), StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();

            // 1. Every original finding, and the value a fix would move for it. Values get an id, carried by a syntax
            //    annotation through every pass (annotations do not change the text).
            var findings = new List<(Finding Finding, int ValueId)>();
            var values = new List<LocatedValue>();
            var valueIndex = new Dictionary<(DocumentId, Microsoft.CodeAnalysis.Text.TextSpan), int>();
            foreach (ProjectAnalysis analysis in session.Projects.Where(a => primary.Contains(a.Project.Id)))
            {
                foreach (Diagnostic diagnostic in analysis.Findings)
                {
                    Finding finding = Finding.From(diagnostic, SolutionLoader.DisplayName(analysis.Project), rootDirectory);
                    if (findings.Any(f => SameFinding(f.Finding, finding)))
                    {
                        continue;
                    }

                    Document? document = original.GetDocument(diagnostic.Location.SourceTree);
                    LocatedValue? located = document == null ? null : await ValueLocator.LocateAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                    int id = -1;
                    if (located != null)
                    {
                        var key = (located.Document.Id, located.Expression.Span);
                        if (!valueIndex.TryGetValue(key, out id))
                        {
                            id = values.Count;
                            values.Add(located);
                            valueIndex.Add(key, id);
                        }
                    }

                    findings.Add((finding, id));
                }
            }

            Solution annotated = await AnnotateAsync(original, values, cancellationToken).ConfigureAwait(false);

            // 2. Per finding, never all or nothing: a value the tool cannot account for byte for byte is skipped with its
            //    reason and every other one is migrated. Values whose fold cannot be followed are known now; values whose
            //    fix cannot be proven are found by a run of the passes, which then starts again without them.
            var skipped = new Dictionary<int, string>();
            for (int i = 0; i < values.Count; i++)
            {
                if (values[i].Unaccountable is string why)
                {
                    skipped[i] = why;
                }
            }

            PassesResult result;
            for (int attempt = 1; ; attempt++)
            {
                result = await RunPassesAsync(annotated, primary, store, skipped, status, cancellationToken).ConfigureAwait(false);
                if (result.Failures.Count == 0)
                {
                    break;
                }

                if (attempt > values.Count)
                {
                    throw new MigrationRefusedException("the fixes could not be accounted for after " + attempt + " attempts");
                }

                foreach (var failure in result.Failures)
                {
                    skipped.TryAdd(failure.Key, failure.Value);
                }

                status("Starting again without " + result.Failures.Count + " value(s) the tool cannot account for");
            }

            Solution current = result.Solution;

            // 3. The result: what moved, what was skipped, what stays and why.
            List<Finding> remaining = Finding.Normalize(result.Analyses.SelectMany(a => a.Findings.Select(d => Finding.From(d, SolutionLoader.DisplayName(a.Project), rootDirectory)))).ToList();
            var moves = new List<MovedValue>();
            var checklist = new List<ChecklistEntry>();
            foreach (var (finding, id) in findings.OrderBy(f => f.Finding.Project, StringComparer.Ordinal).ThenBy(f => f.Finding.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Finding.Line).ThenBy(f => f.Finding.Column).ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal))
            {
                MovedValue? move = null;
                string? reason = null;
                bool wasSkipped = false;
                if (id >= 0 && result.Moved.TryGetValue(id, out var target))
                {
                    move = moves.FirstOrDefault(m => m.Store == target.Store && m.Name == target.Name);
                    if (move == null)
                    {
                        move = new MovedValue(moves.Count + 1, target.Store, target.Name, values[id].Value, finding.RuleId, finding.SecretKind ?? finding.RuleId, finding.Project, finding.Where, finding)
                        {
                            Sources = values[id].Sources,
                        };
                        moves.Add(move);
                    }
                }
                else if (id < 0)
                {
                    reason = "no fix moves it: it is not a compile-time constant string in code (a comment, disabled code, or an interpolation with run-time holes); remove it by hand";
                }
                else if (skipped.TryGetValue(id, out string? skip))
                {
                    reason = skip;
                    wasSkipped = true;
                }
                else
                {
                    reason = result.NotMoved.TryGetValue(id, out string? why) ? why : "no fix for the chosen store is offered here";
                }

                checklist.Add(new ChecklistEntry(finding, move, reason, wasSkipped));
            }

            current = await MirrorToOtherTargetFrameworksAsync(original, current, targets, primary, cancellationToken).ConfigureAwait(false);
            await CheckCompilesAsync(session, current, targets, cancellationToken).ConfigureAwait(false);
            return new MigrationPlan(original, current, moves, checklist, remaining);
        }

        /// <summary>One run of the passes from the annotated original: the rewritten solution and what became of each value.</summary>
        private sealed record PassesResult(
            Solution Solution,
            IReadOnlyList<ProjectAnalysis> Analyses,
            IReadOnlyDictionary<int, (StoreKind Store, string Name)> Moved,
            IReadOnlyDictionary<int, string> NotMoved,
            IReadOnlyDictionary<int, string> Failures);

        /// <summary>Passes: analyze, pick the findings that offer the store's action, Fix All with it, account for the moves.</summary>
        private static async Task<PassesResult> RunPassesAsync(
            Solution current, IReadOnlyList<ProjectId> primary, MigrationStore store, IReadOnlyDictionary<int, string> skipped, Action<string> status, CancellationToken cancellationToken)
        {
            Solution start = current;
            var moved = new Dictionary<int, (StoreKind Store, string Name)>();
            var notMoved = new Dictionary<int, string>();
            var failures = new Dictionary<int, string>();
            var attempted = new HashSet<int>(skipped.Keys);
            IReadOnlyList<ProjectAnalysis> analyses;
            for (int pass = 1; ; pass++)
            {
                var (again, problems) = await ScanSession.AnalyzeAsync(current, primary, status, cancellationToken).ConfigureAwait(false);
                if (problems.Count > 0)
                {
                    throw new MigrationRefusedException((pass == 1 ? string.Empty : "after the fixes, ") + problems[0].Project + ": " + problems[0].Message);
                }

                analyses = again;

                var candidates = new List<Candidate>();
                foreach (ProjectAnalysis analysis in analyses)
                {
                    foreach (Diagnostic diagnostic in analysis.Findings)
                    {
                        Candidate? candidate = await CandidateAsync(current, diagnostic, store, notMoved, attempted, cancellationToken).ConfigureAwait(false);
                        if (candidate != null && !candidates.Any(c => c.ValueId == candidate.ValueId && c.Key == candidate.Key && c.Fixer == candidate.Fixer && c.Diagnostic.Id == candidate.Diagnostic.Id && c.Diagnostic.Location == candidate.Diagnostic.Location))
                        {
                            candidates.Add(candidate);
                        }
                    }
                }

                if (candidates.Count == 0)
                {
                    break;
                }

                if (pass > MaxPasses)
                {
                    throw new MigrationRefusedException("the fixes did not settle after " + MaxPasses + " passes; findings keep coming back");
                }

                var batch = candidates
                    .GroupBy(c => (c.Fixer, c.Key))
                    .OrderBy(g => g.Min(c => c.Diagnostic.Id), StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Key, StringComparer.Ordinal)
                    .First()
                    .ToList();
                status("Pass " + pass + ": " + FixKeys.Title(batch[0].Key) + " (" + batch.Select(c => c.ValueId).Distinct().Count() + " values)");
                Solution next = await FixAllAsync(current, batch, cancellationToken).ConfigureAwait(false);
                foreach (int id in batch.Select(c => c.ValueId))
                {
                    attempted.Add(id);
                }

                var (passMoves, passFailures) = await AccountAsync(current, next, batch.Select(c => c.ValueId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var pair in passMoves)
                {
                    moved[pair.Key] = pair.Value;
                }

                foreach (var pair in passFailures)
                {
                    failures.TryAdd(pair.Key, pair.Value);
                }

                foreach (int id in batch.Select(c => c.ValueId).Distinct().Where(id => !passMoves.ContainsKey(id) && !passFailures.ContainsKey(id)))
                {
                    notMoved.TryAdd(id, "the \"" + FixKeys.Title(batch[0].Key) + "\" fix left it in place");
                }

                current = next;
            }

            // Every new lookup in the rewritten solution must be one of the accounted moves: one that is not is blamed on
            // the value whose code it stands in (that value is skipped in the next attempt), or refuses the run.
            var before = await StoreLookups.NamesInAsync(start, cancellationToken).ConfigureAwait(false);
            foreach (var (lookup, ids) in await NewLookupsAsync(current, before, cancellationToken).ConfigureAwait(false))
            {
                if (moved.Values.Contains((lookup.Store, lookup.Name)))
                {
                    continue;
                }

                if (ids.Count == 0)
                {
                    throw new MigrationRefusedException("the fixes read the store name '" + lookup.Name + "', whose value the tool could not tie to any finding");
                }

                foreach (int id in ids)
                {
                    failures.TryAdd(id, "cannot be accounted for byte for byte: the fix reads '" + lookup.Name + "' in code the tool cannot tie to the value it removed");
                }
            }

            return new PassesResult(current, analyses, moved, notMoved, failures);
        }

        /// <summary>The lookups of <paramref name="solution"/> whose names are not in <paramref name="before"/>, each with the values whose code holds it.</summary>
        private static async Task<List<(StoreLookup Lookup, List<int> Ids)>> NewLookupsAsync(Solution solution, HashSet<(StoreKind, string)> before, CancellationToken cancellationToken)
        {
            var result = new List<(StoreLookup, List<int>)>();
            foreach (Document document in solution.Projects.SelectMany(p => p.Documents))
            {
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                foreach (StoreLookup lookup in StoreLookups.In(root).Where(l => !before.Contains((l.Store, l.Name))))
                {
                    List<int> ids = lookup.Invocation.AncestorsAndSelf()
                        .Select(n => n.GetAnnotations(new[] { SlotKind, AnchorKind }).Select(a => int.Parse(a.Data!, CultureInfo.InvariantCulture)).ToList())
                        .FirstOrDefault(l => l.Count > 0) ?? new List<int>();
                    result.Add((lookup, ids));
                }
            }

            return result;
        }

        private static bool SameFinding(Finding a, Finding b) =>
            a.RuleId == b.RuleId && a.FilePath == b.FilePath && a.Line == b.Line && a.Column == b.Column && a.EndLine == b.EndLine && a.EndColumn == b.EndColumn;

        private sealed record Candidate(Diagnostic Diagnostic, CodeFixProvider Fixer, string Key, int ValueId);

        private static async Task<Candidate?> CandidateAsync(Solution solution, Diagnostic diagnostic, MigrationStore store, Dictionary<int, string> notMoved, HashSet<int> attempted, CancellationToken cancellationToken)
        {
            Document? document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document == null)
            {
                return null;
            }

            LocatedValue? located = await ValueLocator.LocateAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
            if (located == null)
            {
                return null;
            }

            SyntaxAnnotation? annotation = located.Expression.GetAnnotations(ValueKind).FirstOrDefault();
            if (annotation == null)
            {
                throw new MigrationRefusedException("a fix introduced a new finding (" + diagnostic.Id + " in " + document.Name + "); nothing was written");
            }

            int id = int.Parse(annotation.Data!, CultureInfo.InvariantCulture);
            if (attempted.Contains(id))
            {
                return null;
            }

            if (IsWildcardRoleInPolicy(diagnostic, located.Value))
            {
                notMoved.TryAdd(id, PolicyToNarrow);
                return null;
            }

            string key = FixKeys.For(diagnostic.Id, store);
            var offered = new List<string>();
            foreach (CodeFixProvider fixer in RuleCatalog.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                foreach (CodeAction action in Flatten(actions))
                {
                    if (FixKeys.Is(action, key))
                    {
                        return new Candidate(diagnostic, fixer, key, id);
                    }

                    offered.Add(action.Title);
                }
            }

            string? missingPackage = diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingFixPackage, out string? package) ? package : null;
            notMoved.TryAdd(id, missingPackage != null
                ? "the \"" + FixKeys.Title(key) + "\" fix needs the NuGet package " + missingPackage + ", which " + document.Project.Name + " does not reference; add it and run again"
                : offered.Count == 0
                ? "no fix is offered for it (see the rule's documentation for the cases a fix cannot rewrite)"
                : "the \"" + FixKeys.Title(key) + "\" fix is not offered here (offered: " + string.Join(", ", offered.Distinct()) + ")");
            return null;
        }

        /// <summary>The reason a wildcard role ARN in a policy stays; the summary and the checklist start with it.</summary>
        public const string PolicyToNarrow =
            "policy to narrow by hand: a wildcard role ARN in an IAM policy document (iam:PassRole on any role is a privilege " +
            "escalation) stays where reviewers see it, with its finding; moving it to Parameter Store would hide it. Name the roles the function may pass";

        /// <summary>
        /// SECRETS004 on a wildcard account or role name inside an IAM policy document (the value has a policy's
        /// <c>Statement</c>, <c>Resource</c> or <c>iam:PassRole</c>): not configuration to move but a grant to narrow.
        /// </summary>
        internal static bool IsWildcardRoleInPolicy(Diagnostic diagnostic, string value) =>
            diagnostic.Id == RuleIds.RoleArn &&
            diagnostic.Properties.TryGetValue(DiagnosticProperties.RoleArnCase, out string? arnCase) &&
            arnCase is "WildcardAccount" or "WildcardRoleName" &&
            (value.IndexOf("iam:PassRole", StringComparison.OrdinalIgnoreCase) >= 0 ||
             value.IndexOf("\"Statement\"", StringComparison.Ordinal) >= 0 ||
             value.IndexOf("\"Resource\"", StringComparison.Ordinal) >= 0);

        private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
        {
            foreach (CodeAction action in actions)
            {
                yield return action;
                foreach (CodeAction nested in Flatten(action.NestedActions))
                {
                    yield return nested;
                }
            }
        }

        /// <summary>Applies one fixer's Fix All (Solution scope) with one equivalence key to exactly the batch's diagnostics.</summary>
        private static async Task<Solution> FixAllAsync(Solution solution, IReadOnlyList<Candidate> batch, CancellationToken cancellationToken)
        {
            CodeFixProvider fixer = batch[0].Fixer;
            FixAllProvider? provider = fixer.GetFixAllProvider();
            if (provider == null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Solution))
            {
                throw new MigrationRefusedException(fixer.GetType().Name + " has no Fix All in Solution");
            }

            Document document = solution.GetDocument(batch[0].Diagnostic.Location.SourceTree)!;
            var context = new FixAllContext(
                document,
                fixer,
                FixAllScope.Solution,
                batch[0].Key,
                batch.Select(c => c.Diagnostic.Id).Distinct(),
                new BatchDiagnostics(batch.Select(c => c.Diagnostic).ToImmutableArray()),
                cancellationToken);
            CodeAction? action = await provider.GetFixAsync(context).ConfigureAwait(false);
            if (action == null)
            {
                return solution;
            }

            Solution? changed = null;
            foreach (CodeActionOperation operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    changed = apply.ChangedSolution;
                }
            }

            return changed ?? solution;
        }

        /// <summary>Copies the changes of each primary project to the projects loaded from the same file for other target frameworks.</summary>
        private static async Task<Solution> MirrorToOtherTargetFrameworksAsync(Solution original, Solution after, IReadOnlyList<ProjectId> targets, IReadOnlyList<ProjectId> primary, CancellationToken cancellationToken)
        {
            foreach (ProjectId id in targets.Where(t => !primary.Contains(t)))
            {
                Project sibling = after.GetProject(id)!;
                Project main = after.GetProject(primary.First(p => after.GetProject(p)!.FilePath == sibling.FilePath))!;
                ProjectChanges changes = main.GetChanges(original.GetProject(main.Id)!);
                foreach (DocumentId changedId in changes.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    Document changed = after.GetDocument(changedId)!;
                    Document? twin = sibling.Documents.FirstOrDefault(d => d.FilePath == changed.FilePath);
                    if (twin != null)
                    {
                        after = after.WithDocumentText(twin.Id, await changed.GetTextAsync(cancellationToken).ConfigureAwait(false));
                    }
                }

                foreach (DocumentId addedId in changes.GetAddedDocuments())
                {
                    Document added = after.GetDocument(addedId)!;
                    if (!after.GetProject(id)!.Documents.Any(d => d.FilePath == added.FilePath))
                    {
                        after = after.AddDocument(DocumentId.CreateNewId(id, added.Name), added.Name, await added.GetTextAsync(cancellationToken).ConfigureAwait(false), added.Folders, added.FilePath);
                    }
                }
            }

            return after;
        }

        /// <summary>Refuses when the rewritten solution has a compiler error that the original did not have.</summary>
        private static async Task CheckCompilesAsync(ScanSession session, Solution after, IReadOnlyList<ProjectId> targets, CancellationToken cancellationToken)
        {
            var baseline = session.Projects
                .SelectMany(p => p.CompilerErrors.Select(e => (p.Project.Id, e.Id, Message: e.GetMessage(CultureInfo.InvariantCulture))))
                .GroupBy(e => e)
                .ToDictionary(g => g.Key, g => g.Count());
            var added = new List<string>();
            foreach (ProjectId id in targets)
            {
                Project project = after.GetProject(id)!;
                Compilation compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);
                foreach (var group in errors.GroupBy(e => (id, e.Id, Message: e.GetMessage(CultureInfo.InvariantCulture))))
                {
                    baseline.TryGetValue(group.Key, out int before);
                    if (group.Count() > before)
                    {
                        added.AddRange(group.Skip(before).Select(e => SolutionLoader.DisplayName(project) + ": " + ScanSession.FormatError(e)));
                    }
                }
            }

            if (added.Count > 0)
            {
                throw new MigrationRefusedException(
                    "the rewritten solution would not compile (" + added.Count + " new error" + (added.Count == 1 ? string.Empty : "s") + "):\n  " + string.Join("\n  ", added.Take(10)));
            }
        }

        /// <summary>Hands the batch's diagnostics to Fix All, per document and per project.</summary>
        private sealed class BatchDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public BatchDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            {
                var result = new List<Diagnostic>();
                foreach (Document document in project.Documents)
                {
                    result.AddRange(await GetDocumentDiagnosticsAsync(document, cancellationToken).ConfigureAwait(false));
                }

                return result;
            }
        }
    }
}
