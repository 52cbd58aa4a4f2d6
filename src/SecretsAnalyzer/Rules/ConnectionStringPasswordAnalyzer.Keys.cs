using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // Keys written with nameof (builder[nameof(SqlConnectionStringBuilder.Password)] = "…", .Add(nameof(…), "…")) and
    // string-keyed dictionaries that become a connection string.
    public sealed partial class ConnectionStringPasswordAnalyzer
    {
        /// <summary>A key the compiler folds: a literal, a constant's name, or <c>nameof(…)</c>. Syntax only.</summary>
        private static bool MayBeKey(ExpressionSyntax expression, TreeIndex index) => index.MayBeConstant(expression) || IsNameof(expression);

        private static bool IsNameof(ExpressionSyntax expression) =>
            CandidateCollector.SkipParentheses(expression) is InvocationExpressionSyntax invocation && invocation.Expression is IdentifierNameSyntax name &&
            name.Identifier.ValueText == "nameof" && invocation.ArgumentList.Arguments.Count == 1;

        /// <summary>
        /// Every <c>nameof(…)</c> in the source whose last name is a password key, used as an indexer key in an assignment
        /// or as the key of <c>Add(key, value)</c>: found by a scan of the text, checked like a literal key.
        /// </summary>
        private static void AnalyzeNameofKeys(TreeScope<State> tree)
        {
            string source = tree.Index.SourceText;
            SyntaxNode? root = null;
            int at = 0;
            while ((at = source.IndexOf("nameof", at, StringComparison.Ordinal)) >= 0)
            {
                int start = at;
                at += 6;
                if (start > 0 && (char.IsLetterOrDigit(source[start - 1]) || source[start - 1] == '_' || source[start - 1] == '.'))
                {
                    continue;
                }

                root ??= tree.Model.SyntaxTree.GetRoot(tree.CancellationToken);
                SyntaxToken token = root.FindToken(start);
                if (token.SpanStart != start || !(token.Parent is IdentifierNameSyntax name) || !(name.Parent is InvocationExpressionSyntax nameof) ||
                    !IsNameof(nameof) || !tree.Includes(nameof.Span) || !NamesPassword(nameof.ArgumentList.Arguments[0].Expression))
                {
                    continue;
                }

                SyntaxNode? argument = nameof.Parent;
                switch (argument?.Parent)
                {
                    case BracketedArgumentListSyntax brackets when brackets.Arguments.Count == 1 && brackets.Parent is ExpressionSyntax element &&
                                                                   element.Parent is AssignmentExpressionSyntax assignment && assignment.Left == element &&
                                                                   assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        AnalyzeBuilderAssignment(assignment, tree);
                        break;
                    case ArgumentListSyntax list when list.Arguments.Count == 2 && list.Arguments[0] == argument &&
                                                      list.Parent is InvocationExpressionSyntax add && add.Expression is MemberAccessExpressionSyntax member &&
                                                      member.Name.Identifier.ValueText == "Add":
                        AnalyzeBuilderAdd(add, tree);
                        break;
                }
            }
        }

        /// <summary>The last name of a <c>nameof</c> argument (<c>Password</c> of <c>SqlConnectionStringBuilder.Password</c>) is a password key.</summary>
        private static bool NamesPassword(ExpressionSyntax expression)
        {
            string? last = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            };

            return last != null && ConnectionStrings.IsPasswordKey(last);
        }

        /// <summary>A type that is (or implements) <c>IDictionary&lt;string, T&gt;</c> or <c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
        private static bool IsStringKeyedDictionary(INamedTypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (IsDictionaryInterface(type))
            {
                return true;
            }

            foreach (INamedTypeSymbol candidate in type.AllInterfaces)
            {
                if (IsDictionaryInterface(candidate))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDictionaryInterface(INamedTypeSymbol type) =>
            (type.Name == "IDictionary" || type.Name == "IReadOnlyDictionary") && type.TypeArguments.Length == 2 &&
            type.TypeArguments[0].SpecialType == SpecialType.System_String && type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";
    }
}
