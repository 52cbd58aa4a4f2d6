using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Lambda;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// What every rule shares: it resolves its state once per compilation, subscribes to string-valued syntax
    /// (literals, interpolations, concatenations) and to comments, cuts candidates early with the rule's quick
    /// test, and only then builds the candidate and its context.
    /// </summary>
    public abstract class SecretsAnalyzerBase<TRuleState> : DiagnosticAnalyzer
        where TRuleState : class
    {
        private static readonly SyntaxKind[] ArgumentKinds = { SyntaxKind.Argument };

        // The quick test as a delegate, made once: a method group converted at each call allocates.
        private System.Func<string, bool>? _quickTest;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analyzed only when secrets_analyzer.analyze_generated_code = true.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                TRuleState? ruleState = CreateRuleState(start.Compilation);
                if (ruleState == null)
                {
                    return;
                }

                var state = new AnalyzerState<TRuleState>(
                    ruleState,
                    LambdaHandlerModel.Create(start.Compilation),
                    new SecretsOptions.Cache(start.Options.AnalyzerConfigOptionsProvider));
                state.Fixes = FixAvailability.Create(start.Compilation);

                start.RegisterSyntaxNodeAction(c => AnalyzeValue(c, state), CandidateCollector.ValueKinds);
                if (AnalyzesConstantArguments)
                {
                    start.RegisterSyntaxNodeAction(c => AnalyzeConstantArgument(c, state), ArgumentKinds);
                }

                if (AnalyzesComments)
                {
                    start.RegisterSyntaxTreeAction(c => AnalyzeComments(c, state));
                }

                RegisterRuleActions(start, state);
            });
        }

        /// <summary>
        /// Lets a rule subscribe to more syntax than string values (API-shaped values such as a builder's
        /// <c>Password</c> property), with the same per-compilation state. Registers nothing by default.
        /// </summary>
#pragma warning disable RS1012 // The base registers nothing here on purpose; rules override it to register their own actions.
        private protected virtual void RegisterRuleActions(CompilationStartAnalysisContext start, AnalyzerState<TRuleState> state)
        {
        }
#pragma warning restore RS1012

        /// <summary>Resolves the rule's types once per compilation. Null registers nothing.</summary>
        private protected abstract TRuleState? CreateRuleState(Compilation compilation);

        /// <summary>The cheapest test a value must pass before anything else is built. Must not allocate.</summary>
        private protected abstract bool QuickTest(string text);

        /// <summary>Runs the detection core on a candidate that passed the quick test, and reports.</summary>
        private protected abstract void Analyze(CandidateScope<TRuleState> scope);

        /// <summary>Whether named constants passed as arguments (<c>new BasicAWSCredentials(Keys.Id, Keys.Secret)</c>) are candidates too.</summary>
        private protected virtual bool AnalyzesConstantArguments => false;

        private protected virtual bool AnalyzesComments => true;

        private void AnalyzeValue(SyntaxNodeAnalysisContext context, AnalyzerState<TRuleState> state)
        {
            SyntaxNode node = context.Node;
            if (!CandidateCollector.IsCandidateRoot(node) && !node.IsKind(SyntaxKind.AddExpression))
            {
                return;
            }

            // Generated code is rare: read the options only for it, or once a value passed the quick test.
            if (context.IsGeneratedCode && !state.Options.Get(node.SyntaxTree).AnalyzeGeneratedCode)
            {
                return;
            }

            CandidateText? candidate;
            switch (node)
            {
                case LiteralExpressionSyntax literal:
                    if (!QuickTest(literal.Token.ValueText))
                    {
                        return;
                    }

                    candidate = CandidateCollector.FromLiteral(literal);
                    break;

                case InterpolatedStringExpressionSyntax interpolated:
                    if (!CandidateCollector.AnyTextPart(interpolated, _quickTest ??= QuickTest) && !CandidateCollector.MayHoldConstants(interpolated))
                    {
                        return;
                    }

                    candidate = CandidateCollector.FromInterpolation(interpolated, context.SemanticModel, context.CancellationToken);
                    if (!QuickTestTemplate(candidate.Text))
                    {
                        return;
                    }

                    break;

                case BinaryExpressionSyntax concatenation:
                    if (!CandidateCollector.IsCandidateRoot(concatenation))
                    {
                        return;
                    }

                    candidate = CandidateCollector.FromConcatenation(concatenation, context.SemanticModel, context.CancellationToken);
                    if (candidate == null || !QuickTestTemplate(candidate.Text))
                    {
                        return;
                    }

                    break;

                default:
                    return;
            }

            SecretsOptions options = state.Options.Get(node.SyntaxTree);
            Analyze(new CandidateScope<TRuleState>(candidate, context.SemanticModel, state, options, context.ReportDiagnostic, context.CancellationToken));
        }

        /// <summary>The quick test on a folded template; holes may split what the per-part test saw.</summary>
        private protected virtual bool QuickTestTemplate(string text) => QuickTest(text);

        private void AnalyzeConstantArgument(SyntaxNodeAnalysisContext context, AnalyzerState<TRuleState> state)
        {
            var argument = (ArgumentSyntax)context.Node;
            ExpressionSyntax expression = CandidateCollector.SkipParentheses(argument.Expression);
            if (!(expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax))
            {
                return;
            }

            if (context.IsGeneratedCode && !state.Options.Get(argument.SyntaxTree).AnalyzeGeneratedCode)
            {
                return;
            }

            Optional<object?> value = context.SemanticModel.GetConstantValue(expression, context.CancellationToken);
            if (!value.HasValue || !(value.Value is string text) || !QuickTest(text))
            {
                return;
            }

            SecretsOptions options = state.Options.Get(argument.SyntaxTree);
            ISymbol? symbol = context.SemanticModel.GetSymbolInfo(expression, context.CancellationToken).Symbol;
            var candidate = new CandidateText(text, expression, expression.SyntaxTree, expression.Span, System.Array.Empty<Segment>());
            Analyze(new CandidateScope<TRuleState>(candidate, context.SemanticModel, state, options, context.ReportDiagnostic, context.CancellationToken, symbol));
        }

        private void AnalyzeComments(SyntaxTreeAnalysisContext context, AnalyzerState<TRuleState> state)
        {
            SecretsOptions options = state.Options.Get(context.Tree);
            if (!options.AnalyzeComments || (context.IsGeneratedCode && !options.AnalyzeGeneratedCode))
            {
                return;
            }

            SyntaxNode root = context.Tree.GetRoot(context.CancellationToken);
            foreach (SyntaxTrivia trivia in root.DescendantTrivia())
            {
                if (!CandidateCollector.IsCommentLike(trivia))
                {
                    continue;
                }

                string text = trivia.ToFullString();
                if (!QuickTest(text))
                {
                    continue;
                }

                CandidateText candidate = CandidateCollector.FromTrivia(trivia);
                Analyze(new CandidateScope<TRuleState>(candidate, null, state, options, context.ReportDiagnostic, context.CancellationToken));
            }
        }
    }

    /// <summary>Everything one compilation's analysis shares, built once in the compilation-start action.</summary>
    internal sealed class AnalyzerState<TRuleState>
    {
        public AnalyzerState(TRuleState rule, LambdaHandlerModel lambda, SecretsOptions.Cache options)
        {
            Rule = rule;
            Lambda = lambda;
            Options = options;
        }

        public TRuleState Rule { get; }

        public LambdaHandlerModel Lambda { get; }

        public SecretsOptions.Cache Options { get; }

        /// <summary>Which packages the code fixes need are referenced; see <see cref="FixAvailability"/>.</summary>
        public FixAvailability Fixes { get; set; } = FixAvailability.All;
    }

    /// <summary>One candidate value on its way to the detection core, with lazily computed context.</summary>
    internal sealed class CandidateScope<TRuleState>
    {
        private readonly AnalyzerState<TRuleState> _state;
        private readonly System.Action<Diagnostic> _report;
        private ValueContext? _context;
        private string? _handlerSuffix;

        public CandidateScope(CandidateText candidate, SemanticModel? model, AnalyzerState<TRuleState> state, SecretsOptions options, System.Action<Diagnostic> report, CancellationToken cancellationToken, ISymbol? constantSymbol = null)
        {
            Candidate = candidate;
            Model = model;
            _state = state;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
            ConstantSymbol = constantSymbol;
        }

        public CandidateText Candidate { get; }

        public string Text => Candidate.Text;

        /// <summary>Null for comments.</summary>
        public SemanticModel? Model { get; }

        public TRuleState Rule => _state.Rule;

        public LambdaHandlerModel Lambda => _state.Lambda;

        public SecretsOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>For a named constant passed as an argument: the constant it refers to.</summary>
        public ISymbol? ConstantSymbol { get; }

        /// <summary>Where the value goes; <see cref="ValueContext.None"/> for comments.</summary>
        public ValueContext Context
        {
            get
            {
                if (_context == null)
                {
                    _context = Model != null && Candidate.Node is ExpressionSyntax expression
                        ? ValueContext.Compute(expression, Model, CancellationToken)
                        : ValueContext.None;
                }

                return _context;
            }
        }

        /// <summary>" in Lambda handler Type.Method", or an empty string.</summary>
        public string HandlerSuffix
        {
            get
            {
                if (_handlerSuffix == null)
                {
                    string? handler = Model != null && Candidate.Node != null ? Lambda.GetHandlerName(Candidate.Node, Model, CancellationToken) : null;
                    _handlerSuffix = handler == null ? string.Empty : " in Lambda handler " + handler;
                }

                return _handlerSuffix;
            }
        }

        /// <summary>Reports a finding on <c>Text[start..start+length]</c>. The message arguments must not hold the secret.</summary>
        public void Report(DiagnosticDescriptor descriptor, int start, int length, ImmutableDictionary<string, string?>? properties, params object[] messageArgs)
        {
            string secret = Text.Substring(start, length);
            if (Options.IsIgnored(secret) || Options.IsIgnored(Text))
            {
                return;
            }

            Location location = Candidate.Locate(start, length);
            _report(Diagnostic.Create(_state.Fixes.Adjust(descriptor), location, properties, messageArgs));
        }
    }
}
