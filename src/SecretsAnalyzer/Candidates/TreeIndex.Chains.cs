using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Candidates
{
    // The climb from a string value to the top of its + chain, the literals of a chain found, and the links
    // from a key named like a password to the assignment or .Add(key, value) call it belongs to.
    internal sealed partial class TreeIndex
    {
        /// <summary>
        /// A string value found at <paramref name="value"/>: it is a value of its own, or an operand of a <c>+</c> chain
        /// whose top is. The climb stops at a <c>+</c> already climbed, so each node of a chain is climbed once.
        /// </summary>
        private void AddValue(ExpressionSyntax value)
        {
            SyntaxNode current = value;
            while (true)
            {
                SyntaxNode? parent = current.Parent;
                while (parent is ParenthesizedExpressionSyntax)
                {
                    parent = parent.Parent;
                }

                if (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    if (!_climbed.Add(Key(binary)))
                    {
                        return;
                    }

                    current = binary;
                    continue;
                }

                break;
            }

            if (current == value && !(value is LiteralExpressionSyntax) && !(value is InterpolatedStringExpressionSyntax))
            {
                // A lone name is not a value of its own (arguments and assignments are linked by the caller).
                return;
            }

            Values.Add((ExpressionSyntax)current);
            if (current is BinaryExpressionSyntax chain)
            {
                RememberChainLiterals(chain);
            }
        }

        // The string literals of the chains found so far, by the position of their token: the scan passes over them
        // without asking the tree again (a chain is found at its first literal; the others need no search or climb).
        private readonly Dictionary<int, int> _chainLiterals = new Dictionary<int, int>();

        private void RememberChainLiterals(BinaryExpressionSyntax chain)
        {
            Stack<ExpressionSyntax> stack = _chain;
            stack.Clear();
            stack.Push(chain);
            while (stack.Count > 0)
            {
                ExpressionSyntax e = CandidateCollector.SkipParentheses(stack.Pop());
                if (e is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
                {
                    _climbed.Add(Key(binary));
                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                }
                else if (e is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)))
                {
                    SyntaxToken token = literal.Token;
                    _chainLiterals[token.SpanStart] = token.Span.End;
                    if (ConnectionStrings.IsPasswordKey(token.ValueText))
                    {
                        LinkKey(literal);
                    }
                }
            }
        }

        /// <summary>
        /// A key (a literal named like a password, or a constant's name): records the <c>x.Add(key, value)</c> call it
        /// is the first argument of, or the assignment whose target is <c>x[key]</c> (also <c>[key] = …</c> in an
        /// initializer).
        /// </summary>
        private void LinkKey(SyntaxNode key)
        {
            SyntaxNode? node = key is ArgumentSyntax ? key : key.Parent;
            while (node is ParenthesizedExpressionSyntax || node is CastExpressionSyntax)
            {
                node = node.Parent;
            }

            if (!(node is ArgumentSyntax argument))
            {
                return;
            }

            switch (argument.Parent)
            {
                case ArgumentListSyntax list when list.Arguments.Count == 2 && list.Arguments[0] == argument &&
                                                  list.Parent is InvocationExpressionSyntax invocation &&
                                                  invocation.Expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "Add":
                    if (_linked.Add(Key(invocation)))
                    {
                        KeyValueAdds.Add(invocation);
                    }

                    break;

                case BracketedArgumentListSyntax brackets when brackets.Arguments.Count == 1 &&
                                                               brackets.Parent is ExpressionSyntax element &&
                                                               element.Parent is AssignmentExpressionSyntax assignment &&
                                                               assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == element:
                    AddAssignment(assignment);
                    break;
            }
        }

        /// <summary>Whether the chain topped by <paramref name="root"/> is one of <see cref="Values"/> (found by the tree).</summary>
        public bool IsIndexedChain(SyntaxNode root) => _climbed.Contains(Key(root));

        /// <summary>
        /// The top of the <c>+</c> chain that <paramref name="literal"/> is an operand of. <paramref name="tops"/> remembers
        /// the top for every <c>+</c> climbed, so climbs from many literals of one chain stay linear in the chain.
        /// </summary>
        public static SyntaxNode ChainTop(SyntaxNode literal, Dictionary<long, SyntaxNode> tops)
        {
            // Up to the top, or to a + already climbed; then the same way again to record the top for each + passed.
            SyntaxNode? top = null;
            for (SyntaxNode current = literal; top == null;)
            {
                BinaryExpressionSyntax? binary = AddParent(current);
                if (binary == null)
                {
                    top = current;
                }
                else if (!tops.TryGetValue(Key(binary), out top))
                {
                    current = binary;
                }
            }

            for (BinaryExpressionSyntax? binary = AddParent(literal); binary != null && binary != top; binary = AddParent(binary))
            {
                long key = Key(binary);
                if (tops.ContainsKey(key))
                {
                    break;
                }

                tops[key] = top;
            }

            return top;
        }

        /// <summary>The <c>+</c> that <paramref name="node"/> is an operand of (through parentheses), or null.</summary>
        private static BinaryExpressionSyntax? AddParent(SyntaxNode node)
        {
            SyntaxNode? parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            return parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) ? binary : null;
        }

        internal static long Key(SyntaxNode node)
        {
            TextSpan span = node.Span;
            return ((long)span.Start << 32) | (uint)span.End;
        }

        private void AddAssignment(AssignmentExpressionSyntax assignment)
        {
            if (_linked.Add(Key(assignment)))
            {
                Assignments.Add(assignment);
            }
        }
    }
}
