using System.Threading.Tasks;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>Where a lookup would not compile no fix is offered and the finding stays (docs/code-fixes.md).</summary>
    public class NoFixTests
    {
        private static Task NoFix(string source) => new SecretsCodeFixTest { TestCode = source, FixedCode = source }.RunAsync();

        [Fact]
        public Task ValueIsAnAttributeArgument() => NoFix(@"
using System.ComponentModel;

namespace TestProject
{
    class Settings
    {
        [DefaultValue(""{|SECRETS001:AKIAC76WA36T3U55GMJK|}"")]
        public string KeyId { get; set; }
    }
}");

        [Fact]
        public Task ValueIsADefaultParameterValue() => NoFix(@"
namespace TestProject
{
    class Client
    {
        public string Connect(string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"") => keyId;
    }
}");

        [Fact]
        public Task ConstUsedInASwitchLabel() => NoFix(@"
namespace TestProject
{
    class Guard
    {
        private const string LeakedKeyId = ""{|SECRETS001:AKIAAT4OHIT6FQZUIIF6|}"";

        public bool IsLeaked(string keyId)
        {
            switch (keyId)
            {
                case LeakedKeyId:
                    return true;
                default:
                    return false;
            }
        }
    }
}");

        [Fact]
        public Task ConstUsedInAnAttributeArgument() => NoFix(@"
using System.ComponentModel;

namespace TestProject
{
    class Settings
    {
        private const string DefaultKeyId = ""{|SECRETS001:AKIAEBBHDIW3QBO3IXMV|}"";

        [DefaultValue(DefaultKeyId)]
        public string KeyId { get; set; }
    }
}");

        [Fact]
        public Task ConstUsedAsADefaultParameterValue() => NoFix(@"
namespace TestProject
{
    class Client
    {
        private const string DefaultKeyId = ""{|SECRETS001:AKIAMTWPXWPD7ZWJJP7Y|}"";

        public string Connect(string keyId = DefaultKeyId) => keyId;
    }
}");

        [Fact]
        public Task ConstUsedByAnotherConst() => NoFix(@"
namespace TestProject
{
    class Client
    {
        private const string KeyId = ""{|SECRETS001:AKIARPECFTWN6FHPV3ZA|}"";
        private const string Header = {|SECRETS001:""AWS4-HMAC-SHA256 Credential="" + KeyId|};
    }
}");

        [Fact]
        public Task ValueInAComment() => NoFix(@"
namespace TestProject
{
    class Client
    {
        // old key: {|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}
        public int Retries => 3;
    }
}");
    }
}
