using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.CodeFixes
{
    // The lookup fixes (Secrets Manager / Parameter Store): where the lookup goes, and the names it is given.
    internal static partial class FixPlanner
    {
        /// <summary>Fills the lookup part of the plan; false when no lookup can replace the value.</summary>
        private static async Task<bool> PlanLookupAsync(FixPlan plan, Document document, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            // "…"u8: no constant, but the literal's text is the whole value; its bytes are the UTF-8 of the looked-up string.
            bool utf8 = value.IsKind(SyntaxKind.Utf8StringLiteralExpression);
            Optional<object?> constant = model.GetConstantValue(value, cancellationToken);
            if (!utf8 && (!constant.HasValue || !(constant.Value is string)))
            {
                // Interpolation holes or non-constant operands: the literal only partly holds the value.
                return false;
            }

            string? receiver = null;
            SyntaxNode? constDeclaration = null;
            FieldDeclarationSyntax? staticReadonlyField = null;
            string? declaredName = null;
            LookupForm form = LookupForm.Sync;

            for (SyntaxNode? current = value.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case AttributeSyntax _:
                    case SwitchLabelSyntax _:
                    case PatternSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return false;

                    case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax parameter:
                        // The default becomes null and the body (or the member the parameter feeds) applies the lookup.
                        ParameterDefaultPlan? parameterDefault = utf8 || equals.Value != value ? null : await PlanParameterDefaultAsync(document, parameter, model, cancellationToken).ConfigureAwait(false);
                        if (parameterDefault == null)
                        {
                            return false;
                        }

                        plan.ParameterDefault = parameterDefault;
                        receiver = parameter.Identifier.ValueText;
                        if (parameterDefault.Function == null)
                        {
                            // A primary constructor or record: initializers read the value, synchronously.
                            return await FinishAsync(LookupForm.Sync, parameterDefault.Type!).ConfigureAwait(false);
                        }

                        form = IsAsync(parameterDefault.Function) ? LookupForm.Await : LookupForm.Sync;
                        return await FinishAsync(form, parameterDefault.Function).ConfigureAwait(false);

                    case ArgumentSyntax argument when receiver == null && argument.Parent?.Parent != null:
                        receiver = ArgumentName(argument, model, cancellationToken);
                        break;

                    case AssignmentExpressionSyntax assignment when receiver == null && assignment.Right.Span.Contains(value.Span):
                        receiver = assignment.Left switch
                        {
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                            _ => null,
                        };
                        receiver ??= string.Empty;
                        break;

                    case AnonymousObjectMemberDeclaratorSyntax member when receiver == null:
                        receiver = member.NameEquals?.Name.Identifier.ValueText ?? string.Empty;
                        break;

                    case VariableDeclaratorSyntax declarator when declaredName == null:
                        declaredName = declarator.Identifier.ValueText;
                        if (declarator.Parent is VariableDeclarationSyntax declaration)
                        {
                            if (declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
                            {
                                constDeclaration = field;
                            }
                            else if (declaration.Parent is LocalDeclarationStatementSyntax local && local.IsConst)
                            {
                                constDeclaration = local;
                            }
                            else if (declaration.Parent is FieldDeclarationSyntax staticField && staticField.Modifiers.Any(SyntaxKind.StaticKeyword) &&
                                staticField.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) && declarator.Initializer != null && SkipParentheses(declarator.Initializer.Value) == value)
                            {
                                // Only when the initializer is the value: a client or credentials object built around it
                                // must stay one object, not a new one at every use.
                                staticReadonlyField = staticField;
                            }
                        }

                        break;

                    case QueryExpressionSyntax _:
                    case LockStatementSyntax _:
                    case CatchFilterClauseSyntax _:
                    case UnsafeStatementSyntax _:
                        // await is not allowed here.
                        return await FinishAsync(LookupForm.Sync, current).ConfigureAwait(false);

                    case AnonymousFunctionExpressionSyntax lambda:
                        form = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? LookupForm.Await : LookupForm.Sync;
                        return await FinishAsync(form, current).ConfigureAwait(false);

                    case LocalFunctionStatementSyntax localFunction:
                        form = localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword) ? LookupForm.Await : LookupForm.Sync;
                        return await FinishAsync(form, current).ConfigureAwait(false);

                    case MethodDeclarationSyntax method:
                        form = method.Modifiers.Any(SyntaxKind.AsyncKeyword) ? LookupForm.Await : LookupForm.Sync;
                        return await FinishAsync(form, current).ConfigureAwait(false);

                    case GlobalStatementSyntax _:
                        return await FinishAsync(LookupForm.Await, current).ConfigureAwait(false);

                    case BaseMethodDeclarationSyntax _:
                    case AccessorDeclarationSyntax _:
                    case BasePropertyDeclarationSyntax _:
                    case BaseFieldDeclarationSyntax _:
                        return await FinishAsync(LookupForm.Sync, current).ConfigureAwait(false);

                    case BaseTypeDeclarationSyntax _:
                    case CompilationUnitSyntax _:
                        return false;
                }
            }

            return false;

            async Task<bool> FinishAsync(LookupForm chosen, SyntaxNode scope)
            {
                if (constDeclaration != null)
                {
                    if (!await ConstIsMovableAsync(document, constDeclaration, model, cancellationToken).ConfigureAwait(false))
                    {
                        return false;
                    }

                    if (constDeclaration is FieldDeclarationSyntax)
                    {
                        chosen = LookupForm.Sync;
                    }
                }

                // A static field is read in the type's static initializer: one failed read would be a
                // TypeInitializationException for the life of the process. A static property over the helper's cache
                // throws at the use instead, and the next use reads again.
                FieldDeclarationSyntax? staticField = constDeclaration as FieldDeclarationSyntax ?? staticReadonlyField;
                if (staticField != null && await FieldCanBecomePropertyAsync(document, staticField, model, cancellationToken).ConfigureAwait(false))
                {
                    plan.FieldToProperty = staticField;
                }

                if (utf8)
                {
                    // A span cannot live across an await; the synchronous accessor is safe everywhere.
                    chosen = LookupForm.Sync;
                }

                if (chosen == LookupForm.Await)
                {
                    plan.CancellationToken = CancellationTokenInScope(value, model, cancellationToken);
                }

                // Inside a lambda or local function, the enclosing member still names the value.
                SyntaxNode? member = scope;
                while (member != null && !(member is MemberDeclarationSyntax) && !(member is GlobalStatementSyntax))
                {
                    member = member.Parent;
                }

                string type = TypeName(value, document.Project);
                string? memberPart = member switch
                {
                    BaseFieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault(v => v.Span.Contains(value.Span))?.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    IndexerDeclarationSyntax _ => "indexer",
                    EventDeclarationSyntax e => e.Identifier.ValueText,
                    MethodDeclarationSyntax method => TrimAsync(method.Identifier.ValueText),
                    ConstructorDeclarationSyntax _ => "constructor",
                    OperatorDeclarationSyntax _ => "operator",
                    ConversionOperatorDeclarationSyntax _ => "conversion",
                    DestructorDeclarationSyntax _ => "finalizer",
                    _ => null,
                };

                string? detail = !string.IsNullOrEmpty(receiver) ? receiver : declaredName;

                var name = new System.Text.StringBuilder();
                if (!string.IsNullOrEmpty(memberPart))
                {
                    name.Append(memberPart);
                }

                if (!string.IsNullOrEmpty(detail) && !string.Equals(detail, memberPart, StringComparison.OrdinalIgnoreCase))
                {
                    name.Append('_').Append(detail);
                }

                plan.ValueDocument = document;
                plan.Value = value;
                plan.Form = chosen;
                plan.ConstDeclaration = constDeclaration;
                plan.Utf8 = utf8;
                plan.LogicalName = StoreNames.Logical(type, name.ToString());
                return true;
            }
        }

        private static ExpressionSyntax SkipParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        private static bool IsAsync(SyntaxNode function) => function switch
        {
            BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            _ => false,
        };

        /// <summary>
        /// The one <c>CancellationToken</c> parameter of the innermost method, local function or lambda around
        /// <paramref name="node"/>. An outer function's token is not taken: a lambda may run after that call ended.
        /// </summary>
        private static string? CancellationTokenInScope(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                if (!(current is BaseMethodDeclarationSyntax || current is LocalFunctionStatementSyntax || current is AnonymousFunctionExpressionSyntax))
                {
                    continue;
                }

                ISymbol? symbol = current is AnonymousFunctionExpressionSyntax ? model.GetSymbolInfo(current, cancellationToken).Symbol : model.GetDeclaredSymbol(current, cancellationToken);
                if (!(symbol is IMethodSymbol method))
                {
                    return null;
                }

                string? found = null;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (parameter.RefKind == RefKind.None && parameter.Type.ToDisplayString() == "System.Threading.CancellationToken" &&
                        !string.IsNullOrEmpty(parameter.Name) && parameter.Name != "_")
                    {
                        if (found != null)
                        {
                            return null;
                        }

                        found = parameter.Name;
                    }
                }

                return found == null ? null : (SyntaxFacts.GetKeywordKind(found) != SyntaxKind.None ? "@" + found : found);
            }

            return null;
        }

        private static string TrimAsync(string name) =>
            name.Length > 5 && name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;

        /// <summary>The containing type's name; for top-level statements the assembly's.</summary>
        private static string TypeName(SyntaxNode node, Project project)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    return type.Identifier.ValueText;
                }
            }

            return project.AssemblyName;
        }

        /// <summary>The receiving parameter's name, or the variable name given to <c>SetEnvironmentVariable</c>.</summary>
        private static string ArgumentName(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(argument.Parent is BaseArgumentListSyntax list) || list.Parent == null)
            {
                return string.Empty;
            }

            if (argument.NameColon != null)
            {
                return argument.NameColon.Name.Identifier.ValueText;
            }

            if (!(model.GetSymbolInfo(list.Parent, cancellationToken).Symbol is IMethodSymbol method))
            {
                return string.Empty;
            }

            int index = list.Arguments.IndexOf(argument);
            if (IsSetEnvironmentVariable(method) && index == 1)
            {
                string? variable = model.GetConstantValue(list.Arguments[0].Expression, cancellationToken).Value as string;
                if (variable != null && IsSafeVariableName(variable))
                {
                    return variable;
                }
            }

            return index >= 0 && index < method.Parameters.Length ? method.Parameters[index].Name : string.Empty;
        }

        private static bool IsSafeVariableName(string name)
        {
            if (name.Length == 0 || name.Length > 64 || AwsKeys.FindAccessKeyId(name, 0) >= 0)
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSetEnvironmentVariable(IMethodSymbol method) =>
            method.Name == "SetEnvironmentVariable" && method.ContainingType?.ToDisplayString() == "System.Environment";
    }
}
