using System.Collections.Generic;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    /// <summary>Connection strings and URIs that are templates, grammar notation or placeholders folded into prose.</summary>
    public class ConnectionStringsTemplateTests
    {
        private static List<ConnectionStringPassword> Find(string text, bool connectionContext = false)
        {
            var results = new List<ConnectionStringPassword>();
            ConnectionStrings.FindPasswords(text, connectionContext, results);
            return results;
        }

        private static string Single(string text, bool connectionContext = false)
        {
            List<ConnectionStringPassword> results = Find(text, connectionContext);
            Assert.True(results.Count == 1, $"expected one password, found {results.Count}");
            return text.Substring(results[0].Start, results[0].Length);
        }

        [Theory]
        [InlineData("Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPass;")]
        [InlineData("Server=myServerAddress;Database=myDataBase;Uid=myUsername;Pwd=pass123;")]
        [InlineData("Host=myhost;Port=5432;Database=mydb;Username=myuser;Password=mypass")]
        [InlineData("Server=server;Database=database;User Id=username;Password=Summer")]
        [InlineData("Data Source={host};Initial Catalog={db};User ID={user};Password=hunter")]
        [InlineData("Server=<server>;Database=<database>;User=<user>;Password=letmein1")]
        [InlineData("Host=your_host;Database=your_db;Username=your_user;Password=hunter")]
        [InlineData("Server=exampleServer;Database=exampleDb;User Id=exampleUser;Password=Example_pwd")]
        public void EveryValueAStandIn_IsNotAFinding(string text)
        {
            Assert.Empty(Find(text));
            Assert.Empty(Find(text, connectionContext: true));
        }

        [Theory]
        [InlineData("Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=Qm7#vR2!xLp9;", "Qm7#vR2!xLp9")]
        [InlineData("Server=orders-sql.internal;Database=myDataBase;User Id=myUsername;Password=mypass;", "mypass")]
        [InlineData("Server=myServer;Database=orders;User Id=orders_app;Password=mypass;", "mypass")]
        [InlineData("Server=myServer;Password=mypass;", "mypass")]
        [InlineData("Host=myhost;Database=mydb;Username=myuser;Password=kXqRtLmNvBwZpQ", "kXqRtLmNvBwZpQ")]
        [InlineData("Host=myhost;Database=mydb;Username=myuser;Password=aBcDeFgHiJ", "aBcDeFgHiJ")]
        [InlineData("Host=myhost;Database=mydb;Username=myuser;Password=word20240117", "word20240117")]
        [InlineData("Host=mysql.internal;Database=mydb;Username=myuser;Password=mypass", "mypass")]
        public void RealLookingPasswordsOrRealNeighbours_AreStillFindings(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        [Theory]
        [InlineData("postgresql://[{user}[:{password}]@]{host}[:{port}][/{database}]")]
        [InlineData("mongodb://[username:password@]host1[:port1][,...hostN[:portN]][/[defaultauthdb][?options]]")]
        [InlineData("redis://[[username]:[password]]@localhost:6379/0")]
        [InlineData("mysql://[user[:password]@][host][:port]/database")]
        [InlineData("amqp://[user[:pass]@]host[:port][/vhost]")]
        public void GrammarNotation_IsNotAFinding(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("postgresql://app:[Qm7!vR2xLp9]x@db.internal/orders", "[Qm7!vR2xLp9]x")]
        [InlineData("postgresql://app:Qm7!vR2]@db.internal/orders", "Qm7!vR2]")]
        public void BracketsAroundARealPassword_AreStillFindings(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        [Theory]
        [InlineData("Server=db;Database=orders;User Id=app;Password=%(password)s;")]
        [InlineData("Server=db;Database=orders;User Id=app;Password={{password}};")]
        [InlineData("Server=db;Database=orders;User Id=app;Password={password};")]
        [InlineData("Server=db;Database=orders;User Id=app;Password=$(DB_PASSWORD);")]
        [InlineData("Server=db;Database=orders;User Id=app;Password=#{DbPassword};")]
        [InlineData("Server=db;Database=orders;User Id=app;Password=<%= db_password %>;")]
        [InlineData("Server=db;Database=orders;User Id=app;Password=@@DB_PASSWORD@@;")]
        [InlineData("Server=db;Database=orders;User Id=app;Password={% db_password %};")]
        [InlineData("postgres://app:%(password)s@db.internal/orders")]
        [InlineData("postgres://app:{{password}}@db.internal/orders")]
        [InlineData("postgres://app:$(DB_PASSWORD)@db.internal/orders")]
        public void TemplateSyntaxesOfOtherEcosystems_AreNotFindings(string text)
        {
            Assert.Empty(Find(text));
            Assert.Empty(Find(text, connectionContext: true));
        }

        [Theory]
        [InlineData("Could not connect with Server=db.internal;Database=orders;User Id=app;Password=${DB_PASSWORD} (check the secret)")]
        [InlineData("Login failed for Server=db.internal;User Id=app;Password={password} after 3 attempts")]
        [InlineData("Server=db.internal;User Id=app;Password=$(DB_PASSWORD) was rejected")]
        [InlineData("/// <c>Server=<host>;Database=<db>;User Id=<user>;Password=<password></c>. See the runbook.")]
        [InlineData("/// In a template, write <c>Host=pg.internal;Username=app;Password={{ db_password }}</c> and render it.")]
        [InlineData("Host=pg.internal;Username=app;Password=%(password)s (rendered at deploy time)")]
        public void PlaceholderFoldedIntoAMessage_IsNotAFinding(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("/// <c>Server=db.internal;User Id=app;Password=Qm7!vR2xLp9</c>")]
        [InlineData("/// <c>Server=db.internal;User Id=app;Password=Qm7!vR2xLp9</c> (old cluster)")]
        [InlineData("/// <c>Server=db.internal;User Id=app;Password=<Qm7!vR2xLp9</c>.")]
        public void RealPasswordBeforeMarkup_IsStillAFinding(string text)
        {
            Assert.Single(Find(text));
        }

        [Fact]
        public void RealPasswordFoldedIntoAMessage_IsStillAFinding()
        {
            Assert.StartsWith("Qm7#vR2!xLp9", Single("Could not connect with Server=db.internal;User Id=app;Password=Qm7#vR2!xLp9 (check the secret)"));
        }

        [Theory]
        [InlineData("Server=myServer", true)]
        [InlineData("myServerAddress", true)]
        [InlineData("yourdb", true)]
        [InlineData("{host}", true)]
        [InlineData("server", true)]
        [InlineData("mysql", false)]
        [InlineData("orders-sql.internal", false)]
        [InlineData("theodore", false)]
        [InlineData("myriad", false)]
        public void StandInValues(string value, bool expected)
        {
            string text = value.StartsWith("Server=", System.StringComparison.Ordinal) ? value.Substring(7) : value;
            Assert.Equal(expected, ConnectionStrings.IsStandInValue(text, 0, text.Length));
        }
    }
}
