using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace Fleet.Telemetry.Shared
{
    public static class Roles
    {
        public const string TelemetryWriter = Accounts.RolePrefix + Accounts.Production + ":role/TelemetryWriter"; // Noncompliant SECRETS004
        public const string StagingReader = "arn:aws:iam::" + Accounts.Staging + ":role/telemetry/Reader"; // Noncompliant SECRETS004
        public const string ProductionLogs = $"arn:aws:iam::{Accounts.Production}:role/LogShipper"; // Noncompliant SECRETS004
        public const string SessionPrefix = "telemetry-";

        public static string ForEnvironment(string environment) => environment switch
        {
            "prod" => Accounts.RolePrefix + Accounts.Production + ":role/Dashboards", // Noncompliant SECRETS004
            _ => Accounts.RolePrefix + environment + ":role/Dashboards", // Compliant SECRETS004
        };
    }

    public class TelemetryCredentials
    {
        public AWSCredentials Writer(AWSCredentials source) => new AssumeRoleAWSCredentials(source, Roles.TelemetryWriter, Roles.SessionPrefix + "writer"); // Compliant SECRETS004

        public AssumeRoleRequest ReaderRequest() => new AssumeRoleRequest { RoleArn = Roles.StagingReader, RoleSessionName = "reader" }; // Compliant SECRETS004
    }
}
