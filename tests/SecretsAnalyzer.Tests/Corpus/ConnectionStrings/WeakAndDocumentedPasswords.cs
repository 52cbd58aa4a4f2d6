using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlConnectionStringBuilder : DbConnectionStringBuilder
    {
        public SqlConnectionStringBuilder() { }
        public SqlConnectionStringBuilder(string connectionString) { ConnectionString = connectionString; }
        public string DataSource { get; set; } = "";
        public string InitialCatalog { get; set; } = "";
        public string UserID { get; set; } = "";
        public string Password { get; set; } = "";
    }

    public sealed class SqlConnection : IDisposable
    {
        public SqlConnection(string connectionString) { }
        public void Dispose() { }
    }
}

namespace Payments
{
    using Microsoft.Data.SqlClient;

    public class Function
    {
        private readonly string _cs = "Server=payments-sql;Database=payments;User Id=sa;Password=P@ssw0rd123!;"; // Noncompliant SECRETS003
        private readonly string _weak = "Server=payments-sql;Database=payments;User Id=app;Password=hunter2;"; // Noncompliant SECRETS003
        private readonly string _secret123 = "Host=payments-pg;Username=app;Password=Secret123"; // Noncompliant SECRETS003
        private readonly string _summer = "Host=payments-pg;Username=app;Password=Summer2024!"; // Noncompliant SECRETS003
        private readonly string _pwdLower = "server=payments-mysql;uid=root;pwd=r00tpass;database=shop"; // Noncompliant SECRETS003
        private readonly string _u8 = "Host=payments-pg;Username=app;Password=v*q@5htFLQqjLR!"u8.ToArray().Length.ToString(); // Noncompliant SECRETS003

        public async Task<string> Handle(string input, ILambdaContext context)
        {
            using var connection = new SqlConnection(connectionString: "Data Source=payments-sql;Initial Catalog=payments;User ID=app;Password=H6^mwvhfL2rKFo"); // Noncompliant SECRETS003
            var builder = new SqlConnectionStringBuilder
            {
                DataSource = "payments-sql",
                UserID = "app",
                Password = "7n#LDP^K+g64", // Noncompliant SECRETS003
            };
            builder.Password = "33KgsDR2Lh_J"; // Noncompliant SECRETS003
            var env = Environment.GetEnvironmentVariable("DB_CONNECTION") ?? "Server=payments-sql;Database=payments;User Id=app;Password=pMFAYi24zacdG-"; // Noncompliant SECRETS003
            var settings = new Dictionary<string, string?> { { "ConnectionStrings:Default", "Host=payments-pg;Username=app;Password=hrHMVGdSF5VS@juJf" } }; // Noncompliant SECRETS003
            context.Logger.LogLine("Using Server=payments-sql;User Id=app;Password=Mad3@jZ6%bVaqfTEh"); // Noncompliant SECRETS003
            var masked = System.Text.RegularExpressions.Regex.Replace(_cs, "Password=[^;]*", "Password=***"); // Compliant SECRETS003
            var contains = _cs.Contains("Password=", StringComparison.OrdinalIgnoreCase); // Compliant SECRETS003
            var keyOnly = new DbConnectionStringBuilder { ConnectionString = _cs }; // Compliant SECRETS003
            keyOnly.Remove("Password"); // Compliant SECRETS003
            var format = string.Format("Server={0};Database={1};User Id={2};Password={3}", "a", "b", "c", input); // Compliant SECRETS003
            var docker = "Server=localhost,1433;Database=master;User Id=sa;Password=<YourStrong@Passw0rd>;TrustServerCertificate=True"; // Compliant SECRETS003
            var doc2 = "Server=localhost;Database=master;User Id=sa;Password=yourStrong(!)Password"; // Compliant SECRETS003
            var replace = "Host=localhost;Username=app;Password=REPLACE_ME"; // Compliant SECRETS003
            var sqlParam = "Host=localhost;Username=app;Password=@password"; // Compliant SECRETS003
            var passOnly = "postgres://user:pass@localhost:5432/app"; // Compliant SECRETS003
            var pgDefault = "postgresql://postgres:postgres@localhost:5432/postgres"; // Compliant SECRETS003
            var log = $"Opening connection to {builder.DataSource} as {builder.UserID}, password set: {builder.Password.Length > 0}"; // Compliant SECRETS003
            var kv = "Password"; // Compliant SECRETS003
            var secretName = "rds!db-3f1c2e8a-7b4d-4e6f-9a2b-1c3d5e7f9a0b"; // Compliant SECRETS003
            var sqlCmd = "ALTER USER app WITH PASSWORD 'Xq7!mZ2k'"; // Compliant SECRETS003
            var oracleThin = "jdbc:oracle:thin:payments/Tq4Rx8Lm2Wz6@payments-ora.internal:1521/PAY"; // Noncompliant SECRETS003
            var oracleThinNoPassword = "jdbc:oracle:thin:@payments-ora.internal:1521/PAY"; // Compliant SECRETS003
            await Task.CompletedTask;
            return string.Join(",", masked, contains, format, docker, doc2, replace, sqlParam, passOnly, pgDefault, log, kv, secretName, sqlCmd, oracleThin, oracleThinNoPassword, env, settings.Count);
        }
    }
}
