using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.CodeFixes;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;

namespace SecretsAnalyzer.Tests.CodeFixes
{
    /// <summary>Fix All batches, helper variants, name options, the package hint, and the fixers' export contract.</summary>
    public class FixAllAndPackagingTests
    {
        [Fact]
        public async Task FixAll_AcrossDocuments_AddsTheHelperOnce_AndNamesAreUnique()
        {
            const string first = @"
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<string> Handle(string input)
        {
            var keyId = ""{|SECRETS001:AKIAQWB5PDKHX6PYGPAN|}"";
            return await Task.FromResult(keyId + input);
        }

        private const string Reporting = ""Server=reports.internal;Database=reports;User Id=reporter;Password={|SECRETS003:Hq8vL2mXz7RtWk4p|};"";

        public string Reports() => Reporting;
    }
}";
            const string second = @"
namespace TestProject.Jobs
{
    class Function
    {
        public string Handle(string input)
        {
            var keyId = ""{|SECRETS001:AKIAUL66LDQBWZB2XYA4|}"";
            return keyId + input;
        }
    }
}";
            const string firstFixed = @"
using System.Threading.Tasks;

namespace TestProject
{
    class Function
    {
        public async Task<string> Handle(string input)
        {
            var keyId = await SecretStore.GetSecretAsync(""function/handle-key-id"");
            return await Task.FromResult(keyId + input);
        }

        private static string Reporting => SecretStore.GetSecret(""function/reporting"");

        public string Reports() => Reporting;
    }
}";
            const string secondFixed = @"
namespace TestProject.Jobs
{
    class Function
    {
        public string Handle(string input)
        {
            var keyId = SecretStore.GetSecret(""function/handle-key-id-2"");
            return keyId + input;
        }
    }
}";
            var test = new SecretsCodeFixTest
            {
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                NumberOfFixAllIterations = 1,
                NumberOfFixAllInDocumentIterations = 1,
                NumberOfFixAllInProjectIterations = 1,
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
            };
            test.TestState.Sources.Add(("/0/Function.cs", first));
            test.TestState.Sources.Add(("/0/Jobs.cs", second));

            // One fix at a time: names are allocated against what the earlier fixes wrote.
            test.FixedState.Sources.Add(("/0/Function.cs", firstFixed));
            test.FixedState.Sources.Add(("/0/Jobs.cs", secondFixed));
            test.FixedState.Sources.Add((HelperClass.FileName, Helper()));

            // The whole batch at once: the same names, one helper.
            test.BatchFixedState.Sources.Add(("/0/Function.cs", firstFixed));
            test.BatchFixedState.Sources.Add(("/0/Jobs.cs", secondFixed));
            test.BatchFixedState.Sources.Add((HelperClass.FileName, Helper()));
            await test.RunAsync();
        }

        [Fact]
        public async Task OnlyParameterStoreReferenced_SecretsAreReadThroughTheReferencePath()
        {
            var test = new SecretsCodeFixTest(secretsManager: false)
            {
                TestCode = @"
namespace TestProject
{
    class Settings
    {
        public static readonly string KeyId = ""{|SECRETS001:AKIA2JDC7VNII2GK3XJD|}"";
    }
}",
                FixedCode = @"
namespace TestProject
{
    class Settings
    {
        public static string KeyId => SecretStore.GetSecret(""settings/key-id"");
    }
}",
                CodeActionEquivalenceKey = FixKinds.RecommendedKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal(FixKinds.Title(FixKind.ReadFromSecretsManager), action.Title),
            };
            test.ExpectHelper(secretsManager: false);
            await test.RunAsync();
            Assert.Contains(HelperClass.SecretsManagerReferencePath, HelperClass.Generate("TestProject", secretsManager: false, parameterStore: true, arn: true));
        }

        [Fact]
        public async Task PrefixesComeFromEditorConfig_WithoutEnvironmentNames()
        {
            var test = new SecretsCodeFixTest
            {
                TestCode = @"
namespace TestProject
{
    class OrdersApiFunction
    {
        public static readonly string OrdersDb = ""Host=orders.internal;Database=orders;Username=orders;Password={|SECRETS003:Zq4Wm8Lx2Vb7Nr5T|}"";
    }
}",
                FixedCode = @"
namespace TestProject
{
    class OrdersApiFunction
    {
        public static string OrdersDb => SecretStore.GetParameter(""/orders/orders-api-function/orders-db"");
    }
}",
                CodeActionEquivalenceKey = FixKinds.ReadFromParameterStoreKey,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", @"root = true

[*.cs]
secrets_analyzer.secret_name_prefix = orders/
secrets_analyzer.parameter_name_prefix = /orders/prod/
"));
            test.ExpectHelper();
            await test.RunAsync();
        }

        [Theory]
        [InlineData("OrdersApiFunction", "OrdersDb", "orders-api-function/orders-db")]
        [InlineData("S3Uploader", "AWS_SECRET_ACCESS_KEY", "s3-uploader/aws-secret-access-key")]
        [InlineData("ProdOrdersFunction", "_devConnectionString", "orders-function/connection-string")]
        [InlineData("Function", "", "function/value")]
        public void Names_AreKebabCase_WithoutEnvironmentWords(string type, string member, string expected)
            => Assert.Equal(expected, StoreNames.Logical(type, member));

        [Fact]
        public async Task MissingPackages_APropertySaysWhichToAdd_AndTheDescriptorIsTheRulesOwn()
        {
            ReferenceAssemblies coreOnly = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("AWSSDK.Core", "4.1.0")));
            ImmutableArray<MetadataReference> references = await coreOnly.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                "NoStores",
                new[]
                {
                    CSharpSyntaxTree.ParseText(@"
using Amazon.Runtime;
class C
{
    string KeyId = ""AKIAIZA6RP6CP7RJSS76"";
    AWSCredentials Reader(AWSCredentials source) => new AssumeRoleAWSCredentials(source, ""arn:aws:iam::560788957781:role/OrdersReader"", ""orders"");
}"),
                    CSharpSyntaxTree.ParseText(LambdaStubs.LambdaCore),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

            // The rule's own descriptor, so a SARIF log lists each rule once (issue 17); the package to add is a property.
            Diagnostic key = Assert.Single(diagnostics, d => d.Id == RuleIds.AwsAccessKeyId);
            Assert.Same(Descriptors.AwsAccessKeyId, key.Descriptor);
            Assert.Equal("AWSSDK.SecretsManager or AWSSDK.SimpleSystemsManagement", key.Properties[DiagnosticProperties.MissingFixPackage]);
            Diagnostic role = Assert.Single(diagnostics, d => d.Id == RuleIds.RoleArn);
            Assert.Same(Descriptors.RoleArn, role.Descriptor);
            Assert.Equal("AWSSDK.SimpleSystemsManagement", role.Properties[DiagnosticProperties.MissingFixPackage]);

            // The static description names the packages too, the same in every compilation.
            Assert.Contains("AWSSDK.SecretsManager", key.Descriptor.Description.ToString());
            Assert.Contains("AWSSDK.SimpleSystemsManagement", role.Descriptor.Description.ToString());

            // With the stores referenced: the same descriptor, and no property.
            ImmutableArray<MetadataReference> all = await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            ImmutableArray<Diagnostic> withStores = await compilation.WithReferences(all).WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            Diagnostic keyWithStores = Assert.Single(withStores, d => d.Id == RuleIds.AwsAccessKeyId);
            Assert.Same(Descriptors.AwsAccessKeyId, keyWithStores.Descriptor);
            Assert.False(keyWithStores.Properties.ContainsKey(DiagnosticProperties.MissingFixPackage));
            Assert.False(Assert.Single(withStores, d => d.Id == RuleIds.RoleArn).Properties.ContainsKey(DiagnosticProperties.MissingFixPackage));
        }

        [Fact]
        public async Task HostedHelper_CompilesAtTheEndOfAFile_AndItsUsingsStayInside()
        {
            // What dotnet format gets: the helper appended to an existing file as a namespace block of its own.
            string host = @"using System.Collections.Generic;

namespace OrdersFunction
{
    // 'Tag' would be ambiguous if the helper's Amazon.*.Model usings reached this code.
    public class Tag { }

    public class Orders
    {
        public List<Tag> Tags { get; } = new List<Tag>();
    }
}
" + HelperClass.Generate("OrdersFunction", secretsManager: true, parameterStore: true, arn: true, hosted: true);
            ImmutableArray<MetadataReference> references = await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create(
                "Hosted",
                new[] { CSharpSyntaxTree.ParseText(host), CSharpSyntaxTree.ParseText(LambdaStubs.SecretsManager) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8632"));
            Assert.EndsWith("#nullable restore\n", host, StringComparison.Ordinal);
        }

        public static IEnumerable<object[]> Fixers() =>
            typeof(HardCodedCredentialCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .Select(t => new object[] { t.Name });

        [Theory]
        [MemberData(nameof(Fixers))]
        public async Task EveryFixer_IsExportedForCSharp_WithANameAndFixAllInEveryScope(string name)
        {
            Type type = typeof(HardCodedCredentialCodeFixProvider).Assembly.GetTypes().Single(t => t.Name == name);
            ExportCodeFixProviderAttribute export = Assert.Single(type.GetCustomAttributes<ExportCodeFixProviderAttribute>());
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
            Assert.True(type.IsPublic && type.IsSealed);

            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.StartsWith("SECRETS00", id));
            FixAllProvider? fixAll = fixer.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Equal(new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution }, fixAll!.GetSupportedFixAllScopes().OrderBy(s => s));

            // The first action of a finding has the stable recommended key.
            var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
            (Document document, Diagnostic diagnostic) = await FirstFindingAsync(fixer.FixableDiagnosticIds[0]);
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            Assert.NotEmpty(actions);
            Assert.Equal(FixKinds.RecommendedKey, actions[0].EquivalenceKey);
            Assert.All(actions.Skip(1), a => Assert.StartsWith("SecretsAnalyzer.", a.EquivalenceKey));
            Assert.Equal(actions.Count, actions.Select(a => a.EquivalenceKey).Distinct().Count());
        }

        private static async Task<(Document, Diagnostic)> FirstFindingAsync(string id)
        {
            string code = id == RuleIds.RoleArn
                ? "class C { Amazon.Runtime.AWSCredentials R(Amazon.Runtime.AWSCredentials s) => new Amazon.Runtime.AssumeRoleAWSCredentials(s, \"arn:aws:iam::560788957781:role/OrdersReader\", \"orders\"); }"
                : id == RuleIds.ConnectionStringPassword
                    ? "class C { string Cs() => \"Server=db.internal;Database=orders;User Id=app;Password=Hq8vL2mXz7RtWk4p;\"; }"
                    : id == RuleIds.AwsSecretKey
                        ? "class C { string secretAccessKey = \"W9zrlSaWnPsPW23C+L9WXuHM+G1cON/Ks9dp4FLf\"; }"
                        : "class C { string KeyId() => \"AKIAIZA6RP6CP7RJSS76\"; }";
            var workspace = new AdhocWorkspace();
            ImmutableArray<MetadataReference> references = await TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            Project project = workspace.AddProject("Meta", LanguageNames.CSharp)
                .WithMetadataReferences(references)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Document document = project.AddDocument("Lambda.cs", LambdaStubs.LambdaCore).Project.AddDocument("C.cs", code);
            Compilation compilation = (await document.Project.GetCompilationAsync())!;
            ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            return (document, diagnostics.First(d => d.Id == id));
        }

        private static Microsoft.CodeAnalysis.Text.SourceText Helper() =>
            Microsoft.CodeAnalysis.Text.SourceText.From(HelperClass.Generate("TestProject", true, true, true), System.Text.Encoding.UTF8);
    }
}
