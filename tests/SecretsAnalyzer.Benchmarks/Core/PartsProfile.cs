using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>
    /// Where the analyzers' own time goes, part by part (thread CPU, one thread, medians of rounds on fresh
    /// compilations): the shared tree walk, the constant-name set, the folds, the constant lookups of arguments.
    /// A diagnostic aid for the design (<c>--parts</c>); the configuration table is the measurement of record.
    /// </summary>
    public static class PartsProfile
    {
        /// <summary>
        /// For a sampling profiler (<c>dotnet-trace</c>): the four rules run directly, on one thread, over every tree
        /// of one bound compilation, <paramref name="loops"/> times, each time on fresh semantic models (so their
        /// semantic queries bind as in a build). Prints the thread CPU per loop.
        /// </summary>
        public static void Loop(PerfHarness harness, PerfOptions options, int loops, TextWriter log)
        {
            GeneratedProject project = new LambdaCodeGenerator(options.Seed).Generate(options.Files, options.LinesPerFile);
            CSharpCompilation compilation = harness.CreateCompilation(project.Trees);
            compilation.GetDiagnostics();
            var analyzerOptions = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty);
            for (int loop = 0; loop < loops; loop++)
            {
                var drivers = AnalyzerCatalog.CreateAll().Select(a => new DirectDriver(a, compilation, analyzerOptions)).ToList();
                long t0 = ThreadCpu.NowNanoseconds();
                int findings = 0;
                foreach (SyntaxTree tree in compilation.SyntaxTrees)
                {
                    SemanticModel model = compilation.GetSemanticModel(tree);
                    foreach (DirectDriver driver in drivers)
                    {
                        findings += driver.Run(tree, model).Count;
                    }
                }

                log.WriteLine($"loop {loop + 1}: {(ThreadCpu.NowNanoseconds() - t0) / 1e6:F1} ms, {findings} findings");
            }
        }

        /// <summary>
        /// Bytes per literal that each part allocates (exact, one thread): the shared index built through
        /// <see cref="TreeIndex.Get"/>, then each rule over the index already built, in catalog order.
        /// </summary>
        private static void AllocationBreakdown(PerfHarness harness, GeneratedProject project, TextWriter log)
        {
            for (int round = 0; round < 2; round++)
            {
                CSharpCompilation compilation = harness.CreateCompilation(project.Trees);
                compilation.GetDiagnostics();
                var analyzerOptions = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
                var drivers = AnalyzerCatalog.CreateAll().Select(a => (Name: a.GetType().Name, Driver: new DirectDriver(a, compilation, analyzerOptions))).ToList();
                var models = compilation.SyntaxTrees.Select(t => compilation.GetSemanticModel(t)).ToList();

                // Every red node held, so the figures are the rules' own allocations, not weakly held nodes made again.
                List<SyntaxNode> keepAlive = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodesAndSelf()).ToList();
                long a0 = GC.GetAllocatedBytesForCurrentThread();
                foreach (SemanticModel model in models)
                {
                    TreeIndex.Get(model, CancellationToken.None);
                }

                long a1 = GC.GetAllocatedBytesForCurrentThread();
                var line = new System.Text.StringBuilder($"allocated per literal: index {(a1 - a0) / (double)project.Literals:F1} B");
                foreach ((string name, DirectDriver driver) in drivers)
                {
                    long b0 = GC.GetAllocatedBytesForCurrentThread();
                    for (int m = 0; m < models.Count; m++)
                    {
                        driver.Run(models[m].SyntaxTree, models[m]);
                    }

                    line.Append($", {name} {(GC.GetAllocatedBytesForCurrentThread() - b0) / (double)project.Literals:F1} B");
                }

                if (round == 1)
                {
                    log.WriteLine(line.ToString());
                }

                GC.KeepAlive(keepAlive);
            }
        }

        public static void Run(PerfHarness harness, PerfOptions options, TextWriter log)
        {
            GeneratedProject project = new LambdaCodeGenerator(options.Seed).Generate(options.Files, options.LinesPerFile);
            log.WriteLine($"{project.Lines:N0} lines, {project.Literals:N0} literals");
            var parts = new Dictionary<string, List<double>>();
            void Add(string name, long ns) => (parts.TryGetValue(name, out List<double>? l) ? l : parts[name] = new List<double>()).Add(ns / 1e6);

            for (int round = 0; round < options.Rounds + 1; round++)
            {
                CSharpCompilation compilation = harness.CreateCompilation(project.Trees);
                long t0 = ThreadCpu.NowNanoseconds();
                compilation.GetDiagnostics();
                long t1 = ThreadCpu.NowNanoseconds();
                var models = compilation.SyntaxTrees.Select(t => compilation.GetSemanticModel(t)).ToList();
                long t2 = ThreadCpu.NowNanoseconds();
                ConstantNames.ClearTreeCache();
                NameTable fields = ConstantNames.For(compilation).Names(CancellationToken.None);
                long t3 = ThreadCpu.NowNanoseconds();
                var indexes = models.Select(m => TreeIndex.Build(m.SyntaxTree, fields, CancellationToken.None)).ToList();
                long t4 = ThreadCpu.NowNanoseconds();

                long s0 = ThreadCpu.NowNanoseconds();
                int words = 0, quotes = 0, hits = 0;
                foreach (SyntaxTree tree in compilation.SyntaxTrees)
                {
                    string text = tree.GetText().ToString();
                    for (int i = 0; i < text.Length; i++)
                    {
                        char c = text[i];
                        if (c == '"')
                        {
                            quotes++;
                        }
                        else if (char.IsLetter(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                        {
                            int end = i + 1;
                            while (end < text.Length && char.IsLetterOrDigit(text[end]))
                            {
                                end++;
                            }

                            words++;
                            if (fields.Contains(text, i, end - i))
                            {
                                hits++;
                            }

                            i = end - 1;
                        }
                    }
                }

                long s1 = ThreadCpu.NowNanoseconds();
                if (round == 0)
                {
                    log.WriteLine($"scan alone: {quotes} quotes, {words} words, {hits} words naming a constant field, {fields.Count} names");
                }

                Add("text scan alone (no tree)", s1 - s0);
                int folds = 0, concatenations = 0, interpolations = 0, constHoles = 0;
                for (int m = 0; m < models.Count; m++)
                {
                    TreeIndex index = indexes[m];
                    for (int i = 0; i < index.Values.Count; i++)
                    {
                        if (index.Values[i] is BinaryExpressionSyntax)
                        {
                            concatenations++;
                            if (index.FoldedText(i, models[m], CancellationToken.None) != null)
                            {
                                folds++;
                            }
                        }
                        else if (index.Values[i] is InterpolatedStringExpressionSyntax s)
                        {
                            interpolations++;
                            if (CandidateCollector.MayHoldConstants(s, index, CancellationToken.None))
                            {
                                constHoles++;
                                CandidateCollector.FromInterpolation(s, models[m], index, CancellationToken.None);
                            }
                        }
                    }
                }

                long t5 = ThreadCpu.NowNanoseconds();
                int named = 0, constNamed = 0;
                for (int m = 0; m < models.Count; m++)
                {
                    foreach (ArgumentSyntax argument in indexes[m].NamedArguments)
                    {
                        named++;
                        ExpressionSyntax e = CandidateCollector.SkipParentheses(argument.Expression);
                        if (indexes[m].MayBeConstant(e) && !(indexes[m].LikelyValue(e) is string likely && !Detection.AwsKeys.HasLongKeyRun(likely)))
                        {
                            constNamed++;
                            ConstantLookup.TryGetConstant(e, models[m], CancellationToken.None, out _, out _);
                        }
                    }
                }

                long t6 = ThreadCpu.NowNanoseconds();
                if (round == 0)
                {
                    int q1 = 0, q2 = 0, q2b = 0, q3 = 0, q4 = 0;
                    var q2samples = new List<string>();
                    for (int m = 0; m < indexes.Count; m++)
                    {
                        TreeIndex index = indexes[m];
                        for (int p = 0; p < index.PlainLiterals.Count; p++)
                        {
                            string t = index.PlainLiterals[p].Value;
                            ExpressionSyntax l = index.Node(p, models[m].SyntaxTree, CancellationToken.None)!;
                            q1 += Detection.AwsKeys.FindAccessKeyId(t, 0) >= 0 ? 1 : 0;
                            if (Detection.AwsKeys.HasLongKeyRun(t))
                            {
                                q2++;
                                if (Detection.AwsKeys.MayHoldSecret(t))
                                {
                                    q2b++;
                                    if (q2samples.Count < 6)
                                    {
                                        q2samples.Add(l.Parent!.Parent!.ToString());
                                    }
                                }
                            }

                            q3 += Detection.ConnectionStrings.QuickTest(t) ? 1 : 0;
                            q4 += Detection.Arns.MayContainRoleArn(t) ? 1 : 0;
                        }
                    }

                    log.WriteLine($"literals passing quick tests: 001 {q1}, 002 {q2} (may hold a secret {q2b}), 003 {q3}, 004 {q4}");
                    q2samples.ForEach(x => log.WriteLine("  002 candidate context: " + x));
                    log.WriteLine($"values {indexes.Sum(i => i.Values.Count)}, concatenations {concatenations} (strings {folds}), interpolations {interpolations} (const holes {constHoles}), named args {named} (const names {constNamed}), comments {indexes.Sum(i => i.Comments.Count)}, assignments {indexes.Sum(i => i.Assignments.Count)}, adds {indexes.Sum(i => i.KeyValueAdds.Count)}");
                    continue;
                }

                Add("compiler GetDiagnostics", t1 - t0);
                Add("semantic models", t2 - t1);
                Add("constant names", t3 - t2);
                Add("tree index (text scan)", t4 - t3);
                Add("folds (concat + const-hole interpolations)", t5 - t4);
                Add("argument constant lookups", t6 - t5);
            }

            AllocationBreakdown(harness, project, log);
            foreach (KeyValuePair<string, List<double>> part in parts)
            {
                List<double> sorted = part.Value.OrderBy(v => v).ToList();
                log.WriteLine($"{part.Key,-45} median {sorted[sorted.Count / 2],9:F1} ms   min {sorted[0],9:F1} ms");
            }
        }
    }
}
