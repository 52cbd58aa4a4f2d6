using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// The value of a named constant (<c>Prefix</c>, <c>Keys.Prefix</c>, <c>App.Config.Keys.Prefix</c>) found by name
    /// lookup at the use (<see cref="SemanticModel.LookupSymbols"/>) instead of by binding the expression.
    /// </summary>
    /// <remarks>
    /// <see cref="SemanticModel.GetConstantValue"/> on a name inside a method binds (and flow-analyses) the whole
    /// enclosing method body the first time; name lookup only builds the scopes at the position and reads the
    /// field's or const local's own initializer. Lookup follows the language's hiding rules, so a local or parameter
    /// that shadows a constant field is found as what it is (not a constant). Shapes lookup cannot settle (an
    /// ambiguous or inherited name, generic or alias-qualified names) fall back to the compiler's fold.
    /// </remarks>
    internal static class ConstantLookup
    {
        private const int MaxChain = 16;

        /// <summary>The constant value of the name, and the constant's symbol; <c>false</c> when it is not a constant.</summary>
        public static bool TryGetConstant(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out object? value, out ISymbol? symbol)
        {
            expression = CandidateCollector.SkipParentheses(expression);
            switch (Lookup(expression, model, cancellationToken, out value, out symbol))
            {
                case Outcome.Constant:
                    return true;
                case Outcome.NotConstant:
                    return false;
                default:
                    Optional<object?> folded = model.GetConstantValue(expression, cancellationToken);
                    value = folded.HasValue ? folded.Value : null;
                    symbol = folded.HasValue ? model.GetSymbolInfo(expression, cancellationToken).Symbol : null;
                    return folded.HasValue;
            }
        }

        private enum Outcome
        {
            Unknown,
            NotConstant,
            Constant,
        }

        private static Outcome Lookup(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out object? value, out ISymbol? symbol)
        {
            value = null;
            symbol = null;

            // A.B.C: find the leftmost name, look it up, then walk back up the member accesses to the expression.
            // Iterative, and bounded by MaxChain.
            ExpressionSyntax e = expression;
            int depth = 0;
            while (e is MemberAccessExpressionSyntax member && member.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                if (!(member.Name is IdentifierNameSyntax) || ++depth > MaxChain)
                {
                    return Outcome.Unknown;
                }

                e = member.Expression;
            }

            if (!(e is IdentifierNameSyntax leftmost))
            {
                // this.X, base.X, a call's result: not a named constant. global::X, (expr).X and the like: ask the compiler.
                return e is ThisExpressionSyntax || e is BaseExpressionSyntax || e is InvocationExpressionSyntax ? Outcome.NotConstant : Outcome.Unknown;
            }

            ImmutableArray<ISymbol> found = model.LookupSymbols(expression.SpanStart, name: leftmost.Identifier.ValueText);
            if (found.Length != 1)
            {
                return found.IsEmpty ? Outcome.NotConstant : Outcome.Unknown;
            }

            ISymbol current = found[0];
            for (SyntaxNode node = leftmost; node != expression; )
            {
                cancellationToken.ThrowIfCancellationRequested();
                var access = (MemberAccessExpressionSyntax)node.Parent!;
                if (current is IAliasSymbol alias)
                {
                    current = alias.Target;
                }

                if (!(current is INamespaceOrTypeSymbol container))
                {
                    // A member of a variable, parameter, property or field is not a constant (C# has no instance
                    // constants), unless the name is also its type's (the "Color Color" case): the compiler settles that.
                    ITypeSymbol? type = current switch
                    {
                        IFieldSymbol f => f.Type,
                        ILocalSymbol l => l.Type,
                        IParameterSymbol p => p.Type,
                        IPropertySymbol p => p.Type,
                        _ => null,
                    };
                    return type != null && type.Name != current.Name ? Outcome.NotConstant : Outcome.Unknown;
                }

                ImmutableArray<ISymbol> members = container.GetMembers(((IdentifierNameSyntax)access.Name).Identifier.ValueText);
                if (members.Length != 1)
                {
                    // Inherited through a base type, or overloaded: let the compiler settle it.
                    return Outcome.Unknown;
                }

                current = members[0];
                node = access;
            }

            switch (current)
            {
                case IFieldSymbol field:
                    if (!field.IsConst)
                    {
                        return Outcome.NotConstant;
                    }

                    value = field.HasConstantValue ? field.ConstantValue : null;
                    symbol = field;
                    return field.HasConstantValue ? Outcome.Constant : Outcome.NotConstant;

                case ILocalSymbol local:
                    if (!local.IsConst || !local.HasConstantValue)
                    {
                        return Outcome.NotConstant;
                    }

                    value = local.ConstantValue;
                    symbol = local;
                    return Outcome.Constant;

                case IParameterSymbol _:
                case IPropertySymbol _:
                case IMethodSymbol _:
                case INamespaceOrTypeSymbol _:
                case IEventSymbol _:
                    return Outcome.NotConstant;

                default:
                    return Outcome.Unknown;
            }
        }
    }
}
