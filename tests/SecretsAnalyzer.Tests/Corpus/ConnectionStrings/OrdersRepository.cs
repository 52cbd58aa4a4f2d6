using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(OrdersApi.LambdaJson))]

namespace OrdersApi
{
    public sealed class LambdaJson : ILambdaSerializer
    {
        public T Deserialize<T>(Stream requestStream) => default!;

        public void Serialize<T>(T response, Stream responseStream)
        {
        }
    }

    public sealed class OrderRequest
    {
        public string OrderId { get; set; } = "";

        public string Region { get; set; } = "";
    }

    /// <summary>Connection strings of the orders service, one per database engine it talks to.</summary>
    public static class OrdersDatabases
    {
        public const string SqlServer = "Server=orders-sql.internal;Database=orders;User Id=orders_app;Password=8L72EDH7Nn@4HFRQ3m;TrustServerCertificate=True"; // Noncompliant SECRETS003

        public const string AzureSql = "Server=tcp:orders-prod.database.windows.net,1433;Initial Catalog=orders;Persist Security Info=False;User ID=orders;Password=f#49VRcPA!%YQ;MultipleActiveResultSets=False;Encrypt=True;Connection Timeout=30;"; // Noncompliant SECRETS003

        public const string LocalDb = @"Data Source=(localdb)\MSSQLLocalDB;Initial Catalog=OrdersDev;User ID=dev;Password=n9qP.2EvDN6"; // Noncompliant SECRETS003

        public const string Postgres = "Host=orders-pg.cluster-c3xk2b.eu-west-1.rds.amazonaws.com;Port=5432;Database=orders;Username=orders_rw;Password=GaTfE.sBL6fWrvZ;SSL Mode=Require"; // Noncompliant SECRETS003

        public const string PostgresLower = "host=ledger-pg;port=5432;database=ledger;username=ledger;password=WABeMR*2Usw"; // Noncompliant SECRETS003

        public const string PostgresPsw = "Server=replica-pg;Database=orders;User Id=reader;PSW=BZhiqWga^%4;Pooling=true"; // Noncompliant SECRETS003

        public const string MySql = "Server=orders-mysql.internal;Port=3306;Database=shop;Uid=shop_app;Pwd=X*i^SzhABo_s84;SslMode=Required;"; // Noncompliant SECRETS003

        public const string MariaDb = "server=mariadb.internal;user=cms;password=cj#Dra2Qw6tz;database=cms;AllowUserVariables=True"; // Noncompliant SECRETS003

        public const string Oracle = "Data Source=ora-fin.internal:1521/FINPDB;User Id=fin_batch;Password=NRq_PyyQEiNF6M;"; // Noncompliant SECRETS003

        public const string OracleDescriptor = "Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora-rac-scan.internal)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=BILLING)));User Id=billing;Password=up5QqXn#YR@nU;"; // Noncompliant SECRETS003

        public const string Odbc = "Driver={ODBC Driver 18 for SQL Server};Server=warehouse-sql;Database=dw;Uid=etl;Pwd={e++B3b8_MaQ;x};Encrypt=yes;"; // Noncompliant SECRETS003

        public const string OdbcPostgres = "Driver={PostgreSQL Unicode};Server=analytics-pg;Port=5432;Database=events;Uid=events;Pwd=fR.r9BXw@YVN;"; // Noncompliant SECRETS003

        public const string OleDb = "Provider=SQLOLEDB;Data Source=legacy-sql01;Initial Catalog=Invoices;User Id=sa;Password=uPf*b@!hG2Q;"; // Noncompliant SECRETS003

        public const string Quoted = "Server=quoted-sql;Database=orders;User Id=app;Password='NvoiiGx6#cWes5;with;semicolons';"; // Noncompliant SECRETS003

        public const string DoubleQuoted = "Server=dq-sql;Database=orders;User Id=app;Password=\"so*BzRJGUvW66QDve6\";"; // Noncompliant SECRETS003

        public const string Spaced = "  Server = spaced-sql ;  Database = orders ;  User ID = app ;  Password = MxuS3MbSiAEnb%6 ;"; // Noncompliant SECRETS003

        public const string PasswordFirst = "Password=R%Dg^@SR4ye;Server=reorder-sql;Database=orders;User Id=app"; // Noncompliant SECRETS003

        public const string Duplicate = "Server=dup-sql;User Id=app;Password=;Password=KWc^ps2xKVJHQ_k%73"; // Noncompliant SECRETS003

        public const string NetworkAddress = "Network Address=10.20.30.40;Initial Catalog=stock;User ID=stock;Password=nR9_~LMS^H35wEvSog"; // Noncompliant SECRETS003
    }

    public class Function
    {
        private static readonly Dictionary<string, string> Tenants = new Dictionary<string, string>
        {
            ["eu"] = "Server=eu-orders-sql;Database=orders_eu;User Id=orders;Password=K@vrW7bxHfcDw^B", // Noncompliant SECRETS003
            ["us"] = "Server=us-orders-sql;Database=orders_us;User Id=orders;Password=C4+mKwU3@Fj.", // Noncompliant SECRETS003
        };

        public async Task<string> FunctionHandler(OrderRequest request, ILambdaContext context)
        {
            string connectionString = "Host=orders-pg;Database=orders;Username=lambda;Password=DJLt+XL~kJH6Lr;Timeout=15"; // Noncompliant SECRETS003
            context.Logger.LogLine($"Loading order {request.OrderId} from {Tenants[request.Region].Length} bytes of config");
            var builder = new DbConnectionStringBuilder { ConnectionString = "Server=handler-sql;Database=orders;User Id=lambda;Password=7.KJsMGnBKhHaPz" }; // Noncompliant SECRETS003
            await Task.Yield();
            return connectionString.Length + builder.Count > 0 ? "ok" : "empty";
        }

        public string Fallback(string? configured)
        {
            return configured ?? "Data Source=fallback-sql;Initial Catalog=orders;User ID=orders;Password=K4MhGfVkeKE%4Asq_"; // Noncompliant SECRETS003
        }

        public string MultiLine()
        {
            return @"Server=multiline-sql;
                     Database=orders;
                     User Id=batch;
                     Password=gnBQ-riV2bcn-paU;"; // Noncompliant SECRETS003
        }
    }
}
