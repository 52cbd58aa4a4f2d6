using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>The expression whose value a "read from the store" fix moves, and that value.</summary>
    internal sealed record LocatedValue(Document Document, ExpressionSyntax Expression, string Value);

    /// <summary>
    /// Finds what a fix moves for a finding: the whole compile-time constant string expression around it (a literal, a
    /// folded concatenation, a constant interpolation), or the initializer of the constant it names. The tool checks
    /// afterwards that the fix replaced exactly this expression, so the value written to the provisioning script is the
    /// value the code reads at run time.
    /// </summary>
    internal static class ValueLocator
    {
        public static async Task<LocatedValue?> LocateAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            if (span.End > root.FullSpan.End)
            {
                return null;
            }

            SyntaxToken token = root.FindToken(span.Start, findInsideTrivia: false);
            if (!token.Span.IntersectsWith(span) && !token.Span.Contains(span.Start))
            {
                // The finding is in a comment or in disabled code: no fix moves it.
                return null;
            }

            ExpressionSyntax? expression = token.Parent?.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();
            if (expression == null || !IsConstantString(model, expression, cancellationToken))
            {
                return null;
            }

            // A name of a constant: the value lives in the constant's declaration.
            if (expression is IdentifierNameSyntax or MemberAccessExpressionSyntax &&
                model.GetSymbolInfo(expression, cancellationToken).Symbol is ISymbol symbol &&
                (symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true }))
            {
                SyntaxReference? reference = symbol.DeclaringSyntaxReferences.FirstOrDefault();
                if (reference == null || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not VariableDeclaratorSyntax { Initializer: { } initializer })
                {
                    return null;
                }

                Document? declaring = document.Project.Solution.GetDocument(reference.SyntaxTree);
                if (declaring == null)
                {
                    return null;
                }

                SemanticModel declaringModel = (await declaring.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                ExpressionSyntax value = initializer.Value;
                return declaringModel.GetConstantValue(value, cancellationToken) is { HasValue: true, Value: string text }
                    ? new LocatedValue(declaring, value, text)
                    : null;
            }

            // The outermost constant: "Server=" + Host + ";Password=" + "…" moves whole.
            while (true)
            {
                SyntaxNode? parent = expression.Parent;
                while (parent is InterpolationSyntax or InterpolatedStringTextSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is ExpressionSyntax outer && IsConstantString(model, outer, cancellationToken))
                {
                    expression = outer;
                    continue;
                }

                break;
            }

            return model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string constant }
                ? new LocatedValue(document, expression, constant)
                : null;
        }

        private static bool IsConstantString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
            !expression.IsKind(SyntaxKind.None) && model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string };
    }
}
