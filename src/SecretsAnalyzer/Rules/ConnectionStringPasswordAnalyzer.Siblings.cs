using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // The user name and host set on the same builder by statements around the password's, in any order:
    //   b.Password = "orders"; b.Username = "orders";   (a password equal to the user name is no finding)
    public sealed partial class ConnectionStringPasswordAnalyzer
    {
        /// <summary>Statements looked at on each side of the password's: a builder is set up in a few lines.</summary>
        private const int MaxSiblingStatements = 32;

        /// <summary>
        /// The local or field whose member <paramref name="left"/> sets (<c>b</c> of <c>b.Password</c>, <c>b["Pwd"]</c>,
        /// <c>this.b.Password</c>), or null.
        /// </summary>
        private static string? ReceiverName(ExpressionSyntax left)
        {
            ExpressionSyntax? receiver = left switch
            {
                MemberAccessExpressionSyntax member => member.Expression,
                ElementAccessExpressionSyntax element => element.Expression,
                _ => null,
            };

            return receiver switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                _ => null,
            };
        }

        /// <summary>
        /// The user name and host given to the receiver <paramref name="receiver"/> by the statements of the block around
        /// <paramref name="statement"/> (assignments of a property or indexer, <c>Add(key, value)</c> calls), before or
        /// after it. Bounded by <see cref="MaxSiblingStatements"/> on each side.
        /// </summary>
        private static void FindSiblingUserAndHost(
            ExpressionStatementSyntax statement, string receiver, TreeScope<State> tree, ref string? user, ref string? host, bool dictionaries = false)
        {
            if (!(statement.Parent is BlockSyntax block))
            {
                return;
            }

            SyntaxList<StatementSyntax> statements = block.Statements;
            int index = IndexOfStatement(statements, statement);
            int from = System.Math.Max(0, index - MaxSiblingStatements);
            int to = System.Math.Min(statements.Count - 1, index + MaxSiblingStatements);
            SemanticModel model = tree.Model;
            CancellationToken cancellationToken = tree.CancellationToken;
            for (int i = from; i <= to && (user == null || host == null); i++)
            {
                if (i == index || !(statements[i] is ExpressionStatementSyntax sibling))
                {
                    continue;
                }

                switch (sibling.Expression)
                {
                    case AssignmentExpressionSyntax assignment when ReceiverName(assignment.Left) == receiver:
                        if (user == null && IsBuilderMember(assignment.Left, model, tree.Index, tree.State.Rule, cancellationToken, ConnectionStrings.IsUserKey, dictionaries))
                        {
                            user = CandidateCollector.ConstantString(SkipCasts(assignment.Right), model, cancellationToken);
                        }
                        else if (host == null && IsBuilderMember(assignment.Left, model, tree.Index, tree.State.Rule, cancellationToken, ConnectionStrings.IsHostKey, dictionaries))
                        {
                            host = ConnectionStrings.NormalizeHost(CandidateCollector.ConstantString(SkipCasts(assignment.Right), model, cancellationToken));
                        }

                        break;
                    case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax access &&
                                                                   access.Name.Identifier.ValueText == "Add" &&
                                                                   access.Expression is IdentifierNameSyntax target && target.Identifier.ValueText == receiver &&
                                                                   invocation.ArgumentList.Arguments.Count == 2:
                        string? key = CandidateCollector.ConstantString(invocation.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                        if (key == null)
                        {
                            break;
                        }

                        if (user == null && ConnectionStrings.IsUserKey(key))
                        {
                            user = CandidateCollector.ConstantString(SkipCasts(invocation.ArgumentList.Arguments[1].Expression), model, cancellationToken);
                        }
                        else if (host == null && ConnectionStrings.IsHostKey(key))
                        {
                            host = ConnectionStrings.NormalizeHost(CandidateCollector.ConstantString(SkipCasts(invocation.ArgumentList.Arguments[1].Expression), model, cancellationToken));
                        }

                        break;
                }
            }
        }

        /// <summary>A credential for a local test host in a test project, with <c>test_hosts</c> not set to <c>report</c>.</summary>
        private static bool IsQuietTestHost(SecretsOptions options, State rule, string? host) =>
            TestProjects.IsQuiet(options, rule.ReferencesTestFramework, RuleIds.ConnectionStringPassword, host);
    }
}
