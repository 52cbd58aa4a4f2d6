using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS003: a hard-coded password in a database connection string (ADO.NET <c>key=value</c>, StackExchange.Redis
    /// configuration, URIs with userinfo, <c>jdbc:</c> URLs), or set through a <c>DbConnectionStringBuilder</c>'s
    /// <c>Password</c> property or indexer. The squiggle sits on the password; the message names the host, never the
    /// password.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class ConnectionStringPasswordAnalyzer : SecretsAnalyzerBase<ConnectionStringPasswordAnalyzer.State>
    {
        internal static readonly ImmutableDictionary<string, string?> Properties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindConnectionString);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConnectionStringPassword);

        private protected override State CreateRuleState(Compilation compilation) => new State(
            compilation.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder"),
            compilation.GetTypeByMetadataName("System.Data.Common.DbConnection"))
        {
            ReferencesTestFramework = TestProjects.ReferencesTestFramework(compilation),
        };

        private protected override bool QuickTest(string text, int start, int end) => ConnectionStrings.QuickTest(text, start, end);

        private protected override bool MayReport(string text) => ConnectionStrings.MayHoldPassword(text);

        private protected override void Analyze(CandidateScope<State> scope)
        {
            var findings = new List<ConnectionStringPassword>(1);
            ConnectionStrings.FindPasswords(scope.Text, connectionContext: false, findings, out bool contextWouldHelp);
            if (findings.Count == 0 && contextWouldHelp && scope.Model != null && IsConnectionContext(scope))
            {
                // The value goes where a connection string goes: a lone "Password=…" is enough.
                ConnectionStrings.FindPasswords(scope.Text, connectionContext: true, findings);
            }

            foreach (ConnectionStringPassword finding in findings)
            {
                if (IsQuietTestHost(scope.Options, scope.Rule, finding.Host))
                {
                    continue;
                }

                LiteralRun(scope.Text, finding.Start, finding.Length, out int start, out int length);
                scope.Report(Descriptors.ConnectionStringPassword, start, length, Properties, HostPart(finding.Host), scope.HandlerSuffix);
            }
        }

        /// <summary>
        /// The longest stretch of the password without holes (<c>Arch!ve-</c> of <c>Arch!ve-{year}</c>), so the squiggle
        /// lands inside the literal that holds it.
        /// </summary>
        private static void LiteralRun(string text, int start, int length, out int runStart, out int runLength)
        {
            runStart = start;
            runLength = length;
            if (text.IndexOf(Chars.Hole, start, length) < 0)
            {
                return;
            }

            int best = 0, bestStart = start;
            int i = start;
            int end = start + length;
            while (i < end)
            {
                while (i < end && text[i] == Chars.Hole)
                {
                    i++;
                }

                int s = i;
                while (i < end && text[i] != Chars.Hole)
                {
                    i++;
                }

                if (i - s > best)
                {
                    best = i - s;
                    bestStart = s;
                }
            }

            if (best > 0)
            {
                runStart = bestStart;
                runLength = best;
            }
        }

        private protected override void AnalyzeRuleShapes(TreeScope<State> tree)
        {
            AnalyzePasswordCalls(tree);
            if ((tree.Index.Assignments.Count == 0 && tree.Index.KeyValueAdds.Count == 0 &&
                 tree.Index.SourceText.IndexOf("nameof", System.StringComparison.Ordinal) < 0) ||
                tree.State.Rule.Builder == null)
            {
                // The types are resolved only for a tree that has a shape to look at.
                return;
            }

            foreach (AssignmentExpressionSyntax assignment in tree.Index.Assignments)
            {
                if (tree.Includes(assignment.Span))
                {
                    AnalyzeBuilderAssignment(assignment, tree);
                }
            }

            foreach (InvocationExpressionSyntax invocation in tree.Index.KeyValueAdds)
            {
                if (tree.Includes(invocation.Span))
                {
                    AnalyzeBuilderAdd(invocation, tree);
                }
            }

            AnalyzeNameofKeys(tree);
        }

        /// <summary><c>builder.Add("Password", "…")</c> on a <c>DbConnectionStringBuilder</c> subtype.</summary>
        private static void AnalyzeBuilderAdd(InvocationExpressionSyntax invocation, TreeScope<State> tree)
        {
            SemanticModel model = tree.Model;
            CancellationToken cancellationToken = tree.CancellationToken;
            ExpressionSyntax keyExpression = invocation.ArgumentList.Arguments[0].Expression;
            if (!MayBeKey(keyExpression, tree.Index) || (tree.Index.LikelyValue(keyExpression) is string likely && (ReferenceEquals(likely, ConstantNames.NotText) || !ConnectionStrings.IsPasswordKey(likely))))
            {
                return;
            }

            string? key = CandidateCollector.ConstantString(keyExpression, model, cancellationToken);
            if (key == null || !ConnectionStrings.IsPasswordKey(key) ||
                !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method))
            {
                return;
            }

            bool dictionary = !tree.State.Rule.IsBuilder(method.ContainingType);
            if (dictionary && !IsStringKeyedDictionary(method.ContainingType))
            {
                return;
            }

            string? host = null, user = null;
            if (invocation.Parent is ExpressionStatementSyntax statement && invocation.Expression is MemberAccessExpressionSyntax access &&
                access.Expression is IdentifierNameSyntax receiver)
            {
                FindSiblingUserAndHost(statement, receiver.Identifier.ValueText, tree, ref user, ref host, dictionary);
            }

            if (dictionary && host == null && user == null)
            {
                return;
            }

            ReportBuilderValue(tree, invocation.ArgumentList.Arguments[1].Expression, host, user);
        }

        private static string HostPart(string? host) => host == null ? string.Empty : " for '" + host + "'";

        /// <summary>
        /// Whether the string goes where a connection string goes: a parameter of a <c>DbConnection</c> or
        /// <c>DbConnectionStringBuilder</c> member, or a name that says connection string.
        /// </summary>
        private static bool IsConnectionContext(CandidateScope<State> scope)
        {
            ValueContext context = scope.Context;
            IParameterSymbol? parameter = context.Parameter;
            if (parameter != null)
            {
                INamedTypeSymbol? type = parameter.ContainingSymbol?.ContainingType;
                if (scope.Rule.IsBuilderOrConnection(type) || NamesConnectionString(parameter.Name))
                {
                    return true;
                }
            }

            if (NamesConnectionString(context.ReceiverName))
            {
                return true;
            }

            // Pieces of one connection string side by side: string.Join(";", "Server=db", "Password=…"), new[] { … },
            // or a StringBuilder chain: sb.Append("Server=db;").Append("Password=…").
            if (scope.Model != null && context.Container != null &&
                context.AnySibling(scope.Model, scope.CancellationToken, ConnectionStrings.IsConnectionFragment))
            {
                return true;
            }

            if (scope.Model != null && AppendChainHasFragment(context.Value, scope.Model, scope.CancellationToken))
            {
                return true;
            }

            // Without references (error types) the parameter is unknown: the type named in `new XxxConnection("…")` still says it.
            return parameter == null && context.Value.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list &&
                   list.Parent is ObjectCreationExpressionSyntax creation && NamesConnectionType(creation.Type);
        }

        private const int MaxAppendChain = 32;

        /// <summary>
        /// <c>b.Append("Server=db;").Append("Password=…")</c> or <c>b.Append("Server=db;"); b.Append("Password=…");</c>
        /// with the builder in a local: an earlier <c>Append</c> on the same receiver holds another connection key.
        /// Bounded by <see cref="MaxAppendChain"/> calls in the chain and statements in the block.
        /// </summary>
        private static bool AppendChainHasFragment(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(value.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax list && list.Parent is InvocationExpressionSyntax invocation &&
                  invocation.Expression is MemberAccessExpressionSyntax member && IsAppend(member.Name.Identifier.ValueText)))
            {
                return false;
            }

            // Earlier calls of the same fluent chain.
            ExpressionSyntax receiver = member.Expression;
            for (int depth = 0; depth < MaxAppendChain && receiver is InvocationExpressionSyntax previous && previous.Expression is MemberAccessExpressionSyntax previousMember; depth++)
            {
                if (IsAppend(previousMember.Name.Identifier.ValueText) && HasFragmentArgument(previous, model, cancellationToken))
                {
                    return true;
                }

                receiver = previousMember.Expression;
            }

            // Earlier statements of the block that append to the same local: sb.Append("Server=db;");
            if (!(receiver is IdentifierNameSyntax local) || !(invocation.Parent is ExpressionStatementSyntax statement) || !(statement.Parent is BlockSyntax block))
            {
                return false;
            }

            int index = IndexOfStatement(block.Statements, statement);
            for (int i = index - 1, seen = 0; i >= 0 && seen < MaxAppendChain; i--, seen++)
            {
                if (block.Statements[i] is ExpressionStatementSyntax earlier && earlier.Expression is InvocationExpressionSyntax call)
                {
                    for (InvocationExpressionSyntax? current = call; current != null;)
                    {
                        if (!(current.Expression is MemberAccessExpressionSyntax access))
                        {
                            break;
                        }

                        if (IsAppend(access.Name.Identifier.ValueText) && HasFragmentArgument(current, model, cancellationToken) &&
                            Root(access.Expression) is IdentifierNameSyntax root && root.Identifier.ValueText == local.Identifier.ValueText)
                        {
                            return true;
                        }

                        current = access.Expression as InvocationExpressionSyntax;
                    }
                }
            }

            return false;
        }

        private static ExpressionSyntax Root(ExpressionSyntax expression)
        {
            for (int depth = 0; depth < MaxAppendChain && expression is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax member; depth++)
            {
                expression = member.Expression;
            }

            return expression;
        }

        private static bool IsAppend(string name) => name == "Append" || name == "AppendLine" || name == "AppendFormat" || name == "Add" || name == "Concat";

        private static bool HasFragmentArgument(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                string? text = CandidateCollector.ConstantString(argument.Expression, model, cancellationToken);
                if (text != null && ConnectionStrings.IsConnectionFragment(text))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesConnectionType(TypeSyntax type)
        {
            string name = type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                : type is SimpleNameSyntax simple ? simple.Identifier.ValueText
                : string.Empty;
            return name.EndsWith("Connection", System.StringComparison.Ordinal) || name.EndsWith("ConnectionStringBuilder", System.StringComparison.Ordinal);
        }

        private static bool NamesConnectionString(string? name) => NameHints.SaysConnectionString(name);

        /// <summary>
        /// <c>builder.Password = "…"</c>, <c>new NpgsqlConnectionStringBuilder { Password = "…" }</c>,
        /// <c>builder["Pwd"] = "…"</c>: a password property or indexer key of any <c>DbConnectionStringBuilder</c> subtype,
        /// resolved semantically.
        /// </summary>
        private static void AnalyzeBuilderAssignment(AssignmentExpressionSyntax assignment, TreeScope<State> tree)
        {
            AnalyzerState<State> state = tree.State;
            ExpressionSyntax value = SkipCasts(assignment.Right);
            if (!(value is LiteralExpressionSyntax || value is InterpolatedStringExpressionSyntax || value is BinaryExpressionSyntax ||
                  value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax))
            {
                return;
            }

            SemanticModel model = tree.Model;
            CancellationToken cancellationToken = tree.CancellationToken;
            bool dictionary = false;
            if (!IsBuilderMember(assignment.Left, model, tree.Index, state.Rule, cancellationToken, IsPasswordName))
            {
                // A dictionary that becomes a connection string: { ["Host"] = "db", ["Password"] = "…" }.
                if (!IsBuilderMember(assignment.Left, model, tree.Index, state.Rule, cancellationToken, IsPasswordName, dictionaries: true))
                {
                    return;
                }

                dictionary = true;
            }

            string? host = null;
            string? user = null;
            if (assignment.Parent is InitializerExpressionSyntax initializer)
            {
                foreach (ExpressionSyntax sibling in initializer.Expressions)
                {
                    if (sibling == assignment || !(sibling is AssignmentExpressionSyntax other))
                    {
                        continue;
                    }

                    if (host == null && IsBuilderMember(other.Left, model, tree.Index, state.Rule, cancellationToken, ConnectionStrings.IsHostKey, dictionary))
                    {
                        host = ConnectionStrings.NormalizeHost(CandidateCollector.ConstantString(SkipCasts(other.Right), model, cancellationToken));
                    }
                    else if (user == null && IsBuilderMember(other.Left, model, tree.Index, state.Rule, cancellationToken, ConnectionStrings.IsUserKey, dictionary))
                    {
                        user = CandidateCollector.ConstantString(SkipCasts(other.Right), model, cancellationToken);
                    }
                }
            }

            else if (assignment.Parent is ExpressionStatementSyntax statement && ReceiverName(assignment.Left) is string receiver)
            {
                FindSiblingUserAndHost(statement, receiver, tree, ref user, ref host, dictionary);
            }

            if (dictionary && host == null && user == null)
            {
                // A lone password key in a dictionary (a form, a settings bag) is not a connection string.
                return;
            }

            ReportBuilderValue(tree, value, host, user);
        }

        /// <summary>Reports a password given to a builder as a value of its own (placeholder rules apply).</summary>
        private static void ReportBuilderValue(TreeScope<State> tree, ExpressionSyntax expression, string? host, string? user)
        {
            ExpressionSyntax value = SkipCasts(expression);
            SemanticModel model = tree.Model;
            CancellationToken cancellationToken = tree.CancellationToken;
            CandidateText? candidate = CandidateCollector.FromValue(value, model, tree.Index, cancellationToken);
            if (candidate == null || candidate.Text.Length == 0)
            {
                return;
            }

            string text = candidate.Text;
            if (Placeholders.IsPlaceholder(text, 0, text.Length, user?.Trim()))
            {
                return;
            }

            if (host != null && host.Contains(text))
            {
                host = null;
            }

            if (IsQuietTestHost(tree.Options, tree.State.Rule, host))
            {
                return;
            }

            var scope = new CandidateScope<State>(candidate, tree);
            LiteralRun(text, 0, text.Length, out int start, out int length);
            scope.Report(Descriptors.ConnectionStringPassword, start, length, Properties, HostPart(host), scope.HandlerSuffix);
        }

        private static bool IsPasswordName(string name) => ConnectionStrings.IsPasswordKey(name);

        /// <summary>
        /// Whether <paramref name="left"/> is a property of a <c>DbConnectionStringBuilder</c> subtype whose name passes
        /// <paramref name="isName"/>, or the builder's string indexer with a constant key that passes it.
        /// </summary>
        private static bool IsBuilderMember(ExpressionSyntax left, SemanticModel model, TreeIndex index, State rule, CancellationToken cancellationToken, System.Func<string, bool> isName, bool dictionaries = false)
        {
            string? name;
            switch (left)
            {
                case IdentifierNameSyntax identifier:
                    name = identifier.Identifier.ValueText;
                    break;
                case MemberAccessExpressionSyntax member:
                    name = member.Name.Identifier.ValueText;
                    break;
                case MemberBindingExpressionSyntax binding:
                    name = binding.Name.Identifier.ValueText;
                    break;
                case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1 && MayBeKey(element.ArgumentList.Arguments[0].Expression, index):
                    name = CandidateCollector.ConstantString(element.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                    break;
                case ImplicitElementAccessSyntax implicitElement when implicitElement.ArgumentList.Arguments.Count == 1 && MayBeKey(implicitElement.ArgumentList.Arguments[0].Expression, index):
                    name = CandidateCollector.ConstantString(implicitElement.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                    break;
                default:
                    return false;
            }

            // The cheap name test first; the symbol only for names that pass it.
            if (name == null || !isName(name))
            {
                return false;
            }

            SymbolInfo info = model.GetSymbolInfo(left, cancellationToken);
            if (info.Symbol is IPropertySymbol property)
            {
                return (rule.IsBuilder(property.ContainingType) || State.IsBuilderLike(property.ContainingType) ||
                        (dictionaries && property.IsIndexer && IsStringKeyedDictionary(property.ContainingType))) &&
                       (!property.IsIndexer || (property.Parameters.Length == 1 && property.Parameters[0].Type.SpecialType == SpecialType.System_String));
            }

            // The builder's type is not resolved (a missing reference): its name still says what it is.
            return info.Symbol == null && info.CandidateSymbols.IsEmpty && ReceiverTypeName(left, model, cancellationToken) is string typeName &&
                   typeName.EndsWith("ConnectionStringBuilder", System.StringComparison.Ordinal);
        }

        /// <summary>The name of the type whose member <paramref name="left"/> sets: the receiver's type, or the created object's in an initializer.</summary>
        private static string? ReceiverTypeName(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax? receiver = left switch
            {
                MemberAccessExpressionSyntax member => member.Expression,
                ElementAccessExpressionSyntax element => element.Expression,
                _ => null,
            };

            if (receiver == null && left.Parent is AssignmentExpressionSyntax assignment && assignment.Parent is InitializerExpressionSyntax initializer)
            {
                receiver = initializer.Parent as ExpressionSyntax;
            }

            if (receiver is ObjectCreationExpressionSyntax creation)
            {
                return creation.Type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : (creation.Type as SimpleNameSyntax)?.Identifier.ValueText;
            }

            ITypeSymbol? type = receiver != null ? model.GetTypeInfo(receiver, cancellationToken).Type : null;
            return type?.Name;
        }

        private static ExpressionSyntax SkipCasts(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The ADO.NET base types, resolved once per compilation (null when the compilation does not know them).</summary>
        public sealed class State
        {
            internal State(INamedTypeSymbol? builder, INamedTypeSymbol? connection)
            {
                Builder = builder;
                Connection = connection;
            }

            internal INamedTypeSymbol? Builder { get; }

            internal INamedTypeSymbol? Connection { get; }

            /// <summary>Whether the compilation references xunit, NUnit, MSTest or TUnit: a test project even without MSBuild's word.</summary>
            internal bool ReferencesTestFramework { get; set; }

            internal bool IsBuilder(INamedTypeSymbol? type) => DerivesFrom(type, Builder);

            internal bool IsBuilderOrConnection(INamedTypeSymbol? type) =>
                DerivesFrom(type, Builder) || DerivesFrom(type, Connection) || IsBuilderLike(type) ||
                (type != null && type.Name.EndsWith("Connection", System.StringComparison.Ordinal) && type.Name.Length > "Connection".Length);

            /// <summary>
            /// Types that hold a connection password without deriving from <c>DbConnectionStringBuilder</c>: a provider's
            /// builder known only by its name (<c>…ConnectionStringBuilder</c>), and StackExchange.Redis's
            /// <c>ConfigurationOptions</c>.
            /// </summary>
            internal static bool IsBuilderLike(INamedTypeSymbol? type)
            {
                if (type == null)
                {
                    return false;
                }

                if (type.Name.EndsWith("ConnectionStringBuilder", System.StringComparison.Ordinal))
                {
                    return true;
                }

                return (type.Name == "ConfigurationOptions" && type.ContainingNamespace?.ToDisplayString() == "StackExchange.Redis") ||
                       (type.Name == "MongoUrlBuilder" && type.ContainingNamespace?.ToDisplayString() == "MongoDB.Driver");
            }

            private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType == null)
                {
                    return false;
                }

                for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The index of <paramref name="statement"/> in <paramref name="statements"/> by binary search on position:
        /// <c>IndexOf</c> is linear, and a block of many appends with connection strings would make it quadratic.
        /// </summary>
        private static int IndexOfStatement(SyntaxList<StatementSyntax> statements, StatementSyntax statement)
        {
            int low = 0, high = statements.Count - 1, position = statement.SpanStart;
            while (low <= high)
            {
                int mid = low + ((high - low) / 2);
                StatementSyntax candidate = statements[mid];
                if (candidate == statement)
                {
                    return mid;
                }

                if (candidate.SpanStart < position)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return statements.IndexOf(statement);
        }
    }
}
