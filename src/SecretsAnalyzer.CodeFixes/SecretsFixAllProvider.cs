using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// Fix All in Document, Project or Solution as one change: every diagnostic is planned against the same solution,
    /// names are allocated once for the whole batch (unique in the solution) and each project gets the helper exactly
    /// once. The first action of every finding carries <see cref="FixKinds.RecommendedKey"/>: Fix All with it applies
    /// each finding's own first fix, so <c>dotnet format</c> (which takes the first action's key) fixes every fixable
    /// finding the recommended way. A fix's own key applies that fix where offered and the first fix elsewhere.
    /// </summary>
    internal sealed class SecretsFixAllProvider : FixAllProvider
    {
        public static readonly SecretsFixAllProvider Instance = new SecretsFixAllProvider();

        private SecretsFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document != null:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (Project project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                default:
                    return null;
            }

            diagnostics = diagnostics.Where(d => d.Location.IsInSource).ToList();
            if (diagnostics.Count == 0)
            {
                return null;
            }

            // The recommended key (or none) applies each finding's first fix; a fix's own key applies that fix where
            // a finding offers it and the finding's first fix elsewhere.
            FixKind? requested = FixKinds.FromKey(fixAllContext.CodeActionEquivalenceKey);
            Solution solution = fixAllContext.Solution;
            string title = requested == null ? "Move every hard-coded credential out of the code" : FixKinds.Title(requested.Value) + " everywhere";
            return CodeAction.Create(
                title,
                cancellationToken => FixApplier.ApplyAsync(solution, diagnostics, requested, fallBackToFirst: true, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
