using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.CodeFixes
{
    // The execution-role fix: access keys given to a credentials or client constructor, or to an AWS_* variable,
    // are removed so the default credential chain (the function's execution role) applies.
    internal static partial class FixPlanner
    {
        private static readonly HashSet<string> EnvironmentVariables = new HashSet<string>(StringComparer.Ordinal)
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        };

        /// <summary>The execution-role fix: the keys go straight into a credentials or client constructor, or an AWS_* variable.</summary>
        private static RoleEdit? PlanExecutionRole(ExpressionSyntax found, SemanticModel model, AwsTypes types, CancellationToken cancellationToken)
        {
            ExpressionSyntax value = found;
            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            if (!(value.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax list) || !(found is LiteralExpressionSyntax))
            {
                // Only a literal that goes straight in: a named constant would stay behind in the source.
                return null;
            }

            if (list.Parent is InvocationExpressionSyntax invocation)
            {
                return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && IsSetEnvironmentVariable(method) &&
                    list.Arguments.Count == 2 && list.Arguments[1] == argument &&
                    model.GetConstantValue(list.Arguments[0].Expression, cancellationToken).Value is string variable && EnvironmentVariables.Contains(variable) &&
                    invocation.Parent is ExpressionStatementSyntax statement &&
                    (statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax || statement.Parent is SwitchSectionSyntax)
                    ? new RoleEdit(RoleEditKind.RemoveStatement, statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement, ImmutableArray<int>.Empty)
                    : null;
            }

            if (!(list.Parent is BaseObjectCreationExpressionSyntax creation) || list.Arguments.Any(a => a.NameColon != null))
            {
                return null;
            }

            if (!(model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor))
            {
                return null;
            }

            if (types.IsServiceClient(constructor.ContainingType))
            {
                // new AmazonS3Client("AKIA…", "…", region) → new AmazonS3Client(region)
                var indices = ImmutableArray.CreateBuilder<int>();
                for (int i = 0; i < list.Arguments.Count && i < constructor.Parameters.Length; i++)
                {
                    IParameterSymbol parameter = constructor.Parameters[i];
                    if (parameter.Type.SpecialType == SpecialType.System_String && IsCredentialParameter(parameter.Name))
                    {
                        indices.Add(i);
                    }
                }

                int self = list.Arguments.IndexOf(argument);
                if (indices.Count == 0 || !indices.Contains(self))
                {
                    return null;
                }

                return HasConstructorWithout(constructor, indices.ToImmutable()) ? new RoleEdit(RoleEditKind.RemoveArguments, creation, indices.ToImmutable()) : null;
            }

            if (!types.IsCredentials(constructor.ContainingType) || types.DefaultResolver == null)
            {
                return null;
            }

            // The credentials object itself: drop it from a client constructor, or let the default chain supply it.
            ExpressionSyntax outer = creation;
            while (outer.Parent is ParenthesizedExpressionSyntax parenthesizedCreation)
            {
                outer = parenthesizedCreation;
            }

            if (outer.Parent is ArgumentSyntax outerArgument && outerArgument.Parent is ArgumentListSyntax outerList &&
                outerList.Parent is BaseObjectCreationExpressionSyntax client && !outerList.Arguments.Any(a => a.NameColon != null) &&
                model.GetSymbolInfo(client, cancellationToken).Symbol is IMethodSymbol clientConstructor && types.IsServiceClient(clientConstructor.ContainingType))
            {
                int index = outerList.Arguments.IndexOf(outerArgument);
                ImmutableArray<int> indices = ImmutableArray.Create(index);
                if (index < clientConstructor.Parameters.Length && types.IsCredentials(clientConstructor.Parameters[index].Type) && HasConstructorWithout(clientConstructor, indices))
                {
                    return new RoleEdit(RoleEditKind.RemoveArguments, client, indices);
                }
            }

            return AcceptsAnyCredentials(creation, outer, model, types, cancellationToken)
                ? new RoleEdit(RoleEditKind.DefaultCredentials, creation, ImmutableArray<int>.Empty)
                : null;
        }

        private static bool IsCredentialParameter(string name) =>
            name.IndexOf("AccessKey", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.IndexOf("SecretKey", StringComparison.OrdinalIgnoreCase) >= 0 ||
            name.IndexOf("SessionToken", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Whether the type has a constructor taking the same parameters minus those at <paramref name="removed"/>.</summary>
        private static bool HasConstructorWithout(IMethodSymbol constructor, ImmutableArray<int> removed)
        {
            var remaining = new List<ITypeSymbol>();
            for (int i = 0; i < constructor.Parameters.Length; i++)
            {
                if (!removed.Contains(i))
                {
                    remaining.Add(constructor.Parameters[i].Type);
                }
            }

            foreach (IMethodSymbol candidate in constructor.ContainingType.InstanceConstructors)
            {
                if (candidate.DeclaredAccessibility != Accessibility.Public || candidate.Parameters.Length != remaining.Count)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < remaining.Count && same; i++)
                {
                    same = SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, remaining[i]);
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the place the credentials go accepts any <c>AWSCredentials</c>, so the default chain's can replace them.</summary>
        private static bool AcceptsAnyCredentials(ExpressionSyntax creation, ExpressionSyntax outer, SemanticModel model, AwsTypes types, CancellationToken cancellationToken)
        {
            ITypeSymbol? converted = model.GetTypeInfo(creation, cancellationToken).ConvertedType;
            if (converted == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(converted, types.Credentials) || converted.SpecialType == SpecialType.System_Object)
            {
                return true;
            }

            // var credentials = new BasicAWSCredentials(…): fine when every use takes any AWSCredentials.
            if (outer.Parent is EqualsValueClauseSyntax equals && equals.Parent is VariableDeclaratorSyntax declarator &&
                declarator.Parent is VariableDeclarationSyntax declaration && declaration.Type.IsVar && declaration.Variables.Count == 1 &&
                model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
            {
                SyntaxNode? body = declaration.Parent?.Parent;
                if (body == null)
                {
                    return false;
                }

                foreach (IdentifierNameSyntax use in body.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (use.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use, cancellationToken).Symbol, local))
                    {
                        continue;
                    }

                    if (use.Parent is MemberAccessExpressionSyntax access && access.Expression == use)
                    {
                        ISymbol? member = model.GetSymbolInfo(access, cancellationToken).Symbol;
                        if (member == null || !types.IsCredentials(member.ContainingType) || !SymbolEqualityComparer.Default.Equals(member.ContainingType, types.Credentials))
                        {
                            if (!(member?.ContainingType?.SpecialType == SpecialType.System_Object))
                            {
                                return false;
                            }
                        }

                        continue;
                    }

                    ITypeSymbol? useType = model.GetTypeInfo(use, cancellationToken).ConvertedType;
                    if (useType == null || !(SymbolEqualityComparer.Default.Equals(useType, types.Credentials) || useType.SpecialType == SpecialType.System_Object))
                    {
                        return false;
                    }
                }

                return true;
            }

            return false;
        }
    }
}
