using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Candidates;

namespace SecretsAnalyzer.Rules
{
    // Values composed at run time from constant pieces (string.Format / Concat / Join, StringBuilder chains), found by
    // a scan of the source text for the method names and folded with CallFolding. A finding that one literal piece
    // already gives on its own is not reported twice.
    public abstract partial class SecretsAnalyzerBase<TRuleState>
    {
        private static readonly string[] FoldNames = { "Format", "Concat", "Join", "ToString" };

        private void AnalyzeFoldedCalls(TreeScope<TRuleState> tree)
        {
            string source = tree.Index.SourceText;
            SyntaxNode? root = null;
            foreach (string name in FoldNames)
            {
                int at = 0;
                while ((at = source.IndexOf(name, at, System.StringComparison.Ordinal)) >= 0)
                {
                    int start = at;
                    at += name.Length;
                    if (start == 0 || source[start - 1] != '.' || at >= source.Length || !IsOpenParenthesisNext(source, at) ||
                        IsIdentifierChar(source[at]))
                    {
                        continue;
                    }

                    root ??= tree.Model.SyntaxTree.GetRoot(tree.CancellationToken);
                    SyntaxToken token = root.FindToken(start);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.SpanStart != start ||
                        !(token.Parent is IdentifierNameSyntax identifier && identifier.Parent is MemberAccessExpressionSyntax member &&
                          member.Name == identifier && member.Parent is InvocationExpressionSyntax call && call.Expression == member) ||
                        !tree.Includes(call.Span) || !IsFoldShape(name, member))
                    {
                        continue;
                    }

                    // Syntax first: the literal pieces, glued, must pass the quick test before the compiler is asked.
                    string likely = CallFolding.LikelyText(call, tree.Index);
                    if (likely.Length == 0 || !QuickTestTemplate(likely))
                    {
                        continue;
                    }

                    CandidateText? folded = CallFolding.Fold(call, tree.Model, tree.CancellationToken);
                    if (folded == null || !QuickTestTemplate(folded.Text) || !MayReport(folded.Text))
                    {
                        continue;
                    }

                    ReportNewFindings(folded, call, tree);
                }
            }
        }

        /// <summary>
        /// Syntax only: <c>string.Format</c>/<c>String.Concat</c>/<c>System.String.Join</c>, or <c>ToString()</c> on an
        /// <c>Append…</c>/<c>Insert</c> chain or on a name (a local <c>StringBuilder</c>, confirmed by symbol).
        /// </summary>
        private static bool IsFoldShape(string name, MemberAccessExpressionSyntax member)
        {
            ExpressionSyntax receiver = member.Expression;
            if (name != "ToString")
            {
                return receiver is PredefinedTypeSyntax predefined ? predefined.Keyword.IsKind(SyntaxKind.StringKeyword)
                    : receiver is IdentifierNameSyntax id ? id.Identifier.ValueText == "String"
                    : receiver is MemberAccessExpressionSyntax qualified && qualified.Name.Identifier.ValueText == "String";
            }

            if (receiver is IdentifierNameSyntax)
            {
                return true;
            }

            return receiver is InvocationExpressionSyntax previous && previous.Expression is MemberAccessExpressionSyntax previousMember &&
                   (previousMember.Name.Identifier.ValueText.StartsWith("Append", System.StringComparison.Ordinal) || previousMember.Name.Identifier.ValueText == "Insert");
        }

        /// <summary>Reports the fold's findings, except those that a literal piece of the call reports on its own.</summary>
        private void ReportNewFindings(CandidateText folded, InvocationExpressionSyntax call, TreeScope<TRuleState> tree)
        {
            var findings = new List<Diagnostic>();
            Analyze(new CandidateScope<TRuleState>(folded, Collecting(tree, findings)));
            if (findings.Count == 0)
            {
                return;
            }

            HashSet<(string, TextSpan)>? alone = null;
            foreach (Diagnostic finding in findings)
            {
                if (alone == null)
                {
                    alone = new HashSet<(string, TextSpan)>();
                    var single = new List<Diagnostic>();
                    TreeScope<TRuleState> sink = Collecting(tree, single);
                    var roots = new HashSet<SyntaxNode>();
                    foreach (Segment segment in folded.Segments)
                    {
                        if (PieceRoot(segment.Token) is ExpressionSyntax piece && roots.Add(piece) &&
                            PieceCandidate(piece, tree) is CandidateText candidate && QuickTestTemplate(candidate.Text))
                        {
                            Analyze(new CandidateScope<TRuleState>(candidate, sink));
                        }
                    }

                    foreach (Diagnostic diagnostic in single)
                    {
                        alone.Add((diagnostic.Id, diagnostic.Location.SourceSpan));
                    }
                }

                if (!alone.Contains((finding.Id, finding.Location.SourceSpan)))
                {
                    tree.Report(finding);
                }
            }
        }

        /// <summary>
        /// The value a literal piece is a candidate of on its own: the literal, the top of the <c>+</c> chain it is an
        /// operand of, or the interpolated string it is a text part of. Iterative; bounded by the tree's depth.
        /// </summary>
        private static ExpressionSyntax? PieceRoot(SyntaxToken token)
        {
            if (token.RawKind == 0)
            {
                return null;
            }

            ExpressionSyntax? node = token.Parent as ExpressionSyntax ?? (token.Parent as InterpolatedStringTextSyntax)?.Parent as ExpressionSyntax;
            while (node?.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression) ||
                   node?.Parent is ParenthesizedExpressionSyntax)
            {
                node = (ExpressionSyntax)node.Parent;
            }

            return node;
        }

        private static CandidateText? PieceCandidate(ExpressionSyntax piece, TreeScope<TRuleState> tree)
        {
            piece = CandidateCollector.SkipParentheses(piece);
            return piece switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => CandidateCollector.FromLiteral(literal),
                BinaryExpressionSyntax binary => CandidateCollector.FromConcatenation(binary, tree.Model, tree.Index, tree.CancellationToken),
                InterpolatedStringExpressionSyntax interpolated => CandidateCollector.FromInterpolation(interpolated, tree.Model, tree.Index, tree.CancellationToken),
                _ => null,
            };
        }

        private static TreeScope<TRuleState> Collecting(TreeScope<TRuleState> tree, List<Diagnostic> into) =>
            new TreeScope<TRuleState>(tree.Model, tree.Index, tree.State, tree.Options, into.Add, filterSpan: null, tree.CancellationToken);

        private static bool IsOpenParenthesisNext(string source, int at)
        {
            int i = at;
            while (i < source.Length && (source[i] == ' ' || source[i] == '\t'))
            {
                i++;
            }

            return i < source.Length && source[i] == '(';
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
