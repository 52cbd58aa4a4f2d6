using System.Data.Common;

namespace OrdersFunction.Reporting
{
    /// <summary>The legacy reporting database, still read by the monthly report.</summary>
    public static class LegacyDb
    {
        // SECRETS003: an Oracle descriptor with the password inline.
        public const string Warehouse =
            "Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=legacy-ora.internal)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=DWH)));User Id=dwh_reader;Password=Lg4#rQ8!mZ2w;";

        // SECRETS003: the password set through a connection-string builder, in the same initializer as the server.
        public static DbConnectionStringBuilder Archive() => new DbConnectionStringBuilder
        {
            ["Server"] = "archive-sql.internal",
            ["User Id"] = "archiver",
            ["Password"] = "Ar7$kV2!pN9q",
        };

        // Not reported: the password comes from configuration at run time.
        public static string FromConfiguration(string host, string password) =>
            $"Server={host};Database=reports;User Id=reporter;Password={password}";
    }
}
