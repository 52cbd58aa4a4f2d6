using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    // The ILambdaContext in scope at a node: a parameter of an enclosing function, or a local declared before it.
    internal sealed partial class LambdaHandlerModel
    {
        /// <summary>
        /// Whether an <c>ILambdaContext</c> parameter or local variable can be used at <paramref name="node"/>: a
        /// parameter of an enclosing method, local function or lambda (not across a <c>static</c> lambda or local
        /// function), or a local declared before the node. The innermost one wins.
        /// </summary>
        public bool TryGetLambdaContextInScope(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, out ISymbol? contextSymbol)
        {
            contextSymbol = null;
            if (_lambdaContext == null)
            {
                return false;
            }

            int position = node.SpanStart;
            bool crossedStatic = false;
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                if (current is BlockSyntax || current is SwitchSectionSyntax || current is CompilationUnitSyntax)
                {
                    if (!crossedStatic && TryFindLocal(current, position, model, cancellationToken, out ISymbol? local))
                    {
                        contextSymbol = local;
                        return true;
                    }

                    continue;
                }

                ImmutableArray<IParameterSymbol> parameters;
                bool isStatic;
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        parameters = model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol lambdaSymbol ? lambdaSymbol.Parameters : ImmutableArray<IParameterSymbol>.Empty;
                        isStatic = lambda.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case LocalFunctionStatementSyntax localFunction:
                        parameters = model.GetDeclaredSymbol(localFunction, cancellationToken) is IMethodSymbol localSymbol ? localSymbol.Parameters : ImmutableArray<IParameterSymbol>.Empty;
                        isStatic = localFunction.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case BaseMethodDeclarationSyntax method:
                        parameters = model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol methodSymbol ? methodSymbol.Parameters : ImmutableArray<IParameterSymbol>.Empty;
                        isStatic = true;
                        break;
                    case AccessorDeclarationSyntax _:
                    case TypeDeclarationSyntax _:
                        return false;
                    default:
                        continue;
                }

                if (!crossedStatic)
                {
                    foreach (IParameterSymbol parameter in parameters)
                    {
                        if (SymbolEqualityComparer.Default.Equals(parameter.Type, _lambdaContext))
                        {
                            contextSymbol = parameter;
                            return true;
                        }
                    }
                }

                if (current is BaseMethodDeclarationSyntax)
                {
                    return false;
                }

                crossedStatic |= isStatic;
            }

            return false;
        }

        private bool TryFindLocal(SyntaxNode scope, int position, SemanticModel model, CancellationToken cancellationToken, out ISymbol? local)
        {
            local = null;
            IEnumerable<SyntaxNode> statements = scope switch
            {
                BlockSyntax block => block.Statements,
                SwitchSectionSyntax section => section.Statements,
                CompilationUnitSyntax unit => GlobalStatements(unit),
                _ => Array.Empty<SyntaxNode>(),
            };

            foreach (SyntaxNode statement in statements)
            {
                if (statement.SpanStart >= position)
                {
                    break;
                }

                if (statement is LocalDeclarationStatementSyntax declaration)
                {
                    foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
                    {
                        if (variable.Span.End <= position &&
                            model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol symbol &&
                            SymbolEqualityComparer.Default.Equals(symbol.Type, _lambdaContext))
                        {
                            local = symbol;
                        }
                    }
                }
            }

            return local != null;
        }

        private static IEnumerable<SyntaxNode> GlobalStatements(CompilationUnitSyntax unit)
        {
            foreach (MemberDeclarationSyntax member in unit.Members)
            {
                if (member is GlobalStatementSyntax global)
                {
                    yield return global.Statement;
                }
            }
        }
    }
}
