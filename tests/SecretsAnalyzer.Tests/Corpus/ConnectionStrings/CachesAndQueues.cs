using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace NotificationsWorker
{
    /// <summary>Endpoints of the caches, brokers and document stores the worker uses.</summary>
    public static class Endpoints
    {
        public const string SessionCache = "sessions.abc123.ng.0001.euw1.cache.amazonaws.com:6379,password=LorjgQ3hW36GqwK,ssl=True,abortConnect=False"; // Noncompliant SECRETS003

        public const string RateLimits = "primary.redis.internal:6379,replica.redis.internal:6380,password=6fbNuCzJ+iXnsDa,connectTimeout=5000"; // Noncompliant SECRETS003

        public const string LocalRedis = "localhost,user=worker,password=NyTmQ+~yMZ8,defaultDatabase=2"; // Noncompliant SECRETS003

        public const string RedisSpaces = "queue-cache:6379, ssl=true, password = 5FmWFN.DUSkm , allowAdmin=false"; // Noncompliant SECRETS003

        public const string RedisUri = "redis://default:4pUap4YdKDYfx@cache.internal:6379/0"; // Noncompliant SECRETS003

        public const string RedisTls = "rediss://:3zGncerELnZE@tls-cache.internal:6380"; // Noncompliant SECRETS003

        public const string Postgres = "postgres://notifier:ofgLJSkVKL5qrg@notify-pg.internal:5432/notifications"; // Noncompliant SECRETS003

        public const string PostgresQl = "postgresql://reports:kaDZwTB5kQV4BeV@reports-pg.internal/reports?sslmode=require"; // Noncompliant SECRETS003

        public const string PostgresQuery = "postgresql://query-pg.internal:5432/notifications?user=notifier&password=RYqKtCBu28LQLd5tgb&sslmode=verify-full"; // Noncompliant SECRETS003

        public const string MySqlUri = "mysql://shop:iwLX6CqkTfwLVKhq9@shop-mysql.internal:3306/shop"; // Noncompliant SECRETS003

        public const string MariaDbUri = "mariadb://cms:F4DWsawzb3jY8Ao3@cms-maria.internal/cms"; // Noncompliant SECRETS003

        public const string Mongo = "mongodb://events:JKurfp9d89Gz2bUEP@mongo-1.internal:27017,mongo-2.internal:27017/events?replicaSet=rs0&authSource=admin"; // Noncompliant SECRETS003

        public const string MongoAtlas = "mongodb+srv://atlas-svc:tUvBx4uswkzcB95@cluster0.q8x2k.mongodb.net/notifications?retryWrites=true&w=majority"; // Noncompliant SECRETS003

        public const string Broker = "amqp://notifier:FZL9rKsVfzor7jHyh@rabbit.internal:5672/notifications"; // Noncompliant SECRETS003

        public const string AmazonMq = "amqps://mq-user:EhsM2Da7cr37hqZM@b-7c1e4a2d-1b3c.mq.eu-west-1.amazonaws.com:5671"; // Noncompliant SECRETS003

        public const string SqlServerUri = "sqlserver://sa:FcB4fsnyMjQ62fmYH@mssql.internal:1433?database=notifications"; // Noncompliant SECRETS003

        public const string JdbcPostgres = "jdbc:postgresql://jdbc-pg.internal:5432/notifications?user=batch&password=iQUiXtFWtM32d5c&ssl=true"; // Noncompliant SECRETS003

        public const string JdbcMySql = "jdbc:mysql://jdbc-mysql.internal:3306/shop?user=shop&password=ZNgvbixfk7ooCvZQ&useSSL=true"; // Noncompliant SECRETS003

        public const string JdbcSqlServer = "jdbc:sqlserver://jdbc-mssql.internal:1433;databaseName=notifications;user=batch;password=KN7CTyKSpYLYu;encrypt=true"; // Noncompliant SECRETS003

        public const string SqlAlchemy = "postgresql+psycopg2://etl:9TRixz2u6cGAxXo@etl-pg.internal/warehouse"; // Noncompliant SECRETS003
    }

    public class Function
    {
        private readonly Dictionary<string, string> _settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Cache"] = "cache.internal:6379,password=NhfgCcMsM*5Nw*,ssl=True", // Noncompliant SECRETS003
            ["ConnectionStrings:Events"] = "mongodb://worker:SKkovBCdcvYCF5kNBy@events-mongo.internal:27017/events", // Noncompliant SECRETS003
        };

        public async Task Handle(string message, ILambdaContext context)
        {
            var broker = new Uri("amqp://handler:vcTtD5mA5yMGb@rabbit-2.internal:5672/"); // Noncompliant SECRETS003
            context.Logger.LogLine($"Publishing to {broker.Host} with {_settings.Count} settings");
            await Task.CompletedTask;
        }
    }
}
