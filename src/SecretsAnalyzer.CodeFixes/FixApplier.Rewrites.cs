// FixApplier: the syntax rewrites the fixes apply (arguments, parameter defaults, fields and constants, removed statements).

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SecretsAnalyzer.CodeFixes
{
    internal static partial class FixApplier
    {
        private static SyntaxNode RemoveArguments(BaseObjectCreationExpressionSyntax creation, ImmutableArray<int> indices)
        {
            ArgumentListSyntax list = creation.ArgumentList!;
            SeparatedSyntaxList<ArgumentSyntax> arguments = list.Arguments;
            for (int i = indices.Length - 1; i >= 0; i--)
            {
                if (indices[i] < arguments.Count)
                {
                    arguments = arguments.RemoveAt(indices[i]);
                }
            }

            var kept = SyntaxFactory.SeparatedList(arguments.Select(a => a.WithLeadingTrivia(a == arguments.FirstOrDefault() ? default : a.GetLeadingTrivia())));
            return creation.WithArgumentList(list.WithArguments(kept).WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static SyntaxNode DefaultCredentials(SyntaxNode creation)
        {
            ExpressionSyntax call = SyntaxFactory.ParseExpression("global::" + AwsTypes.DefaultCredentialsResolver + ".GetCredentials()")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            return call.WithTriviaFrom(creation);
        }

        /// <summary>
        /// Where a UTF-8 literal initializes an explicitly typed variable or is returned from a member with a declared
        /// return type, the byte[] converts to ReadOnlySpan&lt;byte&gt; implicitly; anywhere else (var, arguments,
        /// member access, lambdas) the span is built explicitly so types and overloads stay as they were.
        /// </summary>
        private static bool IsTargetTypedSpan(ExpressionSyntax value)
        {
            switch (value.Parent)
            {
                case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax && equals.Parent.Parent is VariableDeclarationSyntax declaration:
                    return !declaration.Type.IsVar && !(declaration.Type is RefTypeSyntax);
                case ReturnStatementSyntax _:
                case ArrowExpressionClauseSyntax _:
                    for (SyntaxNode? current = value.Parent; current != null; current = current.Parent)
                    {
                        if (current is AnonymousFunctionExpressionSyntax)
                        {
                            return false;
                        }

                        if (current is LocalFunctionStatementSyntax || current is MemberDeclarationSyntax || current is AccessorDeclarationSyntax)
                        {
                            return !(current is LocalFunctionStatementSyntax local && local.ReturnType is RefTypeSyntax) &&
                                !(current is MethodDeclarationSyntax method && method.ReturnType is RefTypeSyntax) &&
                                !(current is BasePropertyDeclarationSyntax property && property.Type is RefTypeSyntax);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A default parameter value: the default becomes null (annotated), and the body starts with
        /// <c>name ??= lookup;</c> (an expression body becomes a block), or, for a primary constructor or a record, each
        /// read becomes <c>(name ?? lookup)</c> and a record's positional property is declared with that initializer.
        /// </summary>
        private static void AddParameterDefaultEdits(DocumentEdits edits, ExpressionSyntax value, ParameterDefaultPlan plan, ExpressionSyntax lookup)
        {
            edits.Add(value, "value", node => SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(node));
            if (plan.Annotate)
            {
                edits.Add(plan.Parameter, "annotate", node =>
                {
                    var parameter = (ParameterSyntax)node;
                    TypeSyntax type = parameter.Type!;
                    return parameter.WithType(SyntaxFactory.NullableType(type.WithoutTrailingTrivia()).WithTrailingTrivia(type.GetTrailingTrivia()));
                });
            }

            string name = plan.Parameter.Identifier.Text;
            if (plan.Function != null)
            {
                edits.Add(plan.Function, "apply-default", node => ApplyDefaultInBody(node, name, lookup, plan.ReturnsValue));
                return;
            }

            foreach (IdentifierNameSyntax use in plan.Uses)
            {
                edits.Add(use, "value", node => SyntaxFactory.ParenthesizedExpression(
                        SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, ((ExpressionSyntax)node).WithoutTrivia(), lookup.WithoutTrivia()))
                    .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)
                    .WithTriviaFrom(node));
            }

            if (plan.RecordPropertyAccessors != null)
            {
                edits.Add(plan.Type!, "record-property", node => AddRecordProperty((RecordDeclarationSyntax)node, plan, name, lookup));
            }
        }

        private static SyntaxNode ApplyDefaultInBody(SyntaxNode function, string name, ExpressionSyntax lookup, bool returnsValue)
        {
            while (lookup is ParenthesizedExpressionSyntax parenthesized)
            {
                // name ??= await …: no parentheses needed.
                lookup = parenthesized.Expression;
            }

            StatementSyntax apply = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, SyntaxFactory.IdentifierName(name), lookup.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation);

            BlockSyntax? body;
            ArrowExpressionClauseSyntax? arrow;
            SyntaxToken semicolon;
            switch (function)
            {
                case BaseMethodDeclarationSyntax method:
                    (body, arrow, semicolon) = (method.Body, method.ExpressionBody, method.SemicolonToken);
                    break;
                case LocalFunctionStatementSyntax local:
                    (body, arrow, semicolon) = (local.Body, local.ExpressionBody, local.SemicolonToken);
                    break;
                default:
                    return function;
            }

            BlockSyntax newBody;
            if (body != null)
            {
                newBody = body.WithStatements(body.Statements.Insert(0, apply));
            }
            else
            {
                // The block is laid out here (the formatter leaves a local function's new block on one line): braces
                // at the function's indentation, statements one level in.
                string text = function.ToFullString();
                SyntaxTrivia newline = text.Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
                SyntaxTriviaList leading = function.GetLeadingTrivia();
                string indent = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
                string inner = indent + (indent.Contains("\t") ? "\t" : "    ");
                ExpressionSyntax expression = arrow!.Expression.WithoutTrivia();
                StatementSyntax last = returnsValue ? SyntaxFactory.ReturnStatement(expression) : (StatementSyntax)SyntaxFactory.ExpressionStatement(expression);
                newBody = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(newline, SyntaxFactory.Whitespace(indent)), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(newline)),
                    SyntaxFactory.List(new[]
                    {
                        apply.WithLeadingTrivia(SyntaxFactory.Whitespace(inner)).WithTrailingTrivia(newline),
                        last.WithLeadingTrivia(SyntaxFactory.Whitespace(inner)).WithTrailingTrivia(newline),
                    }),
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
                SyntaxToken beforeArrow = arrow.ArrowToken.GetPreviousToken();
                function = function.ReplaceToken(beforeArrow, beforeArrow.WithTrailingTrivia(beforeArrow.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))));
            }

            switch (function)
            {
                case BaseMethodDeclarationSyntax method:
                    return body != null
                        ? method.WithBody(newBody)
                        : method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBody);
                default:
                    var local = (LocalFunctionStatementSyntax)function;
                    return body != null
                        ? local.WithBody(newBody)
                        : local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBody);
            }
        }

        private static SyntaxNode AddRecordProperty(RecordDeclarationSyntax record, ParameterDefaultPlan plan, string name, ExpressionSyntax lookup)
        {
            const string Placeholder = "__SecretsAnalyzerLookup";
            var property = (PropertyDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                "public " + plan.PropertyType + " " + name + " { " + plan.RecordPropertyAccessors + " } = " + name + " ?? " + Placeholder + ";\n")!;
            IdentifierNameSyntax placeholder = property.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == Placeholder);
            property = property.ReplaceNode(placeholder, lookup.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            if (record.OpenBraceToken.IsKind(SyntaxKind.None))
            {
                SyntaxToken semicolon = record.SemicolonToken;
                return record
                    .WithSemicolonToken(default)
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                    .WithCloseBraceToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia))
                    .WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(property))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            MemberDeclarationSyntax first = record.Members.Count > 0 ? record.Members[0] : null!;
            SyntaxList<MemberDeclarationSyntax> members = record.Members.Count > 0
                ? record.Members.Replace(first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, record.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed)))
                : record.Members;
            return record.WithMembers(members.Insert(0, property));
        }

        /// <summary><c>const string X = v;</c> / <c>static readonly string X = v;</c> → <c>static string X => v;</c>.</summary>
        private static SyntaxNode FieldToProperty(FieldDeclarationSyntax field)
        {
            VariableDeclaratorSyntax declarator = field.Declaration.Variables[0];
            var modifiers = new List<SyntaxToken>();
            SyntaxTriviaList carried = default;
            bool hasStatic = false;
            foreach (SyntaxToken modifier in field.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.ConstKeyword))
                {
                    if (modifier.IsKind(SyntaxKind.ConstKeyword) && !hasStatic)
                    {
                        modifiers.Add(SyntaxFactory.Token(carried.AddRange(modifier.LeadingTrivia), SyntaxKind.StaticKeyword, modifier.TrailingTrivia));
                        carried = default;
                        hasStatic = true;
                    }
                    else
                    {
                        carried = carried.AddRange(modifier.LeadingTrivia);
                    }

                    continue;
                }

                hasStatic |= modifier.IsKind(SyntaxKind.StaticKeyword);
                modifiers.Add(carried.Count > 0 ? modifier.WithLeadingTrivia(carried.AddRange(modifier.LeadingTrivia)) : modifier);
                carried = default;
            }

            TypeSyntax type = field.Declaration.Type;
            if (carried.Count > 0)
            {
                type = type.WithLeadingTrivia(carried.AddRange(type.GetLeadingTrivia()));
            }

            ExpressionSyntax value = declarator.Initializer!.Value;
            return SyntaxFactory.PropertyDeclaration(
                    field.AttributeLists,
                    SyntaxFactory.TokenList(modifiers),
                    type,
                    null,
                    declarator.Identifier,
                    null,
                    // The initializer's annotations carry over (migrate marks the value's enclosing node to prove what moved).
                    declarator.Initializer.CopyAnnotationsTo(SyntaxFactory.ArrowExpressionClause(
                        SyntaxFactory.Token(declarator.Initializer.EqualsToken.LeadingTrivia, SyntaxKind.EqualsGreaterThanToken, declarator.Initializer.EqualsToken.TrailingTrivia),
                        value))!,
                    null,
                    field.SemicolonToken);
        }

        private static SyntaxNode ConstToStaticReadonly(FieldDeclarationSyntax field)
        {
            SyntaxToken constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            int index = field.Modifiers.IndexOf(constToken);
            SyntaxTokenList modifiers = field.Modifiers.RemoveAt(index)
                .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia))
                .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
            return field.WithModifiers(modifiers);
        }

        private static SyntaxNode ConstToVariable(LocalDeclarationStatementSyntax local)
        {
            SyntaxToken constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            LocalDeclarationStatementSyntax result = local.WithModifiers(local.Modifiers.Remove(constToken));
            if (result.Modifiers.Count == 0 && result.AwaitKeyword.IsKind(SyntaxKind.None) && result.UsingKeyword.IsKind(SyntaxKind.None))
            {
                TypeSyntax type = result.Declaration.Type;
                result = result.WithDeclaration(result.Declaration.WithType(type.WithLeadingTrivia(constToken.LeadingTrivia.AddRange(type.GetLeadingTrivia()))));
            }

            return result;
        }

        private static SyntaxNode RemoveStatements(SyntaxNode root)
        {
            while (true)
            {
                SyntaxNode? statement = root.GetAnnotatedNodes(RemoveAnnotation).FirstOrDefault();
                if (statement == null)
                {
                    return root;
                }

                bool hasComment = statement.GetLeadingTrivia().Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
                SyntaxNode? next = NextSibling(statement);
                if (hasComment && next != null)
                {
                    // The comments above the statement stay, above the next one.
                    SyntaxTriviaList leading = statement.GetLeadingTrivia();
                    int last = leading.Count - 1;
                    while (last >= 0 && leading[last].IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        last--;
                    }

                    var kept = SyntaxFactory.TriviaList(leading.Take(last + 1)).AddRange(next.GetLeadingTrivia());
                    root = root.ReplaceNode(next, next.WithLeadingTrivia(kept).WithAdditionalAnnotations(Formatter.Annotation));
                    statement = root.GetAnnotatedNodes(RemoveAnnotation).First();
                }

                root = root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
            }
        }

        private static SyntaxNode? NextSibling(SyntaxNode statement)
        {
            SyntaxNode? parent = statement.Parent;
            if (parent == null)
            {
                return null;
            }

            bool seen = false;
            foreach (SyntaxNode child in parent.ChildNodes())
            {
                if (seen && (child is StatementSyntax || child is MemberDeclarationSyntax) && !child.HasAnnotation(RemoveAnnotation))
                {
                    return child;
                }

                if (child == statement)
                {
                    seen = true;
                }
            }

            return null;
        }
    }
}
