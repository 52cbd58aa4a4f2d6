using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>
    /// The expression whose value a "read from the store" fix moves, and that value. <see cref="Sources"/> lists every
    /// declaration the value is folded from (path:line, the expression's own first); <see cref="Unaccountable"/> says why
    /// the tool cannot prove the value byte for byte, or is null when it can.
    /// </summary>
    internal sealed record LocatedValue(Document Document, ExpressionSyntax Expression, string Value)
    {
        public IReadOnlyList<string> Sources { get; init; } = Array.Empty<string>();

        public string? Unaccountable { get; init; }
    }

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

            // The innermost constant string expression that covers the whole finding: a finding on a fold
            // (`Parts.Prefix + "…"`) starts on a name that is no string itself.
            ExpressionSyntax? expression = token.Parent?.AncestorsAndSelf().OfType<ExpressionSyntax>()
                .FirstOrDefault(e => e.Span.Contains(span) && IsConstantString(model, e, cancellationToken));
            if (expression == null)
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
                    ? await AccountAsync(new LocatedValue(declaring, value, text), cancellationToken).ConfigureAwait(false)
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
                ? await AccountAsync(new LocatedValue(document, expression, constant), cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary>The most declarations one value may be folded from before the tool gives up on proving it.</summary>
        private const int MaxFoldNodes = 4096;

        /// <summary>
        /// Folds the value again from its source text, left to right, following every named constant to its declaration
        /// (in any file of the solution), and compares the result with the compiler's constant: the value the script
        /// stores is then known to be exactly the concatenation of these declarations. A part the tool cannot follow (a
        /// constant declared outside the solution, a form it does not evaluate, a conditional-compilation directive inside
        /// the fold, whose value then depends on the build configuration) makes the value unaccountable.
        /// </summary>
        private static async Task<LocatedValue> AccountAsync(LocatedValue located, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            var sources = new List<string> { Where(located.Expression) };
            var pending = new Stack<(Document Document, SyntaxNode Node)>();
            pending.Push((located.Document, located.Expression));
            int visited = 0;
            string? problem = null;
            while (pending.Count > 0 && problem == null)
            {
                var (document, node) = pending.Pop();
                if (++visited > MaxFoldNodes)
                {
                    problem = "it is folded from more than " + MaxFoldNodes + " parts";
                    break;
                }

                if (node.ContainsDirectives)
                {
                    problem = "a conditional-compilation directive (#if) sits inside the constant " + Where(node) + ", so the value depends on the build configuration";
                    break;
                }

                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        text.Append(literal.Token.ValueText);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        pending.Push((document, parenthesized.Expression));
                        break;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        pending.Push((document, binary.Right));
                        pending.Push((document, binary.Left));
                        break;
                    case InterpolatedStringExpressionSyntax interpolated:
                        for (int i = interpolated.Contents.Count - 1; i >= 0; i--)
                        {
                            pending.Push((document, interpolated.Contents[i]));
                        }

                        break;
                    case InterpolatedStringTextSyntax part:
                        text.Append(part.TextToken.ValueText);
                        break;
                    case InterpolationSyntax hole when hole.AlignmentClause == null && hole.FormatClause == null:
                        pending.Push((document, hole.Expression));
                        break;
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                        ISymbol? symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                        if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }))
                        {
                            problem = "it is folded from " + (symbol?.ToDisplayString() ?? "a name") + ", which is not a constant the tool can follow";
                            break;
                        }

                        SyntaxReference? reference = symbol.DeclaringSyntaxReferences.Length == 1 ? symbol.DeclaringSyntaxReferences[0] : null;
                        Document? declaring = reference == null ? null : document.Project.Solution.GetDocument(reference.SyntaxTree);
                        if (declaring == null || await reference!.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not VariableDeclaratorSyntax { Initializer: { } initializer })
                        {
                            problem = "it is folded from the constant " + symbol.ToDisplayString() + ", which is declared outside the solution";
                            break;
                        }

                        sources.Add(Where(initializer.Value));
                        pending.Push((declaring, initializer.Value));
                        break;
                    default:
                        // The kind only: the node's text may hold the secret.
                        problem = "it is folded from a " + node.Kind() + ", a form the tool does not evaluate";
                        break;
                }
            }

            if (problem == null && !string.Equals(text.ToString(), located.Value, StringComparison.Ordinal))
            {
                problem = "the tool's fold of its declarations differs from the compiler's constant";
            }

            return located with { Sources = sources.Distinct().ToList(), Unaccountable = problem == null ? null : "cannot be accounted for byte for byte: " + problem };
        }

        private static string Where(SyntaxNode node)
        {
            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
            return System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1);
        }

        private static bool IsConstantString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
            !expression.IsKind(SyntaxKind.None) && model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string };
    }
}
