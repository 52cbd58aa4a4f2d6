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
    public sealed class ConnectionStringPasswordAnalyzer : SecretsAnalyzerBase<ConnectionStringPasswordAnalyzer.State>
    {
        internal static readonly ImmutableDictionary<string, string?> Properties =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindConnectionString);

        private static readonly SyntaxKind[] AssignmentKinds = { SyntaxKind.SimpleAssignmentExpression };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ConnectionStringPassword);

        private protected override State? CreateRuleState(Compilation compilation) => new State(
            compilation.GetTypeByMetadataName("System.Data.Common.DbConnectionStringBuilder"),
            compilation.GetTypeByMetadataName("System.Data.Common.DbConnection"));

        private protected override bool QuickTest(string text) => ConnectionStrings.QuickTest(text);

        private protected override void Analyze(CandidateScope<State> scope)
        {
            var findings = new List<ConnectionStringPassword>(1);
            ConnectionStrings.FindPasswords(scope.Text, connectionContext: false, findings);
            if (findings.Count == 0 && scope.Model != null && IsConnectionContext(scope))
            {
                // The value goes where a connection string goes: a lone "Password=…" is enough.
                ConnectionStrings.FindPasswords(scope.Text, connectionContext: true, findings);
            }

            foreach (ConnectionStringPassword finding in findings)
            {
                scope.Report(Descriptors.ConnectionStringPassword, finding.Start, finding.Length, Properties, HostPart(finding.Host), scope.HandlerSuffix);
            }
        }

        private protected override void RegisterRuleActions(CompilationStartAnalysisContext start, AnalyzerState<State> state)
        {
            if (state.Rule.Builder == null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(c => AnalyzeBuilderAssignment(c, state), AssignmentKinds);
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

            return NamesConnectionString(context.ReceiverName);
        }

        private static bool NamesConnectionString(string? name)
        {
            if (name == null || name.Length == 0)
            {
                return false;
            }

            return NameHints.ContainsNormalized(name, 0, name.Length, "connectionstring") ||
                   NameHints.ContainsNormalized(name, 0, name.Length, "connstr") ||
                   NameHints.ContainsNormalized(name, 0, name.Length, "connectionurl") ||
                   NameHints.ContainsNormalized(name, 0, name.Length, "databaseurl") ||
                   NameHints.EqualsNormalized(name, 0, name.Length, "dsn");
        }

        /// <summary>
        /// <c>builder.Password = "…"</c>, <c>new NpgsqlConnectionStringBuilder { Password = "…" }</c>,
        /// <c>builder["Pwd"] = "…"</c>: a password property or indexer key of any <c>DbConnectionStringBuilder</c> subtype,
        /// resolved semantically.
        /// </summary>
        private static void AnalyzeBuilderAssignment(SyntaxNodeAnalysisContext context, AnalyzerState<State> state)
        {
            var assignment = (AssignmentExpressionSyntax)context.Node;
            ExpressionSyntax value = SkipCasts(assignment.Right);
            if (!(value is LiteralExpressionSyntax || value is InterpolatedStringExpressionSyntax || value is BinaryExpressionSyntax ||
                  value is IdentifierNameSyntax || value is MemberAccessExpressionSyntax))
            {
                return;
            }

            SemanticModel model = context.SemanticModel;
            CancellationToken cancellationToken = context.CancellationToken;
            if (!IsBuilderMember(assignment.Left, model, state.Rule, cancellationToken, IsPasswordName))
            {
                return;
            }

            SecretsOptions options = state.Options.Get(assignment.SyntaxTree);
            if (context.IsGeneratedCode && !options.AnalyzeGeneratedCode)
            {
                return;
            }

            CandidateText? candidate = BuildCandidate(value, model, cancellationToken);
            if (candidate == null || candidate.Text.Length == 0)
            {
                return;
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

                    if (host == null && IsBuilderMember(other.Left, model, state.Rule, cancellationToken, ConnectionStrings.IsHostKey))
                    {
                        host = ConnectionStrings.NormalizeHost(CandidateCollector.ConstantString(SkipCasts(other.Right), model, cancellationToken));
                    }
                    else if (user == null && IsBuilderMember(other.Left, model, state.Rule, cancellationToken, ConnectionStrings.IsUserKey))
                    {
                        user = CandidateCollector.ConstantString(SkipCasts(other.Right), model, cancellationToken);
                    }
                }
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

            var scope = new CandidateScope<State>(candidate, model, state, options, context.ReportDiagnostic, cancellationToken);
            scope.Report(Descriptors.ConnectionStringPassword, 0, text.Length, Properties, HostPart(host), scope.HandlerSuffix);
        }

        private static bool IsPasswordName(string name) => ConnectionStrings.IsPasswordKey(name);

        /// <summary>
        /// Whether <paramref name="left"/> is a property of a <c>DbConnectionStringBuilder</c> subtype whose name passes
        /// <paramref name="isName"/>, or the builder's string indexer with a constant key that passes it.
        /// </summary>
        private static bool IsBuilderMember(ExpressionSyntax left, SemanticModel model, State rule, CancellationToken cancellationToken, System.Func<string, bool> isName)
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
                case ElementAccessExpressionSyntax element when element.ArgumentList.Arguments.Count == 1:
                    name = CandidateCollector.ConstantString(element.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                    break;
                case ImplicitElementAccessSyntax implicitElement when implicitElement.ArgumentList.Arguments.Count == 1:
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

            ISymbol? symbol = model.GetSymbolInfo(left, cancellationToken).Symbol;
            return symbol is IPropertySymbol property && rule.IsBuilder(property.ContainingType) &&
                   (property.IsIndexer ? property.Parameters.Length == 1 && property.Parameters[0].Type.SpecialType == SpecialType.System_String : true);
        }

        private static CandidateText? BuildCandidate(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (value)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return CandidateCollector.FromLiteral(literal);
                case InterpolatedStringExpressionSyntax interpolated:
                    return CandidateCollector.FromInterpolation(interpolated, model, cancellationToken);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return CandidateCollector.FromConcatenation(binary, model, cancellationToken);
                case IdentifierNameSyntax _:
                case MemberAccessExpressionSyntax _:
                    {
                        Optional<object?> constant = model.GetConstantValue(value, cancellationToken);
                        return constant.HasValue && constant.Value is string text
                            ? new CandidateText(text, value, value.SyntaxTree, value.Span, System.Array.Empty<Segment>())
                            : null;
                    }

                default:
                    return null;
            }
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

            internal bool IsBuilder(INamedTypeSymbol? type) => DerivesFrom(type, Builder);

            internal bool IsBuilderOrConnection(INamedTypeSymbol? type) => DerivesFrom(type, Builder) || DerivesFrom(type, Connection);

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
    }
}
