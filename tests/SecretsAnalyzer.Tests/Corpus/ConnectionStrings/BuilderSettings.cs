using System;
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Billing.Data
{
    /// <summary>The billing team's own provider: a builder and a connection, as ADO.NET providers ship them.</summary>
    public sealed class BillingConnectionStringBuilder : DbConnectionStringBuilder
    {
        public BillingConnectionStringBuilder()
        {
        }

        public BillingConnectionStringBuilder(string connectionString)
        {
            ConnectionString = connectionString;
        }

        public string Host { get => (string)this["Host"]; set => this["Host"] = value; }

        public string Username { get => (string)this["Username"]; set => this["Username"] = value; }

        public string Password { get => (string)this["Password"]; set => this["Password"] = value; }

        public string SslPassword { get => (string)this["SSL Password"]; set => this["SSL Password"] = value; }

        public int Port { get => (int)this["Port"]; set => this["Port"] = value; }
    }

    public sealed class LegacyConnectionStringBuilder : DbConnectionStringBuilder
    {
        public string DataSource { get => (string)this["Data Source"]; set => this["Data Source"] = value; }

        public string UserID { get => (string)this["User ID"]; set => this["User ID"] = value; }

        public string Pwd { get => (string)this["Pwd"]; set => this["Pwd"] = value; }
    }

    public sealed class BillingConnection : DbConnection
    {
        public BillingConnection(string connectionString)
        {
            ConnectionString = connectionString;
        }

#pragma warning disable CS8765
        public override string ConnectionString { get; set; } = "";
#pragma warning restore CS8765

        public override string Database => "billing";

        public override string DataSource => "billing";

        public override string ServerVersion => "16";

        public override ConnectionState State => ConnectionState.Closed;

        public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

        public override void Close()
        {
        }

        public override void Open()
        {
        }

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();

        protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
    }

    /// <summary>A settings object that merely has a Password property: not a connection-string builder.</summary>
    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public static class BillingSecrets
    {
        public const string ReportingPassword = "QT6Y6RHc~yDJ"; // Noncompliant SECRETS005
    }

    public class InvoiceFunction
    {
        public async Task<string> Handle(string invoiceId, ILambdaContext context)
        {
            var primary = new BillingConnectionStringBuilder
            {
                Host = "billing-pg.internal",
                Username = "billing",
                Password = "zYCDj46dfB+-ty_", // Noncompliant SECRETS003
                Port = 5432,
            };

            var replica = new BillingConnectionStringBuilder { Host = "billing-replica.internal", Password = "4^QoHBeaaS#" }; // Noncompliant SECRETS003
            replica.SslPassword = "x+k58*XaoYXuVpHS"; // Noncompliant SECRETS003

            var audit = new BillingConnectionStringBuilder();
            audit.Host = "audit-pg.internal";
            audit.Password = "xbgjeMkRH%!5Jt"; // Noncompliant SECRETS003

            BillingConnectionStringBuilder reporting = new() { Host = "reporting-pg.internal", Password = BillingSecrets.ReportingPassword }; // Noncompliant SECRETS003

            var legacy = new LegacyConnectionStringBuilder { DataSource = "legacy-sql02", UserID = "billing", Pwd = "k+Dve.@uco5qWDM" }; // Noncompliant SECRETS003

            var generic = new DbConnectionStringBuilder();
            generic["Server"] = "generic-sql.internal";
            generic["Password"] = "X7uRas+H8br^Dp"; // Noncompliant SECRETS003
            generic.Add("Password", "MXx~_fxjmAh3+NcQLh"); // Noncompliant SECRETS003
            generic.Add("Password", invoiceId); // Compliant SECRETS003
            generic["pwd"] = "h-y@eDPQLkS3!Wft"; // Noncompliant SECRETS003

            var indexed = new DbConnectionStringBuilder { ["Data Source"] = "indexed-sql", ["Password"] = "Q4.sFpgbh~LaY@w9" }; // Noncompliant SECRETS003

            using var connection = new BillingConnection("Password=t+AqNUMdB%G4"); // Noncompliant SECRETS003
            using var full = new BillingConnection("Host=billing-pg.internal;Username=billing;Password=5K3Ro%jqG!D@q3kh3j"); // Noncompliant SECRETS003
            var parsed = new BillingConnectionStringBuilder("Pwd=S75M~+cfb*Yic;Host=parsed-pg"); // Noncompliant SECRETS003
            var fromLiteralOnly = new BillingConnectionStringBuilder(";Password=pG.tx3YAG6.GS+;"); // Noncompliant SECRETS003

            var year = DateTime.UtcNow.Year;
            audit.Password = $"Invoices!{year}-QHpvG8xSYLhJCekGC"; // Noncompliant SECRETS003

            context.Logger.LogLine($"Invoice {invoiceId}: {primary.Count + replica.Count + reporting.Count + legacy.Count + generic.Count + indexed.Count + parsed.Count + fromLiteralOnly.Count} keys, {full.Database}, {connection.State}");
            await Task.CompletedTask;
            return invoiceId;
        }

        public void FromConfiguration(string? configuredPassword, string vaultPassword)
        {
            var builder = new BillingConnectionStringBuilder { Host = "billing-pg.internal", Password = configuredPassword ?? "" }; // Compliant SECRETS003
            builder.Password = vaultPassword; // Compliant SECRETS003
            builder.Password = Environment.GetEnvironmentVariable("BILLING_DB_PASSWORD") ?? string.Empty; // Compliant SECRETS003
            builder.Password = ""; // Compliant SECRETS003
            builder.Password = "{0}"; // Compliant SECRETS003
            builder.Password = "${BILLING_DB_PASSWORD}"; // Compliant SECRETS003
            builder.Password = "********"; // Compliant SECRETS003
            builder.Password = "YOUR_PASSWORD_HERE"; // Compliant SECRETS003
            builder.Password = "changeme"; // Compliant SECRETS003
            builder.Password = $"{vaultPassword}"; // Compliant SECRETS003
            builder["Password"] = vaultPassword; // Compliant SECRETS003
            builder["Application Name"] = "billing-SAytjE77qVp7CSDVYj"; // Compliant SECRETS003
            var sameAsUser = new BillingConnectionStringBuilder { Username = "billing_ro", Password = "billing_ro" }; // Compliant SECRETS003
            var smtp = new SmtpSettings { Host = "smtp.internal", Password = vaultPassword }; // Compliant SECRETS003
            using var connection = new BillingConnection($"Host=billing-pg.internal;Username=billing;Password={vaultPassword}"); // Compliant SECRETS003
            using var integrated = new BillingConnection("Data Source=billing-sql;Integrated Security=True"); // Compliant SECRETS003
            Console.WriteLine(builder.Count + sameAsUser.Count + smtp.Host.Length + connection.Database.Length + integrated.Database.Length);
        }
    }
}
