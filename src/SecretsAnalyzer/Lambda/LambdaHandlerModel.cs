using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    /// <summary>How a handler is recognised.</summary>
    internal enum LambdaHandlerKind
    {
        /// <summary>A class-library handler method (../shared/REFERENCE.md §4).</summary>
        ClassLibrary,

        /// <summary>A method with <c>[Amazon.Lambda.Annotations.LambdaFunction]</c>.</summary>
        Annotations,

        /// <summary>A lambda, local function or method given to <c>LambdaBootstrapBuilder.Create</c>.</summary>
        Bootstrap,

        /// <summary>A subclass of an <c>Amazon.Lambda.AspNetCoreServer</c> function base class.</summary>
        AspNetCoreFunction,

        /// <summary>A type (or top-level program) that calls <c>services.AddAWSLambdaHosting(LambdaEventSource.*)</c>.</summary>
        AspNetCoreHosting,
    }

    /// <summary>One Lambda handler: how it was recognised, its display name and, when there is one, its method.</summary>
    internal sealed class LambdaHandler
    {
        public LambdaHandler(LambdaHandlerKind kind, string name, IMethodSymbol? method, SyntaxNode? syntax)
        {
            Kind = kind;
            Name = name;
            Method = method;
            Syntax = syntax;
        }

        public LambdaHandlerKind Kind { get; }

        /// <summary><c>Type.Method</c>, <c>Program.&lt;lambda&gt;</c>, <c>Type.FunctionHandlerAsync</c>, <c>Program (AddAWSLambdaHosting)</c>.</summary>
        public string Name { get; }

        /// <summary>The handler method (for a bootstrap lambda: the lambda's symbol, when it could be resolved).</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The bootstrap lambda or local function, for <see cref="LambdaHandlerKind.Bootstrap"/>.</summary>
        public SyntaxNode? Syntax { get; }
    }

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
    internal sealed class LambdaHandlerModel
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

        private LambdaHandler? ComputeMethodHandler(IMethodSymbol method)
        {
            string name = method.ContainingType.Name + "." + method.Name;
            if (_lambdaFunctionAttribute != null && HasAttribute(method.GetAttributes(), _lambdaFunctionAttribute))
            {
                return new LambdaHandler(LambdaHandlerKind.Annotations, name, method, null);
            }

            if (IsClassLibraryHandler(method))
            {
                return new LambdaHandler(LambdaHandlerKind.ClassLibrary, name, method, null);
            }

            if (_callSites.Value.IsBootstrapMethodGroup(method))
            {
                return new LambdaHandler(LambdaHandlerKind.Bootstrap, name, method, null);
            }

            return null;
        }

        /// <summary>
        /// The class-library rules (REFERENCE.md §4): an ordinary public, non-generic, non-abstract method of a
        /// non-generic type; not <c>async void</c>; no <c>ref</c>/<c>out</c> parameters; and one of:
        /// <list type="bullet">
        /// <item>two parameters, the second <c>ILambdaContext</c>, the first a <c>Stream</c>, a <c>string</c>, or
        /// any other type (a POCO) when a <c>[LambdaSerializer]</c> is on the assembly or the method;</item>
        /// <item>one parameter that is <c>ILambdaContext</c>;</item>
        /// <item>one input parameter (<c>Stream</c>, <c>string</c>, POCO) when the method itself carries
        /// <c>[LambdaSerializer]</c>: a method-level serializer is only ever written on a handler.</item>
        /// </list>
        /// A method with no parameters, or one input and no evidence, is not a handler by shape: too many ordinary
        /// public methods look like that. It can still be one through <c>[LambdaFunction]</c> or the bootstrap.
        /// </summary>
        private bool IsClassLibraryHandler(IMethodSymbol method)
        {
            if (_lambdaContext == null || method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod || method.IsAbstract ||
                method.DeclaredAccessibility != Accessibility.Public || method.Parameters.Length == 0 || method.Parameters.Length > 2 ||
                method.ContainingType == null || method.ContainingType.IsGenericType || method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                return false;
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                return false;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            bool methodHasSerializer = _lambdaSerializerAttribute != null && HasAttribute(method.GetAttributes(), _lambdaSerializerAttribute);
            if (method.Parameters.Length == 1)
            {
                ITypeSymbol only = method.Parameters[0].Type;
                return IsLambdaContext(only) || (methodHasSerializer && IsInput(only, true));
            }

            return IsLambdaContext(method.Parameters[1].Type) && IsInput(method.Parameters[0].Type, methodHasSerializer || _assemblyHasSerializer);
        }

        private bool IsInput(ITypeSymbol type, bool hasSerializer)
        {
            if (IsLambdaContext(type) || type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Pointer ||
                type.TypeKind == TypeKind.Delegate || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            if (type.SpecialType == SpecialType.System_String || (_stream != null && InheritsFrom(type, _stream)))
            {
                return true;
            }

            return hasSerializer;
        }

        private bool IsLambdaContext(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, _lambdaContext);

        private LambdaHandler? ComputeTypeHandler(INamedTypeSymbol type)
        {
            // AspNetCoreServer functions: the runtime calls the inherited FunctionHandlerAsync.
            if (!_aspNetCoreFunctions.IsEmpty)
            {
                for (INamedTypeSymbol? baseType = type.BaseType; baseType != null; baseType = baseType.BaseType)
                {
                    if (IsAspNetCoreFunction(baseType))
                    {
                        IMethodSymbol? entry = FindMethod(baseType, AspNetCoreHandlerMethodName);
                        return new LambdaHandler(LambdaHandlerKind.AspNetCoreFunction, type.Name + "." + AspNetCoreHandlerMethodName, entry, null);
                    }
                }
            }

            // Handler methods, first in declaration order (GetMembers keeps source order for source types).
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
                {
                    LambdaHandler? handler = GetMethodHandler(method);
                    if (handler != null)
                    {
                        return handler;
                    }
                }
            }

            // Bootstrap delegates and AddAWSLambdaHosting calls written inside the type.
            CallSiteIndex index = _callSites.Value;
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax();
                if (index.ByType.TryGetValue(declaration, out LambdaHandler? handler))
                {
                    return handler;
                }

                if (declaration is CompilationUnitSyntax && index.TopLevel != null)
                {
                    return index.TopLevel;
                }
            }

            if (type.IsImplicitlyDeclared && type.Name == TopLevelTypeName && index.TopLevel != null)
            {
                return index.TopLevel;
            }

            return null;
        }

        private bool IsAspNetCoreFunction(INamedTypeSymbol type)
        {
            foreach (INamedTypeSymbol function in _aspNetCoreFunctions)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, function))
                {
                    return true;
                }
            }

            return false;
        }

        private static IMethodSymbol? FindMethod(INamedTypeSymbol type, string name)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                foreach (ISymbol member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol method)
                    {
                        return method;
                    }
                }
            }

            return null;
        }

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType)
        {
            foreach (AttributeData attribute in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
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
