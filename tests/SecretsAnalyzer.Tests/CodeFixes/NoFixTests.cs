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
        public Task ValueIsTheDefaultOfAVirtualMethodsParameter() => NoFix(@"
namespace TestProject
{
    class Client
    {
        // An override would get null from callers of the base and never apply the lookup.
        public virtual string Connect(string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"") => keyId;
    }
}");

        [Fact]
        public Task ValueIsTheDefaultOfALambdaParameter() => NoFix(@"
using System;

namespace TestProject
{
    class Client
    {
        public Func<string, string> Connect = (string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"") => keyId;
    }
}");

        [Fact]
        public Task ValueIsADefaultParameterValuePassedToTheBaseConstructor() => NoFix(@"
namespace TestProject
{
    class Base
    {
        protected Base(string keyId) { KeyId = keyId; }

        public string KeyId { get; }
    }

    class Client : Base
    {
        public Client(string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"") : base(keyId) { }
    }
}");

        [Fact]
        public Task ValueIsAUtf8Concatenation() => NoFix(@"
using System;

namespace TestProject
{
    class Signer
    {
        public int Sign()
        {
            ReadOnlySpan<byte> key = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}""u8 + "":""u8;
            return key.Length;
        }
    }
}");

        [Fact]
        public Task ConstUsedInASwitchLabelInAnotherFile()
        {
            var test = new SecretsCodeFixTest();
            const string keys = @"
namespace TestProject
{
    static class Keys
    {
        internal const string LeakedKeyId = ""{|SECRETS001:AKIAAT4OHIT6FQZUIIF6|}"";
    }
}";
            const string guard = @"
namespace TestProject.Checks
{
    class Guard
    {
        public int Length() => Keys.LeakedKeyId.Length;

        public bool IsLeaked(string keyId) => keyId switch
        {
            Keys.LeakedKeyId => true,
            _ => false,
        };
    }
}";
            test.TestState.Sources.Add(("/0/Keys.cs", keys));
            test.TestState.Sources.Add(("/0/Guard.cs", guard));
            test.FixedState.Sources.Add(("/0/Keys.cs", keys));
            test.FixedState.Sources.Add(("/0/Guard.cs", guard));
            return test.RunAsync();
        }

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
        public Task ValueInCodeThatIsNotCompiled() => NoFix(@"
namespace TestProject
{
    class Client
    {
#if LOCAL_RUNS
        private const string OldKey = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"";
#endif
        public int Retries => 3;
    }
}");
    }
}
