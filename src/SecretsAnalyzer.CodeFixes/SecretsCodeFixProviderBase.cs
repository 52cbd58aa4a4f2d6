using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>What every SecretsAnalyzer fixer shares: planning per diagnostic, one action per available fix, our Fix All.</summary>
    public abstract class SecretsCodeFixProviderBase : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => SecretsFixAllProvider.Instance;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                FixPlan? plan = await FixPlanner.PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (plan == null)
                {
                    continue;
                }

                Solution solution = context.Document.Project.Solution;
                IReadOnlyList<Diagnostic> single = new[] { diagnostic };
                for (int i = 0; i < plan.Kinds.Length; i++)
                {
                    FixKind chosen = plan.Kinds[i];
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            FixKinds.Title(chosen),
                            cancellationToken => FixApplier.ApplyAsync(solution, single, chosen, fallBackToFirst: false, cancellationToken),
                            i == 0 ? FixKinds.RecommendedKey : FixKinds.Key(chosen)),
                        diagnostic);
                }
            }
        }
    }
}
