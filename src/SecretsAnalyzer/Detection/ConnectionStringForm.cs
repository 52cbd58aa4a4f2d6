namespace SecretsAnalyzer.Detection
{
    /// <summary>The shape a password was found in.</summary>
    public enum ConnectionStringForm
    {
        /// <summary>ADO.NET <c>key=value;</c> (SQL Server, Npgsql, MySQL, Oracle, ODBC, OLE DB).</summary>
        KeyValue,

        /// <summary>StackExchange.Redis configuration: <c>host:port,password=…,ssl=True</c>.</summary>
        Redis,

        /// <summary><c>scheme://user:password@host</c>, or a <c>password=</c> parameter of a URI or JDBC URL.</summary>
        Uri,
    }
}
