using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Benchmarks.Core;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Robustness
{
    /// <summary>
    /// Issue 6, hostile inputs: every analyzer of the assembly (found by reflection, so rules added later are
    /// covered) on inputs built to break it. Nothing may throw, raise AD0001 or overflow the stack, and the
    /// findings are exact. No test measures time: linear time is shown by the benchmark's n-versus-2n table;
    /// here the deterministic measures are the findings, a 256 KiB stack, and allocations at n versus 2n.
    /// </summary>
    public class HostileInputTests
    {
        private const int SmallStack = 256 * 1024;

        public static IEnumerable<object[]> Inputs() => HostileInputs.All().Select((input, i) => new object[] { i, input.Name });

        [Theory]
        [MemberData(nameof(Inputs))]
        public async Task AllAnalyzers_NeverThrow_AndFindExactlyWhatIsThere(int index, string name)
        {
            HostileInput input = HostileInputs.All()[index];
            Assert.Equal(name, input.Name);

            AnalyzerRunResult result = await AllAnalyzersRunner.RunAsync(input);

            Assert.Empty(result.Exceptions);
            Assert.Equal(0, result.Count("AD0001"));
            if (input.ExpectedKeyIds >= 0)
            {
                Assert.Equal(input.ExpectedKeyIds, result.Count("SECRETS001"));
            }

            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                // A message never carries a whole key ID.
                Assert.True(AwsKeys.FindAccessKeyId(diagnostic.GetMessage(), 0) < 0, diagnostic.GetMessage());
            }
        }

        [Fact]
        public async Task GeneratedCode_IsSkippedByEveryRule_UnlessOptedIn()
        {
            AnalyzerRunResult skipped = await AllAnalyzersRunner.RunAsync(HostileInputs.GeneratedCode(analyze: false));
            AnalyzerRunResult analyzed = await AllAnalyzersRunner.RunAsync(HostileInputs.GeneratedCode(analyze: true));

            Assert.DoesNotContain(skipped.Diagnostics, d => d.Id.StartsWith("SECRETS", StringComparison.Ordinal));
            Assert.Equal(1, analyzed.Count("SECRETS001"));
        }

        [Fact]
        public async Task AkiaRepeated_GivesNoKeyIdAndNoSecret()
        {
            AnalyzerRunResult result = await AllAnalyzersRunner.RunAsync(HostileInputs.AkiaRepeated(HostileInputs.AkiaRepetitions));

            Assert.Empty(result.Exceptions);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("SECRETS", StringComparison.Ordinal));
        }

        [Fact]
        public async Task LongConnectionString_ReportsItsOnePassword_WhenTheRuleIsPresent()
        {
            bool hasRule = AnalyzerCatalog.CreateAll().Any(a => a.SupportedDiagnostics.Any(d => d.Id == "SECRETS003"));
            AnalyzerRunResult result = await AllAnalyzersRunner.RunAsync(HostileInputs.LongConnectionString(HostileInputs.ConnectionStringPairs));

            Assert.Empty(result.Exceptions);
            Assert.Equal(hasRule ? 1 : 0, result.Count("SECRETS003"));
        }

        public static IEnumerable<object[]> DeepInputs() => new[]
        {
            new object[] { "nested parentheses" },
            new object[] { "constant concatenation" },
            new object[] { "interpolation holes" },
            new object[] { "1 MiB literal" },
            new object[] { "connection string pairs" },
            new object[] { "AKIA repeated" },
        };

        /// <summary>
        /// The analyzers' own code on a 256 KiB stack (the compiler binds first on a large stack, since its own
        /// recursion is not ours): a recursion per nesting level or per part would overflow it.
        /// </summary>
        [Theory]
        [MemberData(nameof(DeepInputs))]
        public async Task DeepInputs_RunOnA256KiBStack_WithTheSameFindings(string name)
        {
            (string _, int size, Func<int, HostileInput> make) = HostileInputs.Scalable().Single(s => s.Name == name);
            HostileInput input = make(size);
            Compilation compilation = await AllAnalyzersRunner.CompileAsync(input.Source, input.Path);
            SyntaxTree tree = compilation.SyntaxTrees.First();
            SemanticModel model = compilation.GetSemanticModel(tree);

            foreach (DiagnosticAnalyzer analyzer in AnalyzerCatalog.CreateAll())
            {
                var driver = new DirectDriver(analyzer, compilation, input.Options);
                Assert.True(driver.ActionCount > 0);
                List<Diagnostic> onLargeStack = DirectDriver.OnThread(64 * 1024 * 1024, () => driver.Run(tree, model));
                List<Diagnostic> onSmallStack = DirectDriver.OnThread(SmallStack, () => driver.Run(tree, model));

                Assert.Equal(onLargeStack.Select(d => d.Id + d.Location.SourceSpan), onSmallStack.Select(d => d.Id + d.Location.SourceSpan));
                if (driver.RunsOnCode && analyzer.SupportedDiagnostics.Any(d => d.Id == "SECRETS001"))
                {
                    Assert.Equal(input.ExpectedKeyIds, onSmallStack.Count);
                }
            }
        }

        /// <summary>
        /// A deterministic stand-in for "linear": the bytes the analyzers allocate (on their own thread, over a
        /// warm semantic model) for an input of size 2n are at most about twice those for size n. A quadratic
        /// substring, copy or list per part would show as four times.
        /// </summary>
        [Theory]
        [MemberData(nameof(DeepInputs))]
        public async Task Allocations_GrowLinearly_FromNTo2N(string name)
        {
            (string _, int size, Func<int, HostileInput> make) = HostileInputs.Scalable().Single(s => s.Name == name);
            long atN = await AnalyzerAllocationsAsync(make(size / 4));
            long at2N = await AnalyzerAllocationsAsync(make(size / 2));

            Assert.True(at2N <= 2.5 * atN + 256 * 1024, $"{name}: {atN:N0} bytes at n, {at2N:N0} bytes at 2n");
        }

        private static async Task<long> AnalyzerAllocationsAsync(HostileInput input)
        {
            Compilation compilation = await AllAnalyzersRunner.CompileAsync(input.Source, input.Path);
            SyntaxTree tree = compilation.SyntaxTrees.First();
            SemanticModel model = compilation.GetSemanticModel(tree);
            long total = 0;
            foreach (DiagnosticAnalyzer analyzer in AnalyzerCatalog.CreateAll())
            {
                var driver = new DirectDriver(analyzer, compilation, input.Options);
                DirectDriver.OnThread(64 * 1024 * 1024, () => driver.Run(tree, model));
                total += DirectDriver.OnThread(64 * 1024 * 1024, () =>
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    driver.Run(tree, model);
                    return GC.GetAllocatedBytesForCurrentThread() - before;
                });
            }

            return total;
        }
    }
}
