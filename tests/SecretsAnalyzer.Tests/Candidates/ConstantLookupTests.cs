using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Candidates;
using Xunit;

namespace SecretsAnalyzer.Tests.Candidates
{
    /// <summary>
    /// Constants found by name lookup (<see cref="ConstantLookup"/>) must agree with the compiler's own fold
    /// (<see cref="SemanticModel.GetConstantValue"/>) on every name shape, hiding included.
    /// </summary>
    public class ConstantLookupTests
    {
        private const string Source = """
            using K = App.Config.Keys;
            using static App.Config.Keys;
            namespace App.Config
            {
                static class Keys
                {
                    public const string Prefix = "pre";
                    public const char Sep = ':';
                    public const int Size = 4;
                    public static readonly string NotConst = "ro";
                    public static class Nested { public const string Deep = "deep" + Prefix; }
                }
                class Base { protected const string Inherited = "inh"; }
                class Derived : Base
                {
                    const string Field = "field";
                    string Instance = "i";
                    void M(string Parameter)
                    {
                        const string Local = "local";
                        string Shadow = "not const";
                        Use(Field, Local, Parameter, Instance, Keys.Prefix, K.Prefix, App.Config.Keys.Prefix, Prefix, Keys.Sep, Keys.Size,
                            Keys.NotConst, Keys.Nested.Deep, Inherited, Derived.Inherited, this.Instance, Field.Length);
                        { string Field = "hides the constant"; Use(Field); }
                    }
                    void Use(params object[] a) { }
                }
            }
            """;

        [Fact]
        public void AgreesWithTheCompilersFold_OnEveryArgument()
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("T", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            SemanticModel model = compilation.GetSemanticModel(tree);
            ExpressionSyntax[] arguments = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .SelectMany(i => i.ArgumentList.Arguments).Select(a => a.Expression).ToArray();
            Assert.Equal(17, arguments.Length);
            foreach (ExpressionSyntax argument in arguments)
            {
                Optional<object?> expected = model.GetConstantValue(argument);
                bool found = ConstantLookup.TryGetConstant(argument, model, CancellationToken.None, out object? value, out ISymbol? symbol);
                Assert.True(expected.HasValue == found, argument.ToString());
                Assert.Equal(expected.HasValue ? expected.Value : null, value);
                if (found)
                {
                    Assert.NotNull(symbol);
                }
            }
        }
    }
}
