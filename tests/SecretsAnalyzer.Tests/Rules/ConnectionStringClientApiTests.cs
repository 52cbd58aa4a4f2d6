using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretsAnalyzer.Tests.Verifiers;
using Xunit;
using Verify = SecretsAnalyzer.Tests.Verifiers.CSharpAnalyzerVerifier<SecretsAnalyzer.Rules.ConnectionStringPasswordAnalyzer>;

namespace SecretsAnalyzer.Tests.Rules
{
    /// <summary>SECRETS003 on the password APIs of MongoDB, Redis, Npgsql, MySqlConnector and SqlClient, resolved by symbol.</summary>
    public class ConnectionStringClientApiTests
    {
        private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, ReferenceAssemblies = ConnectionStringReferences.Net80WithProviders };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Finding(int markup, string? host = null) =>
            Verify.Diagnostic("SECRETS003").WithLocation(markup).WithArguments(host == null ? string.Empty : " for '" + host + "'", string.Empty);

        [Fact]
        public Task MongoDB_CredentialFactoriesAndEvidence() => VerifyAsync(@"
using MongoDB.Driver;
static class Keys { public const string Mongo = ""Kc7!bLp2""; }
class C
{
    object[] All() => new object[]
    {
        MongoCredential.CreateCredential(""admin"", ""app"", ""{|#0:Mc7!bLp2|}""),
        MongoCredential.CreatePlainCredential(""$external"", ""ldap-user"", ""{|#1:Mp7!bLp2|}""),
        MongoCredential.CreateGssapiCredential(""svc@REALM"", ""{|#2:Mg7!bLp2|}""),
        MongoCredential.CreateCredential(databaseName: ""admin"", password: ""{|#3:Mn7!bLp2|}"", username: ""app""),
        new MongoCredential(""SCRAM-SHA-256"", new MongoInternalIdentity(""admin"", ""app""), new PasswordEvidence(""{|#4:Me7!bLp2|}"")),
        new MongoClientSettings { Credential = MongoCredential.CreateCredential(""admin"", ""app"", {|#5:Keys.Mongo|}) },
        MongoDB.Driver.MongoCredential.CreateCredential(""admin"", ""app"", $""{|#6:Mi7!bLp2-|}{System.DateTime.Now.Year}""),
    };
}", Finding(0), Finding(1), Finding(2), Finding(3), Finding(4), Finding(5), Finding(6));

        [Fact]
        public Task MongoDB_UrlBuilderPassword() => VerifyAsync(@"
using MongoDB.Driver;
class C
{
    object A() => new MongoUrlBuilder { Server = new MongoServerAddress(""mongo.internal""), Username = ""app"", Password = ""{|#0:Mu7!bLp2|}"" };

    object B()
    {
        var b = new MongoUrlBuilder(""mongodb://mongo.internal"");
        b.Username = ""app"";
        b.Password = ""{|#1:Mb7!bLp2|}"";
        b.ProxyPassword = ""{|#2:Mx7!bLp2|}"";
        return b.ToMongoUrl();
    }
}", Finding(0), Finding(1), Finding(2));

        [Fact]
        public Task MongoDB_NotReported() => VerifyAsync(@"
using System;
using MongoDB.Driver;
class C
{
    object[] All(string fromSecrets) => new object[]
    {
        MongoCredential.CreateCredential(""admin"", ""app"", fromSecrets),
        MongoCredential.CreateCredential(""admin"", ""app"", Environment.GetEnvironmentVariable(""MONGO_PASSWORD"")),
        MongoCredential.CreateCredential(""admin"", ""orders"", ""orders""),
        MongoCredential.CreateCredential(""admin"", ""app"", ""{0}""),
        MongoCredential.CreateCredential(""admin"", ""app"", ""<password>""),
        MongoCredential.CreateCredential(""admin"", ""app"", """"),
        MongoCredential.CreateMongoX509Credential(""CN=client""),
        new PasswordEvidence(fromSecrets),
        new MongoUrlBuilder { Username = ""app"", Password = ""${MONGO_PASSWORD}"" },
    };
}");

        [Fact]
        public Task SqlClient_SqlCredentialAndChangePassword() => VerifyAsync(@"
using System.Net;
using Microsoft.Data.SqlClient;
class C
{
    void M(string connectionString)
    {
        var credential = new SqlCredential(""app"", new NetworkCredential("""", ""{|#0:Sc7!bLp2|}"").SecurePassword);
        SqlConnection.ChangePassword(connectionString, ""{|#1:Cp7!bLp2|}"");
        var http = new NetworkCredential(""user"", ""Hc7!bLp2"");
    }
}", Finding(0), Finding(1));

        [Fact]
        public Task Redis_ConfigurationOptions_AllForms() => VerifyAsync(@"
using StackExchange.Redis;
class C
{
    object A()
    {
        var options = ConfigurationOptions.Parse(""cache.internal:6379"");
        options.User = ""app"";
        options.Password = ""{|#0:Ro7!bLp2|}"";
        return options;
    }

    object B() => ConfigurationOptions.Parse(""cache.internal:6380,password={|#1:Rp7!bLp2|},ssl=True"");

    object D()
    {
        var options = new ConfigurationOptions();
        options.User = ""cache"";
        options.Password = ""cache"";
        return options;
    }
}", Finding(0), Finding(1, "cache.internal"));

        [Fact]
        public Task Npgsql_DataSourceBuilder_AndMySqlConnector() => VerifyAsync(@"
using Npgsql;
using MySqlConnector;
class C
{
    object A()
    {
        var builder = new NpgsqlDataSourceBuilder(""Host=pg.internal;Username=app"");
        builder.ConnectionStringBuilder.Password = ""{|#0:Nd7!bLp2|}"";
        return builder.Build();
    }

    object B() => new MySqlConnectionStringBuilder { Server = ""mysql.internal"", UserID = ""app"", Password = ""{|#1:My7!bLp2|}"" };

    object D()
    {
        var b = new MySqlConnectionStringBuilder();
        b[""PASSWORD""] = ""{|#2:Mu7!bLp2|}"";
        b[""pwd""] = ""{|#3:Mw7!bLp2|}"";
        return b;
    }
}", Finding(0), Finding(1, "mysql.internal"), Finding(2), Finding(3));

        [Fact]
        public Task NameofKeys_InIndexersInitializersAndAdd() => VerifyAsync(@"
using System.Data.Common;
using Microsoft.Data.SqlClient;
class C
{
    void M()
    {
        var a = new SqlConnectionStringBuilder();
        a[nameof(SqlConnectionStringBuilder.Password)] = ""{|#0:Nm7!bLp2|}"";
        var b = new DbConnectionStringBuilder { [nameof(SqlConnectionStringBuilder.DataSource)] = ""sql.internal"", [nameof(SqlConnectionStringBuilder.Password)] = ""{|#1:Ni7!bLp2|}"" };
        var c = new DbConnectionStringBuilder();
        c.Add(nameof(SqlConnectionStringBuilder.Password), ""{|#2:Na7!bLp2|}"");
        var d = new DbConnectionStringBuilder();
        d[nameof(SqlConnectionStringBuilder.ApplicationName)] = ""orders-Xk7!bLp2"";
        d[nameof(SqlConnectionStringBuilder.Password)] = ""{0}"";
    }
}", Finding(0), Finding(1, "sql.internal"), Finding(2));

        [Fact]
        public Task Dictionaries_WithAConnectionKeyBesideThePassword() => VerifyAsync(@"
using System.Collections.Generic;
class C
{
    void M(string fromSecrets)
    {
        var a = new Dictionary<string, string> { [""Host""] = ""pg.internal"", [""Username""] = ""app"", [""Password""] = ""{|#0:Dc7!bLp2|}"" };
        var b = new Dictionary<string, object>();
        b.Add(""Server"", ""sql.internal"");
        b.Add(""Password"", ""{|#1:Da7!bLp2|}"");
        var c = new Dictionary<string, string>();
        c[""User Id""] = ""app"";
        c[""Pwd""] = ""{|#2:Di7!bLp2|}"";

        var lone = new Dictionary<string, string> { [""Password""] = ""Dl7!bLp2"" };
        var same = new Dictionary<string, string> { [""Username""] = ""app"", [""Password""] = ""app"" };
        var unknown = new Dictionary<string, string> { [""Host""] = ""pg.internal"", [""Password""] = fromSecrets };
        var other = new Dictionary<int, string> { [1] = ""Host=x"" };
    }
}", Finding(0, "pg.internal"), Finding(1, "sql.internal"), Finding(2));
    }
}
