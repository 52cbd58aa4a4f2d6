using System.Collections.Generic;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class XmlEntitiesTests
    {
        private static string Decode(string text, out List<MappedRun> runs)
        {
            runs = new List<MappedRun>();
            return XmlEntities.Decode(text, runs);
        }

        [Theory]
        [InlineData("Password=&lt;password&gt;", "Password=<password>")]
        [InlineData("a &amp;&amp; b", "a && b")]
        [InlineData("&quot;x&quot; &apos;y&apos;", "\"x\" 'y'")]
        [InlineData("&#60;pwd&#62;", "<pwd>")]
        [InlineData("&#x3C;pwd&#X3e;", "<pwd>")]
        [InlineData("no entities", "no entities")]
        [InlineData("&unknown; &lt &#; &#x; &#xZZ; &#0; &#xD800; &#x110000;", "&unknown; &lt &#; &#x; &#xZZ; &#0; &#xD800; &#x110000;")]
        [InlineData("&&lt;", "&<")]
        [InlineData("&", "&")]
        [InlineData("&lt;&gt;", "<>")]
        public void Decodes_KnownReferences_AndKeepsTheRest(string text, string expected)
        {
            Assert.Equal(expected, Decode(text, out _));
        }

        [Fact]
        public void Runs_MapUndecodedStretches_BackToTheSource()
        {
            const string text = "/// Password=&lt;pw&gt; then Pwd=Qm7x";
            string decoded = Decode(text, out List<MappedRun> runs);
            Assert.Equal("/// Password=<pw> then Pwd=Qm7x", decoded);
            foreach (MappedRun run in runs)
            {
                Assert.Equal(text.Substring(run.SourceStart, run.Length), decoded.Substring(run.DecodedStart, run.Length));
            }

            int at = decoded.IndexOf("Qm7x", System.StringComparison.Ordinal);
            MappedRun last = runs[runs.Count - 1];
            Assert.Equal(text.IndexOf("Qm7x", System.StringComparison.Ordinal), last.SourceStart + (at - last.DecodedStart));
        }

        [Fact]
        public void LongInput_IsLinear()
        {
            string text = new string('&', 200_000) + string.Concat(System.Linq.Enumerable.Repeat("&lt;", 50_000));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            string decoded = Decode(text, out _);
            Assert.Equal(200_000 + 50_000, decoded.Length);
            Assert.True(watch.Elapsed.TotalSeconds < 5);
        }
    }
}
