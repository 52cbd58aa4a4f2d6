using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// Where a value goes after it is stored, for values whose own name says nothing: the variable, field or
    /// property it initializes, the places in the same syntax tree that read it, and the declarations right next to
    /// it. Only asked about the rare values that already have a credential's shape; every walk is bounded.
    /// </summary>
    internal static class ValueFlow
    {
        /// <summary>At most this many reads of one symbol are followed.</summary>
        public const int MaxUses = 32;

        /// <summary>How many declarations or statements on either side count as "next to" a value.</summary>
        public const int Neighbourhood = 2;

        /// <summary>The local, field, property or parameter that <paramref name="value"/> initializes or is assigned to.</summary>
        public static ISymbol? StoredIn(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (value.Parent)
            {
                case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax || equals.Parent is PropertyDeclarationSyntax || equals.Parent is ParameterSyntax:
                    return model.GetDeclaredSymbol(equals.Parent, cancellationToken);
                case AssignmentExpressionSyntax assignment when assignment.Right == value && assignment.Parent is ExpressionStatementSyntax:
                    ISymbol? target = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                    return target is ILocalSymbol || target is IFieldSymbol || target is IPropertySymbol ? target : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The expressions in this tree that read <paramref name="symbol"/> (<c>k</c>, <c>Keys.K</c>, <c>this.k</c>):
        /// within the enclosing member for locals and parameters, within the whole tree otherwise.
        /// </summary>
        public static System.Collections.Generic.List<ExpressionSyntax> Reads(ISymbol symbol, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            var reads = new System.Collections.Generic.List<ExpressionSyntax>();
            SyntaxNode? scope = symbol is ILocalSymbol || symbol is IParameterSymbol ? EnclosingBody(value) : value.SyntaxTree.GetRoot(cancellationToken);
            if (scope == null)
            {
                return reads;
            }

            string name = symbol.Name;
            foreach (SyntaxToken token in scope.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || !(token.Parent is IdentifierNameSyntax identifier))
                {
                    continue;
                }

                if (identifier.Parent is AssignmentExpressionSyntax written && written.Left == identifier)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
                {
                    continue;
                }

                ExpressionSyntax read = identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : identifier;
                reads.Add(read);
                if (reads.Count >= MaxUses)
                {
                    break;
                }
            }

            return reads;
        }

        /// <summary>
        /// Whether a declaration or statement right next to the one holding <paramref name="value"/> (up to
        /// <see cref="Neighbourhood"/> either side: fields, properties, locals, top-level statements) is initialized
        /// with a string that passes <paramref name="predicate"/>.
        /// </summary>
        public static bool NeighbourHolds(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken, System.Func<string, bool> predicate)
        {
            SyntaxNode? holder = value.Parent is EqualsValueClauseSyntax equals ? equals.Parent : null;
            SyntaxNode? item = holder switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } => field,
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } => local.Parent is GlobalStatementSyntax global ? global : local,
                PropertyDeclarationSyntax property => property,
                _ => null,
            };

            if (item?.Parent == null)
            {
                return false;
            }

            ChildSyntaxList siblings = item.Parent.ChildNodesAndTokens();
            int index = -1;
            var nodes = new System.Collections.Generic.List<SyntaxNode>();
            foreach (SyntaxNodeOrToken child in siblings)
            {
                if (child.AsNode() is SyntaxNode node)
                {
                    if (node == item)
                    {
                        index = nodes.Count;
                    }

                    nodes.Add(node);
                }
            }

            for (int i = index - Neighbourhood; i <= index + Neighbourhood; i++)
            {
                if (i < 0 || i >= nodes.Count || i == index)
                {
                    continue;
                }

                foreach (ExpressionSyntax initializer in Initializers(nodes[i]))
                {
                    string? text = CandidateCollector.ConstantString(initializer, model, cancellationToken);
                    if (text != null && predicate(text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static System.Collections.Generic.IEnumerable<ExpressionSyntax> Initializers(SyntaxNode node)
        {
            if (node is GlobalStatementSyntax global)
            {
                node = global.Statement;
            }

            VariableDeclarationSyntax? declaration = node switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                LocalDeclarationStatementSyntax local => local.Declaration,
                _ => null,
            };

            if (declaration != null)
            {
                foreach (VariableDeclaratorSyntax variable in declaration.Variables)
                {
                    if (variable.Initializer != null)
                    {
                        yield return variable.Initializer.Value;
                    }
                }
            }
            else if (node is PropertyDeclarationSyntax property && property.Initializer != null)
            {
                yield return property.Initializer.Value;
            }
        }

        private static SyntaxNode? EnclosingBody(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                if (current is BaseMethodDeclarationSyntax || current is LocalFunctionStatementSyntax || current is AccessorDeclarationSyntax ||
                    current is PropertyDeclarationSyntax || current is GlobalStatementSyntax || current is AnonymousFunctionExpressionSyntax)
                {
                    return current is GlobalStatementSyntax ? current.Parent : current;
                }
            }

            return null;
        }
    }
}
