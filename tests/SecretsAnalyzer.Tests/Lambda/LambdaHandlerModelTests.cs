using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Lambda;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.Lambda
{
    /// <summary>
    /// The handler model on real compilations with the Lambda mirrors. Every string literal <c>"probe:X"</c> in a
    /// source states the expected handler name X at that point (<c>"probe:"</c> = not handler code).
    /// </summary>
    public class LambdaHandlerModelTests
    {
        private static ImmutableArray<MetadataReference>? s_references;

        [Fact]
        public Task ClassLibraryHandlers_AllInputShapes() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
namespace Orders
{
    public class Order { public string Id { get; set; } }
    public class StreamFunction
    {
        public Stream Handle(Stream input, ILambdaContext context) { var s = ""probe:StreamFunction.Handle""; return input; }
    }
    public class StringFunction
    {
        public string Upper(string input, ILambdaContext context) => ""probe:StringFunction.Upper"";
    }
    public class PocoFunction
    {
        public async Task<Order> GetAsync(Order order, ILambdaContext context) { await Task.Yield(); var s = ""probe:PocoFunction.GetAsync""; return order; }
    }
    public class VoidFunction
    {
        public static void Run(Order order, ILambdaContext context) { var s = ""probe:VoidFunction.Run""; }
    }
    public class TaskFunction
    {
        public Task Run(Stream order, ILambdaContext context) { var s = ""probe:TaskFunction.Run""; return Task.CompletedTask; }
    }
    public class ContextOnly
    {
        public string Ping(ILambdaContext context) => ""probe:ContextOnly.Ping"";
    }
}", withAll: true);

        [Fact]
        public Task PocoInput_NeedsASerializer_OnTheAssemblyOrTheMethod() => AssertProbes(@"
using System.IO;
using Amazon.Lambda.Core;
namespace Orders
{
    public class Order { public string Id { get; set; } }
    public class NoSerializer
    {
        public Order Handle(Order order, ILambdaContext context) { var s = ""probe:""; return order; }
    }
    public class RawStream
    {
        public Stream Raw(Stream input, ILambdaContext context) { var s = ""probe:RawStream.Raw""; return input; }
    }
    public class MethodSerializer
    {
        [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
        public Order Handle(Order order, ILambdaContext context) { var s = ""probe:MethodSerializer.Handle""; return order; }
    }
}", withAll: true);

        [Fact]
        public Task OneParameterMethods_QualifyOnlyWithContextOrAMethodSerializer() => AssertProbes(@"
using System.IO;
using Amazon.Lambda.Core;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
namespace Orders
{
    public class Order { public string Id { get; set; } }
    public class Mapper
    {
        public string Map(Order order) => ""probe:"";
        public Stream Copy(Stream input) { var s = ""probe:""; return input; }
        public string Nothing() => ""probe:"";
    }
    public class Single
    {
        [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
        public string Handle(Order order) => ""probe:Single.Handle"";
    }
}", withAll: true);

        [Fact]
        public Task NotHandlers_GenericAsyncVoidThreeParametersPrivateRefAndGenericType() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
namespace Orders
{
    public class Generic
    {
        public T Handle<T>(T input, ILambdaContext context) { var s = ""probe:""; return input; }
    }
    public class AsyncVoid
    {
        public async void Handle(Stream input, ILambdaContext context) { await Task.Yield(); var s = ""probe:""; }
    }
    public class ThreeParameters
    {
        public void Handle(Stream input, ILambdaContext context, int retries) { var s = ""probe:""; }
    }
    public class NotPublic
    {
        private void Handle(Stream input, ILambdaContext context) { var s = ""probe:""; }
        internal void Other(Stream input, ILambdaContext context) { var s = ""probe:""; }
    }
    public class ByRef
    {
        public void Handle(ref Stream input, ILambdaContext context) { var s = ""probe:""; }
    }
    public class ContextFirst
    {
        public void Handle(ILambdaContext context, Stream input) { var s = ""probe:""; }
    }
    public class Open<TInput>
    {
        public void Handle(Stream input, ILambdaContext context) { var s = ""probe:""; }
    }
}", withAll: true);

        [Fact]
        public async Task NotHandlers_AreReportedFalseByIsHandler()
        {
            (Compilation compilation, _) = await CompileAsync(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class F
{
    public T Generic<T>(T input, ILambdaContext context) => input;
    public async void AsyncVoid(Stream input, ILambdaContext context) { await Task.Yield(); }
    public void Three(Stream input, ILambdaContext context, int retries) { }
    public void Good(Stream input, ILambdaContext context) { }
}", withAll: true);
            var model = LambdaHandlerModel.Create(compilation);
            INamedTypeSymbol type = compilation.GetTypeByMetadataName("F")!;
            IMethodSymbol Method(string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();
            Assert.False(model.IsHandler(Method("Generic")));
            Assert.False(model.IsHandler(Method("AsyncVoid")));
            Assert.False(model.IsHandler(Method("Three")));
            Assert.True(model.IsHandler(Method("Good")));
            Assert.Same(model.GetMethodHandler(Method("Good")), model.GetMethodHandler(Method("Good")));
        }

        [Fact]
        public Task OtherMembersOfAHandlerType_AreNamedAfterItsFirstHandler_HelperTypesAreNot() => AssertProbes(@"
using System.IO;
using Amazon.Lambda.Core;
namespace Orders
{
    public class Function
    {
        private const string Table = ""probe:Function.Handle"";
        private static readonly string Bucket = ""probe:Function.Handle"";
        public Function() { var s = ""probe:Function.Handle""; }
        public string Region => ""probe:Function.Handle"";
        public Stream Handle(Stream input, ILambdaContext context) { var s = ""probe:Function.Handle""; return input; }
        public Stream Second(Stream input, ILambdaContext context) { var s = ""probe:Function.Second""; return input; }
        private void Helper() { System.Func<string> f = () => ""probe:Function.Handle""; }
        private class Nested { string N() => ""probe:Function.Handle""; }
    }
    public class Repository
    {
        public string Load(string key) => ""probe:"";
    }
}", withAll: true);

        [Fact]
        public Task AnnotationsLambdaFunction_AnyParameterCount_WithApiAttributes() => AssertProbes(@"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
namespace Calculator
{
    public class Functions
    {
        [LambdaFunction(Role = ""probe:Functions.Add"")]
        [HttpApi(LambdaHttpMethod.Get, ""/add/{x}/{y}"")]
        public int Add(int x, int y, ILambdaContext context) { var s = ""probe:Functions.Add""; return x + y; }

        [LambdaFunction]
        [RestApi(LambdaHttpMethod.Post, ""/reset"")]
        public void Reset() { var s = ""probe:Functions.Reset""; }

        [HttpApi(LambdaHttpMethod.Get, ""/nope"")]
        public int NotAFunction(int x, int y) => x;
    }
}", withAll: true);

        [Fact]
        public Task Bootstrap_TopLevelLambdaVariable_AndTheRestOfTheProgram() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var banner = ""probe:Program.<lambda>"";
var handler = async (string input, ILambdaContext context) =>
{
    var s = ""probe:Program.<lambda>"";
    return await Task.FromResult(input.ToUpper());
};
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

class Helper { string H() => ""probe:""; }
", withAll: true, executable: true);

        [Fact]
        public Task Bootstrap_InlineLambda() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;

await LambdaBootstrapBuilder.Create((Stream input, ILambdaContext context) => { var s = ""probe:Program.<lambda>""; return Task.CompletedTask; }).Build().RunAsync();
", withAll: true, executable: true);

        [Fact]
        public Task Bootstrap_TopLevelLocalFunction() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;

await LambdaBootstrapBuilder.Create(Handler).Build().RunAsync();

Task Handler(Stream request, ILambdaContext context) { var s = ""probe:Program.Handler""; return Task.CompletedTask; }
", withAll: true, executable: true);

        [Fact]
        public Task Bootstrap_MethodGroups_InMainAndOnAnotherType() => AssertProbes(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

namespace Worker
{
    public static class Entry
    {
        public static async Task Main()
        {
            var s = ""probe:Entry.Handle"";
            await LambdaBootstrapBuilder.Create<string, string>(Handle, new DefaultLambdaJsonSerializer()).Build().RunAsync();
            await LambdaBootstrapBuilder.Create<string, string>(Jobs.Run, new DefaultLambdaJsonSerializer()).Build().RunAsync();
        }

        private static string Handle(string input) => ""probe:Entry.Handle"";
    }

    internal static class Jobs
    {
        internal static Task<string> Run(string input) => Task.FromResult(""probe:Jobs.Run"");
        internal static string Other() => ""probe:Jobs.Run"";
    }

    internal static class NotUsed
    {
        internal static string Run(string input) => ""probe:"";
    }
}", withAll: true, executable: true);

        [Fact]
        public Task Bootstrap_WrappedDelegates_ThisMethodGroups_AndNestedLambdas() => AssertProbes(@"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;

namespace Worker
{
    public class Host
    {
        public async Task RunAsync()
        {
            await LambdaBootstrapBuilder.Create(new Func<Stream, ILambdaContext, Task>(Process)).Build().RunAsync();
            await LambdaBootstrapBuilder.Create(this.Other).Build().RunAsync();
        }

        private Task Process(Stream input, ILambdaContext context)
        {
            Func<string> nested = () => ""probe:Host.Process"";
            return Task.CompletedTask;
        }

        private Task Other(Stream input, ILambdaContext context) { var s = ""probe:Host.Other""; return Task.CompletedTask; }
    }

    public static class Cold
    {
        public static async Task Main()
        {
            await LambdaBootstrapBuilder.Create((Func<Stream, ILambdaContext, Task>)((input, context) =>
            {
                Func<string> inner = () => ""probe:Cold.<lambda>"";
                return Task.CompletedTask;
            })).Build().RunAsync();
        }
    }
}", withAll: true, executable: true);

        [Fact]
        public async Task TypeHandlers_AreCachedPerType()
        {
            (Compilation compilation, _) = await CompileAsync(@"
using System.IO;
using Amazon.Lambda.Core;
public class Function
{
    public Stream Handle(Stream input, ILambdaContext context) => input;
    public Stream Other(Stream input, ILambdaContext context) => input;
}
public class Helper { }", withAll: true);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            INamedTypeSymbol function = compilation.GetTypeByMetadataName("Function")!;
            LambdaHandler? first = model.GetTypeHandler(function);
            Assert.NotNull(first);
            Assert.Equal("Function.Handle", first!.Name);
            Assert.Same(first, model.GetTypeHandler(function));
            Assert.Null(model.GetTypeHandler(compilation.GetTypeByMetadataName("Helper")!));
        }

        [Fact]
        public async Task LambdaContextInScope_TopLevelBootstrapLambda()
        {
            (Compilation compilation, SyntaxTree tree) = await CompileAsync(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;

var before = ""top-level"";
var handler = (Stream input, ILambdaContext lambdaContext) =>
{
    var s = ""in-bootstrap"";
    return Task.CompletedTask;
};
await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
", withAll: true, executable: true);
            SemanticModel semantic = compilation.GetSemanticModel(tree);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            Assert.True(model.TryGetLambdaContextInScope(Literal(tree, "in-bootstrap"), semantic, CancellationToken.None, out ISymbol? symbol));
            Assert.Equal("lambdaContext", symbol!.Name);
            Assert.False(model.TryGetLambdaContextInScope(Literal(tree, "top-level"), semantic, CancellationToken.None, out _));
            Assert.Equal(LambdaHandlerKind.Bootstrap, model.GetHandlerInfo(Literal(tree, "in-bootstrap"), semantic, CancellationToken.None)?.Kind);
            Assert.NotNull(model.GetHandler(Literal(tree, "in-bootstrap"), semantic, CancellationToken.None));
        }

        [Fact]
        public Task AspNetCoreServerFunctions_AllThreeBaseClasses() => AssertProbes(@"
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Hosting;
namespace Api
{
    public class Startup { }
    public class LambdaEntryPoint : APIGatewayProxyFunction
    {
        protected override void Init(IWebHostBuilder builder) { var s = ""probe:LambdaEntryPoint.FunctionHandlerAsync""; }
    }
    public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<Startup>
    {
        private const string Stage = ""probe:HttpApiEntryPoint.FunctionHandlerAsync"";
    }
    public class AlbEntryPoint : ApplicationLoadBalancerFunction<Startup>
    {
        private const string Target = ""probe:AlbEntryPoint.FunctionHandlerAsync"";
    }
    public class RestEntryPoint : APIGatewayProxyFunction<Startup>
    {
        private const string Stage = ""probe:RestEntryPoint.FunctionHandlerAsync"";
    }
    public class Indirect : LambdaEntryPoint
    {
        private const string Stage = ""probe:Indirect.FunctionHandlerAsync"";
    }
    public class ValuesController
    {
        public string Get() => ""probe:"";
    }
}", withAll: true);

        [Fact]
        public Task AddAWSLambdaHosting_TopLevelProgram() => AssertProbes(@"
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var greeting = ""probe:Program (AddAWSLambdaHosting)"";

class TodoStore { string Name() => ""probe:""; }
", withAll: true, executable: true);

        [Fact]
        public Task AddAWSLambdaHosting_InAStartupClass() => AssertProbes(@"
using Microsoft.Extensions.DependencyInjection;
namespace Api
{
    public class Startup
    {
        public void ConfigureServices(IServiceCollection services)
        {
            services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
            var s = ""probe:Startup (AddAWSLambdaHosting)"";
        }
    }
}", withAll: true);

        [Fact]
        public async Task WithoutLambdaPackages_ItIsNotALambdaProject()
        {
            (Compilation compilation, _) = await CompileAsync(@"
public class Function
{
    public string Handle(System.IO.Stream input, object context) => ""x"";
}", withAll: false);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            Assert.False(model.IsLambdaProject);
            Assert.Null(model.LambdaContextType);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        public async Task EachLambdaPackage_MakesALambdaProject(int which)
        {
            string[] sources = which switch
            {
                0 => new[] { LambdaStubs.LambdaCore },
                1 => new[] { LambdaStubs.LambdaAnnotations },
                2 => new[] { LambdaStubs.LambdaCore, LambdaStubs.RuntimeSupport },
                3 => new[] { LambdaStubs.LambdaCore, LambdaStubs.AspNetCoreServer },
                4 => new[] { LambdaStubs.AspNetCoreHosting },
                5 => new[] { LambdaStubs.LambdaCore, LambdaStubs.SerializationSystemTextJson },
                _ => LambdaStubs.All,
            };
            (Compilation compilation, _) = await CompileAsync("class C { }", withAll: false, extra: sources);
            Assert.True(LambdaHandlerModel.Create(compilation).IsLambdaProject);
        }

        [Fact]
        public async Task LambdaContextInScope_ParametersLocalsAndStaticBoundaries()
        {
            (Compilation compilation, SyntaxTree tree) = await CompileAsync(@"
using System;
using System.IO;
using Amazon.Lambda.Core;
public class Function
{
    public Stream Handle(Stream input, ILambdaContext context)
    {
        var a = ""in-handler"";
        Func<string> capture = () => ""in-lambda"";
        Func<string> isolated = static () => ""in-static-lambda"";
        Func<ILambdaContext, string> own = static c => ""own-parameter"";
        return input;
    }

    public void Helper()
    {
        var b = ""no-context"";
        ILambdaContext ctx = null;
        var c = ""after-local"";
    }
}", withAll: true);
            SemanticModel semantic = compilation.GetSemanticModel(tree);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            ISymbol? Context(string literal)
            {
                SyntaxNode node = Literal(tree, literal);
                return model.TryGetLambdaContextInScope(node, semantic, CancellationToken.None, out ISymbol? symbol) ? symbol : null;
            }

            Assert.Equal("context", Context("in-handler")?.Name);
            Assert.Equal("context", Context("in-lambda")?.Name);
            Assert.Null(Context("in-static-lambda"));
            Assert.Equal("c", Context("own-parameter")?.Name);
            Assert.Null(Context("no-context"));
            Assert.Equal("ctx", Context("after-local")?.Name);
            Assert.IsAssignableFrom<IParameterSymbol>(Context("in-handler"));
            Assert.IsAssignableFrom<ILocalSymbol>(Context("after-local"));
        }

        [Fact]
        public async Task GetHandler_ReturnsTheHandlerMethod()
        {
            (Compilation compilation, SyntaxTree tree) = await CompileAsync(@"
using System.IO;
using Amazon.Lambda.Core;
public class Function
{
    public Stream Handle(Stream input, ILambdaContext context) { var s = ""inside""; return input; }
}", withAll: true);
            SemanticModel semantic = compilation.GetSemanticModel(tree);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            IMethodSymbol? handler = model.GetHandler(Literal(tree, "inside"), semantic, CancellationToken.None);
            Assert.Equal("Handle", handler?.Name);
            Assert.Equal(LambdaHandlerKind.ClassLibrary, model.GetHandlerInfo(Literal(tree, "inside"), semantic, CancellationToken.None)?.Kind);
        }

        private static async Task AssertProbes(string source, bool withAll, bool executable = false)
        {
            (Compilation compilation, SyntaxTree tree) = await CompileAsync(source, withAll, executable: executable);
            SemanticModel semantic = compilation.GetSemanticModel(tree);
            LambdaHandlerModel model = LambdaHandlerModel.Create(compilation);
            Assert.True(model.IsLambdaProject);
            var failures = new List<string>();
            int probes = 0;
            foreach (LiteralExpressionSyntax literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                string value = literal.Token.ValueText;
                if (!value.StartsWith("probe:", System.StringComparison.Ordinal))
                {
                    continue;
                }

                probes++;
                string? expected = value.Length == "probe:".Length ? null : value.Substring("probe:".Length);
                string? actual = model.GetHandlerName(literal, semantic, CancellationToken.None);
                if (expected != actual)
                {
                    failures.Add($"line {literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: expected {expected ?? "<none>"}, got {actual ?? "<none>"}");
                }
            }

            Assert.True(probes > 0);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        private static SyntaxNode Literal(SyntaxTree tree, string value)
            => tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single(l => l.Token.ValueText == value);

        private static async Task<(Compilation, SyntaxTree)> CompileAsync(string source, bool withAll, bool executable = false, string[]? extra = null)
        {
            s_references ??= await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, parse, path: "Test0.cs");
            var trees = new List<SyntaxTree> { tree };
            foreach (string stub in extra ?? (withAll ? LambdaStubs.All : System.Array.Empty<string>()))
            {
                trees.Add(CSharpSyntaxTree.ParseText(stub, parse));
            }

            var options = new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable);
            Compilation compilation = CSharpCompilation.Create("Test", trees, s_references.Value, options);
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
            return (compilation, tree);
        }
    }
}
