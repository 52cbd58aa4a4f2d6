using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    /// <summary>
    /// Answers two questions for every rule and fix: is this compilation a Lambda project, and is this syntax
    /// node inside Lambda handler code, and of which handler. Types are known by metadata name, so no Lambda
    /// package is needed at analysis time. Created once per compilation; answers are cached per method symbol.
    /// </summary>
    internal sealed class LambdaHandlerModel
    {
        public const string LambdaContextMetadataName = "Amazon.Lambda.Core.ILambdaContext";
        public const string LambdaFunctionAttributeMetadataName = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";

        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lambdaFunctionAttribute;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _isHandler = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        private LambdaHandlerModel(Compilation compilation)
        {
            _lambdaContext = compilation.GetTypeByMetadataName(LambdaContextMetadataName);
            _lambdaFunctionAttribute = compilation.GetTypeByMetadataName(LambdaFunctionAttributeMetadataName);
        }

        public static LambdaHandlerModel Create(Compilation compilation) => new LambdaHandlerModel(compilation);

        /// <summary>The compilation knows <c>Amazon.Lambda.Core.ILambdaContext</c>.</summary>
        public bool IsLambdaProject => _lambdaContext != null || _lambdaFunctionAttribute != null;

        public INamedTypeSymbol? LambdaContextType => _lambdaContext;

        /// <summary>The handler (<c>Type.Method</c>) whose code contains <paramref name="node"/>, or null.</summary>
        public string? GetHandlerName(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!IsLambdaProject)
            {
                return null;
            }

            IMethodSymbol? handler = GetHandler(node, model, cancellationToken);
            return handler == null ? null : handler.ContainingType.Name + "." + handler.Name;
        }

        public IMethodSymbol? GetHandler(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                if (current is BaseMethodDeclarationSyntax method)
                {
                    return model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol && IsHandler(symbol) ? symbol : null;
                }

                if (current is TypeDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        public bool IsHandler(IMethodSymbol method) => _isHandler.GetOrAdd(method, ComputeIsHandler);

        private bool ComputeIsHandler(IMethodSymbol method)
        {
            if (_lambdaFunctionAttribute != null)
            {
                foreach (AttributeData attribute in method.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _lambdaFunctionAttribute))
                    {
                        return true;
                    }
                }
            }

            if (_lambdaContext == null || method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod ||
                method.DeclaredAccessibility != Accessibility.Public || method.Parameters.Length == 0 || method.Parameters.Length > 2)
            {
                return false;
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                return false;
            }

            IParameterSymbol last = method.Parameters[method.Parameters.Length - 1];
            return SymbolEqualityComparer.Default.Equals(last.Type, _lambdaContext);
        }
    }
}
