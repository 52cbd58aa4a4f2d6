using System.Linq;
using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    public class YamlConfigReaderTests
    {
        private const string SamTemplate =
@"AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: >
  Orders service
  (sample)
Globals:
  Function:
    Timeout: 30 # seconds
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: OrdersFunction::OrdersFunction.Function::Handle
      Role: !Sub ""arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders""
      Policies:
        - AWSLambdaBasicExecutionRole
        - Statement:
            - Effect: Allow
              Resource: !GetAtt OrdersTable.Arn
      Environment:
        Variables:
          TABLE: !Ref OrdersTable
          DB: 'Host=db;Password=it''s'
Outputs:
  Arn:
    Value: !GetAtt [OrdersFunction, Arn]
";

        [Fact]
        public void SamTemplate_PathsValuesAndPositions()
        {
            ConfigDocument document = YamlConfigReader.Read(SamTemplate);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "AWSTemplateFormatVersion = 2010-09-09 @1:27",
                    "Transform = AWS::Serverless-2016-10-31 @2:12",
                    "Description = Orders service (sample)\n @3:14",
                    "Globals.Function.Timeout = 30 @8:14",
                    "Resources.OrdersFunction.Type = AWS::Serverless::Function @11:11",
                    "Resources.OrdersFunction.Properties.Handler = OrdersFunction::OrdersFunction.Function::Handle @13:16",
                    "Resources.OrdersFunction.Properties.Role = arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders @14:18",
                    "Resources.OrdersFunction.Properties.Policies[0] = AWSLambdaBasicExecutionRole @16:11",
                    "Resources.OrdersFunction.Properties.Policies[1].Statement[0].Effect = Allow @18:23",
                    "Resources.OrdersFunction.Properties.Policies[1].Statement[0].Resource = OrdersTable.Arn @19:33",
                    "Resources.OrdersFunction.Properties.Environment.Variables.TABLE = OrdersTable @22:23",
                    "Resources.OrdersFunction.Properties.Environment.Variables.DB = Host=db;Password=it's @23:15",
                    "Outputs.Arn.Value[0] = OrdersFunction @26:21",
                    "Outputs.Arn.Value[1] = Arn @26:37",
                },
                ReaderAssert.Render(document));
            Assert.Equal(new[] { "# seconds" }, ReaderAssert.Comments(document));
        }

        [Fact]
        public void ShortFormTags_BecomeLongFormSegments()
        {
            string[] rendered = ReaderAssert.RenderWithTags(YamlConfigReader.Read(SamTemplate));
            Assert.Contains("Resources/OrdersFunction/Properties/Role/!Fn::Sub = arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders", rendered);
            Assert.Contains("Resources/OrdersFunction/Properties/Environment/Variables/TABLE/!Ref = OrdersTable", rendered);
            Assert.Contains("Outputs/Arn/Value/!Fn::GetAtt/[1] = Arn", rendered);
        }

        [Fact]
        public void TagWithBlockValue_CoversTheNestedItems()
        {
            const string text = "Role:\n  !Join\n    - ''\n    - - 'arn:aws:iam::'\n      - !Ref AWS::AccountId\n      - ':role/x'\nNext: v\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "Role/!Fn::Join/[0] = ",
                    "Role/!Fn::Join/[1]/[0] = arn:aws:iam::",
                    "Role/!Fn::Join/[1]/[1]/!Ref = AWS::AccountId",
                    "Role/!Fn::Join/[1]/[2] = :role/x",
                    "Next = v",
                },
                ReaderAssert.RenderWithTags(document));
        }

        [Fact]
        public void TagAfterKey_WithBlockSequence()
        {
            const string text = "Value: !Sub\n  - 'arn:${P}:iam::${A}:role/x'\n  - P: !Ref AWS::Partition\n    A: x\n";
            Assert.Equal(
                new[]
                {
                    "Value/!Fn::Sub/[0] = arn:${P}:iam::${A}:role/x",
                    "Value/!Fn::Sub/[1]/P/!Ref = AWS::Partition",
                    "Value/!Fn::Sub/[1]/A = x",
                },
                ReaderAssert.RenderWithTags(YamlConfigReader.Read(text)));
        }

        [Fact]
        public void LongFormIntrinsics_AreKeys()
        {
            const string text = "Role:\n  Fn::GetAtt: [OrdersRole, Arn]\nAccount:\n  Ref: AWS::AccountId\n";
            Assert.Equal(
                new[] { "Role/Fn::GetAtt/[0] = OrdersRole", "Role/Fn::GetAtt/[1] = Arn", "Account/Ref = AWS::AccountId" },
                ReaderAssert.RenderWithTags(YamlConfigReader.Read(text)));
        }

        [Fact]
        public void FlowCollections_NestedAndOverLines()
        {
            const string text = "a: {b: x, c: [1, 'two', {d: \"e\"}], f: !Ref g}\nh: [\n  i, # first\n  j\n]\nk: end\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "a/b = x", "a/c/[0] = 1", "a/c/[1] = two", "a/c/[2]/d = e", "a/f/!Ref = g", "h/[0] = i", "h/[1] = j", "k = end",
                },
                ReaderAssert.RenderWithTags(document));
            Assert.Equal(new[] { "# first" }, ReaderAssert.Comments(document));
        }

        [Fact]
        public void SequenceAtTheKeysColumn_BelongsToTheKey()
        {
            const string text = "list:\n- a\n- b: c\n  d: e\nafter: f\n";
            Assert.Equal(
                new[] { "list[0] = a @2:3", "list[1].b = c @3:6", "list[1].d = e @4:6", "after = f @5:8" },
                ReaderAssert.Render(YamlConfigReader.Read(text)));
        }

        [Fact]
        public void NestedSequences_OnOneLine()
        {
            const string text = "- - a\n  - b\n- c\n";
            Assert.Equal(new[] { "[0][0] = a @1:5", "[0][1] = b @2:5", "[1] = c @3:3" }, ReaderAssert.Render(YamlConfigReader.Read(text)));
        }

        [Fact]
        public void BlockScalars_LiteralFoldedAndChomping()
        {
            const string text = "lit: |\n  line1\n    indented\n\n  line3\nfold: >-\n  a\n  b\n\n  c\nkeep: |+\n  x\n\nstrip: |-\n  y\nlast: z\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "lit = line1\n  indented\n\nline3\n @1:6",
                    "fold = a b\nc @6:7",
                    "keep = x\n\n @11:7",
                    "strip = y @14:8",
                    "last = z @16:7",
                },
                ReaderAssert.Render(document));
            ConfigScalar literal = document.Scalars[0];
            Assert.Equal(text.IndexOf("line1"), literal.SourceOffset(0));
            Assert.Equal(text.IndexOf("indented") - 2, literal.SourceOffset(6));
            Assert.Equal(text.IndexOf("line3"), literal.SourceOffset(literal.Value.IndexOf("line3")));
        }

        [Fact]
        public void BlockScalar_InASequence_AndWithExplicitIndentation()
        {
            const string text = "items:\n  - |\n    one\n    two\n  - |2\n      three\nnext: v\n";
            Assert.Equal(
                new[] { "items[0] = one\ntwo\n", "items[1] =   three\n", "next = v" },
                YamlConfigReader.Read(text).Scalars.Select(s => s.FormatPath('.') + " = " + s.Value).ToArray());
        }

        [Fact]
        public void QuotedScalars_EscapesAndFolding()
        {
            const string text = "d: \"a\\tb\\\"c\\u0041\"\ns: 'it''s'\nm: \"first\n  second\n\n  third\"\nn: 'x\n  y'\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(new[] { "a\tb\"cA", "it's", "first second\nthird", "x y" }, document.Scalars.Select(s => s.Value).ToArray());
            Assert.Equal(text.IndexOf("second"), document.Scalars[2].SourceOffset(6));
            Assert.Equal(text.IndexOf("third"), document.Scalars[2].SourceOffset(13));
        }

        [Fact]
        public void PlainScalar_OverSeveralLines()
        {
            const string text = "key: first\n  second\n  third # note\nother: v\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.Equal(new[] { "key = first second third @1:6", "other = v @4:8" }, ReaderAssert.Render(document));
            Assert.Equal(text.IndexOf("third"), document.Scalars[0].SourceOffset(13));
        }

        [Fact]
        public void PlainScalars_KeepColonsHashesAndUrls()
        {
            const string text = "arn: arn:aws:iam::123456789012:role/x\nurl: http://host:80/a#b\nkey with spaces: a: b\n\"quoted key\": v\n'single': w\n";
            Assert.Equal(
                new[] { "arn = arn:aws:iam::123456789012:role/x @1:6", "url = http://host:80/a#b @2:6", "key with spaces = a: b @3:18", "quoted key = v @4:15", "single = w @5:11" },
                ReaderAssert.Render(YamlConfigReader.Read(text)));
        }

        [Fact]
        public void AnchorsAliasesDocumentsAndDirectives()
        {
            const string text = "%YAML 1.2\n---\nbase: &base\n  a: 1\nuse: *base\nother: &o v\n...\n---\nsecond: doc\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(new[] { "base.a = 1 @4:6", "other = v @6:11", "second = doc @9:9" }, ReaderAssert.Render(document));
        }

        [Fact]
        public void CrLfLineEnds()
        {
            const string text = "a:\r\n  b: x\r\n  c: |\r\n    y\r\n    z\r\nd: w\r\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.Equal(new[] { "a.b = x @2:6", "a.c = y\nz\n @3:6", "d = w @6:4" }, ReaderAssert.Render(document));
        }

        [Fact]
        public void Siblings_ShareTheirParent()
        {
            ConfigDocument document = YamlConfigReader.Read("a:\n  x: 1\n  y: 2\nb:\n  x: 3\n");
            Assert.Equal(document.Scalars[0].Parent, document.Scalars[1].Parent);
            Assert.NotEqual(document.Scalars[0].Parent, document.Scalars[2].Parent);
        }

        [Theory]
        [InlineData("a: \"unterminated\nb: c")]
        [InlineData("a: 'open")]
        [InlineData("a: [1, 2")]
        [InlineData("a: {b: [}")]
        [InlineData("a: ]")]
        [InlineData("a: [x] trailing")]
        public void Malformed_IsReported_NeverThrows(string text)
        {
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.False(document.IsWellFormed);
            ReaderAssert.CheckSpans(document);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\n\n")]
        [InlineData("# only a comment")]
        [InlineData("-")]
        [InlineData("a:")]
        [InlineData("? complex\n: value")]
        [InlineData("a: |")]
        [InlineData("a: !Sub")]
        [InlineData("\t\ta: b")]
        [InlineData("a: b\n    c: d\n  e: f")]
        public void OddInputs_DoNotThrow(string text)
        {
            ConfigDocument document = YamlConfigReader.Read(text);
            ReaderAssert.CheckSpans(document);
        }

        [Fact]
        public void DeepFlowNesting_IsReadWithoutRecursion()
        {
            const int depth = 200_000;
            string text = "a: " + new string('[', depth) + "x" + new string(']', depth) + "\n";
            ConfigDocument document = YamlConfigReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(depth + 1, Assert.Single(document.Scalars).Path.Count);
        }

        [Fact]
        public void DeepBlockNesting_IsLinear()
        {
            var builder = new System.Text.StringBuilder();
            for (int i = 0; i < 3_000; i++)
            {
                builder.Append(' ', i).Append("k").Append(i).Append(":\n");
            }

            builder.Append(' ', 3_000).Append("leaf: v\n");
            ConfigDocument document = YamlConfigReader.Read(builder.ToString());
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(3_001, Assert.Single(document.Scalars).Path.Count);
        }

        [Fact]
        public void LargeFile_AndUnterminatedQuoteAtTheStart_AreLinear()
        {
            var builder = new System.Text.StringBuilder("a: \"never closed\n");
            for (int i = 0; i < 100_000; i++)
            {
                builder.Append("k").Append(i).Append(": 'value ").Append(i).Append("'\n");
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            ConfigDocument unterminated = YamlConfigReader.Read(builder.ToString());
            ConfigDocument large = YamlConfigReader.Read(builder.ToString().Substring(17));
            watch.Stop();
            Assert.False(unterminated.IsWellFormed);
            Assert.True(large.IsWellFormed, large.Error);
            Assert.Equal(100_000, large.Scalars.Count);
            Assert.True(watch.ElapsedMilliseconds < 5_000, "took " + watch.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void ManyPlainLines_WithoutKeys_AreLinear()
        {
            string text = "a: x\n" + string.Concat(Enumerable.Repeat("  more words here\n", 100_000));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            ConfigDocument document = YamlConfigReader.Read(text);
            watch.Stop();
            Assert.Single(document.Scalars);
            Assert.True(watch.ElapsedMilliseconds < 5_000, "took " + watch.ElapsedMilliseconds + " ms");
        }

        [Theory]
        [InlineData("!Sub", "Fn::Sub")]
        [InlineData("!GetAtt", "Fn::GetAtt")]
        [InlineData("!Ref", "Ref")]
        [InlineData("!Condition", "Condition")]
        [InlineData("!ImportValue", "Fn::ImportValue")]
        [InlineData("!If", "Fn::If")]
        [InlineData("!!str", null)]
        [InlineData("!", null)]
        public void LongForms(string tag, string? expected) => Assert.Equal(expected, YamlConfigReader.LongFormOf(tag));
    }
}
