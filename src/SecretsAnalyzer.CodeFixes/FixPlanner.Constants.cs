using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.CodeFixes
{
    // Named constants: the one constant that carries a finding, its declaration's initializer, whether a const
    // can stop being one, and the places where only a constant compiles.
    internal static partial class FixPlanner
    {
        /// <summary>The one named constant inside a folded expression whose own value carries what the rule found.</summary>
        private static ExpressionSyntax? ConstantHoldingFinding(ExpressionSyntax expression, SemanticModel model, string ruleId, CancellationToken cancellationToken)
        {
            ExpressionSyntax? holder = null;
            foreach (SyntaxNode node in expression.DescendantNodesAndSelf())
            {
                if (!(node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax) || node.Parent is MemberAccessExpressionSyntax parentAccess && parentAccess.Name == node)
                {
                    continue;
                }

                ISymbol? symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                bool isConst = (symbol is IFieldSymbol field && field.IsConst) || (symbol is ILocalSymbol local && local.IsConst);
                if (!isConst || !symbol!.Locations.Any(l => l.IsInSource) || !(model.GetConstantValue(node, cancellationToken).Value is string text))
                {
                    continue;
                }

                bool carries = ruleId switch
                {
                    RuleIds.AwsAccessKeyId => AwsKeys.ContainsAccessKeyId(text),
                    RuleIds.AwsSecretKey => AwsKeys.HasLongKeyRun(text),
                    RuleIds.RoleArn => text.IndexOf("arn:", StringComparison.Ordinal) >= 0,
                    RuleIds.ProviderToken => ProviderTokens.ContainsToken(text),
                    _ => false,
                };
                if (carries)
                {
                    if (holder != null)
                    {
                        return null;
                    }

                    holder = (ExpressionSyntax)node;
                }
            }

            return holder;
        }

        /// <summary>A named constant passed as an argument: the value is its declaration's initializer.</summary>
        private static async Task<(Document, ExpressionSyntax?)> ResolveConstantAsync(Document document, ExpressionSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            ISymbol? symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            bool isConst = (symbol is IFieldSymbol field && field.IsConst) || (symbol is ILocalSymbol local && local.IsConst);
            if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1)
            {
                return (document, null);
            }

            SyntaxNode declaration = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (!(declaration is VariableDeclaratorSyntax declarator) || declarator.Initializer == null)
            {
                return (document, null);
            }

            Document? declaringDocument = document.Project.Solution.GetDocument(declarator.SyntaxTree);
            if (declaringDocument == null)
            {
                return (document, null);
            }

            ExpressionSyntax initializer = declarator.Initializer.Value;
            while (initializer is ParenthesizedExpressionSyntax parenthesized)
            {
                initializer = parenthesized.Expression;
            }

            return (declaringDocument, initializer);
        }

        /// <summary>A const can become <c>static readonly</c> (or a local variable) when no use needs a constant.</summary>
        private static async Task<bool> ConstIsMovableAsync(Document document, SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            VariableDeclarationSyntax variables = declaration is FieldDeclarationSyntax field ? field.Declaration : ((LocalDeclarationStatementSyntax)declaration).Declaration;
            if (declaration is FieldDeclarationSyntax && declaration.Parent is InterfaceDeclarationSyntax)
            {
                return false;
            }

            foreach (VariableDeclaratorSyntax declarator in variables.Variables)
            {
                ISymbol? symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null)
                {
                    return false;
                }

                IEnumerable<ReferencedSymbol> references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                foreach (ReferencedSymbol referenced in references)
                {
                    foreach (ReferenceLocation location in referenced.Locations)
                    {
                        SyntaxNode? root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                        SyntaxNode node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                        if (IsConstantContext(node))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// A static field (one variable, no attributes, a class, struct or record) can become a get-only static property
        /// when no use writes it or passes it by reference, anywhere in the solution.
        /// </summary>
        private static async Task<bool> FieldCanBecomePropertyAsync(Document document, FieldDeclarationSyntax field, SemanticModel model, CancellationToken cancellationToken)
        {
            if (field.Declaration.Variables.Count != 1 || field.AttributeLists.Count > 0 || !(field.Parent is TypeDeclarationSyntax) || field.Parent is InterfaceDeclarationSyntax ||
                field.Modifiers.Any(SyntaxKind.VolatileKeyword) || field.Modifiers.Any(SyntaxKind.FixedKeyword) || field.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            {
                return false;
            }

            if (!(model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken) is IFieldSymbol symbol))
            {
                return false;
            }

            IEnumerable<ReferencedSymbol> references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (ReferenceLocation location in references.SelectMany(r => r.Locations))
            {
                SyntaxNode root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                SyntaxNode node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ExpressionSyntax use && IsWrittenOrByRef(use))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a use of a constant sits where only a constant compiles.</summary>
        internal static bool IsConstantContext(SyntaxNode node)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case AttributeSyntax _:
                    case SwitchLabelSyntax _:
                    case PatternSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return true;
                    case EqualsValueClauseSyntax equals:
                        if (equals.Parent is ParameterSyntax)
                        {
                            return true;
                        }

                        if (equals.Parent is VariableDeclaratorSyntax declarator && declarator.Parent is VariableDeclarationSyntax declaration &&
                            ((declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)) ||
                             (declaration.Parent is LocalDeclarationStatementSyntax local && local.IsConst)))
                        {
                            return true;
                        }

                        return false;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case ArrowExpressionClauseSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        return false;
                }
            }

            return false;
        }
    }
}
