using System;

namespace Orders.Integration
{
    /// <summary>Endpoints of the systems the order pipeline talks to.</summary>
    public static class ServiceUris
    {
        public static readonly Uri PriceFeed = new Uri("https://feed-reader:ptUsGr7CmY!uCu3^@prices.partner.example/v2/feed"); // Noncompliant SECRETS005
        public const string Outbox = "smtps://outbox:Vq8Lr2Zx5mKw@smtp.mail.orders.example:465"; // Noncompliant SECRETS005
        public const string Archive = "ftp://archiver:Hs3%25Nq7Lm2@ftp.archive.orders.example/incoming"; // Noncompliant SECRETS005
        public const string Broker = "mqtts://telemetry:Bn5Kq2Wx8Lp4@iot.orders.example:8883"; // Noncompliant SECRETS005

        public const string Orders = "postgres://orders:Wq7Kf2mRp9zL@orders-db.internal:5432/orders"; // Noncompliant SECRETS003 // Compliant SECRETS005 - SECRETS003's database URI
        public const string Queue = "amqp://orders:Hn3Kd9sVb2mQ@mq.orders.internal:5672/"; // Noncompliant SECRETS003 // Compliant SECRETS005 - SECRETS003's broker URI
        public const string Templated = "https://{user}:{password}@prices.partner.example/v2/feed"; // Compliant SECRETS005
        public const string Documented = "https://user:password@host.example"; // Compliant SECRETS005
        public const string UserOnly = "https://feed-reader@prices.partner.example/v2/feed"; // Compliant SECRETS005
        public const string Mailto = "mailto:orders@orders.example"; // Compliant SECRETS005
        public const string GitSsh = "git@github.com:orders/pipeline.git"; // Compliant SECRETS005
        public const string QueryAt = "https://prices.partner.example:8443/v2?owner=team@orders.example"; // Compliant SECRETS005
        public const string Anonymous = "ftp://anonymous:anonymous@ftp.archive.orders.example/pub"; // Compliant SECRETS005 - password equal to the user

        public static Uri FromParts(string user, string password) => new Uri($"https://{user}:{password}@prices.partner.example/v2/feed"); // Compliant SECRETS005
    }
}
