using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>How a default parameter value that holds a credential is rewritten.</summary>
    internal sealed class ParameterDefaultPlan
    {
        public ParameterDefaultPlan(ParameterSyntax parameter, bool annotate)
        {
            Parameter = parameter;
            Annotate = annotate;
        }

        /// <summary>The parameter: its default becomes <c>null</c>.</summary>
        public ParameterSyntax Parameter { get; }

        /// <summary>Whether its type gets a <c>?</c> (a nullable annotation context and a type without one).</summary>
        public bool Annotate { get; }

        /// <summary>A method, constructor or local function: its body starts with <c>name ??= lookup;</c>.</summary>
        public SyntaxNode? Function { get; set; }

        /// <summary>An expression-bodied <see cref="Function"/> whose expression is returned (not void, not a plain <c>Task</c>).</summary>
        public bool ReturnsValue { get; set; }

        /// <summary>A primary constructor or a record's positional parameter: the type that declares it.</summary>
        public TypeDeclarationSyntax? Type { get; set; }

        /// <summary>Primary constructor: every read of the parameter, which becomes <c>(name ?? lookup)</c>.</summary>
        public ImmutableArray<IdentifierNameSyntax> Uses { get; set; } = ImmutableArray<IdentifierNameSyntax>.Empty;

        /// <summary>A record's positional parameter: the property the compiler synthesized is declared explicitly, with these accessors.</summary>
        public string? RecordPropertyAccessors { get; set; }

        /// <summary>The parameter's type as written (before the fix annotates it): the explicit record property keeps it.</summary>
        public string? PropertyType { get; set; }
    }

    // Default parameter values: the default becomes null (annotated) and the body applies the lookup when it is null,
    // so callers that pass a value keep doing so; primary constructors and records apply it where the parameter is read.
    internal static partial class FixPlanner
    {
        private static async Task<ParameterDefaultPlan?> PlanParameterDefaultAsync(Document document, ParameterSyntax parameter, SemanticModel model, CancellationToken cancellationToken)
        {
            if (parameter.Modifiers.Count > 0 || parameter.Type == null ||
                !(parameter.SyntaxTree.Options is CSharpParseOptions options) || options.LanguageVersion < LanguageVersion.CSharp8 ||
                !(model.GetDeclaredSymbol(parameter, cancellationToken) is IParameterSymbol symbol) || symbol.Type.SpecialType != SpecialType.System_String ||
                !(parameter.Parent is ParameterListSyntax list))
            {
                return null;
            }

            bool annotate = !(parameter.Type is NullableTypeSyntax) && model.GetNullableContext(parameter.SpanStart).AnnotationsEnabled();
            var result = new ParameterDefaultPlan(parameter, annotate);
            switch (list.Parent)
            {
                case MethodDeclarationSyntax method:
                    if ((method.Body == null && method.ExpressionBody == null) || method.Parent is InterfaceDeclarationSyntax ||
                        method.Modifiers.Any(SyntaxKind.VirtualKeyword) || method.Modifiers.Any(SyntaxKind.AbstractKeyword) || method.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        // A virtual method's overrides would get null from callers of the base and never apply the lookup.
                        return null;
                    }

                    result.Function = method;
                    result.ReturnsValue = method.ExpressionBody != null && ReturnsValue(model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol, method.Modifiers.Any(SyntaxKind.AsyncKeyword));
                    return result;

                case LocalFunctionStatementSyntax local:
                    if (local.Body == null && local.ExpressionBody == null)
                    {
                        return null;
                    }

                    result.Function = local;
                    result.ReturnsValue = local.ExpressionBody != null && ReturnsValue(model.GetDeclaredSymbol(local, cancellationToken) as IMethodSymbol, local.Modifiers.Any(SyntaxKind.AsyncKeyword));
                    return result;

                case ConstructorDeclarationSyntax constructor:
                    if ((constructor.Body == null && constructor.ExpressionBody == null) ||
                        (constructor.Initializer != null && constructor.Initializer.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol))))
                    {
                        // base(…) / this(…) runs before the body would apply the lookup.
                        return null;
                    }

                    result.Function = constructor;
                    return result;

                case TypeDeclarationSyntax type when type.ParameterList == list:
                    return await PlanPrimaryConstructorAsync(document, result, type, symbol, model, cancellationToken).ConfigureAwait(false);

                default:
                    // Lambdas, delegates, indexers, operators.
                    return null;
            }
        }

        private static bool ReturnsValue(IMethodSymbol? method, bool isAsync)
        {
            if (method == null || method.ReturnsVoid)
            {
                return false;
            }

            return !(isAsync && method.ReturnType is INamedTypeSymbol named && !named.IsGenericType &&
                (named.ToDisplayString() == "System.Threading.Tasks.Task" || named.ToDisplayString() == "System.Threading.Tasks.ValueTask"));
        }

        /// <summary>
        /// A primary constructor's parameter: every read becomes <c>(name ?? lookup)</c>; a write, or a use passed by
        /// reference, turns the fix off. A record's positional parameter also gets its property declared explicitly,
        /// initialized the same way, so the property keeps its non-nullable type.
        /// </summary>
        private static async Task<ParameterDefaultPlan?> PlanPrimaryConstructorAsync(Document document, ParameterDefaultPlan result, TypeDeclarationSyntax type, IParameterSymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        {
            result.Type = type;
            if (type is RecordDeclarationSyntax record)
            {
                if (result.Parameter.AttributeLists.Count > 0)
                {
                    // [property: …] targets would have to move to the explicit property.
                    return null;
                }

                string name = result.Parameter.Identifier.ValueText;
                if (!(model.GetDeclaredSymbol(record, cancellationToken) is INamedTypeSymbol recordType))
                {
                    return null;
                }

                // A member of that name declared in any part of the record: the compiler synthesizes no property.
                bool declared = recordType.GetMembers(name).Any(m => !m.IsImplicitlyDeclared && m.Locations.Any(l =>
                    l.IsInSource && !(l.SourceTree == record.SyntaxTree && result.Parameter.Span.Contains(l.SourceSpan))));
                if (!declared)
                {
                    bool isStruct = record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword);
                    bool isReadOnly = record.Modifiers.Any(SyntaxKind.ReadOnlyKeyword);
                    result.RecordPropertyAccessors = isStruct && !isReadOnly ? "get; set;" : "get; init;";
                    // The type as written: the synthesized property had it, and `name ?? lookup` fits either way.
                    result.PropertyType = result.Parameter.Type!.ToString();
                }
            }

            var uses = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
            IEnumerable<ReferencedSymbol> references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (ReferenceLocation location in references.SelectMany(r => r.Locations))
            {
                if (location.Location.SourceTree != type.SyntaxTree)
                {
                    // A record's parameter cascades to its property: uses of the property elsewhere are not the parameter.
                    continue;
                }

                SyntaxNode node = type.SyntaxTree.GetRoot(cancellationToken).FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!(node is IdentifierNameSyntax identifier))
                {
                    return null;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
                {
                    // The record's property, found through the parameter: it stays a read of the property.
                    continue;
                }

                if (IsInNameOf(identifier))
                {
                    continue;
                }

                if (IsWrittenOrByRef(identifier))
                {
                    return null;
                }

                uses.Add(identifier);
            }

            result.Uses = uses.ToImmutable();
            return result;
        }

        private static bool IsInNameOf(SyntaxNode node) =>
            node.Parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax invocation &&
            invocation.Expression is IdentifierNameSyntax name && name.Identifier.ValueText == "nameof";

        /// <summary>Whether a use assigns the variable or passes it by reference (a property or a value could not stand there).</summary>
        internal static bool IsWrittenOrByRef(ExpressionSyntax use)
        {
            ExpressionSyntax expression = use;
            while (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
            {
                expression = access;
            }

            while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized;
            }

            switch (expression.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression):
                case PostfixUnaryExpressionSyntax _:
                case RefExpressionSyntax _:
                    return true;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    return true;
                default:
                    return false;
            }
        }
    }
}
