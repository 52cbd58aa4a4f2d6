using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Migrations
{
    /// <summary>
    /// Runs the schema migrations. The connection string is read from Parameter Store at
    /// <c>/migrations/prod/connection-string</c>; it has the form
    /// <c>Server=&lt;host&gt;;Database=&lt;db&gt;;User Id=&lt;user&gt;;Password=&lt;password&gt;</c>. // Compliant SECRETS003
    /// </summary>
    public class MigrationFunction
    {
        // Before the move to Parameter Store:
        // private const string Legacy = "Server=migrations-sql.internal;Database=schema;User Id=migrator;Password=Kx@d*HoPptGV3o"; // Noncompliant SECRETS003

        /* Staging used a separate login until March:
           Server=staging-sql.internal;Database=schema;User Id=migrator_stg;Password=fD^KynF3_qR3A */ // Noncompliant SECRETS003

        // The Password= key of the Server= string is rotated monthly by the platform team. // Compliant SECRETS003
        // Server=migrations-sql.internal; Password=is kept in Secrets Manager under migrations/prod // Compliant SECRETS003
        // Example: postgres://migrator:<password>@migrations-pg.internal/schema // Compliant SECRETS003

#if LOCAL_DATABASE
        private const string Local = "Host=localhost;Username=migrator;Password=ohS5QUw~79sA3zp"; // Noncompliant SECRETS003
#endif

        public async Task<int> Handle(string version, ILambdaContext context)
        {
            context.Logger.LogLine($"Migrating to {version}");
            await Task.CompletedTask;
            return 0;
        }
    }
}
