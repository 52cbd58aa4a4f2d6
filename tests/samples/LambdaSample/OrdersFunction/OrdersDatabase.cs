namespace OrdersFunction
{
    /// <summary>Where the orders live.</summary>
    public static class OrdersDatabase
    {
        public static readonly string ConnectionString =
            "Host=orders-db.internal;Port=5432;Database=orders;Username=orders_app;Password=Tr0ub4dor&3-orders";

        private const string ReportingHost = "reporting-db.internal";

        public static string Reporting() => "Server=" + ReportingHost + ";Database=reports;User Id=reporter;Password=" + "Xy9!kLm2#Reports";
    }
}
