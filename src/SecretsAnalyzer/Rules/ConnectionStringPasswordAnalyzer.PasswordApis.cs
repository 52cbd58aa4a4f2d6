using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    // Methods and constructors of database clients that take a password as an argument, found by symbol:
    //   MongoCredential.CreateCredential("admin", "app", "…"), new PasswordEvidence("…"),
    //   new SqlCredential("app", new NetworkCredential("", "…").SecurePassword), SqlConnection.ChangePassword(cs, "…").
    public sealed partial class ConnectionStringPasswordAnalyzer
    {
        /// <summary>Namespaces of the database and cache clients whose password parameters count.</summary>
        private static readonly string[] ClientNamespaces =
        {
            "MongoDB.Driver", "StackExchange.Redis", "Npgsql", "MySqlConnector", "MySql.Data", "Microsoft.Data.SqlClient", "System.Data.SqlClient",
            "System.Data.Common", "System.Data.Odbc", "System.Data.OleDb", "Oracle.ManagedDataAccess", "Microsoft.Data.Sqlite", "IBM.Data",
            "FirebirdSql.Data", "Cassandra", "Couchbase", "RabbitMQ.Client", "Elasticsearch.Net", "Nest", "Elastic.Clients",
        };

        /// <summary>Words that end the name of a method or type that takes a password (<c>CreateCredential(</c>, <c>new PasswordEvidence(</c>).</summary>
        private static readonly string[] CallWords = { "Credential", "Evidence", "Password" };

        /// <summary>
        /// Every call of a method or constructor whose name holds <see cref="CallWords"/>, found in the source text
        /// (no tree walk), resolved by symbol: a constant argument for a <c>string</c> parameter named like a password, of
        /// a client type (<see cref="ClientNamespaces"/>, or any <c>DbConnection</c> / <c>DbConnectionStringBuilder</c>).
        /// </summary>
        private static void AnalyzePasswordCalls(TreeScope<State> tree)
        {
            string source = tree.Index.SourceText;
            SyntaxNode? root = null;
            int lastCall = -1;
            foreach (string word in CallWords)
            {
                int at = 0;
                while ((at = source.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
                {
                    int end = at + word.Length;
                    at = end;
                    while (end < source.Length && (char.IsLetterOrDigit(source[end]) || source[end] == '_'))
                    {
                        end++;
                    }

                    int open = end;
                    while (open < source.Length && char.IsWhiteSpace(source[open]))
                    {
                        open++;
                    }

                    if (open >= source.Length || source[open] != '(' || !tree.Includes(new Microsoft.CodeAnalysis.Text.TextSpan(end - 1, 1)))
                    {
                        continue;
                    }

                    root ??= tree.Model.SyntaxTree.GetRoot(tree.CancellationToken);
                    SyntaxToken token = root.FindToken(end - 1);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(end - 1) || token.SpanStart == lastCall)
                    {
                        continue;
                    }

                    lastCall = token.SpanStart;
                    AnalyzeCallAt(token, tree);
                }
            }
        }

        private static void AnalyzeCallAt(SyntaxToken token, TreeScope<State> tree)
        {
            SyntaxNode? node = token.Parent;
            if (node is GenericNameSyntax || node is IdentifierNameSyntax)
            {
                while (node?.Parent is QualifiedNameSyntax qualified && qualified.Right == node || node?.Parent is MemberAccessExpressionSyntax member && member.Name == node)
                {
                    node = node.Parent;
                }
            }

            ArgumentListSyntax? arguments = node?.Parent switch
            {
                InvocationExpressionSyntax invocation when invocation.Expression == node => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation when creation.Type == node => creation.ArgumentList,
                _ => null,
            };

            if (arguments == null || arguments.Arguments.Count == 0 || !AnyMaybeConstant(arguments, tree.Index))
            {
                return;
            }

            SemanticModel model = tree.Model;
            CancellationToken cancellationToken = tree.CancellationToken;
            if (!(model.GetSymbolInfo(arguments.Parent!, cancellationToken).Symbol is IMethodSymbol method))
            {
                return;
            }

            bool client = IsClientType(method.ContainingType, tree.State.Rule);
            bool networkCredential = !client && IsNetworkCredentialForClient(arguments.Parent!, method, model, tree.State.Rule, cancellationToken);
            if (!client && !networkCredential)
            {
                return;
            }

            string? user = null;
            ExpressionSyntax? password = null;
            for (int i = 0; i < arguments.Arguments.Count; i++)
            {
                ArgumentSyntax argument = arguments.Arguments[i];
                IParameterSymbol? parameter = ParameterOf(method, argument, i);
                if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                if (IsPasswordParameter(parameter.Name))
                {
                    password = argument.Expression;
                }
                else if (user == null && ConnectionStrings.IsUserKey(parameter.Name))
                {
                    user = CandidateCollector.ConstantString(SkipCasts(argument.Expression), model, cancellationToken);
                }
            }

            if (password != null)
            {
                ReportBuilderValue(tree, password, host: null, user);
            }
        }

        /// <summary><c>password</c>, <c>pwd</c>, <c>newPassword</c>, <c>proxyPassword</c>: a parameter that receives a password.</summary>
        private static bool IsPasswordParameter(string name) =>
            ConnectionStrings.IsPasswordKey(name) || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase);

        private static bool AnyMaybeConstant(ArgumentListSyntax arguments, TreeIndex index)
        {
            foreach (ArgumentSyntax argument in arguments.Arguments)
            {
                ExpressionSyntax value = SkipCasts(argument.Expression);
                if (value is LiteralExpressionSyntax || value is InterpolatedStringExpressionSyntax || value is BinaryExpressionSyntax ||
                    ((value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax) && index.MayBeConstant(value)))
                {
                    return true;
                }
            }

            return false;
        }

        private static IParameterSymbol? ParameterOf(IMethodSymbol method, ArgumentSyntax argument, int position)
        {
            ImmutableArray<IParameterSymbol> parameters = method.Parameters;
            if (argument.NameColon != null)
            {
                string name = argument.NameColon.Name.Identifier.ValueText;
                foreach (IParameterSymbol parameter in parameters)
                {
                    if (parameter.Name == name)
                    {
                        return parameter;
                    }
                }

                return null;
            }

            return position < parameters.Length && !parameters[position].IsParams ? parameters[position] : null;
        }

        /// <summary>A type of a database or cache client: in <see cref="ClientNamespaces"/>, or a connection or builder subtype.</summary>
        private static bool IsClientType(INamedTypeSymbol? type, State rule)
        {
            if (type == null)
            {
                return false;
            }

            if (rule.IsBuilderOrConnection(type))
            {
                return true;
            }

            string? ns = type.ContainingNamespace?.ToDisplayString();
            if (ns == null)
            {
                return false;
            }

            foreach (string client in ClientNamespaces)
            {
                if (ns.StartsWith(client, StringComparison.Ordinal) && (ns.Length == client.Length || ns[client.Length] == '.'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>new NetworkCredential(user, "…").SecurePassword</c> given to a client's API (<c>new SqlCredential(user, …)</c>):
        /// the way a <c>SecureString</c> password is written in one expression.
        /// </summary>
        private static bool IsNetworkCredentialForClient(SyntaxNode creation, IMethodSymbol constructor, SemanticModel model, State rule, CancellationToken cancellationToken)
        {
            if (constructor.MethodKind != MethodKind.Constructor || constructor.ContainingType?.Name != "NetworkCredential" ||
                constructor.ContainingType.ContainingNamespace?.ToDisplayString() != "System.Net")
            {
                return false;
            }

            SyntaxNode? parent = creation.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                parent = parent.Parent;
            }

            if (!(parent is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == "SecurePassword" &&
                  member.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list && list.Parent != null))
            {
                return false;
            }

            return model.GetSymbolInfo(list.Parent, cancellationToken).Symbol is IMethodSymbol target && IsClientType(target.ContainingType, rule);
        }
    }
}
