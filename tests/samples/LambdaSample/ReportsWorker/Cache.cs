namespace ReportsWorker
{
    /// <summary>Where rendered reports are cached between invocations.</summary>
    internal static class Cache
    {
        // SECRETS003: a StackExchange.Redis configuration string with its password.
        public const string Configuration = "reports-cache.abc123.euw1.cache.amazonaws.com:6379,password=Rc5!tW8@hJ3k,ssl=True,abortConnect=False";

        // SECRETS003: a broker URI with the password in its userinfo.
        public const string Broker = "amqps://reports:Qb6Zt9Wm2Kx4@b-3f1a9c2e.mq.eu-west-1.amazonaws.com:5671";

        // Not reported: a template filled from Parameter Store at cold start.
        public const string Template = "reports-cache:6379,password={0},ssl=True";
    }
}
