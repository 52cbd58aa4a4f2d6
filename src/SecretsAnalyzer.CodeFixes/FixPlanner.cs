using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// Works out, for one diagnostic, which fixes can be offered and what they rewrite. The whole literal or constant
    /// expression that holds the diagnostic's span moves; an expression with non-constant holes does not. Where the
    /// lookup would not compile (attribute arguments, switch labels and patterns, a const that is used in a constant
    /// context) no lookup fix is offered and the finding stays. A default parameter value becomes <c>null</c> and the
    /// body applies the lookup; a finding in a comment is redacted in place.
    /// </summary>
    internal static partial class FixPlanner
    {
        public static async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Location.IsInSource)
            {
                return null;
            }

            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var plan = new FixPlan(diagnostic, document);
            if (PlanCommentRedaction(plan, root, diagnostic.Location.SourceSpan))
            {
                // A comment: nothing moves, the credential is redacted in place (any rule).
                plan.Kinds = ImmutableArray.Create(FixKind.RedactInComment);
                return plan;
            }

            ExpressionSyntax? found = FindExpression(root, diagnostic.Location.SourceSpan);
            if (found == null)
            {
                return null;
            }

            AwsTypes types = AwsTypes.Create(model.Compilation);
            bool roleArn = diagnostic.Id == RuleIds.RoleArn;
            var kinds = ImmutableArray.CreateBuilder<FixKind>();

            if (!roleArn && diagnostic.Id != RuleIds.ConnectionStringPassword && diagnostic.Id != RuleIds.ProviderToken)
            {
                plan.Role = PlanExecutionRole(found, model, types, cancellationToken);
                if (plan.Role != null)
                {
                    kinds.Add(FixKind.UseExecutionRole);
                }
            }

            // The value that moves, possibly a constant declared elsewhere.
            Document valueDocument = document;
            SemanticModel valueModel = model;
            ExpressionSyntax? value = ClimbToValue(found);
            if (!(value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax) &&
                !InsideStringToken(root, diagnostic.Location.SourceSpan) &&
                ConstantHoldingFinding(value, model, diagnostic.Id, cancellationToken) is ExpressionSyntax holder)
            {
                // "key " + KeyId: the finding is the constant's value; its declaration is what moves.
                value = holder;
            }

            if (value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax)
            {
                (valueDocument, value) = await ResolveConstantAsync(document, value, model, cancellationToken).ConfigureAwait(false);
                if (value != null && valueDocument != document)
                {
                    valueModel = (await valueDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                }
            }

            if (value != null && await PlanLookupAsync(plan, valueDocument, value, valueModel, cancellationToken).ConfigureAwait(false))
            {
                HelperState helper = HelperState.Get(valueDocument.Project, valueModel.Compilation, types);
                if (!roleArn)
                {
                    if (types.CanReadSecrets && helper.Supports(HelperClass.GetSecretAsync))
                    {
                        kinds.Add(FixKind.ReadFromSecretsManager);
                    }

                    if (types.HasParameterStore && helper.Supports(HelperClass.GetParameterAsync))
                    {
                        kinds.Add(FixKind.ReadFromParameterStore);
                    }
                }
                else
                {
                    if (types.HasParameterStore && helper.Supports(HelperClass.GetParameterAsync))
                    {
                        kinds.Add(FixKind.ReadRoleArnFromParameterStore);
                    }

                    if (types.HasArn && helper.Supports(HelperClass.RoleArnInInvokingAccount) && PlanInvokingAccount(plan, value, valueModel, types, cancellationToken))
                    {
                        kinds.Add(FixKind.BuildRoleArnFromInvokingAccount);
                    }
                }
            }

            plan.Kinds = kinds.ToImmutable();
            return plan.Kinds.IsEmpty ? null : plan;
        }

        /// <summary>The expression whose text holds the span: a literal, an interpolated string, a concatenation or a name.</summary>
        private static ExpressionSyntax? FindExpression(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            SyntaxToken token = root.FindToken(span.Start);
            if (!token.Span.Contains(span.Start) && !(span.Length == 0 && token.Span.Start == span.Start))
            {
                return null;
            }

            SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                if (current is InterpolatedStringContentSyntax)
                {
                    continue;
                }

                if (current is ExpressionSyntax expression)
                {
                    return expression;
                }

                if (current is StatementSyntax || current is MemberDeclarationSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>From a literal to the whole string expression it belongs to (through parentheses and concatenations).</summary>
        private static ExpressionSyntax ClimbToValue(ExpressionSyntax expression)
        {
            if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
            {
                expression = access;
            }

            ExpressionSyntax current = expression;
            while (current.Parent is ParenthesizedExpressionSyntax || (current.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression)))
            {
                current = (ExpressionSyntax)current.Parent;
            }

            // Outer parentheses stay where they are.
            while (current is ParenthesizedExpressionSyntax parenthesized && current != expression)
            {
                current = parenthesized.Expression;
            }

            return current;
        }

        private static bool InsideStringToken(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            SyntaxToken token = root.FindToken(span.Start);
            return token.Span.Contains(span) &&
                (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                 token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ||
                 token.IsKind(SyntaxKind.Utf8StringLiteralToken));
        }
    }
}
