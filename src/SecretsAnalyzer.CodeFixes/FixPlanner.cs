using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// Works out, for one diagnostic, which fixes can be offered and what they rewrite. The whole literal or constant
    /// expression that holds the diagnostic's span moves; an expression with non-constant holes does not. Where the
    /// lookup would not compile (attribute arguments, default parameter values, switch labels and patterns, a const
    /// that is used in a constant context) no lookup fix is offered and the finding stays.
    /// </summary>
    internal static class FixPlanner
    {
        private static readonly HashSet<string> EnvironmentVariables = new HashSet<string>(StringComparer.Ordinal)
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        };

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
            ExpressionSyntax? found = FindExpression(root, diagnostic.Location.SourceSpan);
            if (found == null)
            {
                // A comment: nothing to move.
                return null;
            }

            AwsTypes types = AwsTypes.Create(model.Compilation);
            bool roleArn = diagnostic.Id == RuleIds.RoleArn;
            var kinds = ImmutableArray.CreateBuilder<FixKind>();

            if (!roleArn && diagnostic.Id != RuleIds.ConnectionStringPassword)
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

        /// <summary>The one named constant inside a folded expression whose own value carries what the rule found.</summary>
        private static ExpressionSyntax? ConstantHoldingFinding(ExpressionSyntax expression, SemanticModel model, string ruleId, CancellationToken cancellationToken)
        {
            ExpressionSyntax? holder = null;
            foreach (SyntaxNode node in expression.DescendantNodesAndSelf())
            {
                if (!(node is IdentifierNameSyntax || node is MemberAccessExpressionSyntax) || node.Parent is MemberAccessExpressionSyntax parentAccess && parentAccess.Name == node)
                {
                    continue;
                }

                ISymbol? symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                bool isConst = (symbol is IFieldSymbol field && field.IsConst) || (symbol is ILocalSymbol local && local.IsConst);
                if (!isConst || !symbol!.Locations.Any(l => l.IsInSource) || !(model.GetConstantValue(node, cancellationToken).Value is string text))
                {
                    continue;
                }

                bool carries = ruleId switch
                {
                    RuleIds.AwsAccessKeyId => AwsKeys.ContainsAccessKeyId(text),
                    RuleIds.AwsSecretKey => AwsKeys.HasLongKeyRun(text),
                    RuleIds.RoleArn => text.IndexOf("arn:", StringComparison.Ordinal) >= 0,
                    _ => false,
                };
                if (carries)
                {
                    if (holder != null)
                    {
                        return null;
                    }

                    holder = (ExpressionSyntax)node;
                }
            }

            return holder;
        }

        /// <summary>A named constant passed as an argument: the value is its declaration's initializer.</summary>
        private static async Task<(Document, ExpressionSyntax?)> ResolveConstantAsync(Document document, ExpressionSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            ISymbol? symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            bool isConst = (symbol is IFieldSymbol field && field.IsConst) || (symbol is ILocalSymbol local && local.IsConst);
            if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1)
            {
                return (document, null);
            }

            SyntaxNode declaration = await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            if (!(declaration is VariableDeclaratorSyntax declarator) || declarator.Initializer == null)
            {
                return (document, null);
            }

            Document? declaringDocument = document.Project.Solution.GetDocument(declarator.SyntaxTree);
            if (declaringDocument == null)
            {
                return (document, null);
            }

            ExpressionSyntax initializer = declarator.Initializer.Value;
            while (initializer is ParenthesizedExpressionSyntax parenthesized)
            {
                initializer = parenthesized.Expression;
            }

            return (declaringDocument, initializer);
        }

        /// <summary>Fills the lookup part of the plan; false when no lookup can replace the value.</summary>
        private static async Task<bool> PlanLookupAsync(FixPlan plan, Document document, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            if (value.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                return false;
            }

            Optional<object?> constant = model.GetConstantValue(value, cancellationToken);
            if (!constant.HasValue || !(constant.Value is string))
            {
                // Interpolation holes or non-constant operands: the literal only partly holds the value.
                return false;
            }

            string? receiver = null;
            SyntaxNode? constDeclaration = null;
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

                    case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax:
                        return false;

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
                plan.LogicalName = StoreNames.Logical(type, name.ToString());
                return true;
            }
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

        /// <summary>A const can become <c>static readonly</c> (or a local variable) when no use needs a constant.</summary>
        private static async Task<bool> ConstIsMovableAsync(Document document, SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            VariableDeclarationSyntax variables = declaration is FieldDeclarationSyntax field ? field.Declaration : ((LocalDeclarationStatementSyntax)declaration).Declaration;
            if (declaration is FieldDeclarationSyntax && declaration.Parent is InterfaceDeclarationSyntax)
            {
                return false;
            }

            foreach (VariableDeclaratorSyntax declarator in variables.Variables)
            {
                ISymbol? symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null)
                {
                    return false;
                }

                IEnumerable<ReferencedSymbol> references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                foreach (ReferencedSymbol referenced in references)
                {
                    foreach (ReferenceLocation location in referenced.Locations)
                    {
                        SyntaxNode? root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
                        SyntaxNode node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                        if (IsConstantContext(node))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>Whether a use of a constant sits where only a constant compiles.</summary>
        internal static bool IsConstantContext(SyntaxNode node)
        {
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case AttributeSyntax _:
                    case SwitchLabelSyntax _:
                    case PatternSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return true;
                    case EqualsValueClauseSyntax equals:
                        if (equals.Parent is ParameterSyntax)
                        {
                            return true;
                        }

                        if (equals.Parent is VariableDeclaratorSyntax declarator && declarator.Parent is VariableDeclarationSyntax declaration &&
                            ((declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)) ||
                             (declaration.Parent is LocalDeclarationStatementSyntax local && local.IsConst)))
                        {
                            return true;
                        }

                        return false;
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case ArrowExpressionClauseSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        return false;
                }
            }

            return false;
        }

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

        /// <summary>The invoking-account fix: the value is exactly an IAM role ARN and an <c>ILambdaContext</c> parameter is in scope.</summary>
        private static bool PlanInvokingAccount(FixPlan plan, ExpressionSyntax value, SemanticModel model, AwsTypes types, CancellationToken cancellationToken)
        {
            if (types.LambdaContextType == null || !(model.GetConstantValue(value, cancellationToken).Value is string text))
            {
                return false;
            }

            string? resource = RoleResource(text);
            if (resource == null)
            {
                return false;
            }

            // The handler model knows which ILambdaContext (parameter or local) is usable here.
            var lambda = SecretsAnalyzer.Lambda.LambdaHandlerModel.Create(model.Compilation);
            if (plan.ConstDeclaration is FieldDeclarationSyntax ||
                !lambda.TryGetLambdaContextInScope(value, model, cancellationToken, out ISymbol? context) || context == null ||
                context.Name.StartsWith("_", StringComparison.Ordinal))
            {
                return false;
            }

            plan.ContextParameter = context.Name;
            plan.RoleResource = resource;
            return true;
        }

        /// <summary><c>role/path/Name</c> from <c>arn:&lt;partition&gt;:iam::&lt;account or *&gt;:role/path/Name</c>, or null.</summary>
        internal static string? RoleResource(string text)
        {
            string[] parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || parts[3].Length != 0)
            {
                return null;
            }

            string partition = parts[1];
            if (!partition.StartsWith("aws", StringComparison.Ordinal))
            {
                return null;
            }

            foreach (char c in partition)
            {
                if (!((c >= 'a' && c <= 'z') || c == '-'))
                {
                    return null;
                }
            }

            string account = parts[4];
            if (account != "*" && (account.Length != 12 || !account.All(c => c >= '0' && c <= '9')))
            {
                return null;
            }

            string resource = parts[5];
            if (!resource.StartsWith("role/", StringComparison.Ordinal) || resource.Length == 5)
            {
                return null;
            }

            foreach (char c in resource)
            {
                if (char.IsWhiteSpace(c) || c == '"' || c == '\\')
                {
                    return null;
                }
            }

            return resource;
        }
    }
}
