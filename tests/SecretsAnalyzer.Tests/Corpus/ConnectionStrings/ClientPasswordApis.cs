using System;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using MongoDB.Driver;
using Microsoft.Data.SqlClient;

// Mirrors of the client APIs this function uses (the shapes of MongoDB.Driver 3 and Microsoft.Data.SqlClient).
namespace MongoDB.Driver
{
    public abstract class MongoIdentity
    {
    }

    public abstract class MongoIdentityEvidence
    {
    }

    public sealed class MongoInternalIdentity : MongoIdentity
    {
        public MongoInternalIdentity(string databaseName, string username)
        {
        }
    }

    public sealed class PasswordEvidence : MongoIdentityEvidence
    {
        public PasswordEvidence(string password)
        {
        }
    }

    public sealed class MongoCredential
    {
        public MongoCredential(string mechanism, MongoIdentity identity, MongoIdentityEvidence evidence)
        {
        }

        public static MongoCredential CreateCredential(string databaseName, string username, string password) => new MongoCredential("DEFAULT", new MongoInternalIdentity(databaseName, username), new PasswordEvidence(password));

        public static MongoCredential CreatePlainCredential(string databaseName, string username, string password) => CreateCredential(databaseName, username, password);
    }

    public sealed class MongoClientSettings
    {
        public MongoCredential? Credential { get; set; }

        public string? ApplicationName { get; set; }
    }

    public sealed class MongoUrlBuilder
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? DatabaseName { get; set; }
    }
}

namespace Microsoft.Data.SqlClient
{
    public sealed class SqlCredential
    {
        public SqlCredential(string userId, SecureString password)
        {
        }
    }
}

namespace Catalog.Functions
{
    public class CatalogSyncFunction
    {
        private static readonly MongoClientSettings Settings = new MongoClientSettings
        {
            ApplicationName = "catalog-sync",
            Credential = MongoCredential.CreateCredential("admin", "catalog", "eapSls-a8R*haA"), // Noncompliant SECRETS003
        };

        public Task<string> Handle(string input, ILambdaContext context)
        {
            var plain = MongoCredential.CreatePlainCredential("$external", "ldap-sync", "W!raGMSIZW8gKL"); // Noncompliant SECRETS003
            var scram = new MongoCredential("SCRAM-SHA-256", new MongoInternalIdentity("admin", "catalog"), new PasswordEvidence("YPFrD7l3K6nrjf")); // Noncompliant SECRETS003
            var named = MongoCredential.CreateCredential(password: "8O_S0QZlF-exNz", username: "catalog", databaseName: "admin"); // Noncompliant SECRETS003
            var url = new MongoUrlBuilder { Username = "catalog", Password = "TzNOXOE6*HfcPI", DatabaseName = "catalog" }; // Noncompliant SECRETS003
            var sql = new SqlCredential("catalog_app", new NetworkCredential(string.Empty, "RTrYF_7NdMqm-r").SecurePassword); // Noncompliant SECRETS003 SECRETS005 - the NetworkCredential password is also an authentication sink

            // Look-alikes: values from elsewhere, the user name again, placeholders, and credentials of other systems.
            var fromEnvironment = MongoCredential.CreateCredential("admin", "catalog", Environment.GetEnvironmentVariable("MONGO_PASSWORD") ?? string.Empty); // Compliant SECRETS003
            var sameAsUser = MongoCredential.CreateCredential("admin", "catalog", "catalog"); // Compliant SECRETS003
            var template = MongoCredential.CreateCredential("admin", "catalog", "{{ mongo_password }}"); // Compliant SECRETS003
            var placeholder = new PasswordEvidence("<password>"); // Compliant SECRETS003
            var urlFromSecrets = new MongoUrlBuilder { Username = "catalog", Password = input }; // Compliant SECRETS003
            var http = new NetworkCredential("proxy-user", "nthG%B-1!Zt-3"); // Compliant SECRETS003 // Noncompliant SECRETS005 - an HTTP proxy credential, not a database client's
            context.Logger.LogLine($"{Settings.ApplicationName} {plain} {scram} {named} {url} {sql} {fromEnvironment} {sameAsUser} {template} {placeholder} {urlFromSecrets} {http}");
            return Task.FromResult(input);
        }
    }
}
