using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>A call of the helper that the fixes add: <c>SecretStore.GetSecretAsync("name")</c> and friends.</summary>
    internal sealed record StoreLookup(InvocationExpressionSyntax Invocation, ExpressionSyntax Replaced, StoreKind Store, string Name);

    /// <summary>Recognizes the lookups the SecretsAnalyzer fixes write, by the helper's type and method names.</summary>
    internal static class StoreLookups
    {
        /// <summary>The helper class name (issue 5: one internal <c>SecretStore</c> per project).</summary>
        public const string HelperType = "SecretStore";

        public static StoreLookup? AsLookup(InvocationExpressionSyntax invocation)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access ||
                invocation.ArgumentList.Arguments.Count == 0 ||
                invocation.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax literal ||
                !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            string receiver = access.Expression.ToString();
            if (receiver != HelperType && !receiver.EndsWith("." + HelperType, StringComparison.Ordinal))
            {
                return null;
            }

            StoreKind? store = access.Name.Identifier.ValueText switch
            {
                "GetSecret" or "GetSecretAsync" => StoreKind.SecretsManager,
                "GetParameter" or "GetParameterAsync" => StoreKind.ParameterStore,
                _ => null,
            };
            if (store == null)
            {
                return null;
            }

            // What took the value's place: the call, with its await and parentheses.
            ExpressionSyntax replaced = invocation;
            while (replaced.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
            {
                replaced = (ExpressionSyntax)replaced.Parent;
            }

            return new StoreLookup(invocation, replaced, store.Value, literal.Token.ValueText);
        }

        public static IEnumerable<StoreLookup> In(SyntaxNode node) =>
            node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Select(AsLookup).Where(l => l != null)!;

        /// <summary>Every store name already read anywhere in the solution.</summary>
        public static async Task<HashSet<(StoreKind, string)>> NamesInAsync(Solution solution, CancellationToken cancellationToken)
        {
            var names = new HashSet<(StoreKind, string)>();
            foreach (Project project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp))
            {
                foreach (Document document in project.Documents)
                {
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    if (text.ToString().IndexOf(HelperType, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    foreach (StoreLookup lookup in In(root))
                    {
                        names.Add((lookup.Store, lookup.Name));
                    }
                }
            }

            return names;
        }
    }
}
