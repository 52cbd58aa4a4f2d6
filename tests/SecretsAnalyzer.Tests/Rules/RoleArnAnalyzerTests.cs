using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.RoleArnAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    public class RoleArnAnalyzerTests
    {
        private const string Bound = "binds the function to account 5607\u202681";

        private static Task Run(string source, string? editorConfig = null, bool lambda = true, DiagnosticResult[]? expected = null, bool executable = false, params string[] extraSources)
        {
            var test = new Verify.Test { TestCode = source };
            if (executable)
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            }

            if (lambda)
            {
                foreach (string stub in LambdaStubs.All)
                {
                    test.TestState.Sources.Add(stub);
                }
            }

            foreach (string extra in extraSources)
            {
                test.TestState.Sources.Add(extra);
            }

            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\n" + editorConfig + "\n"));
            }

            if (expected != null)
            {
                test.ExpectedDiagnostics.AddRange(expected);
            }

            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult At(int location, string what, string handler = "")
            => Verify.Diagnostic("SECRETS004").WithLocation(location).WithArguments(what, handler);

        [Fact]
        public Task AssumeRoleRequest_InAHandler_NamesTheHandlerAndRedactsTheAccount() => Run(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
public class Function
{
    private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();
    public async Task<string> Handle(Stream input, ILambdaContext context)
    {
        var response = await Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""{|#0:arn:aws:iam::560788957781:role/OrdersReader|}"", RoleSessionName = ""orders"" });
        return response.Credentials.AccessKeyId;
    }
}", expected: new[] { At(0, Bound, " in Lambda handler Function.Handle") });

        [Fact]
        public Task AssumeRoleAWSCredentials_WildcardAccount() => Run(@"
using Amazon.Runtime;
using Amazon.Lambda.Core;
public class Credentials
{
    public AWSCredentials For(AWSCredentials source) => new AssumeRoleAWSCredentials(source, ""{|#0:arn:aws:iam::*:role/Reader|}"", ""reports"");
}", expected: new[] { At(0, "has a wildcard account and is ambiguous about whose role is meant") });

        [Fact]
        public Task LambdaFunctionRole_IsReportedInsideTheAttribute() => Run(@"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
public class Functions
{
    [LambdaFunction(Role = ""{|#0:arn:aws-us-gov:iam::560788957781:role/ordersApi|}"", MemorySize = 512)]
    public string Get(string id, ILambdaContext context) => id;
}", expected: new[] { At(0, Bound, " in Lambda handler Functions.Get") });

        [Fact]
        public Task LambdaFunctionRole_LogicalIdReference_IsNotReported() => Run(@"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
public class Functions
{
    [LambdaFunction(Role = ""@OrdersRole"")]
    public string Get(string id, ILambdaContext context) => id;
}");

        [Fact]
        public Task InterpolatedString_WithTheAccountInItsText_IsReportedOnTheAccount() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public string For(string team) => $""arn:aws:iam::{|#0:383366203896|}:role/{team}-reader"";
}", expected: new[] { At(0, "binds the function to account 3833\u202696") });

        [Fact]
        public Task InterpolatedString_WholeArnInOneTextPart_IsReportedOnTheArn() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public string For(string session) => $""{|#0:arn:aws:iam::383366203896:role/Reader|} as {session}"";
}", expected: new[] { At(0, "binds the function to account 3833\u202696") });

        [Fact]
        public Task ConstantsFoldedAcrossFiles_AreReportedOnTheExpression() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public const string Reader = {|#0:""arn:aws:iam::"" + Accounts.Production + "":role/Reader""|};
    public string Writer() => {|#1:$""arn:aws:iam::{Accounts.Production}:role/Writer""|};
}", expected: new[] { At(0, Bound), At(1, Bound) }, extraSources: @"
public static class Accounts
{
    public const string Production = ""560788957781"";
}");

        [Fact]
        public Task Concatenation_OnOneLine_IsReportedOnTheAccount_OverSeveralLines_OnTheExpression() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public string OneLine(string name) => ""arn:aws:iam::{|#0:560788957781|}:role/"" + name;
    public string TwoLines(string name) => {|#1:""arn:aws:iam::560788957781"" +
        "":role/"" + name|};
}", expected: new[] { At(0, Bound), At(1, Bound) });

        [Fact]
        public Task ConstantDeclaration_IsReported_ItsUsesAreNot() => Run(@"
using Amazon.Runtime;
using Amazon.Lambda.Core;
public static class Roles
{
    public const string Reader = ""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
}
public class Credentials
{
    public AWSCredentials For(AWSCredentials source) => new AssumeRoleAWSCredentials(source, Roles.Reader, ""reports"");
}", expected: new[] { At(0, Bound) });

        [Fact]
        public Task CoalesceFallback_AfterAConfigurationLookup() => Run(@"
using System;
using Amazon.Lambda.Core;
public class Settings
{
    public string RoleArn => Environment.GetEnvironmentVariable(""READER_ROLE_ARN"") ?? ""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
}", expected: new[] { At(0, Bound) });

        [Fact]
        public Task PolicyJson_BuiltInCode_WildcardRole() => Run(@"
using Amazon.Lambda.Core;
public class Policies
{
    public const string PassAnyRole = """"""
        {
          ""Version"": ""2012-10-17"",
          ""Statement"": [{ ""Effect"": ""Allow"", ""Action"": ""iam:PassRole"", ""Resource"": ""{|#0:arn:aws:iam::*:role/*|}"" }]
        }
        """""";
    public string Escaped() => ""{\""Effect\"":\""Allow\"",\""Action\"":\""sts:AssumeRole\"",\""Resource\"":\""{|#1:arn:aws:iam::560788957781:role/*|}\""}"";
}", expected: new[]
        {
            At(0, "has a wildcard account and is ambiguous about whose role is meant"),
            At(1, "binds the function to account 5607\u202681 and its wildcard role name matches any role there"),
        });

        [Fact]
        public Task BootstrapLambda_IsNamedProgramLambda() => Run(@"
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;

var handler = (Stream input, ILambdaContext context) =>
{
    var role = ""{|#0:arn:aws:iam::560788957781:role/Reports|}"";
    return Task.CompletedTask;
};
await LambdaBootstrapBuilder.Create(handler).Build().RunAsync();
", expected: new[] { At(0, Bound, " in Lambda handler Program.<lambda>") }, executable: true);

        [Fact]
        public Task AspNetCoreFunction_IsNamedAfterFunctionHandlerAsync() => Run(@"
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Hosting;
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    private const string Reader = ""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
    protected override void Init(IWebHostBuilder builder) { }
}", expected: new[] { At(0, Bound, " in Lambda handler LambdaEntryPoint.FunctionHandlerAsync") });

        [Fact]
        public Task NeverReported_ManagedPoliciesNonRoleArnsDocsAccountsAndRuntimeAccounts() => Run(@"
using System;
using Amazon;
using Amazon.Lambda.Core;
public class Function
{
    private const string Basic = ""arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"";
    private const string Queue = ""arn:aws:sqs:eu-west-1:560788957781:orders"";
    private const string Topic = ""arn:aws:sns:eu-west-1:560788957781:alerts"";
    private const string Secret = ""arn:aws:secretsmanager:eu-west-1:560788957781:secret:db-x1Y2z3"";
    private const string Bucket = ""arn:aws:s3:::orders-560788957781"";
    private const string User = ""arn:aws:iam::560788957781:user/deploy"";
    private const string Policy = ""arn:aws:iam::560788957781:policy/OrdersRead"";
    private const string Docs = ""arn:aws:iam::123456789012:role/Reader"";
    private const string Docs2 = ""arn:aws:iam::111122223333:role/Reader"";

    public string Handle(string input, ILambdaContext context)
    {
        // The documentation's example in a comment: arn:aws:iam::123456789012:role/Reader
        string account = Environment.GetEnvironmentVariable(""TARGET_ACCOUNT"");
        string fromVariable = $""arn:aws:iam::{account}:role/Reader"";
        Arn.TryParse(context.InvokedFunctionArn, out Arn self);
        string fromContext = $""arn:{self.Partition}:iam::{self.AccountId}:role/Reader"";
        string fromConfig = Environment.GetEnvironmentVariable(""READER_ROLE_ARN"");
        string concatenated = ""arn:aws:iam::"" + account + "":role/Reader"";
        string formatted = string.Format(""arn:aws:iam::{0}:role/{1}"", account, input);
        return fromVariable + fromContext + fromConfig + concatenated + formatted;
    }
}");

        [Fact]
        public Task Comments_AndDocComments_AreReported_UnlessAnalyzeCommentsIsFalse()
        {
            const string Source = @"
using Amazon.Lambda.Core;
public class Function
{
    // Assumes {|#0:arn:aws:iam::560788957781:role/Reader|} in the audit account.
    /// <summary>Runs as <c>{|#1:arn:aws:iam::383366203896:role/service-role/Orders|}</c>; see arn:aws:iam::123456789012:role/Example.</summary>
    /* Placeholders stay quiet: arn:aws:iam::012345678912:role/Reader, arn:aws:iam::&lt;account&gt;:role/Reader */
    public string Handle(string input, ILambdaContext context) => input;
}";
            return System.Threading.Tasks.Task.WhenAll(
                Run(Source, expected: new[] { At(0, Bound), At(1, "binds the function to account 3833\u202696") }),
                Run(Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), editorConfig: "secrets_analyzer.analyze_comments = false"));
        }

        [Fact]
        public Task Interpolation_WithConstantsOfAnyType_IsFolded() => Run(@"
using Amazon.Lambda.Core;
public enum Stage { Prod, Test }
public class Roles
{
    private const long Account = 560788957781;
    private const string Name = ""Reader"";
    public string A() => {|#0:$""arn:aws:iam::{Account}:role/{Name}""|};
    public string B() => {|#1:$""arn:aws:iam::{560788957781L}:role/Reader""|};
    public string C() => {|#2:$""arn:aws:iam::{Account}:role/{Stage.Prod}-reader""|};
    public string D() => $""arn:aws:iam::{Account,20}:role/Reader"";
    public string E() => $""arn:aws:iam::{Account:D12}:role/Reader"";
}", expected: new[] { At(0, Bound), At(1, Bound), At(2, Bound) });

        [Fact]
        public Task NotALambdaProject_IsNotReportedByDefault() => Run(@"
public class Roles
{
    public const string Reader = ""arn:aws:iam::560788957781:role/Reader"";
}", lambda: false);

        [Fact]
        public Task ScopeAll_WidensToEveryProject() => Run(@"
public class Roles
{
    public const string Reader = ""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
}", editorConfig: "secrets_analyzer.SECRETS004.scope = all", lambda: false, expected: new[] { At(0, Bound) });

        [Fact]
        public Task ScopeLambda_IsTheDefault_Explicitly() => Run(@"
public class Roles
{
    public const string Reader = ""arn:aws:iam::560788957781:role/Reader"";
}", editorConfig: "secrets_analyzer.SECRETS004.scope = lambda", lambda: false);

        [Fact]
        public Task AllowedAccounts_AreNotReported() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public const string Audit = ""arn:aws:iam::560788957781:role/Audit"";
    public const string Logs = ""arn:aws:iam::907215536482:role/LogShipper"";
    public const string Reader = ""{|#0:arn:aws:iam::383366203896:role/Reader|}"";
    public const string Any = ""{|#1:arn:aws:iam::*:role/Audit|}"";
}", editorConfig: "secrets_analyzer.SECRETS004.allowed_accounts = 560788957781, 907215536482", expected: new[]
        {
            At(0, "binds the function to account 3833\u202696"),
            At(1, "has a wildcard account and is ambiguous about whose role is meant"),
        });

        [Fact]
        public Task HelperType_InALambdaProject_IsReportedWithoutAHandlerName() => Run(@"
using System.IO;
using Amazon.Lambda.Core;
public class Function
{
    public Stream Handle(Stream input, ILambdaContext context) => input;
}
public class CrossAccountClient
{
    public string Role { get; } = ""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
}", expected: new[] { At(0, Bound) });

        [Fact]
        public Task SeveralArnsInOneLiteral_AreReportedEachOnItsOwn() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public const string All = ""{|#0:arn:aws:iam::560788957781:role/A|},arn:aws:iam::aws:policy/ReadOnlyAccess,{|#1:arn:aws:iam::*:role/B|}"";
}", expected: new[]
        {
            At(0, Bound),
            At(1, "has a wildcard account and is ambiguous about whose role is meant"),
        });

        [Fact]
        public Task VerbatimAndUtf8Literals() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public const string Verbatim = @""{|#0:arn:aws:iam::560788957781:role/Reader|}"";
    public static System.ReadOnlySpan<byte> Utf8 => ""{|#1:arn:aws:iam::560788957781:role/Writer|}""u8;
}", expected: new[] { At(0, Bound), At(1, Bound) });

        [Fact]
        public Task IgnoredValues_Option_IsHonoured() => Run(@"
using Amazon.Lambda.Core;
public class Roles
{
    public const string Fixture = ""arn:aws:iam::560788957781:role/Fixture"";
}", editorConfig: "secrets_analyzer.ignored_values = arn:aws:iam::560788957781:role/Fixture");
    }
}
