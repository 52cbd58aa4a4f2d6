using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.Corpus
{
    /// <summary>One finding of an analyzer on a corpus file. Lines are 1-based.</summary>
    public sealed record CorpusFinding(string File, int StartLine, int EndLine, string RuleId, string Message, string LocatedText);

    /// <summary>Per-rule counts over the corpus.</summary>
    public sealed class RuleScore
    {
        public RuleScore(string ruleId) => RuleId = ruleId;

        public string RuleId { get; }

        /// <summary>Lines labelled Noncompliant for the rule.</summary>
        public int Positives { get; set; }

        /// <summary>Lines labelled Compliant for the rule (look-alikes).</summary>
        public int LookAlikes { get; set; }

        public int TruePositives { get; set; }

        public int FalsePositives { get; set; }

        public int FalseNegatives { get; set; }

        /// <summary>False positives that fell on a line labelled Compliant for the rule.</summary>
        public int LookAlikesHit { get; set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => Positives == 0 ? 1.0 : (double)TruePositives / Positives;

        public List<string> Misses { get; } = new List<string>();
    }

    /// <summary>
    /// Compiles every corpus unit and runs every analyzer of the SecretsAnalyzer assembly on it, once per test run.
    /// A unit is a file directly under <c>Corpus/&lt;Topic&gt;/</c> (compiled alone) or a folder under a topic
    /// (<c>Corpus/&lt;Topic&gt;/&lt;Folder&gt;/</c>, all its files compiled as one project). Every unit also gets the SDK's
    /// implicit usings and every test-only mirror in <see cref="LambdaStubs"/>, with the real AWS SDK references.
    /// </summary>
    public sealed class CorpusRunner : IAsyncLifetime
    {
        public const string ImplicitUsings = @"global using global::System;
global using global::System.Collections.Generic;
global using global::System.IO;
global using global::System.Linq;
global using global::System.Net.Http;
global using global::System.Threading;
global using global::System.Threading.Tasks;
";

        private const string StubFolder = "/stubs/";

        public string CorpusRoot { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = DiscoverAnalyzers();

        public List<string> Files { get; } = new List<string>();

        public List<CorpusLabel> Labels { get; } = new List<CorpusLabel>();

        public List<CorpusParseError> ParseErrors { get; } = new List<CorpusParseError>();

        public List<string> CompileErrors { get; } = new List<string>();

        public List<string> AnalyzerFailures { get; } = new List<string>();

        public List<CorpusFinding> Findings { get; } = new List<CorpusFinding>();

        public SortedDictionary<string, RuleScore> Scores { get; } = new SortedDictionary<string, RuleScore>(StringComparer.Ordinal);

        /// <summary>Every concrete C# analyzer in the SecretsAnalyzer assembly, so later rules join the corpus run by themselves.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> DiscoverAnalyzers()
        {
            Assembly assembly = typeof(SecretsAnalyzer.RuleIds).Assembly;
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>Every <c>public const string</c> of <see cref="LambdaStubs"/>: the test-only mirrors of packages not served here.</summary>
        public static IEnumerable<(string Name, string Source)> StubSources()
        {
            return typeof(LambdaStubs).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (f.Name, (string)f.GetRawConstantValue()!));
        }

        public async Task InitializeAsync()
        {
            ImmutableArray<MetadataReference> references = await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            foreach ((string name, string[] files) in DiscoverUnits())
            {
                await RunUnitAsync(name, files, references);
            }

            foreach (KeyValuePair<string, RuleScore> score in Score(Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id), Labels, Findings))
            {
                Scores[score.Key] = score.Value;
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public string Relative(string path) => Path.GetRelativePath(CorpusRoot, path).Replace('\\', '/');

        private IEnumerable<(string Name, string[] Files)> DiscoverUnits()
        {
            if (!Directory.Exists(CorpusRoot))
            {
                yield break;
            }

            foreach (string topic in Directory.GetDirectories(CorpusRoot).OrderBy(d => d, StringComparer.Ordinal))
            {
                foreach (string file in Directory.GetFiles(topic, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
                {
                    yield return (Relative(file), new[] { file });
                }

                foreach (string folder in Directory.GetDirectories(topic).OrderBy(d => d, StringComparer.Ordinal))
                {
                    string[] files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                    if (files.Length > 0)
                    {
                        yield return (Relative(folder) + "/", files);
                    }
                }
            }
        }

        private async Task RunUnitAsync(string unitName, string[] files, ImmutableArray<MetadataReference> references)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new List<SyntaxTree>();
            var corpusPaths = new Dictionary<SyntaxTree, string>();
            foreach (string file in files)
            {
                string text = await File.ReadAllTextAsync(file);
                string relative = Relative(file);
                Files.Add(relative);
                (List<CorpusLabel> labels, List<CorpusParseError> errors) = CorpusParser.Parse(relative, text);
                Labels.AddRange(labels);
                ParseErrors.AddRange(errors);
                SyntaxTree tree = CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), parseOptions, path: "/corpus/" + relative);
                trees.Add(tree);
                corpusPaths[tree] = relative;
            }

            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: StubFolder + "ImplicitUsings.cs"));
            foreach ((string name, string source) in StubSources())
            {
                trees.Add(CSharpSyntaxTree.ParseText(source, parseOptions, path: StubFolder + name + ".cs"));
            }

            bool executable = trees.Any(t => corpusPaths.ContainsKey(t) && t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
            var options = new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
            CSharpCompilation compilation = CSharpCompilation.Create("Corpus_" + Path.GetFileNameWithoutExtension(unitName.TrimEnd('/')).Replace('/', '_'), trees, references, options);

            foreach (Diagnostic error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                CompileErrors.Add($"{unitName}: {error}");
            }

            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var withAnalyzers = compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(
                    analyzerOptions,
                    (exception, analyzer, diagnostic) =>
                    {
                        lock (AnalyzerFailures)
                        {
                            AnalyzerFailures.Add($"{unitName}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}");
                        }
                    },
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false));

            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (Diagnostic diagnostic in diagnostics)
            {
                if (diagnostic.Id == "AD0001" || diagnostic.Id.StartsWith("AD", StringComparison.Ordinal))
                {
                    AnalyzerFailures.Add($"{unitName}: {diagnostic}");
                    continue;
                }

                SyntaxTree? tree = diagnostic.Location.SourceTree;
                if (tree == null || !corpusPaths.TryGetValue(tree, out string? file))
                {
                    // A finding in a stub or the implicit usings is not labelled: it is a false positive of its rule.
                    Findings.Add(new CorpusFinding(tree?.FilePath ?? "<no location>", 0, 0, diagnostic.Id, diagnostic.GetMessage(), string.Empty));
                    continue;
                }

                FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
                string located = tree.GetText().ToString(diagnostic.Location.SourceSpan);
                Findings.Add(new CorpusFinding(file, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1, diagnostic.Id, diagnostic.GetMessage(), located));
            }
        }

        /// <summary>
        /// A finding is a true positive when a line it spans is labelled Noncompliant for its rule (its first line
        /// first); each label counts once, however many findings hit it. Every other finding is a false positive,
        /// counted once per rule and line.
        /// </summary>
        public static SortedDictionary<string, RuleScore> Score(IEnumerable<string> ruleIds, IReadOnlyList<CorpusLabel> labels, IReadOnlyList<CorpusFinding> findings)
        {
            var scores = new SortedDictionary<string, RuleScore>(StringComparer.Ordinal);
            RuleScore ScoreFor(string id)
            {
                if (!scores.TryGetValue(id, out RuleScore? score))
                {
                    score = new RuleScore(id);
                    scores[id] = score;
                }

                return score;
            }

            foreach (string id in ruleIds)
            {
                ScoreFor(id);
            }

            foreach (CorpusLabel label in labels)
            {
                RuleScore score = ScoreFor(label.RuleId);
                if (label.Expectation == CorpusExpectation.Noncompliant)
                {
                    score.Positives++;
                }
                else
                {
                    score.LookAlikes++;
                }
            }

            var expected = labels.Where(l => l.Expectation == CorpusExpectation.Noncompliant).ToLookup(l => (l.File, l.RuleId));
            var compliant = new HashSet<(string, int, string)>(labels.Where(l => l.Expectation == CorpusExpectation.Compliant).Select(l => (l.File, l.Line, l.RuleId)));
            var matched = new HashSet<CorpusLabel>();
            var falsePositiveLines = new HashSet<(string, int, string)>();
            foreach (CorpusFinding finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.StartLine))
            {
                RuleScore score = ScoreFor(finding.RuleId);
                List<CorpusLabel> candidates = expected[(finding.File, finding.RuleId)]
                    .Where(l => l.Line >= finding.StartLine && l.Line <= finding.EndLine)
                    .OrderBy(l => l.Line == finding.StartLine ? 0 : 1)
                    .ThenBy(l => matched.Contains(l) ? 1 : 0)
                    .ThenBy(l => l.Line)
                    .ToList();
                if (candidates.Count > 0)
                {
                    matched.Add(candidates.FirstOrDefault(l => !matched.Contains(l)) ?? candidates[0]);
                    continue;
                }

                if (falsePositiveLines.Add((finding.File, finding.StartLine, finding.RuleId)))
                {
                    score.FalsePositives++;
                    bool lookAlike = compliant.Contains((finding.File, finding.StartLine, finding.RuleId));
                    if (lookAlike)
                    {
                        score.LookAlikesHit++;
                    }

                    score.Misses.Add($"FP {finding.File}:{finding.StartLine}{(lookAlike ? " (labelled Compliant)" : string.Empty)}: {finding.Message}");
                }
            }

            foreach (CorpusLabel label in labels.Where(l => l.Expectation == CorpusExpectation.Noncompliant))
            {
                RuleScore score = ScoreFor(label.RuleId);
                if (matched.Contains(label))
                {
                    score.TruePositives++;
                }
                else
                {
                    score.FalseNegatives++;
                    score.Misses.Add($"FN {label.File}:{label.Line}");
                }
            }

            return scores;
        }
    }
}
