using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>One finding of the original scan, and whether its value moved (and where) or why not.</summary>
    internal sealed record ChecklistEntry(Finding Finding, MovedValue? Move, string? NotMovedReason);

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
    internal static class MigrationEngine
    {
        private const string ValueKind = "SecretsAnalyzer.Cli.Value";
        private const string SlotKind = "SecretsAnalyzer.Cli.Slot";
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

            Solution current = await AnnotateAsync(original, values, cancellationToken).ConfigureAwait(false);

            // 2. Passes: analyze, pick the findings that offer the store's action, Fix All with it, account for the moves.
            var moved = new Dictionary<int, (StoreKind Store, string Name)>();
            var notMoved = new Dictionary<int, string>();
            var attempted = new HashSet<int>();
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

                IReadOnlyDictionary<int, (StoreKind, string)> passMoves = await AccountAsync(current, next, batch.Select(c => c.ValueId).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var pair in passMoves)
                {
                    moved[pair.Key] = pair.Value;
                }

                foreach (int id in batch.Select(c => c.ValueId).Distinct().Where(id => !passMoves.ContainsKey(id)))
                {
                    notMoved.TryAdd(id, "the \"" + FixKeys.Title(batch[0].Key) + "\" fix left it in place");
                }

                current = next;
            }

            // 3. The result: what moved, what stays and why.
            List<Finding> remaining = Finding.Normalize(analyses.SelectMany(a => a.Findings.Select(d => Finding.From(d, SolutionLoader.DisplayName(a.Project), rootDirectory)))).ToList();
            var moves = new List<MovedValue>();
            var checklist = new List<ChecklistEntry>();
            foreach (var (finding, id) in findings.OrderBy(f => f.Finding.Project, StringComparer.Ordinal).ThenBy(f => f.Finding.RelativePath, StringComparer.Ordinal).ThenBy(f => f.Finding.Line).ThenBy(f => f.Finding.Column).ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal))
            {
                MovedValue? move = null;
                string? reason = null;
                if (id >= 0 && moved.TryGetValue(id, out var target))
                {
                    move = moves.FirstOrDefault(m => m.Store == target.Store && m.Name == target.Name);
                    if (move == null)
                    {
                        move = new MovedValue(moves.Count + 1, target.Store, target.Name, values[id].Value, finding.RuleId, finding.SecretKind ?? finding.RuleId, finding.Project, finding.Where, finding);
                        moves.Add(move);
                    }
                }
                else if (id < 0)
                {
                    reason = "no fix moves it: it is not a compile-time constant string in code (a comment, disabled code, or an interpolation with run-time holes); remove it by hand";
                }
                else
                {
                    reason = notMoved.TryGetValue(id, out string? why) ? why : "no fix for the chosen store is offered here";
                }

                checklist.Add(new ChecklistEntry(finding, move, reason));
            }

            // Every new lookup in the rewritten solution must be one of the accounted moves, and nothing else may change.
            var before = await StoreLookups.NamesInAsync(original, cancellationToken).ConfigureAwait(false);
            var after = await StoreLookups.NamesInAsync(current, cancellationToken).ConfigureAwait(false);
            var unaccounted = after.Except(before).Where(n => !moves.Any(m => m.Store == n.Item1 && m.Name == n.Item2)).ToList();
            if (unaccounted.Count > 0)
            {
                throw new MigrationRefusedException("the fixes read " + unaccounted.Count + " store name(s) whose value the tool could not account for (e.g. '" + unaccounted[0].Item2 + "')");
            }

            current = await MirrorToOtherTargetFrameworksAsync(original, current, targets, primary, cancellationToken).ConfigureAwait(false);
            await CheckCompilesAsync(session, current, targets, cancellationToken).ConfigureAwait(false);
            return new MigrationPlan(original, current, moves, checklist, remaining);
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

            notMoved.TryAdd(id, offered.Count == 0
                ? "no fix is offered for it (see the rule's documentation for the cases a fix cannot rewrite)"
                : "the \"" + FixKeys.Title(key) + "\" fix is not offered here (offered: " + string.Join(", ", offered.Distinct()) + "); the project may lack the AWS SDK package it needs");
            return null;
        }

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

        /// <summary>
        /// Finds, for each value of the batch, the lookup that took its place, and checks that the fix replaced exactly the
        /// value's expression (everything else in the enclosing node is unchanged, whitespace aside).
        /// </summary>
        private static async Task<IReadOnlyDictionary<int, (StoreKind, string)>> AccountAsync(Solution before, Solution after, IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            var namesBefore = await StoreLookups.NamesInAsync(before, cancellationToken).ConfigureAwait(false);
            var result = new Dictionary<int, (StoreKind, string)>();
            var wanted = new HashSet<int>(ids);
            foreach (DocumentId documentId in before.Projects.SelectMany(p => p.DocumentIds))
            {
                Document beforeDocument = before.GetDocument(documentId)!;
                SyntaxNode beforeRoot = (await beforeDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var slots = beforeRoot.GetAnnotatedNodes(SlotKind).ToList();
                if (slots.Count == 0)
                {
                    continue;
                }

                Document? afterDocument = after.GetDocument(documentId);
                SyntaxNode? afterRoot = afterDocument == null ? null : await afterDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                foreach (SyntaxNode beforeSlot in slots)
                {
                    var slotIds = beforeSlot.GetAnnotations(SlotKind).Select(a => int.Parse(a.Data!, CultureInfo.InvariantCulture)).Where(wanted.Contains).ToList();
                    if (slotIds.Count == 0)
                    {
                        continue;
                    }

                    SyntaxAnnotation slotAnnotation = beforeSlot.GetAnnotations(SlotKind).First();
                    SyntaxNode? afterSlot = afterRoot?.GetAnnotatedNodes(slotAnnotation).FirstOrDefault();
                    if (afterSlot == null)
                    {
                        // The fix rewrote the enclosing node itself: nothing can be proven about the value.
                        continue;
                    }

                    var beforeValues = beforeSlot.DescendantNodesAndSelf()
                        .Where(n => n.GetAnnotations(ValueKind).Any(a => slotIds.Contains(int.Parse(a.Data!, CultureInfo.InvariantCulture))))
                        .OrderBy(n => n.SpanStart)
                        .ToList();
                    var afterLookups = StoreLookups.In(afterSlot).Where(l => !namesBefore.Contains((l.Store, l.Name))).OrderBy(l => l.Invocation.SpanStart).ToList();
                    if (beforeValues.Count != afterLookups.Count || beforeValues.Count == 0)
                    {
                        continue;
                    }

                    string beforeRest = Without(beforeSlot, beforeValues);
                    string afterRest = Without(afterSlot, afterLookups.Select(l => (SyntaxNode)l.Replaced).ToList());
                    if (beforeSlot is EqualsValueClauseSyntax && afterSlot is ArrowExpressionClauseSyntax && afterRest.StartsWith("=>", StringComparison.Ordinal))
                    {
                        // A const or static readonly field became a static property over the helper (`= value` → `=> lookup`).
                        afterRest = "=" + afterRest.Substring(2);
                    }

                    if (!string.Equals(beforeRest, afterRest, StringComparison.Ordinal))
                    {
                        throw new MigrationRefusedException(
                            "a fix in " + beforeDocument.Name + " changed more than the value it moved (before: `" + Squeeze(beforeSlot.ToString()) + "`); the tool cannot prove what the code reads, so nothing was written");
                    }

                    for (int i = 0; i < beforeValues.Count; i++)
                    {
                        int id = int.Parse(beforeValues[i].GetAnnotations(ValueKind).First().Data!, CultureInfo.InvariantCulture);
                        result[id] = (afterLookups[i].Store, afterLookups[i].Name);
                    }
                }
            }

            return result;
        }

        /// <summary>The node's text without the given descendants and without whitespace.</summary>
        private static string Without(SyntaxNode node, IReadOnlyList<SyntaxNode> parts)
        {
            var text = new StringBuilder();
            int position = node.Span.Start;
            foreach (SyntaxNode part in parts.OrderBy(p => p.SpanStart))
            {
                text.Append(node.SyntaxTree.GetText().ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(position, part.Span.Start)));
                text.Append('\u0001');
                position = part.Span.End;
            }

            text.Append(node.SyntaxTree.GetText().ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(position, node.Span.End)));
            return Squeeze(text.ToString());
        }

        private static string Squeeze(string s) => new string(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

        private static async Task<Solution> AnnotateAsync(Solution solution, IReadOnlyList<LocatedValue> values, CancellationToken cancellationToken)
        {
            foreach (var byDocument in values.Select((v, i) => (Value: v, Id: i)).GroupBy(v => v.Value.Document.Id))
            {
                Document document = solution.GetDocument(byDocument.Key)!;
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                foreach (var (value, id) in byDocument)
                {
                    SyntaxNode expression = root.FindNode(value.Expression.Span, getInnermostNodeForTie: false);
                    while (expression.Span != value.Expression.Span || expression.RawKind != value.Expression.RawKind)
                    {
                        expression = expression.ChildNodes().First(c => c.Span.Contains(value.Expression.Span));
                    }

                    Add(annotations, expression, new SyntaxAnnotation(ValueKind, id.ToString(CultureInfo.InvariantCulture)));
                    Add(annotations, expression.Parent!, new SyntaxAnnotation(SlotKind, id.ToString(CultureInfo.InvariantCulture)));
                }

                SyntaxNode annotated = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
                solution = solution.WithDocumentSyntaxRoot(document.Id, annotated, PreservationMode.PreserveIdentity);
            }

            return solution;
        }

        private static void Add(Dictionary<SyntaxNode, List<SyntaxAnnotation>> map, SyntaxNode node, SyntaxAnnotation annotation)
        {
            if (!map.TryGetValue(node, out var list))
            {
                list = new List<SyntaxAnnotation>();
                map.Add(node, list);
            }

            list.Add(annotation);
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
