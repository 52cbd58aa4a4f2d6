// CallFolding: StringBuilder chains (fluent, or appends to one local) folded up to their ToString().

using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Candidates
{
    internal static partial class CallFolding
    {
        /// <summary>
        /// <c>new StringBuilder("…").Append(…)….ToString()</c>, or <c>sb.ToString()</c> where <c>sb</c> is a local that the
        /// statements before it (in the same block) create and only append to.
        /// </summary>
        private static bool FoldStringBuilder(InvocationExpressionSyntax toString, ExpressionSyntax receiver, SemanticModel model, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken)
        {
            if (!(model.GetOperation(toString, cancellationToken) is IInvocationOperation invocation) || !IsStringBuilder(invocation.TargetMethod.ContainingType))
            {
                return false;
            }

            var calls = new List<IInvocationOperation>();
            IOperation? root = CollectChain(invocation.Instance, calls);
            if (root is IObjectCreationOperation creation)
            {
                if (!StartWithCreation(creation, builder, segments))
                {
                    return false;
                }
            }
            else if (root is ILocalReferenceOperation local)
            {
                if (!FoldLocalStatements(toString, local.Local, model, builder, segments, cancellationToken))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            for (int i = calls.Count - 1; i >= 0; i--)
            {
                if (!ApplyAppend(calls[i], builder, segments))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>How many calls the fluent chain below <paramref name="receiver"/> has, counted up to one past <see cref="MaxChainCalls"/>. Syntax only.</summary>
        private static int ChainDepth(ExpressionSyntax receiver)
        {
            int depth = 0;
            ExpressionSyntax current = receiver;
            while (depth <= MaxChainCalls && current is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax member)
            {
                depth++;
                current = member.Expression;
            }

            return depth;
        }

        /// <summary>Down the fluent chain from <paramref name="instance"/>: the appends (outermost first) and what they start on.</summary>
        private static IOperation? CollectChain(IOperation? instance, List<IInvocationOperation> calls)
        {
            IOperation? current = instance;
            while (current is IInvocationOperation call && IsStringBuilder(call.TargetMethod.ContainingType) && !call.TargetMethod.IsStatic)
            {
                calls.Add(call);
                current = call.Instance;
            }

            return current;
        }

        private static bool StartWithCreation(IObjectCreationOperation creation, StringBuilder builder, List<Segment> segments)
        {
            if (!IsStringBuilder(creation.Type as INamedTypeSymbol) || creation.Initializer != null)
            {
                return false;
            }

            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Parameter.Name == "value")
                {
                    AppendOperation(argument.Value, builder, segments);
                }
                else if (argument.Parameter?.Type.SpecialType != SpecialType.System_Int32)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>One call of the chain: <c>Append(x)</c>, <c>AppendLine([x])</c>, <c>AppendFormat(format, args)</c>, <c>Insert(0 or end, x)</c>.</summary>
        private static bool ApplyAppend(IInvocationOperation call, StringBuilder builder, List<Segment> segments)
        {
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments = call.Arguments;
            switch (call.TargetMethod.Name)
            {
                case "Append" when arguments.Length == 1 && IsSimpleValue(arguments[0]):
                    AppendOperation(arguments[0].Value, builder, segments);
                    return true;
                case "AppendLine" when arguments.Length <= 1 && (arguments.Length == 0 || arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String):
                    if (arguments.Length == 1)
                    {
                        AppendOperation(arguments[0].Value, builder, segments);
                    }

                    // Environment.NewLine: "\n" or "\r\n", a line break either way.
                    builder.Append('\n');
                    return true;
                case "AppendFormat":
                    {
                        IOperation? format = null;
                        var values = new List<IOperation>();
                        foreach (IArgumentOperation argument in arguments)
                        {
                            if (argument.Parameter == null || argument.Parameter.Type.Name == "IFormatProvider")
                            {
                                continue;
                            }

                            if (argument.Parameter.Name == "format")
                            {
                                format = argument.Value;
                            }
                            else if (argument.Parameter.Type.Name == "CompositeFormat" || !AddElements(argument.Value, values))
                            {
                                return false;
                            }
                        }

                        return format != null && AppendFormat(format, values, call.SemanticModel!, builder, segments, default);
                    }

                case "Insert" when arguments.Length == 2 && IsSimpleValue(arguments[1]) &&
                                   SkipConversions(arguments[0].Value).ConstantValue is { HasValue: true, Value: int at } &&
                                   at == builder.Length && builder.ToString().IndexOf(Chars.Hole) < 0:
                    AppendOperation(arguments[1].Value, builder, segments);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>An argument the runtime writes as its <c>ToString()</c>: a string, char, integer or bool (not a char array or span).</summary>
        private static bool IsSimpleValue(IArgumentOperation argument)
        {
            ITypeSymbol? type = argument.Parameter?.Type;
            if (type == null)
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Char:
                case SpecialType.System_Boolean:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Object:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>var sb = new StringBuilder(…); sb.Append(…); … sb.ToString()</c>: the statements of the block before the
        /// one that holds <paramref name="toString"/>, back to the local's declaration. Any other use of the local gives no fold.
        /// </summary>
        private static bool FoldLocalStatements(InvocationExpressionSyntax toString, ILocalSymbol local, SemanticModel model, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken)
        {
            StatementSyntax? statement = toString.FirstAncestorOrSelf<StatementSyntax>();
            if (!(statement?.Parent is BlockSyntax block))
            {
                return false;
            }

            SyntaxList<StatementSyntax> statements = block.Statements;
            int index = statements.IndexOf(statement);
            string name = local.Name;
            int declaration = -1;
            for (int i = index - 1, seen = 0; i >= 0 && seen < MaxStatements; i--, seen++)
            {
                if (statements[i] is LocalDeclarationStatementSyntax declarationStatement &&
                    declarationStatement.Declaration.Variables.Count == 1 && declarationStatement.Declaration.Variables[0].Identifier.ValueText == name)
                {
                    declaration = i;
                    break;
                }
            }

            if (declaration < 0 || Mentions(statement, name, except: toString))
            {
                return false;
            }

            VariableDeclaratorSyntax declarator = ((LocalDeclarationStatementSyntax)statements[declaration]).Declaration.Variables[0];
            if (!(declarator.Initializer?.Value is ExpressionSyntax initializer) || !(model.GetOperation(initializer, cancellationToken) is IOperation initial))
            {
                return false;
            }

            var calls = new List<IInvocationOperation>();
            if (!(CollectChain(SkipConversions(initial), calls) is IObjectCreationOperation creation) || !StartWithCreation(creation, builder, segments))
            {
                return false;
            }

            for (int c = calls.Count - 1; c >= 0; c--)
            {
                if (!ApplyAppend(calls[c], builder, segments))
                {
                    return false;
                }
            }

            for (int i = declaration + 1; i < index; i++)
            {
                if (!(statements[i] is ExpressionStatementSyntax expressionStatement && expressionStatement.Expression is InvocationExpressionSyntax))
                {
                    if (Mentions(statements[i], name, except: null))
                    {
                        return false;
                    }

                    continue;
                }

                if (!(model.GetOperation(expressionStatement.Expression, cancellationToken) is IInvocationOperation outer))
                {
                    return false;
                }

                calls.Clear();
                IOperation? root = CollectChain(outer, calls);
                if (!(root is ILocalReferenceOperation reference) || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (Mentions(statements[i], name, except: null))
                    {
                        return false;
                    }

                    continue;
                }

                for (int c = calls.Count - 1; c >= 0; c--)
                {
                    if (!ApplyAppend(calls[c], builder, segments))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>Whether the node holds the identifier <paramref name="name"/> outside <paramref name="except"/>. Linear, no recursion.</summary>
        private static bool Mentions(SyntaxNode node, string name, SyntaxNode? except)
        {
            foreach (SyntaxToken token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && (except == null || !except.Span.Contains(token.Span)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStringBuilder(INamedTypeSymbol? type) =>
            type != null && type.Name == "StringBuilder" && type.ContainingNamespace?.ToDisplayString() == "System.Text";
    }
}
