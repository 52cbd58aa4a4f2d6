using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ConfigFileAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS001-004 in additional files: locations by markup, messages, options from the file's own sections.</summary>
    public class ConfigFileAnalyzerTests
    {
        private const string KeyId = "AKIAQXJKRKAEHVBFRNYZ";
        private const string Secret = "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";
        private const string Code = "class C { }";

        private static Verify.Test Create(params (string Path, string Markup)[] files)
        {
            var test = new Verify.Test { TestCode = Code };
            foreach ((string path, string markup) in files)
            {
                test.TestState.AdditionalFiles.Add((path, markup));
            }

            return test;
        }

        [Fact]
        public Task AppSettings_AllRules_WithMessages()
        {
            var test = Create(("/0/appsettings.json", $$"""
                {
                  // Local database.
                  "ConnectionStrings": {
                    "Orders": "Server=orders-db;Database=orders;User Id=app;Password={|#0:n7Gv!x2Qe9Lp|}"
                  },
                  "AWS": { "AccessKey": "{|#1:{{KeyId}}|}", "SecretKey": "{|#2:{{Secret}}|}", },
                }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SECRETS003").WithLocation(0).WithArguments(" for 'orders-db'", " in appsettings.json at 'ConnectionStrings:Orders'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SECRETS001").WithLocation(1).WithArguments("AKIA\u2026RNYZ", " in appsettings.json at 'AWS:AccessKey'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SECRETS002").WithLocation(2).WithArguments("secret access key", " in appsettings.json at 'AWS:SecretKey'"));
            return test.RunAsync();
        }

        [Fact]
        public Task SamTemplate_RoleArn_AndRightForms()
        {
            var test = Create(("/0/template.yaml", """
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Role: {|#0:arn:aws:iam::560788957781:role/orders|}
                      Environment:
                        Variables:
                          OWN: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/own
                          DB: '{{resolve:secretsmanager:orders-db:SecretString:connection}}'
                  Other:
                    Properties:
                      Role: !GetAtt OrdersRole.Arn
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SECRETS004").WithLocation(0).WithArguments("binds the function to account 5607\u202681", " in template.yaml at 'Resources.OrdersFunction.Properties.Role'"));
            return test.RunAsync();
        }

        [Fact]
        public Task ToolsDefaults_RoleArnReported_RoleNameNot() => Create(
            ("/0/aws-lambda-tools-defaults.json", """{ "function-role": "{|SECRETS004:arn:aws:iam::560788957781:role/lambda-orders|}" }"""),
            ("/1/aws-lambda-tools-defaults.json", """{ "function-role": "lambda-orders" }""")).RunAsync();

        [Fact]
        public Task RoleArnInAppSettings_OnlyInLambdaProjects_OrWithScopeAll()
        {
            const string settings = """{ "Aws": { "AssumeRoleArn": "arn:aws:iam::615243987012:role/dev" } }""";
            return Task.WhenAll(
                Create(("/0/appsettings.json", settings)).RunAsync(),
                Lambda(("/0/appsettings.json", """{ "Aws": { "AssumeRoleArn": "{|SECRETS004:arn:aws:iam::615243987012:role/dev|}" } }""")).RunAsync(),
                WithConfig(
                    Create(("/0/appsettings.json", """{ "Aws": { "AssumeRoleArn": "{|SECRETS004:arn:aws:iam::615243987012:role/dev|}" } }""")),
                    "[*.json]\nsecrets_analyzer.SECRETS004.scope = all").RunAsync());
        }

        private static Verify.Test Lambda(params (string Path, string Markup)[] files)
        {
            Verify.Test test = Create(files);
            test.TestState.Sources.Add(LambdaStubs.LambdaCore);
            return test;
        }

        private static Verify.Test WithConfig(Verify.Test test, string editorConfig)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n" + editorConfig + "\n"));
            return test;
        }

        [Fact]
        public Task JsonSection_SeverityNone_SilencesThatFileOnly() => WithConfig(
            Create(
                ("/0/appsettings.Development.json", "{\"ConnectionStrings\": {\"Local\": \"Server=db;Database=o;User Id=app;Password=n7Gv!x2Qe9Lp\"}}"),
                ("/0/appsettings.json", "{\"ConnectionStrings\": {\"Orders\": \"Server=db;Database=o;User Id=app;Password={|SECRETS003:n7Gv!x2Qe9Lp|}\"}}")),
            "[appsettings.Development.json]\nsecrets_analyzer.SECRETS003.severity = none").RunAsync();

        [Fact]
        public Task JsonSection_SeverityError_RaisesIt()
        {
            var test = WithConfig(
                Create(("/0/appsettings.json", "{\"AWS\": {\"AccessKey\": \"{|#0:" + KeyId + "|}\"}}")),
                "[*.json]\nsecrets_analyzer.severity = error");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SECRETS001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("AKIA\u2026RNYZ", " in appsettings.json at 'AWS:AccessKey'"));
            return test.RunAsync();
        }

        [Fact]
        public Task IgnoredKeys_AndIgnoredValues() => WithConfig(
            Create(("/0/appsettings.json", "{\"ConnectionStrings\": {\"Local\": \"Server=db;Database=o;User Id=app;Password=n7Gv!x2Qe9Lp\", \"Legacy\": \"Server=db;Database=o;User Id=app;Password=Lx7$wQ3nZ8vB\"}, \"Fixtures\": {\"Key\": \"" + KeyId + "\"}}")),
            "[*.json]\nsecrets_analyzer.ignored_keys = ConnectionStrings:Local, ConnectionStrings:Leg*\nsecrets_analyzer.ignored_values = " + KeyId).RunAsync();

        [Fact]
        public Task GlobalConfigSeverityNone_Silences()
        {
            var test = Create(("/0/appsettings.json", "{\"AWS\": {\"AccessKey\": \"" + KeyId + "\"}}"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.SECRETS001.severity = none\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task OtherAdditionalFiles_AndMalformedFiles_AreQuiet() => Create(
            ("/0/stylecop.json", "{\"AWS\": {\"AccessKey\": \"" + KeyId + "\"}}"),
            ("/0/notes.txt", "AccessKey " + KeyId),
            ("/0/template.yaml", "Resources: [unterminated\n  Role: 'open"),
            ("/0/appsettings.json", "{\"a\": ")).RunAsync();

        [Fact]
        public Task MalformedFile_StillReportsWhatWasReadBeforeTheError() => Create(
            ("/0/appsettings.json", "{\"AWS\": {\"AccessKey\": \"{|SECRETS001:" + KeyId + "|}\"}, \"broken\": ")).RunAsync();

        [Fact]
        public Task DotEnv_AndLaunchSettings() => Create(
            ("/0/.env", "AWS_ACCESS_KEY_ID={|SECRETS001:" + KeyId + "|}\nAWS_SECRET_ACCESS_KEY={|SECRETS002:" + Secret + "|}\n"),
            ("/0/Properties/launchSettings.json", "{\"profiles\": {\"p\": {\"environmentVariables\": {\"AWS_SECRET_ACCESS_KEY\": \"{|SECRETS002:" + Secret + "|}\"}}}}")).RunAsync();
    }
}
