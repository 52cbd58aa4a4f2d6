using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Text;
using SecretsAnalyzer.Detection;
using Xunit;

namespace SecretsAnalyzer.Tests.Detection
{
    public class ConnectionStringsTests
    {
        private const char H = Chars.Hole;

        private static List<ConnectionStringPassword> Find(string text, bool connectionContext = false)
        {
            var results = new List<ConnectionStringPassword>();
            ConnectionStrings.FindPasswords(text, connectionContext, results);
            return results;
        }

        /// <summary>The single password found, as its characters in the text.</summary>
        private static string Single(string text, bool connectionContext = false)
        {
            List<ConnectionStringPassword> results = Find(text, connectionContext);
            Assert.True(results.Count == 1, $"expected one password in <{text}>, found {results.Count}: {string.Join(", ", results)}");
            return text.Substring(results[0].Start, results[0].Length);
        }

        private static string? Host(string text) => Find(text).Single().Host;

        // ------------------------------------------------------------ ADO.NET key=value, by driver

        [Theory]
        [InlineData("Server=orders-sql.internal;Database=orders;User Id=orders_app;Password=Qm7#vR2!xLp9;", "Qm7#vR2!xLp9", "orders-sql.internal")]
        [InlineData("Data Source=tcp:orders.database.windows.net,1433;Initial Catalog=orders;User ID=app;Password=Zt4$kW8@nB;Encrypt=True", "Zt4$kW8@nB", "orders.database.windows.net")]
        [InlineData("Server=(localdb)\\MSSQLLocalDB;Database=x;Uid=sa;Pwd=Hq3!bn7Kd", "Hq3!bn7Kd", "(localdb)\\MSSQLLocalDB")]
        [InlineData("Host=pg-prod.internal;Port=5432;Database=ledger;Username=ledger;Password=Vb6^hT1qW", "Vb6^hT1qW", "pg-prod.internal")]
        [InlineData("Host=pg1,pg2:5433;Username=app;PSW=Pr9!kd2Mx", "Pr9!kd2Mx", "pg1")]
        [InlineData("Server=mysql.internal;Port=3306;Database=shop;Uid=shop;Pwd=Lk5%gF3sZ;SslMode=Required", "Lk5%gF3sZ", "mysql.internal")]
        [InlineData("server=mariadb.internal;user=root;password=Ny2&cV8pR;database=cms", "Ny2&cV8pR", "mariadb.internal")]
        [InlineData("Data Source=ora-prod.internal:1521/ORCLPDB1;User Id=hr;Password=Oj8*dS4wQ;", "Oj8*dS4wQ", "ora-prod.internal:1521/ORCLPDB1")]
        [InlineData("Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora-rac.internal)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=FIN)));User Id=fin;Password=Tg3@mK9zE;", "Tg3@mK9zE", "ora-rac.internal")]
        [InlineData("Driver={ODBC Driver 18 for SQL Server};Server=odbc-sql.internal;Database=x;Uid=rpt;Pwd={Xu5;hL2=q};", "Xu5;hL2=q", "odbc-sql.internal")]
        [InlineData("Driver={PostgreSQL Unicode};Server=pg.internal;Port=5432;Database=d;Uid=u;Pwd=Wc8!pY3nA;", "Wc8!pY3nA", "pg.internal")]
        [InlineData("Provider=SQLOLEDB;Data Source=legacy-sql;Initial Catalog=old;User Id=sa;Password=Sd4#fG6hJ;", "Sd4#fG6hJ", "legacy-sql")]
        [InlineData("Address=10.0.4.17;Database=d;User=u;Password=Ae5!rT8yU", "Ae5!rT8yU", "10.0.4.17")]
        [InlineData("Network Address=sql-b.internal;Database=d;User=u;Password=Rf2@vB7nM", "Rf2@vB7nM", "sql-b.internal")]
        [InlineData("Addr=sql-c.internal;Database=d;User=u;Password=Kj9*hG4fD", "Kj9*hG4fD", "sql-c.internal")]
        public void KeyValue_ByDriver(string text, string password, string host)
        {
            Assert.True(ConnectionStrings.QuickTest(text));
            Assert.Equal(password, Single(text));
            Assert.Equal(host, Host(text));
        }

        [Theory]
        [InlineData("Database=d;User Id=u;Password=Ns8!kq2Lw", null)]
        [InlineData("Data Source=app.db;Password=Ns8!kq2Lw", null)]
        [InlineData("Server={0};Database=d;Password=Ns8!kq2Lw", null)]
        [InlineData("Server=" + "\uFFFC" + ";Database=d;Password=Ns8!kq2Lw", null)]
        public void KeyValue_HostIsOmittedWhenUnknown(string text, string? host)
        {
            Assert.Equal("Ns8!kq2Lw", Single(text));
            Assert.Equal(host, Host(text));
        }

        // ------------------------------------------------------------ grammar: quoting, escaping, whitespace, duplicates

        [Theory]
        [InlineData("Server=s;User=u;Password='Ab;c9!x'", "Ab;c9!x")]
        [InlineData("Server=s;User=u;Password=\"Ab;c9!x\"", "Ab;c9!x")]
        [InlineData("Server=s;User=u;Password='It''s-9Kx'", "It''s-9Kx")]
        [InlineData("Server=s;User=u;Password=\"Say\"\"9Kx\"\"\";", "Say\"\"9Kx\"\"")]
        [InlineData("Server=s;User=u;Password='has \"double\" 9K';", "has \"double\" 9K")]
        [InlineData("Server=s;User=u;Password=  Tr1m-Me-9  ;", "Tr1m-Me-9")]
        [InlineData("  Server = s ;   User   =u;\t Password\t=\tTab9Kx!q\t;", "Tab9Kx!q")]
        [InlineData("Server=s;User=u;PASSWORD=Up9!kLq", "Up9!kLq")]
        [InlineData("Server=s;User=u;pAsSwOrD=Up9!kLq", "Up9!kLq")]
        [InlineData("Server=s;User=u;Password=w1th sp@ce 9K", "w1th sp@ce 9K")]
        [InlineData("Server=s;User=u;Password='correct horse battery staple'", "correct horse battery staple")]
        [InlineData("Server=s;User=u;Password=eq=uals=9K", "eq=uals=9K")]
        [InlineData(";;;Server=s;;User=u;;Password=Semi9!kq;;;", "Semi9!kq")]
        [InlineData("Password=First9!kq;Server=s;User=u", "First9!kq")]
        [InlineData("Server=s;\r\nUser=u;\r\nPassword=Lines9!kq;\r\n", "Lines9!kq")]
        [InlineData("Server=s;User=u;Password='Quoted9!kq'   ;Database=d", "Quoted9!kq")]
        public void Grammar_QuotingEscapingWhitespace(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password=Old9!kq;Password=New9!kq", "New9!kq")]
        [InlineData("Server=s;User=u;Pwd=Old9!kq;Password=New9!kq", "New9!kq")]
        [InlineData("Server=s;User=u;Password=Old9!kq;pwd='New9!kq'", "New9!kq")]
        public void Grammar_DuplicateKeys_LastWins(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password=Real9!kq;Password=")]
        [InlineData("Server=s;User=u;Password=Real9!kq;Password={0}")]
        [InlineData("Server=s;User=u;Password=Real9!kq;Pwd=''")]
        public void Grammar_DuplicateKeys_LastEmptyOrPlaceholderWins(string text)
        {
            Assert.Empty(Find(text));
        }

        [Fact]
        public void Grammar_DuplicateHost_LastWins()
        {
            Assert.Equal("second", Host("Server=first;Server=second;User=u;Password=Dup9!kq"));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password=Ok9!kq;Database='unterminated", "Ok9!kq")]
        [InlineData("Server=s;User=u;Password=Ok9!kq;App='x'junk;Timeout=5", "Ok9!kq")]
        [InlineData("garbage without equals;Server=s;User=u;Password=Ok9!kq", "Ok9!kq")]
        [InlineData("=;==;Server=s;User=u;Password=Ok9!kq", "Ok9!kq")]
        public void Malformed_UnambiguousPassword_IsReported(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password='unterminated9!kq")]
        [InlineData("Server=s;User=u;Password=\"unterminated9!kq")]
        [InlineData("Server=s;User=u;Database='swallows;Password=Inside9!kq")]
        [InlineData("Server=s;User=u;Password='Quoted9!kq'trailing;")]
        [InlineData("Server=s;User=u;Password=Bad\u0001Control9;")]
        [InlineData("=")]
        [InlineData(";")]
        [InlineData("''''")]
        [InlineData("Password")]
        [InlineData("Password=")]
        [InlineData("Password='")]
        [InlineData("Password=\"")]
        [InlineData("Password={")]
        [InlineData("\u0000Server=s;Password=Nul9!kq")]
        [InlineData("===============")]
        public void Malformed_AmbiguousOrEmpty_IsNotReportedAndDoesNotThrow(string text)
        {
            Assert.Empty(Find(text));
            Assert.Empty(Find(text, connectionContext: true));
        }

        [Fact]
        public void Malformed_RandomInput_NeverThrows()
        {
            var random = new Random(20261125);
            const string alphabet = "=;'\"{} \t\r\nPpWwDdAaSsOoRr:/@,?&%$<>[]_-\u0001\0\uFFFC";
            for (int n = 0; n < 5000; n++)
            {
                var builder = new StringBuilder();
                int length = random.Next(0, 60);
                for (int i = 0; i < length; i++)
                {
                    builder.Append(random.Next(4) == 0 ? "Password=" : alphabet[random.Next(alphabet.Length)].ToString());
                }

                string text = builder.ToString();
                foreach (ConnectionStringPassword found in Find(text, connectionContext: n % 2 == 0))
                {
                    Assert.InRange(found.Start, 0, text.Length);
                    Assert.InRange(found.Start + found.Length, found.Start + 1, text.Length);
                }

                ConnectionStrings.ParsePairs(text);
                ConnectionStrings.LastPasswordValue(text);
            }
        }

        /// <summary>Against the real thing: where DbConnectionStringBuilder accepts a string, the parser reads the same password.</summary>
        [Fact]
        public void Grammar_AgreesWithDbConnectionStringBuilder()
        {
            var random = new Random(42);
            string[] keys = { "Server", "Data Source", "User Id", "Password", "Pwd", "Database", " Password ", "PASSWORD", "Timeout", "Application Name" };
            string[] values = { "abc", "a b", "'q;uo''te'", "\"dq;\"\"x\"", "  spaced  ", "", "x=y", "'", "\"", "a'b", "a\"b", "Kx9!m", "'  in '" };
            int compared = 0;
            for (int n = 0; n < 20000; n++)
            {
                var builder = new StringBuilder();
                int pairs = random.Next(1, 6);
                for (int p = 0; p < pairs; p++)
                {
                    builder.Append(random.Next(3) == 0 ? " " : string.Empty);
                    builder.Append(keys[random.Next(keys.Length)]);
                    builder.Append(random.Next(3) == 0 ? " = " : "=");
                    builder.Append(values[random.Next(values.Length)]);
                    builder.Append(random.Next(4) == 0 ? " ;" : ";");
                }

                string text = builder.ToString();
                if (text.Contains("pwd", StringComparison.OrdinalIgnoreCase) && text.Contains("password", StringComparison.OrdinalIgnoreCase))
                {
                    // The generic builder keeps synonyms apart; drivers map them to one key. Compare one spelling at a time.
                    continue;
                }

                string? expected;
                try
                {
                    var real = new DbConnectionStringBuilder { ConnectionString = text };
                    expected = real.TryGetValue("password", out object? a) ? (string)a : null;
                    expected ??= real.TryGetValue("pwd", out object? b) ? (string)b : null;
                }
                catch (ArgumentException)
                {
                    // DbConnectionStringBuilder rejects it: the parser must not throw either.
                    ConnectionStrings.LastPasswordValue(text);
                    continue;
                }

                compared++;

                // An empty value removes the key in the builder; both mean "no password".
                Assert.True((expected ?? string.Empty) == (ConnectionStrings.LastPasswordValue(text) ?? string.Empty), $"<{text}>: builder '{expected}', parser '{ConnectionStrings.LastPasswordValue(text)}'");
            }

            Assert.True(compared > 5000, "too few strings were comparable: " + compared);
        }

        [Fact]
        public void ParsePairs_ReadsKeysAndValuesLikeAdoNet()
        {
            const string text = " Server = s1 ;Pass==word='a;''b';Pwd=\"x\"\"y\";Driver={SQL Server};Empty=;";
            List<ConnectionStringPair> pairs = ConnectionStrings.ParsePairs(text);
            Assert.Equal(new[] { "server", "pass=word", "pwd", "driver", "empty" }, pairs.Select(p => p.Key(text)));
            Assert.Equal(new[] { "s1", "a;'b", "x\"y", "SQL Server", string.Empty }, pairs.Select(p => p.Value(text)));
            Assert.All(pairs, p => Assert.True(p.WellFormed));
        }

        // ------------------------------------------------------------ context: a password needs a connection string around it

        [Theory]
        [InlineData("Password=Lone9!kq")]
        [InlineData("UPDATE users SET password = 'N3w!Pass9' WHERE id = 4")]
        [InlineData("SELECT id FROM users WHERE username = @u AND password = @p")]
        [InlineData("Password=hunter2 was rejected for this account")]
        [InlineData("Reset your password=now at https://example.com/reset")]
        [InlineData("Invalid password for user alice")]
        [InlineData("The password must contain 12 characters; Password=Strong!9 is an example")]
        [InlineData("/orders/prod/db-password")]
        [InlineData("orders/prod/db-password")]
        [InlineData("arn:aws:secretsmanager:eu-west-1:210987654321:secret:prod/orders/db-password-Ab12Cd")]
        [InlineData("DB_PASSWORD=Env9!kq")]
        [InlineData("Data Source=app.db")]
        [InlineData("Data Source=/var/task/cache.sqlite;Mode=ReadOnly")]
        [InlineData("Server=s;Database=d;Integrated Security=SSPI")]
        [InlineData("Server=s;Database=d;Trusted_Connection=True;TrustServerCertificate=True")]
        [InlineData("Server=s;Database=d;User Id=u")]
        [InlineData("// Server=db1 is the primary; Password=rotated monthly by the platform team")]
        [InlineData("Server=db1;Password=is kept in Secrets Manager")]
        [InlineData("Server=db1; Password=is kept in Secrets Manager under migrations/prod")]
        public void Context_NotAConnectionPassword(string text)
        {
            Assert.Empty(Find(text));
        }

        [Fact]
        public void Context_ConnectionContextAcceptsALonePassword()
        {
            Assert.Equal("Lone9!kq", Single("Password=Lone9!kq", connectionContext: true));
            Assert.Equal("Lone9!kq", Single(";Password=Lone9!kq;", connectionContext: true));
        }

        [Fact]
        public void Context_HoleBeforeAFragmentCountsAsAConnectionString()
        {
            Assert.Equal("Frag9!kq", Single(H + ";Password=Frag9!kq"));
            Assert.Equal("Frag9!kq", Single("Password=Frag9!kq;" + H));
            Assert.Equal("Frag9!kq", Single("{0};Password=Frag9!kq"));
            Assert.Equal("Frag9!kq", Single("{baseConnection}; Password=Frag9!kq"));
            Assert.Empty(Find("{0} Password=Frag9!kq was rejected; try again"));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password=" + "\uFFFC")]
        [InlineData("Server=s;User=u;Password='" + "\uFFFC" + "'")]
        [InlineData("Server=s;User=u;Password=" + "\uFFFC" + "\uFFFC")]
        [InlineData("Server=s;User=u;Password=" + "\uFFFC" + "!")]
        [InlineData("Server=s;User=u;Password=" + "\uFFFC" + "-" + "\uFFFC")]
        [InlineData("Server=s;User=u;Password={" + "\uFFFC" + "}")]
        public void Holes_WholePassword_IsNotReported(string text)
        {
            Assert.Empty(Find(text));
        }

        [Theory]
        [InlineData("Server=s;User=u;Password=Arch!ve-" + "\uFFFC", "Arch!ve-\uFFFC")]
        [InlineData("Server=" + "\uFFFC" + ";User=" + "\uFFFC" + ";Password=" + "\uFFFC" + "2024!Orders", "\uFFFC2024!Orders")]
        public void Holes_LiteralPartOfPassword_IsReported(string text, string password)
        {
            Assert.Equal(password, Single(text));
        }

        // ------------------------------------------------------------ embedded in other text

        [Fact]
        public void Embedded_Json()
        {
            const string json = "{\n  \"ConnectionStrings\": {\n    \"Orders\": \"Server=orders-db;Database=orders;User Id=app;Password=Js9!nQw2\"\n  }\n}";
            List<ConnectionStringPassword> found = Find(json);
            Assert.Single(found);
            Assert.Equal("Js9!nQw2", json.Substring(found[0].Start, found[0].Length));
            Assert.Equal("orders-db", found[0].Host);
        }

        [Fact]
        public void Embedded_Comment()
        {
            const string comment = "// old: Server=legacy-db;Database=x;Uid=sa;Pwd=Cm9!tQw2";
            Assert.Equal("Cm9!tQw2", Single(comment));
            Assert.Equal("legacy-db", Host(comment));
        }

        [Fact]
        public void Embedded_XmlConfig()
        {
            const string xml = "<add name=\"Db\" connectionString=\"Data Source=xml-db;Initial Catalog=c;User ID=u;Password=Xm9!lQw2\" providerName=\"System.Data.SqlClient\" />";
            Assert.Equal("Xm9!lQw2", Single(xml));
        }

        [Fact]
        public void Embedded_SeveralConnectionStringsOnSeveralLines()
        {
            string text = "Server=a;User=u;Password=One9!kq\n\"Server=b;User=u;Password=Two9!kq\"";
            Assert.Equal(new[] { "One9!kq", "Two9!kq" }, Find(text).Select(f => text.Substring(f.Start, f.Length)));
        }

        // ------------------------------------------------------------ Redis

        [Theory]
        [InlineData("cache.internal:6379,password=Rd9!sQw2,ssl=True,abortConnect=False", "Rd9!sQw2", "cache.internal")]
        [InlineData("primary:6379,replica:6380,password=Rd9!sQw2", "Rd9!sQw2", "primary")]
        [InlineData("redis-prod.abc123.cache.amazonaws.com:6379, ssl=true, password = Rd9!sQw2 ", "Rd9!sQw2", "redis-prod.abc123.cache.amazonaws.com")]
        [InlineData("localhost,user=app,password=Rd9!sQw2", "Rd9!sQw2", "localhost")]
        public void Redis_Configuration(string text, string password, string host)
        {
            Assert.True(ConnectionStrings.QuickTest(text));
            Assert.Equal(password, Single(text));
            Assert.Equal(host, Host(text));
        }

        [Theory]
        [InlineData("cache.internal:6379,ssl=True,abortConnect=False")]
        [InlineData("cache.internal:6379,password=,ssl=True")]
        [InlineData("cache.internal:6379,password={0}")]
        [InlineData("cache.internal:6379,password=${REDIS_PASSWORD}")]
        [InlineData("Connected to cache:6379, password=Rd9!sQw2 accepted")]
        [InlineData("cache.internal:6379,password=password")]
        public void Redis_NotReported(string text)
        {
            Assert.Empty(Find(text));
        }

        // ------------------------------------------------------------ URIs and JDBC

        [Theory]
        [InlineData("postgres://app:Pg9!uQw2@pg.internal:5432/orders", "Pg9!uQw2", "pg.internal")]
        [InlineData("postgresql://app:Pg9!uQw2@pg.internal/orders?sslmode=require", "Pg9!uQw2", "pg.internal")]
        [InlineData("mysql://root:My9!uQw2@mysql.internal:3306/shop", "My9!uQw2", "mysql.internal")]
        [InlineData("mariadb://root:Ma9!uQw2@maria.internal/shop", "Ma9!uQw2", "maria.internal")]
        [InlineData("mongodb://admin:Mo9!uQw2@mongo1:27017,mongo2:27017/app?replicaSet=rs0", "Mo9!uQw2", "mongo1")]
        [InlineData("mongodb+srv://svc:Ms9!uQw2@cluster0.ab1cd.mongodb.net/app", "Ms9!uQw2", "cluster0.ab1cd.mongodb.net")]
        [InlineData("redis://default:Re9!uQw2@cache.internal:6379/0", "Re9!uQw2", "cache.internal")]
        [InlineData("rediss://:Rs9!uQw2@cache.internal:6380", "Rs9!uQw2", "cache.internal")]
        [InlineData("amqp://orders:Am9!uQw2@mq.internal:5672/vhost", "Am9!uQw2", "mq.internal")]
        [InlineData("amqps://orders:As9!uQw2@b-1234.mq.eu-west-1.amazonaws.com:5671", "As9!uQw2", "b-1234.mq.eu-west-1.amazonaws.com")]
        [InlineData("sqlserver://sa:Sq9!uQw2@mssql.internal:1433?database=orders", "Sq9!uQw2", "mssql.internal")]
        [InlineData("postgresql+asyncpg://app:Pa9!uQw2@pg.internal/db", "Pa9!uQw2", "pg.internal")]
        [InlineData("jdbc:postgresql://pg.internal:5432/orders?user=app&password=Jp9!uQw2&ssl=true", "Jp9!uQw2", "pg.internal")]
        [InlineData("jdbc:mysql://mysql.internal:3306/shop?user=shop&password=Jm9!uQw2", "Jm9!uQw2", "mysql.internal")]
        [InlineData("jdbc:sqlserver://mssql.internal:1433;databaseName=orders;user=app;password=Js9!uQw2;encrypt=true", "Js9!uQw2", "mssql.internal")]
        [InlineData("postgresql://pg.internal/orders?user=app&password=Pq9!uQw2", "Pq9!uQw2", "pg.internal")]
        [InlineData("postgres://app:p%40ss9Qw2@pg.internal/orders", "p%40ss9Qw2", "pg.internal")]
        [InlineData("jdbc:oracle:thin:scott/Or9!uQw2@ora.internal:1521/ORCL", "Or9!uQw2", "ora.internal")]
        [InlineData("jdbc:oracle:thin:fin/Or9!uQw2@//ora-scan.internal:1521/FIN", "Or9!uQw2", "ora-scan.internal")]
        [InlineData("postgres://${DB_USER}:Pv9!uQw2@${DB_HOST}/db", "Pv9!uQw2", null)]
        public void Uri_Userinfo(string text, string password, string? host)
        {
            Assert.True(ConnectionStrings.QuickTest(text));
            Assert.Equal(password, Single(text));
            Assert.Equal(host, Host(text));
        }

        [Theory]
        [InlineData("postgres://app@pg.internal:5432/orders")]
        [InlineData("postgres://pg.internal:5432/orders")]
        [InlineData("mongodb://mongo1:27017/app")]
        [InlineData("redis://cache.internal:6379")]
        [InlineData("amqp://guest:guest@localhost:5672")]
        [InlineData("postgres://app:@pg.internal/orders")]
        [InlineData("postgres://app:{0}@pg.internal/orders")]
        [InlineData("postgres://app:${DB_PASSWORD}@pg.internal/orders")]
        [InlineData("mysql://user:password@localhost/db")]
        [InlineData("mysql://user:<password>@localhost/db")]
        [InlineData("postgres://app:\uFFFC@pg.internal/orders")]
        [InlineData("https://user:Ht9!pQw2@example.com/")]
        [InlineData("ftp://user:Ft9!pQw2@files.example.com/")]
        [InlineData("jdbc:postgresql://pg.internal:5432/orders?user=app")]
        [InlineData("jdbc:postgresql://pg.internal:5432/orders?user=app&password=")]
        [InlineData("https://docs.example.com/reset-password?user=alice")]
        [InlineData("jdbc:oracle:thin:@ora.internal:1521/ORCL")]
        [InlineData("jdbc:oracle:thin:scott/scott@ora.internal:1521/ORCL")]
        [InlineData("jdbc:oracle:thin:scott/{0}@ora.internal:1521/ORCL")]
        [InlineData("postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/db")]
        [InlineData("// \"mariadb/mysql://[{user}[:{password}]@]{host}[:{port}]/[{db}[?{opt1}={value1}[&{opt2}={value2}]]]']\"")]
        [InlineData("mysql://[{user}[:{password}]@]{host}")]
        [InlineData("postgres://[user[:<password>]@]host[:port]/db")]
        public void Uri_NotReported(string text)
        {
            Assert.Empty(Find(text));
        }

        [Fact]
        public void Uri_GrammarBracketsAroundARealPasswordAreNotAPlaceholder()
        {
            // Brackets of a grammar hide only a template; a literal password inside them is still a password.
            Assert.Equal("Gm9!uQw2]", Single("mysql://[root[:Gm9!uQw2]@]db.internal/shop"));
        }

        [Fact]
        public void Uri_InsideAKeyValueStringIsReportedOnce()
        {
            const string text = "jdbc:sqlserver://h:1433;databaseName=d;user=u;password=Once9!kq";
            Assert.Equal("Once9!kq", Single(text));
        }

        // ------------------------------------------------------------ placeholders in connection strings

        [Theory]
        [InlineData("Server=s;User Id=u;Password=")]
        [InlineData("Server=s;User Id=u;Password=;")]
        [InlineData("Server=s;User Id=u;Password=''")]
        [InlineData("Server=s;User Id=u;Password=   ;")]
        [InlineData("Server=s;User Id=u;Password={0}")]
        [InlineData("Server=s;User Id=u;Password={password}")]
        [InlineData("Server=s;User Id=u;Password={dbPassword}")]
        [InlineData("Server=s;User Id=u;Password={{password}}")]
        [InlineData("Server=s;User Id=u;Password=${DB_PASSWORD}")]
        [InlineData("Server=s;User Id=u;Password=$DB_PASSWORD")]
        [InlineData("Server=s;User Id=u;Password=%DB_PASSWORD%")]
        [InlineData("Server=s;User Id=u;Password=<password>")]
        [InlineData("Server=s;User Id=u;Password=[password]")]
        [InlineData("Server=s;User Id=u;Password=__DB_PASSWORD__")]
        [InlineData("Server=s;User Id=u;Password=#{DbPassword}#")]
        [InlineData("Server=s;User Id=u;Password=$(DbPassword)")]
        [InlineData("Server=s;User Id=u;Password=********")]
        [InlineData("Server=s;User Id=u;Password=xxxxxxxx")]
        [InlineData("Server=s;User Id=u;Password=YOUR_PASSWORD_HERE")]
        [InlineData("Server=s;User Id=u;Password=your_password")]
        [InlineData("Server=s;User Id=u;Password=password")]
        [InlineData("Server=s;User Id=u;Password=changeme")]
        [InlineData("Server=s;User Id=u;Password=<secret>")]
        [InlineData("Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;")]
        [InlineData("Host=localhost;Username=postgres;Password=postgres")]
        [InlineData("Server=s;User Id=App_User;Password=app_user")]
        public void Placeholders_AreNotReported(string text)
        {
            Assert.Empty(Find(text));
            Assert.Empty(Find(text, connectionContext: true));
        }

        // ------------------------------------------------------------ quick test

        [Theory]
        [InlineData("Password=x", true)]
        [InlineData("pwd=x", true)]
        [InlineData("PSW=x", true)]
        [InlineData("postgres://h", true)]
        [InlineData("jdbc:oracle:thin:u/Xk9q@h:1521/S", true)]
        [InlineData("Server=s;Database=d", false)]
        [InlineData("", false)]
        [InlineData("pa", false)]
        public void QuickTest(string text, bool expected)
        {
            Assert.Equal(expected, ConnectionStrings.QuickTest(text));
        }

        // ------------------------------------------------------------ size: linear, no recursion (not timed)

        [Fact]
        public void Large_100000Pairs_Completes()
        {
            var builder = new StringBuilder();
            builder.Append("Server=big-db.internal;User Id=u;");
            for (int i = 0; i < 100_000; i++)
            {
                builder.Append("Key").Append(i).Append("=value").Append(i).Append(';');
            }

            builder.Append("Password=Big9!kQw2;");
            string text = builder.ToString();
            List<ConnectionStringPassword> found = Find(text);
            Assert.Single(found);
            Assert.Equal("Big9!kQw2", text.Substring(found[0].Start, found[0].Length));
            Assert.Equal(100_003, ConnectionStrings.ParsePairs(text).Count);
        }

        [Fact]
        public void Large_100000PasswordPairs_LastWins()
        {
            var builder = new StringBuilder("Server=s;User=u;");
            for (int i = 0; i < 100_000; i++)
            {
                builder.Append("Password=P").Append(i).Append("x!;");
            }

            string text = builder.ToString();
            Assert.Equal("P99999x!", Single(text));
        }

        [Theory]
        [InlineData("a")]
        [InlineData("Password=")]
        [InlineData("'")]
        [InlineData("\"")]
        [InlineData("=")]
        [InlineData(";")]
        [InlineData("://")]
        [InlineData("postgres://u:p@")]
        [InlineData("a,")]
        [InlineData("{")]
        [InlineData("\n")]
        [InlineData("Server=s;User=u;Password=Mb9!kQw2;")]
        public void Large_OneMebibyte_Completes(string unit)
        {
            var builder = new StringBuilder(1 << 20);
            while (builder.Length + unit.Length <= 1 << 20)
            {
                builder.Append(unit);
            }

            string text = builder.ToString();
            Assert.True(ConnectionStrings.QuickTest(text) || !text.Contains("Password") && !text.Contains("://"));
            List<ConnectionStringPassword> found = Find(text);
            Assert.All(found, f => Assert.InRange(f.Start + f.Length, 1, text.Length));
            Find(text, connectionContext: true);
            ConnectionStrings.ParsePairs(text);
        }

        [Fact]
        public void Large_OneMebibyteSingleValue_Completes()
        {
            string password = new string('k', 1 << 20);
            string text = "Server=s;User=u;Password=" + password;
            List<ConnectionStringPassword> found = Find(text);
            Assert.Single(found);
            Assert.Equal(1 << 20, found[0].Length);
        }
    }
}
