using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Accounts
{
    /// <summary>Strings that look like connection-string passwords but hold none.</summary>
    public static class AccountQueries
    {
        public const string UpdatePassword = "UPDATE users SET password_hash = @hash, password_changed_at = now() WHERE id = @id"; // Compliant SECRETS003
        public const string CheckPassword = "SELECT id FROM users WHERE username = @username AND password = @password"; // Compliant SECRETS003
        public const string ResetPassword = "UPDATE accounts SET password = 'reset-required' WHERE locked = 1"; // Compliant SECRETS003
        public const string CreateUser = "CREATE USER reporting WITH PASSWORD :password"; // Compliant SECRETS003
        public const string AlterLogin = "ALTER LOGIN [app] WITH PASSWORD = @NewPassword"; // Compliant SECRETS003
    }

    public static class Messages
    {
        public const string Reset = "Password reset requested for user {UserId}"; // Compliant SECRETS003
        public const string Invalid = "Login failed: invalid password for user {UserName}"; // Compliant SECRETS003
        public const string Rule = "Password must be at least 12 characters; it may not contain the user name"; // Compliant SECRETS003
        public const string Expired = "Password=expired for account {0}, rotate it in Secrets Manager"; // Compliant SECRETS003
        public const string Prompt = "Enter the database password:"; // Compliant SECRETS003
        public const string Help = "Set the connection string in the DB_CONNECTION environment variable (Server=...;Password=...)"; // Compliant SECRETS003
    }

    public static class SecretNames
    {
        public const string Parameter = "/orders/prod/db-password"; // Compliant SECRETS003
        public const string ParameterWithStage = "/accounts/{stage}/database/password"; // Compliant SECRETS003
        public const string SecretId = "prod/accounts/db-password"; // Compliant SECRETS003
        public const string SecretArn = "arn:aws:secretsmanager:eu-west-1:480211935527:secret:prod/accounts/db-password-Kd82Lm"; // Compliant SECRETS003
        public const string EnvName = "ACCOUNTS_DB_PASSWORD"; // Compliant SECRETS003
        public const string ConfigKey = "ConnectionStrings:Accounts:Password"; // Compliant SECRETS003
        public const string Extension = "http://localhost:2773/secretsmanager/get?secretId=prod%2Faccounts%2Fdb-password"; // Compliant SECRETS003
    }

    public static class LocalDatabases
    {
        public const string Sqlite = "Data Source=accounts.db"; // Compliant SECRETS003
        public const string SqliteTmp = "Data Source=/tmp/accounts-cache.sqlite;Mode=ReadWriteCreate;Cache=Shared"; // Compliant SECRETS003
        public const string SqliteMemory = "Data Source=:memory:"; // Compliant SECRETS003
        public const string Integrated = "Server=accounts-sql;Database=accounts;Integrated Security=SSPI;"; // Compliant SECRETS003
        public const string Trusted = "Server=accounts-sql;Database=accounts;Trusted_Connection=True;TrustServerCertificate=True"; // Compliant SECRETS003
        public const string NoPassword = "Host=accounts-pg;Database=accounts;Username=iam_user;SSL Mode=Require"; // Compliant SECRETS003
        public const string IamAuth = "Server=accounts-mysql;Database=accounts;Uid=iam_app;SslMode=Required;"; // Compliant SECRETS003
        public const string Passfile = "Host=accounts-pg;Database=accounts;Username=app;Passfile=/var/task/.pgpass"; // Compliant SECRETS003
    }

    public static class Templates
    {
        public const string Empty = "Server=accounts-sql;Database=accounts;User Id=app;Password=;"; // Compliant SECRETS003
        public const string EmptyQuoted = "Server=accounts-sql;Database=accounts;User Id=app;Password='';"; // Compliant SECRETS003
        public const string Positional = "Server={0};Database={1};User Id={2};Password={3};"; // Compliant SECRETS003
        public const string Named = "Server={server};Database=accounts;User Id={user};Password={password};"; // Compliant SECRETS003
        public const string Mustache = "Host={{ db_host }};Username={{ db_user }};Password={{ db_password }}"; // Compliant SECRETS003
        public const string Shell = "Host=${DB_HOST};Username=${DB_USER};Password=${DB_PASSWORD}"; // Compliant SECRETS003
        public const string Dollar = "Host=$DB_HOST;Username=$DB_USER;Password=$DB_PASSWORD"; // Compliant SECRETS003
        public const string Windows = "Server=%DB_HOST%;User Id=%DB_USER%;Password=%DB_PASSWORD%"; // Compliant SECRETS003
        public const string Angle = "Server=<server>;Database=<database>;User Id=<user>;Password=<password>;"; // Compliant SECRETS003
        public const string Square = "Server=[server];User Id=[user];Password=[password];"; // Compliant SECRETS003
        public const string Tokens = "Server=__DB_HOST__;User Id=__DB_USER__;Password=__DB_PASSWORD__;"; // Compliant SECRETS003
        public const string Octopus = "Server=#{DbHost};User Id=#{DbUser};Password=#{DbPassword};"; // Compliant SECRETS003
        public const string Masked = "Server=accounts-sql;User Id=app;Password=********;"; // Compliant SECRETS003
        public const string MaskedX = "Host=accounts-pg;Username=app;Password=xxxxxxxx"; // Compliant SECRETS003
        public const string DocWord = "Server=accounts-sql;User Id=app;Password=YOUR_PASSWORD_HERE;"; // Compliant SECRETS003
        public const string DocWordLower = "Server=accounts-sql;User Id=app;Password=your_password;"; // Compliant SECRETS003
        public const string DocPassword = "Server=accounts-sql;User Id=app;Password=password;"; // Compliant SECRETS003
        public const string DocChangeMe = "Host=accounts-pg;Username=app;Password=changeme"; // Compliant SECRETS003
        public const string DocSecret = "Host=accounts-pg;Username=app;Password=<secret>"; // Compliant SECRETS003
        public const string ConnectionStringsCom = "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;"; // Compliant SECRETS003
        public const string SameAsUser = "Host=localhost;Username=postgres;Password=postgres"; // Compliant SECRETS003
        public const string RedisPlaceholder = "accounts-cache:6379,password=${REDIS_PASSWORD},ssl=True"; // Compliant SECRETS003
        public const string RedisNoPassword = "accounts-cache:6379,ssl=True,abortConnect=False"; // Compliant SECRETS003
        public const string UriNoPassword = "postgres://iam_user@accounts-pg.internal:5432/accounts"; // Compliant SECRETS003
        public const string UriNoUser = "mongodb://accounts-mongo.internal:27017/accounts"; // Compliant SECRETS003
        public const string UriPlaceholder = "postgresql://app:${DB_PASSWORD}@accounts-pg.internal/accounts"; // Compliant SECRETS003
        public const string UriDocWord = "mysql://user:password@localhost:3306/accounts"; // Compliant SECRETS003
        public const string UriGuest = "amqp://guest:guest@localhost:5672/"; // Compliant SECRETS003
        public const string UriAngle = "mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/accounts"; // Compliant SECRETS003
        public const string JdbcNoPassword = "jdbc:postgresql://accounts-pg.internal:5432/accounts?user=iam_user&ssl=true"; // Compliant SECRETS003
        public const string WebCredentials = "https://deploy:79oEHWFWJyXEXb7c@artifacts.example.com/releases"; // Compliant SECRETS003 // Noncompliant SECRETS005
    }

    public class Function
    {
        private static readonly AmazonSimpleSystemsManagementClient Ssm = new AmazonSimpleSystemsManagementClient();

        public async Task<string> Handle(string accountId, ILambdaContext context)
        {
            var parameter = await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/accounts/prod/db-password", WithDecryption = true }); // Compliant SECRETS003
            string password = parameter.Parameter.Value;
            string connectionString = $"Host=accounts-pg.internal;Database=accounts;Username=accounts;Password={password}"; // Compliant SECRETS003
            context.Logger.LogLine($"Connecting to accounts-pg for {accountId}; password length {password.Length}"); // Compliant SECRETS003
            context.Logger.LogLine("Connection string: Server=accounts-sql;Database=accounts;Password=***"); // Compliant SECRETS003
            var fromEnvironment = Environment.GetEnvironmentVariable("ACCOUNTS_CONNECTION") ?? "Server=localhost;Database=accounts;Integrated Security=True"; // Compliant SECRETS003
            var settings = new Dictionary<string, string>
            {
                ["Accounts:PasswordParameter"] = "/accounts/prod/db-password", // Compliant SECRETS003
                ["Accounts:Password"] = "{resolve:secretsmanager:prod/accounts:SecretString:password}", // Compliant SECRETS003
            };
            return connectionString.Length + fromEnvironment.Length + settings.Count > 0 ? "ok" : "";
        }
    }
}
