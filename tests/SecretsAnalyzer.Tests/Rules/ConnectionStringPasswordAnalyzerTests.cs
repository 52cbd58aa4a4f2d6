using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Rules;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ConnectionStringPasswordAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    public class ConnectionStringPasswordAnalyzerTests
    {
        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, new string[0], expected);

        private static Task VerifyAsync(string source, string[] extraSources, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, ReferenceAssemblies = ConnectionStringReferences.Net80WithProviders };
            foreach (string extra in extraSources)
            {
                test.TestState.Sources.Add(extra);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Finding(int markup, string? host, string handler = "") =>
            Verify.Diagnostic("SECRETS003").WithLocation(markup).WithArguments(host == null ? string.Empty : " for '" + host + "'", handler);

        // ------------------------------------------------------------ strings: ADO.NET, Redis, URIs

        [Fact]
        public Task AdoNetLiteral_SquiggleOnPassword_MessageNamesHost() => VerifyAsync(@"
class C
{
    const string Orders = ""Server=orders-db.internal;Database=orders;User Id=orders_app;Password={|#0:Qm7#vR2!xLp9|};"";
}", Finding(0, "orders-db.internal"));

        [Fact]
        public Task AdoNetLiteral_WithoutHost_GenericMessage() => VerifyAsync(@"
class C
{
    string Cs() => ""Database=ledger;Username=ledger;Password={|#0:Vb6^hT1qW|}"";
}", Finding(0, null));

        [Fact]
        public Task VerbatimAndQuotedValue_SquiggleOnPassword() => VerifyAsync(@"
class C
{
    string A = @""Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora-rac.internal)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=FIN)));User Id=fin;Password='{|#0:Tg3@m;K9zE|}';"";
    string B = ""Driver={ODBC Driver 18 for SQL Server};Server=odbc-sql;Uid=rpt;Pwd={{|#1:Xu5;hL2=q|}};"";
}", Finding(0, "ora-rac.internal"), Finding(1, "odbc-sql"));

        [Fact]
        public Task RawStringLiteral_MultiLine() => VerifyAsync(@"
class C
{
    string Json = """"""
        { ""Orders"": ""Server=json-db;Database=o;User Id=u;Password={|#0:Js9!nQw2|}"" }
        """""";
}", Finding(0, "json-db"));

        [Fact]
        public Task Redis_And_Uris() => VerifyAsync(@"
class C
{
    string Redis = ""cache.internal:6379,password={|#0:Rd9!sQw2|},ssl=True,abortConnect=False"";
    string Pg = ""postgres://app:{|#1:Pg9!uQw2|}@pg.internal:5432/orders"";
    string Mongo = ""mongodb+srv://svc:{|#2:Ms9!uQw2|}@cluster0.ab1cd.mongodb.net/app"";
    string Jdbc = ""jdbc:postgresql://pg.internal:5432/orders?user=app&password={|#3:Jp9!uQw2|}"";
    string Amqp = ""amqps://orders:{|#4:As9!uQw2|}@mq.internal:5671"";
}", Finding(0, "cache.internal"), Finding(1, "pg.internal"), Finding(2, "cluster0.ab1cd.mongodb.net"), Finding(3, "pg.internal"), Finding(4, "mq.internal"));

        [Fact]
        public Task CommentWithConnectionString_IsReported() => VerifyAsync(@"
class C
{
    // Old server: Server=legacy-sql;Database=x;Uid=sa;Pwd={|#0:Cm9!tQw2|}
    int X;
}", Finding(0, "legacy-sql"));

        // ------------------------------------------------------------ values put together

        [Fact]
        public Task Interpolation_LiteralPartOfPassword_IsReportedOnTheLiteralPart() => VerifyAsync(@"
class C
{
    string Cs(string host, int year) => $""Server={host};Database=archive;User Id=archiver;Password={|#0:Arch!ve-|}{year}"";
}", Finding(0, null));

        [Fact]
        public Task Interpolation_HoleIsTheWholePassword_IsNotReported() => VerifyAsync(@"
class C
{
    string A(string host, string password) => $""Server={host};Database=archive;User Id=archiver;Password={password}"";
    string B(string password) => $""Server=sql;User Id=u;Password='{password}';"";
    string C2(string user, string password) => $""postgres://{user}:{password}@pg.internal/orders"";
    string D(string password) => ""Server=sql;User Id=u;Password="" + password;
}");

        [Fact]
        public Task Concatenation_AcrossMembers_IsReported() => VerifyAsync(@"
class C
{
    private const string Host = ""reporting-db.internal"";
    private const string Secret = ""Xy9!kLm2#Reports"";
    string Cs() => ""Server="" + Host + "";Database=reports;User Id=reporter;Password="" + ""{|#0:Hq7!pLm4#Rpt|}"";
    string Cs2() => {|#1:""Server="" + Host + "";Database=reports;User Id=reporter;Password="" + Secret|};
}", Finding(0, "reporting-db.internal"), Finding(1, "reporting-db.internal"));

        [Fact]
        public Task Concatenation_AcrossFiles_IsReported() => VerifyAsync(@"
class C
{
    string Cs() => {|#0:Db.Prefix + ""Password="" + Db.Pwd|};
}", new[] { @"
static class Db
{
    public const string Prefix = ""Host=pg.internal;Username=app;"";
    public const string Pwd = ""Cf9!lQw2"";
}" }, Finding(0, "pg.internal"));

        // ------------------------------------------------------------ builders, by semantic information

        [Fact]
        public Task Builders_PasswordPropertyInInitializer_NamesHost() => VerifyAsync(@"
using Npgsql;
using MySqlConnector;
using Microsoft.Data.SqlClient;
class C
{
    object[] All() => new object[]
    {
        new SqlConnectionStringBuilder { DataSource = ""sql-prod.internal"", InitialCatalog = ""orders"", UserID = ""app"", Password = ""{|#0:Sq7!bLp2|}"" },
        new NpgsqlConnectionStringBuilder { Host = ""pg-prod.internal"", Username = ""app"", Password = ""{|#1:Np7!bLp2|}"" },
        new MySqlConnectionStringBuilder { Server = ""mysql-prod.internal"", UserID = ""app"", Password = ""{|#2:My7!bLp2|}"" },
        new NpgsqlConnectionStringBuilder { Username = ""app"", Password = ""{|#3:Nh7!bLp2|}"" },
    };
}", Finding(0, "sql-prod.internal"), Finding(1, "pg-prod.internal"), Finding(2, "mysql-prod.internal"), Finding(3, null));

        [Fact]
        public Task Builders_PasswordPropertyAssignment_AnyVariableName() => VerifyAsync(@"
using Npgsql;
using Microsoft.Data.SqlClient;
class C
{
    void M()
    {
        var x = new SqlConnectionStringBuilder();
        x.DataSource = ""sql-prod.internal"";
        x.Password = ""{|#0:As7!bLp2|}"";
        NpgsqlConnectionStringBuilder settings = new();
        settings.Password = $""{|#1:Pre7!fix-|}{System.DateTime.Now.Year}"";
        settings.SslPassword = ""{|#2:Ssl7!bLp2|}"";
    }
}", Finding(0, "sql-prod.internal"), Finding(1, null), Finding(2, null));

        [Fact]
        public Task Builders_PasswordEqualToUserName_IsNotReported_InEveryForm() => VerifyAsync(@"
using System.Data.Common;
using Npgsql;
using MySqlConnector;
using Microsoft.Data.SqlClient;
class C
{
    private readonly SqlConnectionStringBuilder _field = new SqlConnectionStringBuilder();

    void M()
    {
        var a = new SqlConnectionStringBuilder();
        a.Password = ""orders_app"";
        a.UserID = ""orders_app"";

        var b = new NpgsqlConnectionStringBuilder();
        b.Username = ""Ledger"";
        b.Password = ""ledger"";

        var c = new MySqlConnectionStringBuilder();
        c[""pwd""] = ""shop"";
        c[""Uid""] = ""shop"";

        var d = new DbConnectionStringBuilder();
        d.Add(""Password"", ""report"");
        d.Add(""User ID"", ""report"");

        var e = new SqlConnectionStringBuilder { [""Password""] = ""audit"", [""User Id""] = ""audit"" };
        var f = new NpgsqlConnectionStringBuilder { Password = ""tests"", Username = ""tests"" };

        this._field.UserID = ""svc"";
        this._field.Password = ""svc"";

        var g = new NpgsqlConnectionStringBuilder();
        g.Username = ""ledger"";
        g.Password = ""{|#0:ledger-Xk7!|}"";

        var h = new NpgsqlConnectionStringBuilder();
        var other = new NpgsqlConnectionStringBuilder();
        other.Username = ""billing"";
        h.Password = ""{|#1:billing|}"";
    }
}", Finding(0, null), Finding(1, null));

        [Fact]
        public Task Builders_Indexer_AndSpellings() => VerifyAsync(@"
using System.Data.Common;
using Microsoft.Data.SqlClient;
class C
{
    void M()
    {
        var b = new SqlConnectionStringBuilder();
        b[""Pwd""] = ""{|#0:Ix7!bLp2|}"";
        var generic = new DbConnectionStringBuilder { [""Server""] = ""generic-db"", [""Password""] = ""{|#1:Gx7!bLp2|}"" };
        generic[""password""] = (object)""{|#2:Lc7!bLp2|}"";
    }
}", Finding(0, null), Finding(1, "generic-db"), Finding(2, null));

        [Fact]
        public Task Builders_ConstantValue_IsReportedAtTheUse() => VerifyAsync(@"
using Npgsql;
static class Secrets { public const string Db = ""Ct7!bLp2""; }
class C
{
    object B() => new NpgsqlConnectionStringBuilder { Host = ""pg"", Password = {|#0:Secrets.Db|} };
}", Finding(0, "pg"));

        [Fact]
        public Task Builders_ConstructorArguments_GoThroughTheParser() => VerifyAsync(@"
using Npgsql;
using MySqlConnector;
using Microsoft.Data.SqlClient;
class C
{
    void M()
    {
        using var a = new NpgsqlConnection(""Password={|#0:Lone7!kq|}"");
        using var b = new SqlConnection(""Server=sql-a;Database=d;User Id=u;Password={|#1:Full7!kq|}"");
        var c = new MySqlConnectionStringBuilder(""Pwd={|#2:Only7!kq|}"");
        var d = new SqlConnectionStringBuilder(""Data Source=sql-b;Integrated Security=True"");
        using var e = new NpgsqlConnection(""Host=pg;Username=postgres;Password=postgres"");
    }
}", Finding(0, null), Finding(1, "sql-a"), Finding(2, null));

        [Fact]
        public Task Builders_NotReported() => VerifyAsync(@"
using System;
using Npgsql;
using Microsoft.Data.SqlClient;
class LoginRequest { public string Password { get; set; } public string this[string key] { get => key; set { } } }
class C
{
    void M(string fromConfig)
    {
        var b = new SqlConnectionStringBuilder { DataSource = ""sql"", Password = Environment.GetEnvironmentVariable(""DB_PASSWORD"") };
        b.Password = fromConfig;
        b.Password = """";
        b.Password = ""{0}"";
        b.Password = ""${DB_PASSWORD}"";
        b.Password = ""********"";
        b.Password = ""YOUR_PASSWORD_HERE"";
        b[""Password""] = fromConfig;
        b[""Application Name""] = ""orders-Xk7!bLp2"";
        var n = new NpgsqlConnectionStringBuilder { Username = ""orders"", Password = ""orders"" };
        var login = new LoginRequest { Password = ""Lr7!bLp2"" };
        login[""Password""] = ""Lr8!bLp2"";
        string password = ""Pw7!bLp2"";
    }
}");

        [Fact]
        public Task Redis_ConfigurationOptionsPassword_AndConnectString() => VerifyAsync(@"
using StackExchange.Redis;
class C
{
    object A() => new ConfigurationOptions { EndPoints = { ""cache.internal:6379"" }, Password = ""{|#0:Co7!bLp2|}"", Ssl = true };
    object B() => ConnectionMultiplexer.Connect(""cache.internal:6379,password={|#1:Cm7!bLp2|},ssl=True"");
    object D(string fromSecrets) => new ConfigurationOptions { Password = fromSecrets };
}", Finding(0, null), Finding(1, "cache.internal"));

        [Fact]
        public Task Builders_AddMethod_WithPasswordKey() => VerifyAsync(@"
using Npgsql;
class C
{
    void M(string fromSecrets)
    {
        var b = new NpgsqlConnectionStringBuilder();
        b.Add(""Password"", ""{|#0:Ad7!bLp2|}"");
        b.Add(""Host"", ""pg"");
        b.Add(""Password"", fromSecrets);
        b.Add(""Password"", ""{0}"");
    }
}", Finding(0, "pg"));

        [Fact]
        public Task PiecesSideBySide_AreOneConnectionString() => VerifyAsync(@"
using System.Text;
class C
{
    string Join() => string.Join("";"", ""Server=join-sql"", ""Database=orders"", ""Password={|#0:Jn7!bLp2|}"");
    string[] Parts() => new[] { ""Host=parts-pg"", ""Username=app"", ""Password={|#1:Pt7!bLp2|}"" };
    string Chain() => new StringBuilder().Append(""Server=chain-sql;"").Append(""Database=orders;"").Append(""Password={|#2:Ch7!bLp2|}"").ToString();
    string Statements()
    {
        var sb = new StringBuilder();
        sb.Append(""Server=stmt-sql;Database=orders;"");
        sb.Append(""Password={|#3:St7!bLp2|};"");
        return sb.ToString();
    }
    string Unrelated()
    {
        var sb = new StringBuilder();
        sb.Append(""Reset link sent. "");
        sb.Append(""Password=changed for alice"");
        return string.Join("" "", ""Login"", ""Password=Xq7!wLp2 rejected"");
    }
}", Finding(0, null), Finding(1, null), Finding(2, null), Finding(3, null));

        [Fact]
        public Task BuilderKnownByNameOnly_IsReported() => VerifyAsync(@"
namespace Vendor.Data
{
    public sealed class VendorConnectionStringBuilder { public string Server { get; set; } public string Password { get; set; } }
    class C
    {
        object A() => new VendorConnectionStringBuilder { Server = ""vendor-db"", Password = ""{|#0:Vn7!bLp2|}"" };
    }
}", Finding(0, "vendor-db"));

        // ------------------------------------------------------------ never reported

        [Fact]
        public Task LookAlikes_NotReported() => VerifyAsync(@"
class C
{
    string Sql = ""UPDATE users SET password = @password WHERE id = @id"";
    string Log = ""Password reset requested for user {UserId}"";
    string Log2 = ""Login failed: invalid password for user"";
    string Path = ""/orders/prod/db-password"";
    string Secret = ""prod/orders/db-password"";
    string Sqlite = ""Data Source=app.db"";
    string Sqlite2 = ""Data Source=/tmp/cache.sqlite;Mode=ReadWriteCreate"";
    string Integrated = ""Server=sql;Database=orders;Integrated Security=SSPI;"";
    string Trusted = ""Server=sql;Database=orders;Trusted_Connection=True;"";
    string NoPassword = ""postgres://app@pg.internal:5432/orders"";
    string Empty = ""Server=sql;Database=orders;User Id=app;Password=;"";
    string Format = ""Server={0};Database={1};User Id={2};Password={3};"";
    string Named = ""Server={server};User Id={user};Password={password};"";
    string Env = ""Host=pg;Username=app;Password=${DB_PASSWORD}"";
    string Doc = ""Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;"";
    string Mask = ""Server=sql;User Id=app;Password=****;"";
    string Guest = ""amqp://guest:guest@localhost:5672"";
    string Https = ""https://user:Ht9!pQw2@example.com/"";
}");

        // ------------------------------------------------------------ Lambda handler suffix

        [Fact]
        public Task InsideLambdaHandler_MessageNamesHandler() => VerifyAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;
namespace Orders
{
    public class Function
    {
        public async Task<string> Handle(string input, ILambdaContext context)
        {
            await using var connection = new NpgsqlConnection(""Host=orders-db.internal;Username=app;Password={|#0:Hd7!bLp2|}"");
            var builder = new NpgsqlConnectionStringBuilder { Host = ""orders-db.internal"", Password = ""{|#1:Hb7!bLp2|}"" };
            return input;
        }
    }
}", new[] { LambdaStubs.LambdaCore }, Finding(0, "orders-db.internal", " in Lambda handler Function.Handle"), Finding(1, "orders-db.internal", " in Lambda handler Function.Handle"));

        [Fact]
        public Task IgnoredValues_AreNotReported()
        {
            var test = new Verify.Test
            {
                TestCode = @"
class C
{
    string Cs = ""Server=sql;User Id=u;Password=Fixture7!kq"";
}",
                ReferenceAssemblies = ConnectionStringReferences.Net80WithProviders,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\nsecrets_analyzer.ignored_values = Fixture7!kq\n"));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task LongLiterals_100000PairsAndOneMebibyte_OneFindingEach()
        {
            var pairs = new System.Text.StringBuilder("Server=big-sql;User Id=u;");
            for (int i = 0; i < 100_000; i++)
            {
                pairs.Append("Option").Append(i).Append('=').Append(i % 7 == 0 ? "'quoted;value'" : "v" + i).Append(';');
            }

            var mebibyte = new System.Text.StringBuilder("Host=big-pg;Username=u;Password=Mb7!bLp2;Comment='");
            while (mebibyte.Length < 1 << 20)
            {
                mebibyte.Append("password=x; pwd=y; postgres:// ");
            }

            mebibyte.Append('\'');
            string source = "class C\n{\n    string A = \"" + pairs + "Password={|#0:Pr7!bLp2|}\";\n    string B = \"" + mebibyte.ToString().Replace("Mb7!bLp2", "{|#1:Mb7!bLp2|}") + "\";\n}\n";
            return VerifyAsync(source, Finding(0, "big-sql"), Finding(1, "big-pg"));
        }

        [Fact]
        public Task Probe_ProvidersResolve() => VerifyAsync(@"
using Npgsql;
using MySqlConnector;
using Microsoft.Data.SqlClient;
class C
{
    object[] All() => new object[] { new NpgsqlConnectionStringBuilder(), new MySqlConnectionStringBuilder(), new SqlConnectionStringBuilder() };
}");
    }
}
