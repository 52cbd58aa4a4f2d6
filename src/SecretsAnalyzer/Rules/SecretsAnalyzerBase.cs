using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Lambda;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// What every rule shares: it resolves its state once per compilation and registers one semantic-model action.
    /// Per tree, the rules share one walk (<see cref="TreeIndex"/>) that lists the string values (literals,
    /// interpolations, concatenations), comments and the few other shapes a rule needs; each rule cuts them
    /// with its quick test, and only then builds the candidate and its context.
    /// </summary>
    /// <remarks>
    /// Syntax-node actions would be the obvious design, but the driver's dispatch for every literal, <c>+</c>,
    /// argument, assignment and invocation cost about a fifth of the compile before a rule ran a line of code
    /// (see the README's Performance section). The compiler is asked about a value only when syntax allows a
    /// finding: a fold asks about names that may be constants (<see cref="ConstantNames"/>), never about locals.
    /// </remarks>
    public abstract partial class SecretsAnalyzerBase<TRuleState> : DiagnosticAnalyzer
        where TRuleState : class
    {
        // The quick test as a delegate, made once: a method group converted at each call allocates.
        private System.Func<string, bool>? _quickTest;

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analyzed only when secrets_analyzer.analyze_generated_code = true.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

            // No compilation-start action: nothing is resolved per compilation until a value passes the text tests (see
            // CompilationState); the per-compilation state is found from the model's compilation.
            context.RegisterSemanticModelAction(_analyzeModel ??= AnalyzeModel);
        }

        private System.Action<SemanticModelAnalysisContext>? _analyzeModel;

        // The rule-state factory as a delegate, made once.
        private System.Func<Compilation, TRuleState>? _createRuleState;

        /// <summary>Resolves the rule's types for a compilation, once, when a candidate first needs them (see <see cref="AnalyzerState{TRuleState}.Rule"/>).</summary>
        private protected abstract TRuleState CreateRuleState(Compilation compilation);

        /// <summary>
        /// The cheapest test a value must pass before anything else is built, on <c>text[start..end)</c> as if it were the
        /// whole value (a plain literal is tested where it stands in the source, without a copy). Must not allocate.
        /// </summary>
        private protected abstract bool QuickTest(string text, int start, int end);

        private protected bool QuickTest(string text) => QuickTest(text, 0, text.Length);

        /// <summary>Runs the detection core on a candidate that passed the quick test, and reports.</summary>
        private protected abstract void Analyze(CandidateScope<TRuleState> scope);

        /// <summary>
        /// Lets a rule look at more of the tree than string values (API-shaped values such as a builder's
        /// <c>Password</c> property), from the shared index. Does nothing by default.
        /// </summary>
        private protected virtual void AnalyzeRuleShapes(TreeScope<TRuleState> tree)
        {
        }

        /// <summary>Whether named constants passed as arguments (<c>new BasicAWSCredentials(Keys.Id, Keys.Secret)</c>) are candidates too.</summary>
        private protected virtual bool AnalyzesConstantArguments => false;

        private protected virtual bool AnalyzesComments => true;

        /// <summary>
        /// After the quick test, and still before any node or context is looked up: whether some context could make a
        /// literal's text a finding. An upper bound of what <see cref="Analyze"/> reports for a candidate with this text;
        /// true by default. Also asked about the fold of a chain or interpolated string that no constant can change
        /// (found through its plain parts), whose exact fold has the same text.
        /// </summary>
        private protected virtual bool MayReport(string text) => true;

        /// <summary>
        /// <see cref="MayReport(string)"/> for <c>index.PlainLiterals[i]</c>: by default on its value, copied once for all
        /// rules; a rule that can answer on the literal where it stands in the source overrides this to avoid the copy.
        /// </summary>
        private protected virtual bool MayReport(TreeIndex index, int i) => MayReport(index.PlainValue(i));

        /// <summary>The quick test on a folded template; holes may split what the per-part test saw.</summary>
        private protected virtual bool QuickTestTemplate(string text) => QuickTest(text);

        private void AnalyzeModel(SemanticModelAnalysisContext context)
        {
            SemanticModel model = context.SemanticModel;
            SyntaxTree syntaxTree = model.SyntaxTree;
            var optionsReader = new SecretsOptions.Reader(context.Options.AnalyzerConfigOptionsProvider);
            if (context.IsGeneratedCode && !optionsReader.Get(syntaxTree).AnalyzeGeneratedCode)
            {
                return;
            }

            AnalyzerState<TRuleState> state = AnalyzerState<TRuleState>.For(model.Compilation, _createRuleState ??= CreateRuleState);

            CancellationToken cancellationToken = context.CancellationToken;
            TreeIndex index = TreeIndex.Get(model, cancellationToken);
            SecretsOptions options = index.Options(optionsReader);
            var tree = new TreeScope<TRuleState>(model, index, state, options, context.ReportDiagnostic, context.FilterSpan, cancellationToken);
            System.Func<string, bool> quickTest = _quickTest ??= QuickTest;

            PlainLiteralList plainLiterals = index.PlainLiterals;
            HashSet<long>? chainsDone = null;
            HashSet<int>? interpolationsDone = null;
            for (int i = 0; i < plainLiterals.Count; i++)
            {
                PlainLiteral plain = plainLiterals[i];
                if (!QuickTest(plain.Text, plain.ValueStart, plain.ValueStart + plain.ValueLength) || !tree.Includes(plain.Span))
                {
                    continue;
                }

                if (plain.Kind == PlainKind.InInterpolation)
                {
                    // A text part passed: the interpolation's fold is the value (once per interpolation). No hole can be a
                    // constant, so the fold asks the compiler nothing.
                    if ((interpolationsDone ??= new HashSet<int>()).Add(plain.Start) &&
                        index.Node(i, syntaxTree, cancellationToken) is InterpolatedStringExpressionSyntax interpolation &&
                        index.LikelyFold(interpolation, model, cancellationToken) is string likely && QuickTestTemplate(likely) && MayReport(likely))
                    {
                        CandidateText folded = CandidateCollector.FromInterpolation(interpolation, model, index, cancellationToken);
                        if (QuickTestTemplate(folded.Text))
                        {
                            Analyze(new CandidateScope<TRuleState>(folded, tree));
                        }
                    }

                    continue;
                }

                if (plain.InChain)
                {
                    // A part of a chain passed: the chain's fold is the value (once per chain, unless the tree found it).
                    BinaryExpressionSyntax? chain = index.ChainOf(i, syntaxTree, cancellationToken);
                    if (chain != null && !index.IsIndexedChain(chain) && (chainsDone ??= new HashSet<long>()).Add(TreeIndex.Key(chain)) &&
                        index.LikelyFold(chain, model, cancellationToken) is string likely && QuickTestTemplate(likely) && MayReport(likely))
                    {
                        CandidateText? folded = CandidateCollector.FromConcatenation(chain, model, index, cancellationToken);
                        if (folded != null && QuickTestTemplate(folded.Text))
                        {
                            Analyze(new CandidateScope<TRuleState>(folded, tree));
                        }
                    }

                    continue;
                }

                if (!MayReport(index, i))
                {
                    continue;
                }

                LiteralExpressionSyntax? literal = index.LiteralNode(i, syntaxTree, cancellationToken);
                if (literal != null)
                {
                    Analyze(new CandidateScope<TRuleState>(CandidateCollector.FromLiteral(literal), tree, mayReportChecked: true));
                }
            }

            List<ExpressionSyntax> values = index.Values;
            for (int i = 0; i < values.Count; i++)
            {
                ExpressionSyntax value = values[i];
                if (!tree.Includes(value.Span))
                {
                    continue;
                }

                CandidateText? candidate;
                switch (value)
                {
                    case LiteralExpressionSyntax literal:
                        if (!QuickTest(literal.Token.ValueText) || !MayReport(literal.Token.ValueText))
                        {
                            continue;
                        }

                        Analyze(new CandidateScope<TRuleState>(CandidateCollector.FromLiteral(literal), tree, mayReportChecked: true));
                        continue;

                    case InterpolatedStringExpressionSyntax interpolated:
                        if (!CandidateCollector.AnyTextPart(interpolated, quickTest) && !CandidateCollector.MayHoldConstants(interpolated, index, cancellationToken))
                        {
                            continue;
                        }

                        // The likely fold first (once for all rules); the exact fold, which may look constants up, only when it passes.
                        string? likelyText = index.FoldedText(i, model, cancellationToken);
                        if (likelyText == null || !QuickTestTemplate(likelyText))
                        {
                            continue;
                        }

                        candidate = CandidateCollector.FromInterpolation(interpolated, model, index, cancellationToken);
                        if (!QuickTestTemplate(candidate.Text))
                        {
                            continue;
                        }

                        break;

                    case BinaryExpressionSyntax concatenation:
                        // Folded once for all rules; the full candidate (with its map to the source) only for a value that passes.
                        string? folded = index.FoldedText(i, model, cancellationToken);
                        if (folded == null || !QuickTestTemplate(folded))
                        {
                            continue;
                        }

                        candidate = CandidateCollector.FromConcatenation(concatenation, model, index, cancellationToken);
                        if (candidate == null || !QuickTestTemplate(candidate.Text))
                        {
                            continue;
                        }

                        break;

                    default:
                        continue;
                }

                Analyze(new CandidateScope<TRuleState>(candidate, tree));
            }

            if (AnalyzesConstantArguments)
            {
                foreach (ArgumentSyntax argument in index.NamedArguments)
                {
                    if (tree.Includes(argument.Span))
                    {
                        AnalyzeConstantArgument(argument, tree);
                    }
                }
            }

            if (AnalyzesComments && options.AnalyzeComments)
            {
                List<TextSpan> plainComments = index.PlainComments;
                string source = index.SourceText;
                for (int i = 0; i < plainComments.Count; i++)
                {
                    TextSpan span = plainComments[i];
                    if (!QuickTest(source, span.Start, span.End) || !tree.Includes(span) || !MayReport(index.CommentText(i)))
                    {
                        continue;
                    }

                    SyntaxTrivia comment = index.CommentTrivia(i, syntaxTree, cancellationToken);
                    if (comment.RawKind != 0)
                    {
                        Analyze(new CandidateScope<TRuleState>(CandidateCollector.FromTrivia(comment), tree, commentOnly: true));
                    }
                }

                foreach (SyntaxTrivia trivia in index.Comments)
                {
                    if (!tree.Includes(trivia.FullSpan))
                    {
                        continue;
                    }

                    string text = trivia.ToFullString();
                    if (QuickTest(text))
                    {
                        Analyze(new CandidateScope<TRuleState>(CandidateCollector.FromTrivia(trivia), tree, commentOnly: true));
                    }
                }
            }

            AnalyzeFoldedCalls(tree);
            AnalyzeRuleShapes(tree);
        }

        private void AnalyzeConstantArgument(ArgumentSyntax argument, TreeScope<TRuleState> tree)
        {
            ExpressionSyntax expression = CandidateCollector.SkipParentheses(argument.Expression);
            if (!tree.Index.MayBeConstant(expression) || (tree.Index.LikelyValue(expression) is string likely && (ReferenceEquals(likely, ConstantNames.NotText) || !QuickTest(likely))))
            {
                // Not a constant's name, or the one constant of that name (a literal) cannot pass: no lookup.
                return;
            }

            if (!ConstantLookup.TryGetConstant(expression, tree.Model, tree.CancellationToken, out object? value, out ISymbol? symbol) ||
                !(value is string text) || !QuickTest(text))
            {
                return;
            }

            var candidate = new CandidateText(text, expression, expression.SyntaxTree, expression.Span, System.Array.Empty<Segment>());
            Analyze(new CandidateScope<TRuleState>(candidate, tree, constantSymbol: symbol));
        }
    }

    /// <summary>One rule's pass over one tree: the model, the shared index, the options and where findings go.</summary>
    internal sealed class TreeScope<TRuleState>
        where TRuleState : class
    {
        private readonly TextSpan? _filterSpan;

        public TreeScope(SemanticModel model, TreeIndex index, AnalyzerState<TRuleState> state, SecretsOptions options, System.Action<Diagnostic> report, TextSpan? filterSpan, CancellationToken cancellationToken)
        {
            Model = model;
            Index = index;
            State = state;
            Options = options;
            Report = report;
            _filterSpan = filterSpan;
            CancellationToken = cancellationToken;
        }

        public SemanticModel Model { get; }

        public TreeIndex Index { get; }

        public AnalyzerState<TRuleState> State { get; }

        public SecretsOptions Options { get; }

        public System.Action<Diagnostic> Report { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Whether the host asked about this span (the IDE may analyze one span of a document).</summary>
        public bool Includes(TextSpan span) => !_filterSpan.HasValue || _filterSpan.Value.IntersectsWith(span);
    }

    /// <summary>
    /// One rule's state for one compilation, and what all rules of the compilation share (<see cref="CompilationState"/>):
    /// each part made on first use, so a compilation none of whose values passes the text tests resolves nothing.
    /// </summary>
    internal sealed class AnalyzerState<TRuleState>
        where TRuleState : class
    {
        private static readonly ConditionalWeakTable<Compilation, AnalyzerState<TRuleState>> s_byCompilation = new ConditionalWeakTable<Compilation, AnalyzerState<TRuleState>>();

        private readonly CompilationState _shared;
        private readonly Compilation _compilation;
        private readonly System.Func<Compilation, TRuleState> _create;
        private TRuleState? _rule;

        private AnalyzerState(Compilation compilation, System.Func<Compilation, TRuleState> create)
        {
            _shared = CompilationState.For(compilation);
            _compilation = compilation;
            _create = create;
        }

        /// <summary>The rule's state for <paramref name="compilation"/>, one object per compilation (thread-safe).</summary>
        public static AnalyzerState<TRuleState> For(Compilation compilation, System.Func<Compilation, TRuleState> create)
        {
            if (s_byCompilation.TryGetValue(compilation, out AnalyzerState<TRuleState>? state))
            {
                return state;
            }

            return s_byCompilation.GetValue(compilation, c => new AnalyzerState<TRuleState>(c, create));
        }

        /// <summary>The rule's resolved types, made when a candidate first asks (thread-safe; one instance is kept).</summary>
        public TRuleState Rule
        {
            get
            {
                TRuleState? rule = Volatile.Read(ref _rule);
                if (rule == null)
                {
                    Interlocked.CompareExchange(ref _rule, _create(_compilation), null);
                    rule = Volatile.Read(ref _rule)!;
                }

                return rule;
            }
        }

        public LambdaHandlerModel Lambda => _shared.Lambda;

        /// <summary>Which packages the code fixes need are referenced; see <see cref="FixAvailability"/>.</summary>
        public FixAvailability Fixes => _shared.Fixes;
    }

    /// <summary>One candidate value on its way to the detection core, with lazily computed context.</summary>
    internal sealed class CandidateScope<TRuleState>
        where TRuleState : class
    {
        private readonly AnalyzerState<TRuleState> _state;
        private readonly System.Action<Diagnostic> _report;
        private ValueContext? _context;
        private string? _handlerSuffix;

        public CandidateScope(CandidateText candidate, TreeScope<TRuleState> tree, ISymbol? constantSymbol = null, bool commentOnly = false, bool mayReportChecked = false)
        {
            Candidate = candidate;
            MayReportChecked = mayReportChecked;
            Model = commentOnly ? null : tree.Model;
            Index = tree.Index;
            _state = tree.State;
            Options = tree.Options;
            _report = tree.Report;
            CancellationToken = tree.CancellationToken;
            ConstantSymbol = constantSymbol;
        }

        public CandidateText Candidate { get; }

        /// <summary>Whether the rule's <c>MayReport</c> already said yes to this very text (so its <c>Analyze</c> need not ask again).</summary>
        public bool MayReportChecked { get; }

        public string Text => Candidate.Text;

        /// <summary>Null for comments.</summary>
        public SemanticModel? Model { get; }

        /// <summary>The tree's shared index: which names may be constants, for folds the rule makes itself.</summary>
        public TreeIndex Index { get; }

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
            _report(Diagnostic.Create(descriptor, location, _state.Fixes.WithMissingPackage(descriptor.Id, properties), messageArgs));
        }
    }
}
