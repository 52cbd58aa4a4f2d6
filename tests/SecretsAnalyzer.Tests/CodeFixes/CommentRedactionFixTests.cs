using System.Threading.Tasks;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>
    /// A credential in a comment or documentation comment is redacted in place: an access key ID keeps its prefix and
    /// last four characters, anything else becomes &lt;redacted&gt;. It is the only (so the first) action of such a
    /// finding, with the recommended key, so Fix All and dotnet format apply it.
    /// </summary>
    public class CommentRedactionFixTests
    {
        private static SecretsCodeFixTest Test(string source, string fixedSource) => new SecretsCodeFixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = FixKinds.RecommendedKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.RedactInComment), action.Title),
        };

        [Fact]
        public Task KeyIdInALineComment_KeepsPrefixAndLastFour() => Test(@"
namespace TestProject
{
    class Client
    {
        // old key: {|SECRETS001:AKIAQWB5PDKHX6PYGPAN|} (rotated?)
        public int Retries => 3;
    }
}", @"
namespace TestProject
{
    class Client
    {
        // old key: AKIA...GPAN (rotated?)
        public int Retries => 3;
    }
}").RunAsync();

        [Fact]
        public Task KeyIdInADocumentationComment() => Test(@"
namespace TestProject
{
    class Client
    {
        /// <summary>Uploads with {|SECRETS001:AKIAUL66LDQBWZB2XYA4|} in the test account.</summary>
        public int Upload() => 3;
    }
}", @"
namespace TestProject
{
    class Client
    {
        /// <summary>Uploads with AKIA...XYA4 in the test account.</summary>
        public int Upload() => 3;
    }
}").RunAsync();

        [Fact]
        public Task KeyPairInABlockComment_BothAreRedacted() => Test(@"
namespace TestProject
{
    class Client
    {
        /*
         * Local runs:
         *   aws_access_key_id = {|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}
         *   aws_secret_access_key = {|SECRETS002: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|}
         */
        public int Retries => 3;
    }
}", @"
namespace TestProject
{
    class Client
    {
        /*
         * Local runs:
         *   aws_access_key_id = AKIA...GPAN
         *   aws_secret_access_key = <redacted>
         */
        public int Retries => 3;
    }
}").RunAsync();

        [Fact]
        public Task SecretKeyInADocumentationComment_IsEscapedXml() => Test(@"
namespace TestProject
{
    class Client
    {
        /// <summary>
        /// Signs with the key pair {|SECRETS001:AKIAQWB5PDKHX6PYGPAN|} / {|SECRETS002: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|}.
        /// </summary>
        public int Sign() => 3;
    }
}", @"
namespace TestProject
{
    class Client
    {
        /// <summary>
        /// Signs with the key pair AKIA...GPAN / &lt;redacted&gt;.
        /// </summary>
        public int Sign() => 3;
    }
}").RunAsync();
    }
}
