using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>
    /// The generated helper, compiled and run: against the real AWSSDK.SimpleSystemsManagement (a client subclass whose
    /// GetParameterAsync answers from memory, no network) and the test-only mirror of AWSSDK.SecretsManager (a fake
    /// IAmazonSecretsManager). The only change to the generated text is which client the Lazy creates. A store failure
    /// gives the documented InvalidOperationException naming the store and the name, never the value, and is not
    /// cached: the next call reads again; the caller's CancellationToken reaches the SDK; a static property over the
    /// helper (what the fixes write for const and static readonly fields) retries where a static field cannot.
    /// </summary>
    public class HelperRunTimeTests : IClassFixture<HelperRunTimeTests.Compiled>
    {
        private const string Value = "run-time-value-7f3a";

        private readonly Compiled _compiled;

        public HelperRunTimeTests(Compiled compiled)
        {
            _compiled = compiled;
        }

        [Fact]
        public async Task MissingParameter_NamesStoreAndName_IsNotCached_AndTheNextCallReadsAgain()
        {
            Runtime run = _compiled.Direct;
            InvalidOperationException failure = await Assert.ThrowsAsync<InvalidOperationException>(() => run.GetParameterAsync("/tests/missing-first", CancellationToken.None));
            Assert.Contains("'/tests/missing-first'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("SSM Parameter Store", failure.Message, StringComparison.Ordinal);
            Assert.Equal("ParameterNotFoundException", failure.InnerException?.GetType().Name);
            int calls = run.Calls;

            run.Set("/tests/missing-first", Value);
            Assert.Equal(Value, await run.GetParameterAsync("/tests/missing-first", CancellationToken.None));
            Assert.Equal(calls + 1, run.Calls);

            // Now cached: no further call, from either accessor.
            Assert.Equal(Value, await run.GetParameterAsync("/tests/missing-first", CancellationToken.None));
            Assert.Equal(Value, run.GetParameter("/tests/missing-first"));
            Assert.Equal(calls + 1, run.Calls);
        }

        [Fact]
        public void Throttling_OnTheSynchronousAccessor_NeverShowsTheValue_AndTheNextCallReadsAgain()
        {
            Runtime run = _compiled.Direct;
            run.Set("/tests/throttled", Value);
            run.FailNext("throttle");
            InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => run.GetParameter("/tests/throttled"));
            Assert.Contains("'/tests/throttled'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("SSM Parameter Store", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Value, failure.ToString(), StringComparison.Ordinal);
            Assert.Equal("ThrottlingException", failure.InnerException?.GetType().GetProperty("ErrorCode")?.GetValue(failure.InnerException));

            Assert.Equal(Value, run.GetParameter("/tests/throttled"));
        }

        [Fact]
        public async Task MissingSecret_NamesSecretsManagerAndTheSecret_AndTheNextCallReadsAgain()
        {
            Runtime run = _compiled.Direct;
            InvalidOperationException failure = await Assert.ThrowsAsync<InvalidOperationException>(() => run.GetSecretAsync("tests/missing-secret", CancellationToken.None));
            Assert.Contains("'tests/missing-secret'", failure.Message, StringComparison.Ordinal);
            Assert.Contains("AWS Secrets Manager", failure.Message, StringComparison.Ordinal);

            run.Set("secretsmanager:tests/missing-secret", Value);
            Assert.Equal(Value, run.GetSecret("tests/missing-secret"));
        }

        [Fact]
        public async Task WithoutSecretsManager_SecretsAreReadThroughTheReferencePath_WithDecryption()
        {
            Runtime run = _compiled.ThroughParameterStore;
            InvalidOperationException failure = await Assert.ThrowsAsync<InvalidOperationException>(() => run.GetSecretAsync("tests/referenced", CancellationToken.None));
            Assert.Contains("'/aws/reference/secretsmanager/tests/referenced'", failure.Message, StringComparison.Ordinal);

            run.Set("/aws/reference/secretsmanager/tests/referenced", Value);
            Assert.Equal(Value, run.GetSecret("tests/referenced"));
            Assert.True(run.LastWithDecryption);
        }

        [Fact]
        public async Task TheCallersCancellationToken_ReachesTheSdk_AndACancelledReadIsNotCached()
        {
            Runtime run = _compiled.Direct;
            run.Set("/tests/cancelled", Value);
            run.SetBlocking(true);
            try
            {
                using var cancellation = new CancellationTokenSource();
                Task<string> read = run.GetParameterAsync("/tests/cancelled", cancellation.Token);
                SpinWait.SpinUntil(() => run.LastTokenEquals(cancellation.Token), TimeSpan.FromSeconds(30));
                Assert.True(run.LastTokenEquals(cancellation.Token), "the SDK call did not receive the caller's token");
                cancellation.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
            }
            finally
            {
                run.SetBlocking(false);
            }

            Assert.Equal(Value, await run.GetParameterAsync("/tests/cancelled", CancellationToken.None));
        }

        [Fact]
        public void StaticProperty_RetriesAfterAFailedRead_WhereAStaticFieldFailsForTheLifeOfTheProcess()
        {
            Runtime run = _compiled.Direct;

            // What the fixes wrote before: the static initializer's failure is remembered by the runtime.
            Assert.Throws<TypeInitializationException>(() => run.ReadStatic("Fields", "KeyId"));
            run.Set("/keys/field-key-id", Value);
            Assert.Throws<TypeInitializationException>(() => run.ReadStatic("Fields", "KeyId"));

            // What the fixes write now: the failure is the helper's own exception, and the next read succeeds.
            InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => run.ReadStatic("Properties", "KeyId"));
            Assert.Contains("'/keys/property-key-id'", failure.Message, StringComparison.Ordinal);
            run.Set("/keys/property-key-id", Value);
            Assert.Equal(Value, run.ReadStatic("Properties", "KeyId"));
        }

        /// <summary>The two compiled helpers (with and without AWSSDK.SecretsManager), once for the class.</summary>
        public sealed class Compiled
        {
            public Compiled()
            {
                ImmutableArray<MetadataReference> references = TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
                Direct = Runtime.Build("HelperRunTime.Direct", secretsManager: true, references);
                ThroughParameterStore = Runtime.Build("HelperRunTime.ThroughParameterStore", secretsManager: false, references);
            }

            public Runtime Direct { get; }

            public Runtime ThroughParameterStore { get; }
        }

        /// <summary>One compiled helper with its fakes, loaded in a load context of its own that resolves the AWS SDK.</summary>
        public sealed class Runtime
        {
            private const string Fakes = @"
namespace Fakes
{
    using System;
    using System.Collections.Concurrent;
    using System.Threading;
    using System.Threading.Tasks;
    using Amazon.Runtime;
    using Amazon.SimpleSystemsManagement;
    using Amazon.SimpleSystemsManagement.Model;

    public static class Store
    {
        private static readonly ConcurrentDictionary<string, string> Values = new ConcurrentDictionary<string, string>();
        private static readonly ConcurrentQueue<string> Failures = new ConcurrentQueue<string>();
        private static int calls;
        private static volatile bool blocking;

        public static CancellationToken LastToken;
        public static bool LastWithDecryption;

        public static int Calls => Volatile.Read(ref calls);
        public static void Set(string name, string value) => Values[name] = value;
        public static void FailNext(string kind) => Failures.Enqueue(kind);
        public static void SetBlocking(bool value) => blocking = value;

        public static async Task<string> ReadAsync(string name, CancellationToken token, Func<Exception> missing, Func<Exception> throttled)
        {
            Interlocked.Increment(ref calls);
            LastToken = token;
            await Task.Yield();
            if (blocking)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            if (Failures.TryDequeue(out string kind))
            {
                throw kind == ""throttle"" ? throttled() : missing();
            }

            if (!Values.TryGetValue(name, out string value))
            {
                throw missing();
            }

            return value;
        }
    }

    /// <summary>The real client, answering from memory.</summary>
    public sealed class FakeParameterStore : AmazonSimpleSystemsManagementClient
    {
        public FakeParameterStore() : base(new AnonymousAWSCredentials(), Amazon.RegionEndpoint.USEast1) { }

        public override async Task<GetParameterResponse> GetParameterAsync(GetParameterRequest request, CancellationToken cancellationToken = default)
        {
            Store.LastWithDecryption = request.WithDecryption == true;
            string value = await Store.ReadAsync(
                request.Name,
                cancellationToken,
                () => new ParameterNotFoundException(""Parameter not found."") { ErrorCode = ""ParameterNotFound"" },
                () => new AmazonSimpleSystemsManagementException(""Rate exceeded"") { ErrorCode = ""ThrottlingException"" });
            return new GetParameterResponse { Parameter = new Parameter { Name = request.Name, Value = value } };
        }
    }

    public sealed class FakeSecretsManager : Amazon.SecretsManager.IAmazonSecretsManager
    {
        public async Task<Amazon.SecretsManager.Model.GetSecretValueResponse> GetSecretValueAsync(Amazon.SecretsManager.Model.GetSecretValueRequest request, CancellationToken cancellationToken = default)
        {
            string value = await Store.ReadAsync(
                ""secretsmanager:"" + request.SecretId,
                cancellationToken,
                () => new AmazonServiceException(""Secrets Manager can't find the specified secret."") { ErrorCode = ""ResourceNotFoundException"" },
                () => new AmazonServiceException(""Rate exceeded"") { ErrorCode = ""ThrottlingException"" });
            return new Amazon.SecretsManager.Model.GetSecretValueResponse { Name = request.SecretId, SecretString = value };
        }

        public void Dispose() { }
    }
}

namespace HelperRunTime
{
    public static class Fields
    {
        public static readonly string KeyId = SecretStore.GetParameter(""/keys/field-key-id"");
    }

    public static class Properties
    {
        public static string KeyId => SecretStore.GetParameter(""/keys/property-key-id"");
    }
}";

            private readonly Type _helper;
            private readonly Type _store;
            private readonly Assembly _assembly;

            private Runtime(Assembly assembly)
            {
                _assembly = assembly;
                _helper = assembly.GetType("HelperRunTime.SecretStore", throwOnError: true)!;
                _store = assembly.GetType("Fakes.Store", throwOnError: true)!;
            }

            public int Calls => (int)_store.GetProperty("Calls")!.GetValue(null)!;

            public bool LastWithDecryption => (bool)_store.GetField("LastWithDecryption")!.GetValue(null)!;

            public static Runtime Build(string assemblyName, bool secretsManager, ImmutableArray<MetadataReference> references)
            {
                string helper = HelperClass.Generate("HelperRunTime", secretsManager, parameterStore: true, arn: false);
                helper = ReplaceOnce(helper, "new AmazonSimpleSystemsManagementClient()", "new global::Fakes.FakeParameterStore()");
                if (secretsManager)
                {
                    helper = ReplaceOnce(helper, "new AmazonSecretsManagerClient()", "new global::Fakes.FakeSecretsManager()");
                }

                var parse = new CSharpParseOptions(LanguageVersion.Latest);
                SyntaxTree helperTree = CSharpSyntaxTree.ParseText(helper, parse, "SecretStore.cs");
                var trees = new[] { helperTree, CSharpSyntaxTree.ParseText(Fakes, parse, "Fakes.cs"), CSharpSyntaxTree.ParseText(LambdaStubs.SecretsManager, parse, "SecretsManager.cs") };
                CSharpCompilation compilation = CSharpCompilation.Create(
                    assemblyName,
                    trees,
                    references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

                using var stream = new MemoryStream();
                Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
                Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree == helperTree));

                var paths = references.OfType<PortableExecutableReference>().Where(r => r.FilePath != null && Path.GetFileName(r.FilePath).StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(r => Path.GetFileNameWithoutExtension(r.FilePath!), r => r.FilePath!, StringComparer.OrdinalIgnoreCase);
                var context = new SdkLoadContext(assemblyName, paths);
                stream.Position = 0;
                return new Runtime(context.LoadFromStream(stream));
            }

            public void Set(string name, string value) => Call(_store, "Set", name, value);

            public void FailNext(string kind) => Call(_store, "FailNext", kind);

            public void SetBlocking(bool value) => Call(_store, "SetBlocking", value);

            public bool LastTokenEquals(CancellationToken token) => ((CancellationToken)_store.GetField("LastToken")!.GetValue(null)!).Equals(token);

            public Task<string> GetParameterAsync(string name, CancellationToken token) => (Task<string>)Call(_helper, "GetParameterAsync", name, token)!;

            public Task<string> GetSecretAsync(string name, CancellationToken token) => (Task<string>)Call(_helper, "GetSecretAsync", name, token)!;

            public string GetParameter(string name) => (string)Call(_helper, "GetParameter", name)!;

            public string GetSecret(string name) => (string)Call(_helper, "GetSecret", name)!;

            public object? ReadStatic(string type, string member)
            {
                Type declaring = _assembly.GetType("HelperRunTime." + type, throwOnError: true)!;
                try
                {
                    return declaring.GetProperty(member) is PropertyInfo property ? property.GetValue(null) : declaring.GetField(member)!.GetValue(null);
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw e.InnerException;
                }
            }

            private static string ReplaceOnce(string text, string from, string to)
            {
                int first = text.IndexOf(from, StringComparison.Ordinal);
                Assert.True(first >= 0 && text.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, "the helper no longer creates its client with " + from);
                return text.Replace(from, to, StringComparison.Ordinal);
            }

            private static object? Call(Type type, string name, params object[] arguments)
            {
                MethodInfo method = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == name && m.GetParameters().Length == arguments.Length);
                try
                {
                    return method.Invoke(null, arguments);
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                    throw;
                }
            }
        }

        /// <summary>Loads the AWS SDK assemblies from the packages the test compilations reference; the rest from the default context.</summary>
        private sealed class SdkLoadContext : AssemblyLoadContext
        {
            private readonly System.Collections.Generic.Dictionary<string, string> _paths;

            public SdkLoadContext(string name, System.Collections.Generic.Dictionary<string, string> paths)
                : base(name)
            {
                _paths = paths;
            }

            protected override Assembly? Load(AssemblyName assemblyName) =>
                assemblyName.Name != null && _paths.TryGetValue(assemblyName.Name, out string? path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
