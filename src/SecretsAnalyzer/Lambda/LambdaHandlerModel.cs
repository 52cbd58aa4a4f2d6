using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    /// <summary>
    /// Answers two questions for every rule and fix: is this compilation a Lambda project, and is this syntax
    /// node inside Lambda handler code, and of which handler. Types are known by metadata name, so no Lambda
    /// package is needed at analysis time. Created once per compilation; answers are cached per method and per
    /// type symbol, and the bootstrap/hosting call sites are indexed once per compilation (syntax only).
    /// The rules are stated in docs/lambda-handler-model.md:
    /// <list type="number">
    /// <item>a node inside a handler (method, bootstrap lambda or local function) belongs to that handler;</item>
    /// <item>any other member of a type that declares a handler is handler code too, named after that type's first
    /// handler (nested types: the nearest enclosing type that declares one);</item>
    /// <item>every other type of a Lambda project is Lambda project code, with no handler name.</item>
    /// </list>
    /// </summary>
    internal sealed partial class LambdaHandlerModel
    {
        public const string LambdaContextMetadataName = "Amazon.Lambda.Core.ILambdaContext";
        public const string LambdaSerializerAttributeMetadataName = "Amazon.Lambda.Core.LambdaSerializerAttribute";
        public const string LambdaFunctionAttributeMetadataName = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
        public const string LambdaBootstrapBuilderMetadataName = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
        public const string LambdaEventSourceMetadataName = "Microsoft.Extensions.DependencyInjection.LambdaEventSource";
        public const string AddAWSLambdaHostingName = "AddAWSLambdaHosting";

        /// <summary>The Amazon.Lambda.AspNetCoreServer function base classes (and their generic <c>&lt;TStartup&gt;</c> forms).</summary>
        public static readonly ImmutableArray<string> AspNetCoreFunctionMetadataNames = ImmutableArray.Create(
            "Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction",
            "Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction`1",
            "Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction",
            "Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction`1",
            "Amazon.Lambda.AspNetCoreServer.ApplicationLoadBalancerFunction",
            "Amazon.Lambda.AspNetCoreServer.ApplicationLoadBalancerFunction`1");

        /// <summary>The method the runtime calls on an AspNetCoreServer function.</summary>
        public const string AspNetCoreHandlerMethodName = "FunctionHandlerAsync";

        private const string BootstrapCreateName = "Create";
        private const string BootstrapBuilderName = "LambdaBootstrapBuilder";
        private const string TopLevelTypeName = "Program";

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _lambdaSerializerAttribute;
        private readonly INamedTypeSymbol? _lambdaFunctionAttribute;
        private readonly INamedTypeSymbol? _bootstrapBuilder;
        private readonly INamedTypeSymbol? _lambdaEventSource;
        private readonly ImmutableArray<INamedTypeSymbol> _aspNetCoreFunctions;
        private readonly INamedTypeSymbol? _stream;
        private readonly bool _assemblyHasSerializer;
        private readonly ConcurrentDictionary<IMethodSymbol, LambdaHandler?> _methodHandlers = new ConcurrentDictionary<IMethodSymbol, LambdaHandler?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, LambdaHandler?> _typeHandlers = new ConcurrentDictionary<INamedTypeSymbol, LambdaHandler?>(SymbolEqualityComparer.Default);
        private readonly Lazy<CallSiteIndex> _callSites;

        private LambdaHandlerModel(Compilation compilation)
        {
            _compilation = compilation;
            _lambdaContext = compilation.GetTypeByMetadataName(LambdaContextMetadataName);
            _lambdaSerializerAttribute = compilation.GetTypeByMetadataName(LambdaSerializerAttributeMetadataName);
            _lambdaFunctionAttribute = compilation.GetTypeByMetadataName(LambdaFunctionAttributeMetadataName);
            _bootstrapBuilder = compilation.GetTypeByMetadataName(LambdaBootstrapBuilderMetadataName);
            _lambdaEventSource = compilation.GetTypeByMetadataName(LambdaEventSourceMetadataName);
            ImmutableArray<INamedTypeSymbol>.Builder functions = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (string name in AspNetCoreFunctionMetadataNames)
            {
                INamedTypeSymbol? type = compilation.GetTypeByMetadataName(name);
                if (type != null)
                {
                    functions.Add(type);
                }
            }

            _aspNetCoreFunctions = functions.ToImmutable();
            _stream = compilation.GetTypeByMetadataName("System.IO.Stream");
            _assemblyHasSerializer = _lambdaSerializerAttribute != null && HasAttribute(compilation.Assembly.GetAttributes(), _lambdaSerializerAttribute);
            _callSites = new Lazy<CallSiteIndex>(BuildCallSiteIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static LambdaHandlerModel Create(Compilation compilation) => new LambdaHandlerModel(compilation);

        /// <summary>
        /// The compilation knows a Lambda programming model: <c>Amazon.Lambda.Core.ILambdaContext</c>, the
        /// Annotations attribute, <c>LambdaBootstrapBuilder</c>, an AspNetCoreServer function base class or
        /// <c>LambdaEventSource</c> (AddAWSLambdaHosting).
        /// </summary>
        public bool IsLambdaProject => _lambdaContext != null || _lambdaFunctionAttribute != null || _bootstrapBuilder != null ||
                                       _lambdaEventSource != null || !_aspNetCoreFunctions.IsEmpty;

        public INamedTypeSymbol? LambdaContextType => _lambdaContext;

        /// <summary>The handler (<c>Type.Method</c>, <c>Program.&lt;lambda&gt;</c>, …) whose code contains <paramref name="node"/>, or null.</summary>
        public string? GetHandlerName(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            return IsLambdaProject ? GetHandlerInfo(node, model, cancellationToken)?.Name : null;
        }

        /// <summary>The handler method whose code contains <paramref name="node"/>, or null (see <see cref="GetHandlerInfo"/>).</summary>
        public IMethodSymbol? GetHandler(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            return IsLambdaProject ? GetHandlerInfo(node, model, cancellationToken)?.Method : null;
        }

        /// <summary>
        /// The handler whose code contains <paramref name="node"/>: the innermost bootstrap lambda or local
        /// function, else the enclosing handler method, else the first handler of the nearest enclosing type that
        /// declares one (top-level statements belong to <c>Program</c>). Null outside handler code.
        /// </summary>
        public LambdaHandler? GetHandlerInfo(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!IsLambdaProject)
            {
                return null;
            }

            CallSiteIndex index = _callSites.Value;
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax _:
                    case LocalFunctionStatementSyntax _:
                        if (index.BootstrapFunctions.Contains(current))
                        {
                            return BootstrapHandler(current, model, cancellationToken);
                        }

                        break;

                    case BaseMethodDeclarationSyntax method:
                        if (model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol symbol)
                        {
                            LambdaHandler? handler = GetMethodHandler(symbol);
                            if (handler != null)
                            {
                                return handler;
                            }
                        }

                        break;

                    case GlobalStatementSyntax _:
                        return index.TopLevel;

                    case TypeDeclarationSyntax type:
                        if (model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol typeSymbol)
                        {
                            LambdaHandler? handler = GetTypeHandler(typeSymbol);
                            if (handler != null)
                            {
                                return handler;
                            }
                        }

                        break;
                }
            }

            return null;
        }

        /// <summary>Whether the method is a handler: class-library shape, <c>[LambdaFunction]</c>, or a method group given to the bootstrap.</summary>
        public bool IsHandler(IMethodSymbol method) => GetMethodHandler(method) != null;

        /// <summary>The handler a method is, or null. Cached per method symbol.</summary>
        public LambdaHandler? GetMethodHandler(IMethodSymbol method)
        {
            if (!IsLambdaProject)
            {
                return null;
            }

            return _methodHandlers.GetOrAdd(method.OriginalDefinition, ComputeMethodHandler);
        }

        /// <summary>
        /// The handler a type declares, or null: its first handler method in declaration order, the inherited
        /// <c>FunctionHandlerAsync</c> of an AspNetCoreServer function, its first bootstrap delegate, or its
        /// <c>AddAWSLambdaHosting</c> call. Cached per type symbol.
        /// </summary>
        public LambdaHandler? GetTypeHandler(INamedTypeSymbol type)
        {
            if (!IsLambdaProject)
            {
                return null;
            }

            return _typeHandlers.GetOrAdd(type.OriginalDefinition, ComputeTypeHandler);
        }
    }
}
