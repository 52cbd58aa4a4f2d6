using System.Linq;
using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    public class JsonConfigReaderTests
    {
        [Fact]
        public void AppSettings_PathsUseTheConfigurationSeparator()
        {
            const string text = "{\n  \"ConnectionStrings\": {\n    \"Orders\": \"Host=db;Password=x\"\n  },\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Hosts\": [\"a\", \"b\"]\n}";
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "ConnectionStrings:Orders = Host=db;Password=x @3:15",
                    "Logging:LogLevel:Default = Information @5:41",
                    "Hosts:0 = a @6:13",
                    "Hosts:1 = b @6:18",
                },
                ReaderAssert.Render(document, ':'));
        }

        [Fact]
        public void CommentsAndTrailingCommas_AreAccepted()
        {
            const string text = "// tools defaults\n{\n  /* the role */ \"function-role\": \"r\", // trailing\n  \"list\": [1, true, null, \"x\",],\n}\n";
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(new[] { "function-role = r @3:35", "list[3] = x @4:27" }, ReaderAssert.Render(document));
            Assert.Equal(new[] { "// tools defaults", "/* the role */", "// trailing" }, ReaderAssert.Comments(document));
        }

        [Fact]
        public void Escapes_AreDecoded_AndMapToTheirSource()
        {
            const string text = "{\"k\": \"a\\\"b\\u0041\\\\c\"}";
            ConfigDocument document = JsonConfigReader.Read(text);
            ConfigScalar scalar = Assert.Single(document.Scalars);
            Assert.Equal("a\"bA\\c", scalar.Value);
            Assert.False(scalar.IsVerbatim);
            Assert.Equal(7, scalar.SourceOffset(0));
            Assert.Equal(8, scalar.SourceOffset(1));
            Assert.Equal(10, scalar.SourceOffset(2));
            Assert.Equal(11, scalar.SourceOffset(3));
            Assert.Equal(19, scalar.SourceOffset(5));
            Assert.Equal((10, 7), scalar.SourceSpan(2, 2));
        }

        [Fact]
        public void PlainValue_IsVerbatim()
        {
            ConfigScalar scalar = Assert.Single(JsonConfigReader.Read("{ \"a\" : \"xyz\" }").Scalars);
            Assert.True(scalar.IsVerbatim);
            Assert.Equal(9, scalar.ValueStart);
            Assert.Equal(8, scalar.Start);
            Assert.Equal(5, scalar.Length);
            Assert.Equal("a", scalar.Name);
        }

        [Fact]
        public void Siblings_ShareTheirParent()
        {
            ConfigDocument document = JsonConfigReader.Read("{\"a\": {\"x\": \"1\", \"y\": \"2\"}, \"b\": {\"x\": \"3\"}}");
            Assert.Equal(document.Scalars[0].Parent, document.Scalars[1].Parent);
            Assert.NotEqual(document.Scalars[0].Parent, document.Scalars[2].Parent);
        }

        [Fact]
        public void KeysWithEscapes_AreDecoded()
        {
            ConfigScalar scalar = Assert.Single(JsonConfigReader.Read("{\"a\\u0042\": \"v\"}").Scalars);
            Assert.Equal("aB", scalar.Name);
        }

        [Fact]
        public void ByteOrderMark_IsSkipped()
        {
            ConfigDocument document = JsonConfigReader.Read("\uFEFF{\"a\": \"v\"}");
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Single(document.Scalars);
        }

        [Theory]
        [InlineData("{\"a\": \"unterminated")]
        [InlineData("{\"a\": \"line\nbreak\"}")]
        [InlineData("{\"a\" \"b\"}")]
        [InlineData("{\"a\": }")]
        [InlineData("{a: \"b\"}")]
        [InlineData("{\"a\": \"b\"")]
        [InlineData("{\"a\": \"b\"} extra")]
        [InlineData("{\"a\": /* open")]
        [InlineData("[1, 2")]
        [InlineData("{\"a\": [}")]
        [InlineData("\"a\\")]
        [InlineData("")]
        [InlineData("{\"a\": tru}")]
        public void Malformed_StopsWithAnError_NeverThrows(string text)
        {
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.False(document.IsWellFormed);
            Assert.InRange(document.ErrorOffset, 0, text.Length);
            ReaderAssert.CheckSpans(document);
        }

        [Fact]
        public void Malformed_KeepsTheValuesReadBefore()
        {
            ConfigDocument document = JsonConfigReader.Read("{\"a\": \"1\", \"b\": \"2\" \"c\": \"3\"}");
            Assert.False(document.IsWellFormed);
            Assert.Equal(new[] { "a = 1 @1:7", "b = 2 @1:17" }, ReaderAssert.Render(document));
        }

        [Fact]
        public void DeepNesting_IsReadWithoutRecursion()
        {
            const int depth = 200_000;
            string text = new string('[', depth) + "\"deep\"" + new string(']', depth);
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            ConfigScalar scalar = Assert.Single(document.Scalars);
            Assert.Equal(depth, scalar.Path.Count);
        }

        [Fact]
        public void DeepUnclosedNesting_DoesNotThrow()
        {
            string text = string.Concat(Enumerable.Repeat("{\"a\":", 100_000));
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.False(document.IsWellFormed);
        }

        [Fact]
        public void LargeFile_IsLinear()
        {
            var builder = new System.Text.StringBuilder("{");
            for (int i = 0; i < 100_000; i++)
            {
                builder.Append("\"k").Append(i).Append("\": \"value ").Append(i).Append("\",\n");
            }

            builder.Append('}');
            var watch = System.Diagnostics.Stopwatch.StartNew();
            ConfigDocument document = JsonConfigReader.Read(builder.ToString());
            watch.Stop();
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(100_000, document.Scalars.Count);
            Assert.True(watch.ElapsedMilliseconds < 5_000, "took " + watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void ServerlessTemplate_IntrinsicFunctionsArePathSegments()
        {
            const string text = "{\"Resources\": {\"Fn\": {\"Properties\": {\"Role\": {\"Fn::Sub\": \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x\"}, \"Tags\": [{\"Ref\": \"AWS::AccountId\"}]}}}}";
            Assert.Equal(
                new[]
                {
                    "Resources.Fn.Properties.Role.Fn::Sub = arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x @1:58",
                    "Resources.Fn.Properties.Tags[0].Ref = AWS::AccountId @1:131",
                },
                ReaderAssert.Render(JsonConfigReader.Read(text)));
        }
    }
}
