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
    internal static partial class CallFolding
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
    }
}
