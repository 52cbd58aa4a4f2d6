using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SecretsAnalyzer.Tests.Robustness
{
    /// <summary>Calls folded from constant pieces at hostile sizes: 20,000 appends or arguments stay linear and throw nothing.</summary>
    public class FoldedCallRobustnessTests
    {
        private const string KeyHead = "AKIA";
        private const string KeyTail = "R7TQ2WXZ5MNB3KLD";

        private static string FluentChain(int pieces)
        {
            var b = new StringBuilder("class Hostile\n{\n    string M() => new System.Text.StringBuilder()");
            for (int i = 0; i < pieces; i++)
            {
                b.Append("\n        .Append(\"part").Append(i).Append(" \")");
            }

            b.Append("\n        .Append(\"").Append(KeyHead).Append("\").Append(\"").Append(KeyTail).Append("\").ToString();\n}\n");
            return b.ToString();
        }

        private static string ConcatArguments(int pieces)
        {
            var b = new StringBuilder("class Hostile\n{\n    string M() => string.Concat(");
            for (int i = 0; i < pieces; i++)
            {
                b.Append("\"part").Append(i).Append(" \", ");
            }

            b.Append('"').Append(KeyHead).Append("\", \"").Append(KeyTail).Append("\");\n}\n");
            return b.ToString();
        }

        private static async Task<AnalyzerRunResult> RunAsync(string source)
        {
            Compilation compilation = await AllAnalyzersRunner.CompileAsync(source);
            return await AllAnalyzersRunner.RunAsync(compilation, new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty));
        }

        [Fact]
        public async Task TwentyThousandArguments_FoldOnce_NoException()
        {
            AnalyzerRunResult result = await RunAsync(ConcatArguments(20_000));
            Assert.Empty(result.Exceptions);
            Assert.Equal(1, result.Count("SECRETS001"));
        }

        [Fact]
        public async Task LongFluentChain_FoldsOnce_NoException()
        {
            AnalyzerRunResult result = await RunAsync(FluentChain(900));
            Assert.Empty(result.Exceptions);
            Assert.Equal(1, result.Count("SECRETS001"));
        }

        [Fact]
        public async Task FluentChainPastTheLimit_IsNotFolded_NoException()
        {
            // The compiler builds a chain's operations recursively: a chain deeper than the limit is left alone.
            AnalyzerRunResult result = await RunAsync(FluentChain(1_500));
            Assert.Empty(result.Exceptions);
            Assert.Equal(0, result.Count("SECRETS001"));
        }

        [Fact]
        public async Task ArgumentsFromNTo2N_GrowLinearly()
        {
            await RunAsync(ConcatArguments(1_000));
            var watch = Stopwatch.StartNew();
            await RunAsync(ConcatArguments(10_000));
            TimeSpan n = watch.Elapsed;
            watch.Restart();
            await RunAsync(ConcatArguments(20_000));
            TimeSpan twoN = watch.Elapsed;

            // Linear would be 2x; allow for a loaded machine, not for quadratic (4x).
            Assert.True(twoN.TotalMilliseconds < (n.TotalMilliseconds * 3.5) + 2000, $"n: {n.TotalMilliseconds:F0} ms, 2n: {twoN.TotalMilliseconds:F0} ms");
        }
    }
}
