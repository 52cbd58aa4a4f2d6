using System;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Shipping
{
    public static class ShippingDb
    {
        private const string Host = "shipping-sql.internal";
        private const string User = "shipping_app";
        private const string Secret = "wpkzM%-Lsz7XZMa!q"; // Noncompliant SECRETS005

        public const string Folded = "Server=" + Host + ";Database=shipping;User Id=" + User + ";Password=" + Secret; // Noncompliant SECRETS003

        public static readonly string Joined = "Server=" + Host + ";Database=shipping;" + "User Id=" + User + ";" + "Password=SVQNdh3NcC8t-Yo;"; // Noncompliant SECRETS003

        public static string Suffix(string prefix) => prefix + ";Password=g.fBbTTG8.pbfieEXA"; // Noncompliant SECRETS003

        public static string ForRegion(string region) => $"Server=shipping-{region}.internal;Database=shipping;User Id=shipper;Password=SE_#i4eWc+8"; // Noncompliant SECRETS003

        public static string Seasonal(int year) => $"Host=archive-pg;Username=archiver;Password=Arch!ve-{year}-vTDZWyH3mfeyzxk8Em"; // Noncompliant SECRETS003

        public static string Interpolated(string host) => $"Host={host};Port=5432;Database=tracking;Username=tracker;Password=P7gqpCyX^UXB3-fTs;"; // Noncompliant SECRETS003

        public static string WithConstantHole() => $"Server={Host};User Id={User};Password={Secret}"; // Noncompliant SECRETS003

        public static string Verbatim(string db) => $@"Server=shipping-bi;Database={db};User Id=bi;Password=QjGwhpzUXh5DP.W"; // Noncompliant SECRETS003

        public static string RawJson() => """
            {
              "ConnectionStrings": {
                "Shipping": "Server=raw-sql.internal;Database=shipping;User Id=raw;Password=Axs5xbmNWjRjHJSmB!"
              }
            }
            """; // Noncompliant@-3 SECRETS003

        public static string Built()
        {
            var sb = new StringBuilder();
            sb.Append("Server=sb-sql;Database=shipping;");
            sb.Append("User Id=sb;Password=oUAutjr*zQp6@8Ws;"); // Noncompliant SECRETS003
            return sb.ToString();
        }

        public static string JoinedPieces(string database) => string.Join(";", "Server=join-sql.internal", "Database=" + database, "User Id=joiner", "Password=NmUU*AE73Y^E"); // Noncompliant SECRETS003

        public static string Chained() => new StringBuilder().Append("Host=chain-pg;").Append("Username=chain;").Append("Password=4Go3ozZ-26f4U.VK;").ToString(); // Noncompliant SECRETS003

        public static string Pieces() => string.Join(";", new[] { "Server=pieces-sql", "Initial Catalog=shipping", "Password=mwmzTy_.L65or3cJd" }); // Noncompliant SECRETS003

        public static string Prose(string user) => string.Join(" ", "Login for", user, "failed: Password=expired"); // Compliant SECRETS003

        public static string Formatted(string host) => string.Format("Server={0};Database=shipping;User Id=fmt;Password=ZZRnB4GvyN%C8b", host); // Noncompliant SECRETS003

        public static string Uri(string host) => $"postgres://tracker:kfe6avuvv6bndC@{host}:5432/tracking"; // Noncompliant SECRETS003
    }

    public class Function
    {
        private const string CacheHost = "tracking-cache.internal";

        public Task<string> Handle(string parcel, ILambdaContext context)
        {
            string redis = CacheHost + ":6379,password=jbSNJz_p57sQbL2JX,ssl=True"; // Noncompliant SECRETS003
            string pg = $"Host={CacheHost};Username=tracker;Password=ms*fZT4*7#b"; // Noncompliant SECRETS003
            context.Logger.LogLine($"Tracking {parcel} via {redis.Length + pg.Length}");
            return Task.FromResult(parcel);
        }

        public string SafeComposition(string host, string user, string password, int port)
        {
            string a = $"Server={host};Database=shipping;User Id={user};Password={password}"; // Compliant SECRETS003
            string b = "Server=" + host + ";Database=shipping;User Id=" + user + ";Password=" + password; // Compliant SECRETS003
            string c = $"Host={host};Port={port};Username={user};Password='{password}';"; // Compliant SECRETS003
            string d = string.Format("Server={0};Database=shipping;User Id={1};Password={2}", host, user, password); // Compliant SECRETS003
            string e = $"postgres://{user}:{password}@{host}:5432/tracking"; // Compliant SECRETS003
            string f = $"{host}:6379,password={password},ssl=True"; // Compliant SECRETS003
            string g = $"Server={host};User Id={user};Password={password}{port}"; // Compliant SECRETS003
            string h = "Server={server};Database=shipping;User Id={user};Password={password}".Replace("{password}", password); // Compliant SECRETS003
            return a + b + c + d + e + f + g + h;
        }
    }
}
