using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>
    /// The forms issue 16 §3 adds: UTF-8 literals, default parameter values (methods, constructors, local functions,
    /// primary constructors, records), static fields that become retrying properties (also across files), awaited
    /// lookups that pass the handler's CancellationToken.
    /// </summary>
    public class MoreFormsFixTests
    {
        private static SecretsCodeFixTest Test(string source, string fixedSource)
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromSecretsManager), action.Title),
            };
            test.ExpectHelper();
            return test;
        }

        [Fact]
        public Task Utf8Literal_InAnExplicitlyTypedSpan_GetsTheBytesOfTheLookup() => Test(@"
using System;

namespace TestProject
{
    class Signer
    {
        public int Sign()
        {
            ReadOnlySpan<byte> key = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}""u8;
            return key.Length;
        }
    }
}", @"
using System;
using System.Text;

namespace TestProject
{
    class Signer
    {
        public int Sign()
        {
            ReadOnlySpan<byte> key = Encoding.UTF8.GetBytes(SecretStore.GetSecret(""signer/sign-key""));
            return key.Length;
        }
    }
}").RunAsync();

        [Fact]
        public Task Utf8Literal_InAVarInAnAsyncMethod_StaysASpan_AndReadsSynchronously() => Test(@"
using System;
using System.Threading.Tasks;

namespace TestProject
{
    class Signer
    {
        public async Task<int> SignAsync()
        {
            await Task.Yield();
            return Length();

            static int Length()
            {
                var key = ""{|SECRETS001:AKIAUL66LDQBWZB2XYA4|}""u8;
                return key.Slice(4).Length;
            }
        }
    }
}", @"
using System;
using System.Text;
using System.Threading.Tasks;

namespace TestProject
{
    class Signer
    {
        public async Task<int> SignAsync()
        {
            await Task.Yield();
            return Length();

            static int Length()
            {
                var key = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(SecretStore.GetSecret(""signer/sign-key"")));
                return key.Slice(4).Length;
            }
        }
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_ExpressionBodiedMethod_BecomesNullAndTheBodyLooksUp() => Test(@"
namespace TestProject
{
    class Client
    {
        public string Connect(string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"") => keyId;
    }
}", @"
namespace TestProject
{
    class Client
    {
        public string Connect(string keyId = null)
        {
            keyId ??= SecretStore.GetSecret(""client/connect-key-id"");
            return keyId;
        }
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_AsyncMethod_IsAnnotated_AndPassesTheCancellationToken() => Test(@"
#nullable enable
using System.Threading;
using System.Threading.Tasks;

namespace TestProject
{
    class Uploader
    {
        public async Task<int> UploadAsync(string body, CancellationToken cancellationToken, string keyId = ""{|SECRETS001:AKIAUL66LDQBWZB2XYA4|}"")
        {
            await Task.Delay(1, cancellationToken);
            return (body + keyId).Length;
        }
    }
}", @"
#nullable enable
using System.Threading;
using System.Threading.Tasks;

namespace TestProject
{
    class Uploader
    {
        public async Task<int> UploadAsync(string body, CancellationToken cancellationToken, string? keyId = null)
        {
            keyId ??= await SecretStore.GetSecretAsync(""uploader/upload-key-id"", cancellationToken);
            await Task.Delay(1, cancellationToken);
            return (body + keyId).Length;
        }
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_Constructor() => Test(@"
namespace TestProject
{
    class Client
    {
        public Client(string keyId = ""{|SECRETS001:AKIAE5KPLNC3RA5D42KC|}"")
        {
            KeyId = keyId;
        }

        public string KeyId { get; }
    }
}", @"
namespace TestProject
{
    class Client
    {
        public Client(string keyId = null)
        {
            keyId ??= SecretStore.GetSecret(""client/constructor-key-id"");
            KeyId = keyId;
        }

        public string KeyId { get; }
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_PrimaryConstructor_TheInitializerLooksUp() => Test(@"
namespace TestProject
{
    public class Uploader(string keyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"")
    {
        private readonly string _keyId = keyId;

        public int Length => _keyId.Length;
    }
}", @"
namespace TestProject
{
    public class Uploader(string keyId = null)
    {
        private readonly string _keyId = keyId ?? SecretStore.GetSecret(""uploader/key-id"");

        public int Length => _keyId.Length;
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_RecordPositionalParameter_KeepsANonNullableProperty() => Test(@"
#nullable enable
namespace TestProject
{
    public record Settings(string Region, string KeyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"");
}", @"
#nullable enable
namespace TestProject
{
    public record Settings(string Region, string? KeyId = null)
    {
        public string KeyId { get; init; } = KeyId ?? SecretStore.GetSecret(""settings/key-id"");
    }
}").RunAsync();

        [Fact]
        public Task CancellationTokenOfTheHandler_IsPassedToTheAwaitedLookup() => Test(@"
using System.Threading;
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<string> HandleAsync(string input, CancellationToken ct)
        {
            var keyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"";
            return await Task.FromResult(keyId + input);
        }
    }
}", @"
using System.Threading;
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<string> HandleAsync(string input, CancellationToken ct)
        {
            var keyId = await SecretStore.GetSecretAsync(""function/handle-key-id"", ct);
            return await Task.FromResult(keyId + input);
        }
    }
}").RunAsync();

        [Fact]
        public async Task ConstUsedOnlyInNonConstantContextsInOtherFiles_BecomesAStaticProperty()
        {
            var test = new SecretsCodeFixTest
            {
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
            };
            test.TestState.Sources.Add(("/0/Keys.cs", @"
namespace TestProject
{
    static class Keys
    {
        internal const string DeployKeyId = ""{|SECRETS001:AKIA5SWWRW2WL4XVJKMX|}"";
    }
}"));
            const string deployer = @"
namespace TestProject.Jobs
{
    class Deployer
    {
        public int Length() => Keys.DeployKeyId.Length;

        public bool Is(string keyId) => keyId == Keys.DeployKeyId;
    }
}";
            test.TestState.Sources.Add(("/0/Deployer.cs", deployer));
            test.FixedState.Sources.Add(("/0/Keys.cs", @"
namespace TestProject
{
    static class Keys
    {
        internal static string DeployKeyId => SecretStore.GetSecret(""keys/deploy-key-id"");
    }
}"));
            test.FixedState.Sources.Add(("/0/Deployer.cs", deployer));
            test.ExpectHelper();
            await test.RunAsync();
        }

        [Fact]
        public Task StaticReadonlyFieldWrittenInTheStaticConstructor_StaysAField() => Test(@"
namespace TestProject
{
    class Settings
    {
        private static readonly string KeyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"";

        static Settings()
        {
            if (KeyId.Length == 0)
            {
                KeyId = ""none"";
            }
        }
    }
}", @"
namespace TestProject
{
    class Settings
    {
        private static readonly string KeyId = SecretStore.GetSecret(""settings/key-id"");

        static Settings()
        {
            if (KeyId.Length == 0)
            {
                KeyId = ""none"";
            }
        }
    }
}").RunAsync();

        [Fact]
        public Task StaticReadonlyFieldWhoseInitializerBuildsAnObject_StaysAField_SoTheObjectIsBuiltOnce() => Test(@"
namespace TestProject
{
    class Signer
    {
        private static readonly System.Text.StringBuilder Header = new System.Text.StringBuilder(""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"");
    }
}", @"
namespace TestProject
{
    class Signer
    {
        private static readonly System.Text.StringBuilder Header = new System.Text.StringBuilder(SecretStore.GetSecret(""signer/header-value""));
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_LocalFunction_VoidExpressionBody() => Test(@"
using System;

namespace TestProject
{
    class Runner
    {
        public void Run()
        {
            Print();

            void Print(string keyId = ""{|SECRETS001:AKIAUL66LDQBWZB2XYA4|}"") => Console.WriteLine(keyId.Length);
        }
    }
}", @"
using System;

namespace TestProject
{
    class Runner
    {
        public void Run()
        {
            Print();

            void Print(string keyId = null)
            {
                keyId ??= SecretStore.GetSecret(""runner/run-key-id"");
                Console.WriteLine(keyId.Length);
            }
        }
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_RecordStructWithABody_GetsAMutableProperty() => Test(@"
namespace TestProject
{
    public record struct Settings(string KeyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"")
    {
        public int Length => KeyId.Length;
    }
}", @"
namespace TestProject
{
    public record struct Settings(string KeyId = null)
    {
        public string KeyId { get; set; } = KeyId ?? SecretStore.GetSecret(""settings/key-id"");

        public int Length => KeyId.Length;
    }
}").RunAsync();

        [Fact]
        public Task DefaultParameterValue_NullableRecordParameter_KeepsItsNullablePropertyType() => Test(@"
#nullable enable
namespace TestProject
{
    public sealed record Settings(string? KeyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"");
}", @"
#nullable enable
namespace TestProject
{
    public sealed record Settings(string? KeyId = null)
    {
        public string? KeyId { get; init; } = KeyId ?? SecretStore.GetSecret(""settings/key-id"");
    }
}").RunAsync();
    }
}
