using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Lambda
{
    // Which methods and types are handlers by their symbols: the class-library shape, [LambdaFunction],
    // AspNetCoreServer function subclasses, and the bootstrap's method groups and hosting calls.
    internal sealed partial class LambdaHandlerModel
    {
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
    }
}
