using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify001 = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.AwsAccessKeyIdAnalyzer>;
using Verify003 = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ConnectionStringPasswordAnalyzer>;
using Verify004 = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.RoleArnAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>Values composed at run time from constant pieces: string.Format / Concat / Join and StringBuilder chains.</summary>
    public class FoldedCallTests
    {
        private static Task Run001(string source) => SecretsTest.Create<AwsAccessKeyIdAnalyzer>(source).RunAsync(CancellationToken.None);

        private static Task Run003(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify003.Test { TestCode = source, ReferenceAssemblies = ConnectionStringReferences.Net80WithProviders };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Password(int markup, string? host) =>
            Verify003.Diagnostic("SECRETS003").WithLocation(markup).WithArguments(host == null ? string.Empty : " for '" + host + "'", string.Empty);

        [Fact]
        public Task KeyIds_FromStringMethods() => Run001(@"
using System;
using System.Text;
class C
{
    const string Tail = ""R7TQ2WXZ5MNB3KLD"";
    string A() => {|SECRETS001:string.Concat(""AKIA"", ""R7TQ2WXZ5MNB3KLC"")|};
    string B() => {|SECRETS001:string.Format(""AKIA{0}"", ""S7TQ2WXZ5MNB3KLD"")|};
    string D() => {|SECRETS001:string.Join("""", new[] { ""AKIA"", ""T7TQ2WXZ5MNB3KLD"" })|};
    string E() => {|SECRETS001:string.Join("""", [""AKIA"", ""U7TQ2WXZ5MNB3KLD""])|};
    string F() => {|SECRETS001:String.Concat(""AKIA"", Tail)|};
    string G() => {|SECRETS001:new StringBuilder(""AKIA"").Append(""V7TQ2WXZ5MNB3KLD"").ToString()|};
    string H()
    {
        var sb = new StringBuilder();
        sb.Append(""AKIA"");
        sb.Append(""W7TQ2WXZ5MNB3KLD"");
        return {|SECRETS001:sb.ToString()|};
    }

    string I() => {|SECRETS001:new StringBuilder().AppendFormat(""{0}{1}"", ""AKIA"", ""X7TQ2WXZ5MNB3KLD"").ToString()|};
    string J() => string.Concat(""AKIA"", System.Environment.MachineName);
    string K() => string.Format(""AKIA{0,16}"", ""Y7TQ2WXZ5MNB3KLD"");
    string L(StringBuilder sb) => sb.Append(""AKIA"").Append(""Z7TQ2WXZ5MNB3KLD"").ToString();
    string M(string[] parts) => string.Join("""", parts);
    string N()
    {
        var sb = new StringBuilder();
        sb.Append(""AKIA"");
        Mutate(sb);
        sb.Append(""Z7TQ2WXZ5MNB3KLC"");
        return sb.ToString();
    }

    void Mutate(StringBuilder sb) { }
}");

        [Fact]
        public Task ConnectionStrings_FromStringMethods_SquiggleOnTheLiteralPiece() => Run003(@"
using System.Text;
using Npgsql;
class C
{
    const int Port = 5432;
    string A() => string.Format(""Host={0};Port={1};Username=app;Password={2}"", ""pg.internal"", Port, ""{|#0:Fm7!bLp2|}"");
    string B() => string.Concat(""Host=pg.internal;"", ""Username=app;"", ""Password="", ""{|#1:Cc7!bLp2|}"");
    string D() => string.Join("";"", [""Host=pg.internal"", ""Username=app"", ""Password="" + ""{|#2:Jc7!bLp2|}""]);
    string D2() => string.Join("";"", ""Host=pg.internal"", ""Username=app"", ""Password={|#4:Jd7!bLp2|}"");
    string E()
    {
        var b = new StringBuilder();
        b.Append(""Server=sql.internal;"");
        b.AppendFormat(""User Id={0};"", ""app"");
        b.Append(""Password="").Append(""{|#3:Sb7!bLp2|}"");
        return b.ToString();
    }

    const string Secret = ""Password=${DB_PASSWORD}"";
    string F(string error) => string.Format(""Could not open Host=pg.internal;Username=app;{0} ({1})"", Secret, error);
    string G(string fromSecrets) => string.Format(""Host=pg.internal;Username=app;Password={0}"", fromSecrets);
    string H() => string.Format(""Host=pg.internal;Username=app;Password={0}"", ""app"");
}", Password(0, "pg.internal"), Password(1, "pg.internal"), Password(2, null), Password(3, "sql.internal"), Password(4, null));

        [Fact]
        public Task RoleArns_FromStringFormat_WithConstantsOfAnyType() => SecretsTest.Create<RoleArnAnalyzer>(@"
using Amazon.Lambda.Core;
public class Roles
{
    const long Account = 560788957781;
    public string A() => {|SECRETS004:string.Format(""arn:aws:iam::{0}:role/{1}"", Account, ""Reader"")|};
    public string B(string account) => string.Format(""arn:aws:iam::{0}:role/{1}"", account, ""Reader"");
    public string D() => string.Format(""arn:aws:iam::{0}:role/Reader"", 123456789012L);
}").RunAsync(CancellationToken.None);
    }
}
