using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    public class EnvFileReaderTests
    {
        [Fact]
        public void KeyValueLines_WithCommentsExportAndQuotes()
        {
            const string text = "# local settings\nDB_HOST=localhost\nexport AWS_REGION = eu-west-1 # region\nSINGLE='a #b'\nDOUBLE=\"x\\ny\"\n\nEMPTY=\r\nURL=http://x/#frag\n";
            ConfigDocument document = EnvFileReader.Read(text);
            Assert.True(document.IsWellFormed, document.Error);
            Assert.Equal(
                new[]
                {
                    "DB_HOST = localhost @2:9",
                    "AWS_REGION = eu-west-1 @3:21",
                    "SINGLE = a #b @4:8",
                    "DOUBLE = x\ny @5:8",
                    "EMPTY =  @7:7",
                    "URL = http://x/#frag @8:5",
                },
                ReaderAssert.Render(document));
            Assert.Equal(new[] { "# local settings", "# region" }, ReaderAssert.Comments(document));
        }

        [Fact]
        public void QuotedValue_MayRunOverLines()
        {
            ConfigDocument document = EnvFileReader.Read("KEY=\"line1\nline2\"\nNEXT=v\n");
            Assert.Equal(new[] { "KEY = line1\nline2 @1:5", "NEXT = v @3:6" }, ReaderAssert.Render(document));
        }

        [Theory]
        [InlineData("not a pair\nOK=1")]
        [InlineData("=novalue")]
        [InlineData("KEY=\"open")]
        public void Malformed_IsReportedAndSkipped(string text)
        {
            ConfigDocument document = EnvFileReader.Read(text);
            Assert.False(document.IsWellFormed);
            ReaderAssert.CheckSpans(document);
        }
    }
}
