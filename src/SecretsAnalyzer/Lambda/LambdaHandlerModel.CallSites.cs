using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    // The LambdaBootstrapBuilder.Create(…) and AddAWSLambdaHosting(…) call sites: found once per compilation
    // from syntax alone, and the bootstrap lambdas, local functions and method groups they point at.
    internal sealed partial class LambdaHandlerModel
    {
        private LambdaHandler BootstrapHandler(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
        {
            IMethodSymbol? symbol = null;
            if (function.SyntaxTree == model.SyntaxTree)
            {
                symbol = function is LocalFunctionStatementSyntax local
                    ? model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol
                    : model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol;
            }

            return new LambdaHandler(LambdaHandlerKind.Bootstrap, BootstrapName(function), symbol, function);
        }

        private static string BootstrapName(SyntaxNode function)
        {
            string type = EnclosingTypeName(function);
            return function is LocalFunctionStatementSyntax local ? type + "." + local.Identifier.ValueText : type + ".<lambda>";
        }

        private static string EnclosingTypeName(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    return type.Identifier.ValueText;
                }
            }

            return TopLevelTypeName;
        }

        /// <summary>
        /// One syntax-only pass over the compilation's trees, done lazily and only when the compilation knows
        /// <c>LambdaBootstrapBuilder</c> or <c>LambdaEventSource</c>: it finds the <c>LambdaBootstrapBuilder.Create(…)</c>
        /// and <c>AddAWSLambdaHosting(…)</c> calls and what they point at.
        /// </summary>
        private CallSiteIndex BuildCallSiteIndex()
        {
            var index = new CallSiteIndex();
            if (_bootstrapBuilder == null && _lambdaEventSource == null)
            {
                return index;
            }

            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                SyntaxNode root = tree.GetRoot();
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    if (!(node is InvocationExpressionSyntax invocation))
                    {
                        continue;
                    }

                    string? name = InvokedName(invocation.Expression, out string? receiver);
                    if (_bootstrapBuilder != null && name == BootstrapCreateName && receiver == BootstrapBuilderName && invocation.ArgumentList.Arguments.Count > 0)
                    {
                        index.AddBootstrap(invocation, invocation.ArgumentList.Arguments[0].Expression);
                    }
                    else if (_lambdaEventSource != null && name == AddAWSLambdaHostingName)
                    {
                        index.AddHosting(invocation);
                    }
                }
            }

            return index;
        }

        /// <summary>The simple name a call invokes and the rightmost simple name of its receiver (<c>A.B.Create</c> → Create, B).</summary>
        private static string? InvokedName(ExpressionSyntax expression, out string? receiver)
        {
            receiver = null;
            switch (expression)
            {
                case MemberAccessExpressionSyntax member:
                    receiver = RightmostName(member.Expression);
                    return member.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static string? RightmostName(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias:
                    return alias.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        /// <summary>Where the bootstrap and hosting calls are, and what they point at.</summary>
        private sealed class CallSiteIndex
        {
            /// <summary>Lambdas and local functions given to the bootstrap (directly, or through a local initialised with a lambda).</summary>
            public HashSet<SyntaxNode> BootstrapFunctions { get; } = new HashSet<SyntaxNode>();

            /// <summary>Method groups given to the bootstrap: (qualifying type name or null, method name, declaring type syntax or null for top-level code).</summary>
            public List<(string? Qualifier, string Name, SyntaxNode? Type)> BootstrapMethodGroups { get; } = new List<(string?, string, SyntaxNode?)>();

            /// <summary>The first handler a type declaration holds a call for.</summary>
            public Dictionary<SyntaxNode, LambdaHandler> ByType { get; } = new Dictionary<SyntaxNode, LambdaHandler>();

            /// <summary>The handler of the top-level program, when its statements call the bootstrap or AddAWSLambdaHosting.</summary>
            public LambdaHandler? TopLevel { get; private set; }

            public void AddBootstrap(InvocationExpressionSyntax call, ExpressionSyntax argument)
            {
                argument = Unwrap(argument);
                SyntaxNode? type = EnclosingType(call);
                string typeName = type is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.ValueText : TopLevelTypeName;
                LambdaHandler? handler = null;
                switch (argument)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        BootstrapFunctions.Add(lambda);
                        handler = new LambdaHandler(LambdaHandlerKind.Bootstrap, typeName + ".<lambda>", null, lambda);
                        break;

                    case IdentifierNameSyntax identifier:
                        {
                            SyntaxNode? local = FindLocalFunctionOrLambda(call, identifier.Identifier.ValueText);
                            if (local != null)
                            {
                                BootstrapFunctions.Add(local);
                                handler = new LambdaHandler(LambdaHandlerKind.Bootstrap, BootstrapName(local), null, local);
                            }
                            else
                            {
                                BootstrapMethodGroups.Add((null, identifier.Identifier.ValueText, type));
                                handler = new LambdaHandler(LambdaHandlerKind.Bootstrap, typeName + "." + identifier.Identifier.ValueText, null, null);
                            }

                            break;
                        }

                    case MemberAccessExpressionSyntax member:
                        {
                            string method = member.Name.Identifier.ValueText;
                            string? qualifier = member.Expression is ThisExpressionSyntax ? null : RightmostName(member.Expression);
                            BootstrapMethodGroups.Add((qualifier, method, type));
                            handler = new LambdaHandler(LambdaHandlerKind.Bootstrap, (qualifier ?? typeName) + "." + method, null, null);
                            break;
                        }
                }

                if (handler != null)
                {
                    Record(type, handler);
                }
            }

            public void AddHosting(InvocationExpressionSyntax call)
            {
                SyntaxNode? type = EnclosingType(call);
                string typeName = type is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.ValueText : TopLevelTypeName;
                Record(type, new LambdaHandler(LambdaHandlerKind.AspNetCoreHosting, typeName + " (" + AddAWSLambdaHostingName + ")", null, null));
            }

            public bool IsBootstrapMethodGroup(IMethodSymbol method)
            {
                foreach ((string? qualifier, string name, SyntaxNode? type) in BootstrapMethodGroups)
                {
                    if (name != method.Name)
                    {
                        continue;
                    }

                    if (qualifier != null)
                    {
                        if (qualifier == method.ContainingType.Name)
                        {
                            return true;
                        }

                        continue;
                    }

                    // Unqualified: a method of the type the call is written in (Program for top-level code).
                    if (type == null ? method.ContainingType.Name == TopLevelTypeName : DeclaredIn(method.ContainingType, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool DeclaredIn(INamedTypeSymbol type, SyntaxNode declaration)
            {
                foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span)
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Record(SyntaxNode? type, LambdaHandler handler)
            {
                if (type == null)
                {
                    TopLevel ??= handler;
                }
                else if (!ByType.ContainsKey(type))
                {
                    ByType.Add(type, handler);
                }
            }

            private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
            {
                while (true)
                {
                    switch (expression)
                    {
                        case ParenthesizedExpressionSyntax parenthesized:
                            expression = parenthesized.Expression;
                            continue;
                        case CastExpressionSyntax cast:
                            expression = cast.Expression;
                            continue;
                        case ObjectCreationExpressionSyntax creation when creation.ArgumentList?.Arguments.Count == 1:
                            // new Func<…>(Handler)
                            expression = creation.ArgumentList.Arguments[0].Expression;
                            continue;
                        default:
                            return expression;
                    }
                }
            }

            /// <summary>The type declaration the call is written in; null for top-level statements.</summary>
            private static SyntaxNode? EnclosingType(SyntaxNode node)
            {
                for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
                {
                    if (current is TypeDeclarationSyntax)
                    {
                        return current;
                    }

                    if (current is GlobalStatementSyntax)
                    {
                        return null;
                    }
                }

                return null;
            }

            /// <summary>
            /// A local function named <paramref name="name"/>, or a local variable initialised with a lambda, visible
            /// from the call: searched in the enclosing blocks (and the top-level statements), innermost first.
            /// </summary>
            private static SyntaxNode? FindLocalFunctionOrLambda(SyntaxNode call, string name)
            {
                for (SyntaxNode? current = call.Parent; current != null; current = current.Parent)
                {
                    IEnumerable<SyntaxNode>? statements = current switch
                    {
                        BlockSyntax block => block.Statements,
                        SwitchSectionSyntax section => section.Statements,
                        CompilationUnitSyntax unit => GlobalStatements(unit),
                        _ => null,
                    };

                    if (statements != null)
                    {
                        foreach (SyntaxNode statement in statements)
                        {
                            if (statement is LocalFunctionStatementSyntax function && function.Identifier.ValueText == name)
                            {
                                return function;
                            }

                            if (statement is LocalDeclarationStatementSyntax declaration)
                            {
                                foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
                                {
                                    if (variable.Identifier.ValueText == name && variable.Initializer != null &&
                                        Unwrap(variable.Initializer.Value) is AnonymousFunctionExpressionSyntax lambda)
                                    {
                                        return lambda;
                                    }
                                }
                            }
                        }
                    }

                    if (current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                    {
                        return null;
                    }
                }

                return null;
            }
        }
    }
}
