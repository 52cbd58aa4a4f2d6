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
    /// <summary>
    /// Values the runtime composes from constant pieces: <c>string.Format</c>, <c>string.Concat</c> and
    /// <c>string.Join</c> (params, arrays and collection expressions), and <c>StringBuilder</c> chains
    /// (<c>Append</c>, <c>AppendLine</c>, <c>AppendFormat</c>, <c>Insert</c> at the start or end) ending in
    /// <c>ToString()</c>, fluent or on one local. Folded from the compiler's constants and the operations the semantic
    /// model gives; a piece that is not certain is a hole (<see cref="Chars.Hole"/>), a shape that is not understood
    /// gives no fold at all. Every walk is iterative and linear in the pieces.
    /// </summary>
    internal static class CallFolding
    {
        /// <summary>
        /// Calls of a fluent chain folded at most. The compiler builds the operations of a chain recursively, so a deeper
        /// chain is not asked about (and not folded): no depth the input controls reaches a recursion.
        /// </summary>
        public const int MaxChainCalls = 1000;

        /// <summary>Statements looked back for the appends to a local <c>StringBuilder</c>.</summary>
        private const int MaxStatements = 256;

        /// <summary>Pieces folded at most: a longer value is not worth the memory.</summary>
        private const int MaxTextLength = 1 << 20;

        /// <summary>Whether a method name may start a fold (syntax only, for the text scan).</summary>
        public static bool IsFoldName(string name) => name == "Format" || name == "Concat" || name == "Join" || name == "ToString";

        /// <summary>
        /// The cheap, syntax-only text for the rules' quick tests: the values of the string literals (and of the names
        /// whose likely value is known) among the call's pieces, glued in order, with <c>{0}</c>-style items dropped. An
        /// over-approximation of what the fold can hold; the semantic fold runs only when it passes.
        /// </summary>
        public static string LikelyText(InvocationExpressionSyntax call, TreeIndex index)
        {
            var builder = new StringBuilder();
            if (call.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "ToString")
            {
                ExpressionSyntax current = member.Expression;
                var chain = new List<ArgumentListSyntax>();
                for (int depth = 0; depth <= MaxChainCalls && current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax access; depth++)
                {
                    chain.Add(invocation.ArgumentList);
                    current = access.Expression;
                }

                if (current is ObjectCreationExpressionSyntax creation && creation.ArgumentList != null)
                {
                    AppendLiterals(creation.ArgumentList.Arguments, index, builder);
                }
                else if (current is IdentifierNameSyntax local && call.FirstAncestorOrSelf<StatementSyntax>() is StatementSyntax statement && statement.Parent is BlockSyntax block)
                {
                    int at = block.Statements.IndexOf(statement);
                    for (int i = System.Math.Max(0, at - MaxStatements); i < at; i++)
                    {
                        StatementSyntax earlier = block.Statements[i];
                        if (Mentions(earlier, local.Identifier.ValueText, except: null))
                        {
                            foreach (SyntaxToken token in earlier.DescendantTokens())
                            {
                                if (token.IsKind(SyntaxKind.StringLiteralToken))
                                {
                                    builder.Append(token.ValueText);
                                }
                            }
                        }
                    }
                }

                for (int i = chain.Count - 1; i >= 0; i--)
                {
                    AppendLiterals(chain[i].Arguments, index, builder);
                }

                return builder.ToString();
            }

            AppendLiterals(call.ArgumentList.Arguments, index, builder);
            return builder.ToString();
        }

        private static void AppendLiterals(SeparatedSyntaxList<ArgumentSyntax> arguments, TreeIndex index, StringBuilder builder)
        {
            foreach (ArgumentSyntax argument in arguments)
            {
                ExpressionSyntax value = CandidateCollector.SkipParentheses(argument.Expression);
                switch (value)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        AppendWithoutItems(literal.Token.ValueText, builder);
                        break;
                    case IdentifierNameSyntax _:
                    case MemberAccessExpressionSyntax _:
                        if (index.LikelyValue(value) is string likely && !ReferenceEquals(likely, ConstantNames.NotText))
                        {
                            builder.Append(likely);
                        }
                        else if (index.MayBeConstant(value))
                        {
                            builder.Append(Chars.Hole);
                        }

                        break;
                    default:
                        // new[] { "a", "b" }, new string[] { … }, ["a", "b"]: the literal elements, one level down only.
                        SeparatedSyntaxList<ExpressionSyntax> elements = value switch
                        {
                            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
                            ArrayCreationExpressionSyntax array when array.Initializer != null => array.Initializer.Expressions,
                            _ => default,
                        };

                        foreach (ExpressionSyntax element in elements)
                        {
                            if (element is LiteralExpressionSyntax literalElement && literalElement.IsKind(SyntaxKind.StringLiteralExpression))
                            {
                                builder.Append(literalElement.Token.ValueText);
                            }
                        }

                        if (value is CollectionExpressionSyntax collection)
                        {
                            foreach (CollectionElementSyntax element in collection.Elements)
                            {
                                if (element is ExpressionElementSyntax { Expression: LiteralExpressionSyntax literalElement } && literalElement.IsKind(SyntaxKind.StringLiteralExpression))
                                {
                                    builder.Append(literalElement.Token.ValueText);
                                }
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>A format string's text with its <c>{n}</c> items left out (their arguments follow it in the likely text).</summary>
        private static void AppendWithoutItems(string text, StringBuilder builder)
        {
            int i = 0;
            while (i < text.Length)
            {
                if (text[i] == '{' && i + 1 < text.Length && Chars.IsAsciiDigit(text[i + 1]))
                {
                    int close = text.IndexOf('}', i + 1);
                    if (close > 0)
                    {
                        i = close + 1;
                        continue;
                    }
                }

                builder.Append(text[i]);
                i++;
            }
        }

        /// <summary>The fold of the call, or null when it is not one of the shapes or nothing in it is text.</summary>
        public static CandidateText? Fold(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(call.Expression is MemberAccessExpressionSyntax member))
            {
                return null;
            }

            var builder = new StringBuilder();
            var segments = new List<Segment>();
            bool ok;
            switch (member.Name.Identifier.ValueText)
            {
                case "Format":
                case "Concat":
                case "Join":
                    ok = FoldStringMethod(call, model, builder, segments, cancellationToken);
                    break;
                case "ToString" when call.ArgumentList.Arguments.Count == 0 && ChainDepth(member.Expression) <= MaxChainCalls:
                    ok = FoldStringBuilder(call, member.Expression, model, builder, segments, cancellationToken);
                    break;
                default:
                    return null;
            }

            if (!ok || builder.Length == 0 || builder.Length > MaxTextLength || segments.Count == 0)
            {
                return null;
            }

            return new CandidateText(builder.ToString(), call, call.SyntaxTree, call.Span, segments.ToArray());
        }

        private static bool FoldStringMethod(InvocationExpressionSyntax call, SemanticModel model, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken)
        {
            if (!(model.GetOperation(call, cancellationToken) is IInvocationOperation invocation) ||
                invocation.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String || !invocation.TargetMethod.IsStatic)
            {
                return false;
            }

            var arguments = new List<IOperation>();
            IOperation? format = null;
            IOperation? separator = null;
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                IParameterSymbol? parameter = argument.Parameter;
                if (parameter == null)
                {
                    return false;
                }

                ITypeSymbol type = parameter.Type;
                if (type.Name == "IFormatProvider")
                {
                    continue;
                }

                switch (parameter.Name)
                {
                    case "format":
                        format = argument.Value;
                        continue;
                    case "separator":
                        separator = argument.Value;
                        continue;
                }

                if (type.SpecialType == SpecialType.System_Int32 || type.Name == "ReadOnlySpan" || type.Name == "CompositeFormat")
                {
                    // Join(separator, value, startIndex, count), spans, CompositeFormat: out of scope.
                    return false;
                }

                if (!AddElements(argument.Value, arguments))
                {
                    return false;
                }
            }

            string name = invocation.TargetMethod.Name;
            if (name == "Format")
            {
                return format != null && AppendFormat(format, arguments, model, builder, segments, cancellationToken);
            }

            if (name == "Join" && separator == null)
            {
                return false;
            }

            for (int i = 0; i < arguments.Count; i++)
            {
                if (i > 0 && separator != null)
                {
                    AppendOperation(separator, builder, segments);
                }

                AppendOperation(arguments[i], builder, segments);
            }

            return true;
        }

        /// <summary>
        /// The values an argument stands for: itself, or the elements of an array creation (a params array, expanded or
        /// written out) or a collection expression. False for a collection whose elements are not written here.
        /// </summary>
        private static bool AddElements(IOperation value, List<IOperation> into)
        {
            IOperation operation = SkipConversions(value);
            if (operation is IArrayCreationOperation array)
            {
                if (array.Initializer == null)
                {
                    return false;
                }

                into.AddRange(array.Initializer.ElementValues);
                return true;
            }

            if (operation.Syntax is CollectionExpressionSyntax collection)
            {
                foreach (CollectionElementSyntax element in collection.Elements)
                {
                    if (!(element is ExpressionElementSyntax expressionElement) || !(operation.SemanticModel?.GetOperation(expressionElement.Expression) is IOperation item))
                    {
                        return false;
                    }

                    into.Add(item);
                }

                return true;
            }

            ITypeSymbol? type = operation.Type;
            if (type != null && (type.TypeKind == TypeKind.Array || type.Name == "IEnumerable" || type.Name == "List"))
            {
                // A collection from elsewhere: its elements are unknown.
                return false;
            }

            into.Add(value);
            return true;
        }

        /// <summary><c>{0}</c>, <c>{{</c>, <c>}}</c>; an item with alignment or format is a hole; a malformed format gives no fold.</summary>
        private static bool AppendFormat(IOperation format, List<IOperation> arguments, SemanticModel model, StringBuilder builder, List<Segment> segments, CancellationToken cancellationToken)
        {
            IOperation formatValue = SkipConversions(format);
            if (!(formatValue.ConstantValue.HasValue && formatValue.ConstantValue.Value is string text))
            {
                return false;
            }

            SyntaxToken token = formatValue.Syntax is LiteralExpressionSyntax literal ? literal.Token : default;
            int i = 0;
            int pieceStart = builder.Length;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '{' || c == '}')
                {
                    if (i + 1 < text.Length && text[i + 1] == c)
                    {
                        builder.Append(c);
                        i += 2;
                        continue;
                    }

                    if (c == '}')
                    {
                        return false;
                    }

                    int close = text.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    CloseSegment(token, pieceStart, builder, segments);
                    int index = 0, j = i + 1;
                    while (j < close && Chars.IsAsciiDigit(text[j]) && index < 1_000_000)
                    {
                        index = (index * 10) + (text[j] - '0');
                        j++;
                    }

                    if (j == i + 1 || index >= arguments.Count)
                    {
                        return false;
                    }

                    if (j == close)
                    {
                        AppendOperation(arguments[index], builder, segments);
                    }
                    else
                    {
                        builder.Append(Chars.Hole);
                    }

                    i = close + 1;
                    pieceStart = builder.Length;
                    continue;
                }

                builder.Append(c);
                i++;
            }

            CloseSegment(token, pieceStart, builder, segments);
            return true;
        }

        /// <summary>A stretch of the format string as a piece of its literal token (located in the token by its text).</summary>
        private static void CloseSegment(SyntaxToken token, int pieceStart, StringBuilder builder, List<Segment> segments)
        {
            if (token.RawKind != 0 && builder.Length > pieceStart)
            {
                segments.Add(new Segment(pieceStart, builder.Length - pieceStart, token, -1));
            }
        }

        /// <summary>A constant as the runtime writes it (a literal keeps its map to the source), or a hole.</summary>
        private static void AppendOperation(IOperation operation, StringBuilder builder, List<Segment> segments)
        {
            IOperation value = SkipConversions(operation);
            if (value.ConstantValue.HasValue)
            {
                ISymbol? symbol = (value as IFieldReferenceOperation)?.Field;
                string? text = ConstantFormatting.Format(value.ConstantValue.Value, symbol);
                if (text != null)
                {
                    if (value.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        segments.Add(new Segment(builder.Length, text.Length, literal.Token, -1));
                    }
                    else if (value.Syntax is BinaryExpressionSyntax binary && value.SemanticModel != null &&
                             CandidateCollector.FromConcatenation(binary, value.SemanticModel, null, default) is CandidateText pieces && pieces.Text == text)
                    {
                        // "Password=" + "…": the literals of the constant concatenation keep their map to the source.
                        foreach (Segment piece in pieces.Segments)
                        {
                            segments.Add(new Segment(builder.Length + piece.TextStart, piece.Length, piece.Token, piece.SourceStart));
                        }
                    }
                    else
                    {
                        // A constant declared elsewhere: part of the text, mapped to the expression as a whole.
                        segments.Add(new Segment(builder.Length, text.Length, default, -1));
                    }

                    builder.Append(text);
                    return;
                }
            }

            if (value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } field } && field.ContainingType?.SpecialType == SpecialType.System_String)
            {
                // string.Empty: a static readonly field, not a constant, but certainly "".
                return;
            }

            builder.Append(Chars.Hole);
        }

        private static IOperation SkipConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.IsImplicit)
            {
                operation = conversion.Operand;
            }

            while (operation is IConversionOperation explicitConversion && explicitConversion.Operand.ConstantValue.HasValue &&
                   explicitConversion.Type?.SpecialType == SpecialType.System_Object)
            {
                operation = explicitConversion.Operand;
            }

            return operation;
        }

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
