using System.Collections.Concurrent;
using System.Collections.Generic;
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
        public const int Neighbourhood = 3;

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
        /// The identifier names of each syntax tree by name, built once per tree and compilation the first time a value
        /// in it needs following, so following many values stays linear in the size of the tree.
        /// </summary>
        internal sealed class TreeIndex
        {
            private readonly ConcurrentDictionary<SyntaxTree, Dictionary<string, List<IdentifierNameSyntax>>> _byTree =
                new ConcurrentDictionary<SyntaxTree, Dictionary<string, List<IdentifierNameSyntax>>>();

            public List<IdentifierNameSyntax>? Get(SyntaxTree tree, string name, CancellationToken cancellationToken)
            {
                Dictionary<string, List<IdentifierNameSyntax>> index = _byTree.GetOrAdd(tree, t => Build(t, cancellationToken));
                return index.TryGetValue(name, out List<IdentifierNameSyntax>? list) ? list : null;
            }

            private static Dictionary<string, List<IdentifierNameSyntax>> Build(SyntaxTree tree, CancellationToken cancellationToken)
            {
                var index = new Dictionary<string, List<IdentifierNameSyntax>>(System.StringComparer.Ordinal);
                foreach (SyntaxToken token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is IdentifierNameSyntax identifier)
                    {
                        if (!index.TryGetValue(token.ValueText, out List<IdentifierNameSyntax>? list))
                        {
                            list = new List<IdentifierNameSyntax>();
                            index.Add(token.ValueText, list);
                        }

                        list.Add(identifier);
                    }
                }

                return index;
            }
        }

        /// <summary>
        /// The expressions in this tree that read <paramref name="symbol"/> (<c>k</c>, <c>Keys.K</c>, <c>this.k</c>):
        /// within the enclosing member for locals and parameters, within the whole tree otherwise. At most
        /// <see cref="MaxUses"/> names are bound.
        /// </summary>
        public static List<ExpressionSyntax> Reads(ISymbol symbol, ExpressionSyntax value, SemanticModel model, TreeIndex index, CancellationToken cancellationToken)
        {
            var reads = new List<ExpressionSyntax>();
            SyntaxNode? scope = symbol is ILocalSymbol || symbol is IParameterSymbol ? EnclosingBody(value) : null;
            List<IdentifierNameSyntax>? candidates = index.Get(value.SyntaxTree, symbol.Name, cancellationToken);
            if (candidates == null)
            {
                return reads;
            }

            // The index is in source order: start at the scope by binary search, stop at its end.
            int first = 0;
            if (scope != null)
            {
                int low = 0, high = candidates.Count;
                while (low < high)
                {
                    int mid = low + ((high - low) / 2);
                    if (candidates[mid].SpanStart < scope.SpanStart)
                    {
                        low = mid + 1;
                    }
                    else
                    {
                        high = mid;
                    }
                }

                first = low;
            }

            int bound = 0;
            for (int i = first; i < candidates.Count; i++)
            {
                IdentifierNameSyntax identifier = candidates[i];
                if (scope != null && identifier.SpanStart >= scope.Span.End)
                {
                    break;
                }

                if (identifier.Parent is AssignmentExpressionSyntax written && written.Left == identifier)
                {
                    continue;
                }

                if (++bound > MaxUses)
                {
                    break;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
                {
                    continue;
                }

                reads.Add(identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : identifier);
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

            // Walk to the neighbours through the tokens around the item: no scan of a long member or statement list.
            SyntaxNode parent = item.Parent;
            SyntaxNode? before = item, after = item;
            for (int step = 0; step < Neighbourhood; step++)
            {
                before = before == null ? null : Sibling(parent, before.GetFirstToken().GetPreviousToken());
                after = after == null ? null : Sibling(parent, after.GetLastToken().GetNextToken());
                foreach (SyntaxNode? neighbour in new[] { before, after })
                {
                    if (neighbour == null)
                    {
                        continue;
                    }

                    foreach (ExpressionSyntax initializer in Initializers(neighbour))
                    {
                        string? text = CandidateCollector.ConstantString(initializer, model, cancellationToken);
                        if (text != null && predicate(text))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The child of <paramref name="parent"/> that holds <paramref name="token"/>, or null.</summary>
        private static SyntaxNode? Sibling(SyntaxNode parent, SyntaxToken token)
        {
            for (SyntaxNode? node = token.Parent; node != null && node != parent; node = node.Parent)
            {
                if (node.Parent == parent)
                {
                    return node;
                }
            }

            return null;
        }

        private static IEnumerable<ExpressionSyntax> Initializers(SyntaxNode node)
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
