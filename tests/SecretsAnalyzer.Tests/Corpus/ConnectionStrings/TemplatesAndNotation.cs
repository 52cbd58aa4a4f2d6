using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Fulfilment.Data
{
    /// <summary>
    /// Connection settings for the fulfilment database. The URI grammar the driver accepts is
    /// <c>postgresql://[{user}[:{password}]@]{host}[:{port}][/{database}]</c>. // Compliant SECRETS003 - grammar notation
    /// In a template, write <c>Host=pg.internal;Username=app;Password=&lt;password&gt;</c>. // Compliant SECRETS003 - XML entity placeholder
    /// </summary>
    public static class FulfilmentConnections
    {
        // mongodb://[username:password@]host1[:port1][,...hostN[:portN]][/[defaultauthdb][?options]] // Compliant SECRETS003
        // mysql://[user[:password]@][host][:port]/database // Compliant SECRETS003
        // amqp://[user[:pass]@]host[:port][/vhost] // Compliant SECRETS003

        // Templates rendered by other tools before deployment: never passwords.
        public const string Jinja = "Host=pg.internal;Database=orders;Username=app;Password={{ db_password }}"; // Compliant SECRETS003
        public const string Liquid = "Host=pg.internal;Database=orders;Username=app;Password={% db_password %}"; // Compliant SECRETS003
        public const string Python = "Host=pg.internal;Database=orders;Username=app;Password=%(db_password)s"; // Compliant SECRETS003
        public const string Msbuild = "Server=sql.internal;Database=orders;User Id=app;Password=$(DB_PASSWORD)"; // Compliant SECRETS003
        public const string Octopus = "Server=sql.internal;Database=orders;User Id=app;Password=#{DbPassword}"; // Compliant SECRETS003
        public const string Erb = "Server=sql.internal;Database=orders;User Id=app;Password=<%= db_password %>"; // Compliant SECRETS003
        public const string Tokens = "Server=sql.internal;Database=orders;User Id=app;Password=@@DB_PASSWORD@@"; // Compliant SECRETS003
        public const string PythonUri = "postgresql://app:%(password)s@pg.internal:5432/orders"; // Compliant SECRETS003

        // The documentation's own example: every value is a stand-in.
        public const string Documented = "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPass;"; // Compliant SECRETS003
        public const string Sample = "Host=your_host;Database=your_db;Username=your_user;Password=hunter"; // Compliant SECRETS003

        // Real values next to the same shapes.
        public const string Live = "Server=fulfil-sql.internal;Database=orders;User Id=fulfil_app;Password=rfh7ieju8M_k!p"; // Noncompliant SECRETS003
        public const string HalfDocumented = "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=n%*arlxDBBnizw;"; // Noncompliant SECRETS003
        public const string RealHostWordPassword = "Server=fulfil-sql.internal;Database=myDataBase;User Id=myUsername;Password=mypass;"; // Noncompliant SECRETS003
        public const string BracketedReal = "postgresql://fulfil:[mF4wWGYvsq73Dg]x@pg.internal/orders"; // Noncompliant SECRETS003

        /// <summary>Old cluster: <c>Server=legacy-sql.internal;User Id=app;Password=roa7RCAprH0Fiv&amp;x</c>.</summary> // Noncompliant SECRETS003
        public const string DocCommentAbove = "Server=legacy-sql.internal;Database=orders;Integrated Security=True";

        public const string Secret = "Password=${DB_PASSWORD}";
    }

    public class FulfilmentFunction
    {
        public Task<string> Handle(string input, ILambdaContext context)
        {
            // A placeholder folded into a message stays a placeholder.
            string message = $"Could not connect with Server=fulfil-sql.internal;User Id=app;{FulfilmentConnections.Secret} (check the secret)"; // Compliant SECRETS003
            context.Logger.LogLine(message);
            return Task.FromResult(input);
        }
    }
}
