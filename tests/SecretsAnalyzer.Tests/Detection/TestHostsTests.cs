using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class TestHostsTests
    {
        [Theory]
        [InlineData("localhost")]
        [InlineData("LOCALHOST")]
        [InlineData("localhost:5432")]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1,1433")]
        [InlineData("127.1.2.3")]
        [InlineData("::1")]
        [InlineData("[::1]:6379")]
        [InlineData("0.0.0.0")]
        [InlineData("host.docker.internal")]
        [InlineData("orders.test")]
        [InlineData("db.local")]
        [InlineData("pg.localhost")]
        [InlineData("api.example")]
        [InlineData("nothing.invalid")]
        [InlineData("(localdb)\\MSSQLLocalDB")]
        [InlineData(".\\SQLEXPRESS")]
        [InlineData("(local)")]
        [InlineData("db")]
        [InlineData("postgres")]
        [InlineData("sql-server")]
        [InlineData("redis_cache")]
        [InlineData("mongo:27017")]
        public void LocalTestHosts(string host)
        {
            Assert.True(TestHosts.IsLocalTestHost(host), host);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("orders-sql.internal")]
        [InlineData("orders.database.windows.net")]
        [InlineData("db.example.com")]
        [InlineData("10.0.4.17")]
        [InlineData("128.0.0.1")]
        [InlineData("127.0.0.1.example.com")]
        [InlineData("prod.local.example.com")]
        [InlineData("orders.test.example.com")]
        [InlineData("2001:db8::1")]
        [InlineData("1234")]
        [InlineData("localhost.example.com")]
        public void OtherHosts(string? host)
        {
            Assert.False(TestHosts.IsLocalTestHost(host), host ?? "null");
        }
    }
}
