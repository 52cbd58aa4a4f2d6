namespace Inventory.Configuration
{
    /// <summary>Pieces of the inventory connection string, kept apart "for readability".</summary>
    public static class DbSettings
    {
        public const string Host = "inventory-sql.internal";
        public const string Database = "inventory";
        public const string User = "inventory_app";
        public const string Password = "m~o.vtv4VbGxxeAEwk"; // Noncompliant SECRETS005
        public const string Prefix = "Server=" + Host + ";Database=" + Database + ";";
        public const string CachePassword = "wbC4jiXAtt--w"; // Noncompliant SECRETS005
        public const string BrokerPassword = "m3WQrBBpimdKyFaKz"; // Noncompliant SECRETS005
    }
}
