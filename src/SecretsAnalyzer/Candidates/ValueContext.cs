using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// Where a value goes: the name that receives it (variable, field, property, parameter, named argument,
    /// dictionary key, the key argument before it), the parameter it is passed to, and the syntax that holds its
    /// siblings (argument list, initializer, tuple, collection). Computed only for values that passed a rule's
    /// quick test; the walk up is bounded by the expression nesting around one value, not by the input's size.
    /// </summary>
    internal sealed class ValueContext
    {
        private const int MaxSiblings = 64;

        private ValueContext(string? receiverName, IParameterSymbol? parameter, SyntaxNode? container, ExpressionSyntax value)
        {
            ReceiverName = receiverName;
            Parameter = parameter;
            Container = container;
            Value = value;
        }

        public static readonly ValueContext None = new ValueContext(null, null, null, null!);

        /// <summary>The name the value is assigned or passed to, or the key it is stored under.</summary>
        public string? ReceiverName { get; }

        /// <summary>The parameter the value is passed to, when it is an argument.</summary>
        public IParameterSymbol? Parameter { get; }

        /// <summary>The argument list, initializer, tuple or collection the value sits in.</summary>
        public SyntaxNode? Container { get; }

        /// <summary>The outermost expression of the value itself (after parentheses, casts, ?? and ?:).</summary>
        public ExpressionSyntax Value { get; }

        public NameHint ReceiverHint => NameHints.Classify(ReceiverName);

        /// <summary>
        /// The name of what the value stands in for, when it is the fallback of <c>??</c> or a branch of <c>?:</c>:
        /// <c>Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "…"</c>, <c>config["Aws:SecretKey"] ?? "…"</c>,
        /// <c>options.SecretKey ?? "…"</c>. Null when there is none.
        /// </summary>
        public string? AlternativeName { get; private set; }

        public static ValueContext Compute(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            ValueContext context = ComputeCore(expression, model, cancellationToken, out string? alternative);
            if (alternative != null)
            {
                context = new ValueContext(context.ReceiverName, context.Parameter, context.Container, context.Value) { AlternativeName = alternative };
            }

            return context;
        }

        private static ValueContext ComputeCore(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out string? alternative)
        {
            alternative = null;
            ExpressionSyntax value = expression;
            SyntaxNode? parent = value.Parent;
            while (parent != null)
            {
                if (alternative == null)
                {
                    if (parent is BinaryExpressionSyntax fallback && fallback.IsKind(SyntaxKind.CoalesceExpression) && fallback.Right == value)
                    {
                        alternative = NameOfSource(fallback.Left, model, cancellationToken);
                    }
                    else if (parent is ConditionalExpressionSyntax branches && branches.Condition != value)
                    {
                        alternative = NameOfSource(branches.WhenTrue == value ? branches.WhenFalse : branches.WhenTrue, model, cancellationToken);
                    }
                }

                if (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax || parent is CheckedExpressionSyntax ||
                    parent.IsKind(SyntaxKind.SuppressNullableWarningExpression) ||
                    (parent is ConditionalExpressionSyntax conditional && conditional.Condition != value) ||
                    (parent is BinaryExpressionSyntax coalesce && coalesce.IsKind(SyntaxKind.CoalesceExpression)) ||
                    (parent is SwitchExpressionArmSyntax arm && arm.Expression == value) ||
                    parent is SwitchExpressionSyntax)
                {
                    if (parent is ExpressionSyntax parentExpression)
                    {
                        value = parentExpression;
                    }

                    parent = parent.Parent;
                    continue;
                }

                break;
            }

            switch (parent)
            {
                case EqualsValueClauseSyntax equals:
                    {
                        // Its siblings: the other declarators of `string id = "…", key = "…";`, the other parameters' defaults.
                        SyntaxNode? siblings = equals.Parent switch
                        {
                            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } when declaration.Variables.Count > 1 => declaration,
                            ParameterSyntax { Parent: ParameterListSyntax parameters } when parameters.Parameters.Count > 1 => parameters,
                            _ => null,
                        };
                        return new ValueContext(DeclaredName(equals.Parent), null, siblings, value);
                    }

                case ArrowExpressionClauseSyntax arrow:
                    return new ValueContext(DeclaredName(arrow.Parent), null, null, value);

                case ReturnStatementSyntax ret:
                    return new ValueContext(DeclaredName(EnclosingMember(ret)), null, null, value);

                case AssignmentExpressionSyntax assignment when assignment.Right == value:
                    {
                        string? name = TargetName(assignment.Left, model, cancellationToken);
                        SyntaxNode? container = assignment.Parent is InitializerExpressionSyntax init ? init : null;
                        return new ValueContext(name, null, container, value);
                    }

                case ArgumentSyntax argument:
                    return FromArgument(argument, value, model, cancellationToken);

                case AttributeArgumentSyntax attributeArgument:
                    {
                        string? name = attributeArgument.NameEquals?.Name.Identifier.ValueText ?? attributeArgument.NameColon?.Name.Identifier.ValueText;
                        IParameterSymbol? parameter = null;
                        if (name == null && attributeArgument.Parent is AttributeArgumentListSyntax list && list.Parent is AttributeSyntax attribute &&
                            model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol ctor)
                        {
                            int index = IndexOfArgument(list.Arguments, attributeArgument);
                            parameter = index >= 0 && index < ctor.Parameters.Length ? ctor.Parameters[index] : null;
                            name = parameter?.Name;
                        }

                        return new ValueContext(name, parameter, attributeArgument.Parent, value);
                    }

                case InitializerExpressionSyntax initializer:
                    {
                        string? name = null;
                        SyntaxNode container = initializer;
                        if (initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                        {
                            if (initializer.Expressions.Count == 2 && initializer.Expressions[1] == value)
                            {
                                name = ConstantString(initializer.Expressions[0], model, cancellationToken);
                            }

                            // { { "AWS_ACCESS_KEY_ID", "AKIA…" }, { "AWS_SECRET_ACCESS_KEY", "…" } }: the siblings are the other pairs.
                            if (initializer.Parent is InitializerExpressionSyntax collection)
                            {
                                container = collection;
                            }
                        }

                        return new ValueContext(name, null, container, value);
                    }

                case AnonymousObjectMemberDeclaratorSyntax member:
                    return new ValueContext(member.NameEquals?.Name.Identifier.ValueText, null, member.Parent, value);

                case ExpressionElementSyntax element:
                    return new ValueContext(null, null, element.Parent, value);

                default:
                    return new ValueContext(null, null, null, value);
            }
        }

        private static ValueContext FromArgument(ArgumentSyntax argument, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            if (argument.Parent is TupleExpressionSyntax tuple)
            {
                return new ValueContext(argument.NameColon?.Name.Identifier.ValueText, null, tuple, value);
            }

            if (!(argument.Parent is BaseArgumentListSyntax list))
            {
                return new ValueContext(null, null, null, value);
            }

            IParameterSymbol? parameter = null;
            SyntaxNode? invocation = list.Parent;
            if (invocation != null && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
            {
                parameter = FindParameter(method, list, argument);
            }

            string? name = argument.NameColon?.Name.Identifier.ValueText;

            // A key passed right before the value names it: Add("SecretKey", v), SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", v).
            int index = IndexOfArgument(list.Arguments, argument);
            if (index > 0)
            {
                string? key = ConstantString(list.Arguments[index - 1].Expression, model, cancellationToken);
                if (key != null && IsLabel(key))
                {
                    name = key;
                }
            }

            name ??= parameter?.Name;
            return new ValueContext(name, parameter, list, value);
        }

        /// <summary>The values of the other elements next to this one, for "a key ID sits with it" evidence.</summary>
        public bool AnySibling(SemanticModel model, CancellationToken cancellationToken, System.Func<string, bool> predicate)
            => AnySibling(model, cancellationToken, predicate, resolveStored: false);

        /// <summary>
        /// Like <see cref="AnySibling(SemanticModel, CancellationToken, System.Func{string, bool})"/>; with
        /// <paramref name="resolveStored"/>, a sibling that reads a local or field of this tree counts with the string it
        /// was initialized with (<c>new Pair(id, key)</c> after <c>var id = "AKIA…";</c>).
        /// </summary>
        public bool AnySibling(SemanticModel model, CancellationToken cancellationToken, System.Func<string, bool> predicate, bool resolveStored)
        {
            int seen = 0;
            foreach (SyntaxNode child in Container?.ChildNodes() ?? System.Linq.Enumerable.Empty<SyntaxNode>())
            {
                if (++seen > MaxSiblings)
                {
                    break;
                }

                if (child is InitializerExpressionSyntax nested)
                {
                    // One pair of a dictionary's collection initializer: { "key", "value" }.
                    foreach (ExpressionSyntax element in nested.Expressions)
                    {
                        if (IsSiblingMatch(element, model, cancellationToken, predicate, resolveStored))
                        {
                            return true;
                        }
                    }

                    continue;
                }

                ExpressionSyntax? expression = child switch
                {
                    ArgumentSyntax a => a.Expression,
                    AttributeArgumentSyntax a => a.Expression,
                    AnonymousObjectMemberDeclaratorSyntax m => m.Expression,
                    ExpressionElementSyntax e => e.Expression,
                    AssignmentExpressionSyntax assignment => assignment.Right,
                    VariableDeclaratorSyntax v => v.Initializer?.Value,
                    ParameterSyntax p => p.Default?.Value,
                    ExpressionSyntax e => e,
                    _ => null,
                };

                if (IsSiblingMatch(expression, model, cancellationToken, predicate, resolveStored))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSiblingMatch(ExpressionSyntax? expression, SemanticModel model, CancellationToken cancellationToken, System.Func<string, bool> predicate, bool resolveStored)
        {
            if (expression == null || expression.Span.Contains(Value.Span) || Value.Span.Contains(expression.Span))
            {
                return false;
            }

            string? text = ConstantString(expression, model, cancellationToken);
            if (text == null && resolveStored)
            {
                text = StoredString(expression, model, cancellationToken);
            }

            return text != null && predicate(text);
        }

        /// <summary>The literal a local or field of the same tree was declared with, when the expression reads one.</summary>
        private static string? StoredString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            expression = CandidateCollector.SkipParentheses(expression);
            if (!(expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax))
            {
                return null;
            }

            ISymbol? symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (!(symbol is ILocalSymbol || symbol is IFieldSymbol) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxReference reference = symbol.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != expression.SyntaxTree)
            {
                return null;
            }

            return reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } &&
                literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;
        }

        /// <summary>The name a value source gives: a constant key passed to it (<c>GetEnvironmentVariable("X")</c>, <c>config["X"]</c>) or its own name.</summary>
        private static string? NameOfSource(ExpressionSyntax source, SemanticModel model, CancellationToken cancellationToken)
        {
            source = CandidateCollector.SkipParentheses(source);
            switch (source)
            {
                case InvocationExpressionSyntax invocation:
                    foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
                    {
                        string? key = ConstantString(argument.Expression, model, cancellationToken);
                        if (key != null && IsLabel(key))
                        {
                            return key;
                        }
                    }

                    return null;
                case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                    return ConstantString(element.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case ConditionalAccessExpressionSyntax conditional when conditional.WhenNotNull is MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static IParameterSymbol? FindParameter(IMethodSymbol method, BaseArgumentListSyntax list, ArgumentSyntax argument)
        {
            if (argument.NameColon != null)
            {
                string wanted = argument.NameColon.Name.Identifier.ValueText;
                foreach (IParameterSymbol p in method.Parameters)
                {
                    if (p.Name == wanted)
                    {
                        return p;
                    }
                }

                return null;
            }

            int index = IndexOfArgument(list.Arguments, argument);
            if (index < 0 || method.Parameters.Length == 0)
            {
                return null;
            }

            if (index >= method.Parameters.Length)
            {
                IParameterSymbol last = method.Parameters[method.Parameters.Length - 1];
                return last.IsParams ? last : null;
            }

            return method.Parameters[index];
        }

        /// <summary>
        /// The index of <paramref name="argument"/> in <paramref name="arguments"/> by binary search on position:
        /// <c>IndexOf</c> is linear, and calling it for each of many arguments of one call would be quadratic.
        /// </summary>
        private static int IndexOfArgument<TArgument>(SeparatedSyntaxList<TArgument> arguments, TArgument argument)
            where TArgument : SyntaxNode
        {
            int lo = 0, hi = arguments.Count - 1, position = argument.SpanStart;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                TArgument candidate = arguments[mid];
                if (candidate == argument)
                {
                    return mid;
                }

                if (candidate.SpanStart < position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            // Only zero-width arguments of broken code can share a position: fall back to the linear search.
            return arguments.IndexOf(argument);
        }

        private static string? TargetName(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (left)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                    return ConstantString(element.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                case ImplicitElementAccessSyntax implicitElement when implicitElement.ArgumentList.Arguments.Count == 1:
                    return ConstantString(implicitElement.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                default:
                    return null;
            }
        }

        private static string? DeclaredName(SyntaxNode? node)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax v:
                    return v.Identifier.ValueText;
                case PropertyDeclarationSyntax p:
                    return p.Identifier.ValueText;
                case ParameterSyntax p:
                    return p.Identifier.ValueText;
                case MethodDeclarationSyntax m:
                    return m.Identifier.ValueText;
                case LocalFunctionStatementSyntax f:
                    return f.Identifier.ValueText;
                case IndexerDeclarationSyntax:
                    return null;
                case AccessorDeclarationSyntax accessor:
                    return DeclaredName(accessor.Parent?.Parent);
                case EnumMemberDeclarationSyntax e:
                    return e.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static SyntaxNode? EnclosingMember(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                if (current is MemberDeclarationSyntax || current is LocalFunctionStatementSyntax || current is AccessorDeclarationSyntax)
                {
                    return current;
                }

                if (current is AnonymousFunctionExpressionSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        private static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => CandidateCollector.ConstantString(expression, model, cancellationToken);

        private static bool IsLabel(string text)
        {
            if (text.Length == 0 || text.Length > 64)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!Chars.IsLabelChar(c) && c != ':')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
