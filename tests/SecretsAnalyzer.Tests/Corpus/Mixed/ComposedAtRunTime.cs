using System;
using System.Text;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;

namespace Shipping.Functions
{
    public enum Stage
    {
        Prod,
        Test,
    }

    public static class ShippingParts
    {
        public const string KeyHead = "AKIA";
        public const string KeyTail = "RBTYY5COOU6T4PJ2";
        public const long AuditAccount = 493848234269;
        public const int Port = 5432;
    }

    public class ShippingLabelFunction
    {
        public Task<string> Handle(string input, ILambdaContext context)
        {
            string id1 = string.Concat("AKIA", "3NXQSXVKK6MFQQXY"); // Noncompliant SECRETS001
            string id2 = string.Format("{0}{1}", ShippingParts.KeyHead, ShippingParts.KeyTail); // Noncompliant SECRETS001
            string id3 = string.Join(string.Empty, new[] { "AKIA", "55TJHBMUT6QHDOWG" }); // Noncompliant SECRETS001
            string id4 = new StringBuilder("AKIA").Append("645KOE3VVEB4Z55P").ToString(); // Noncompliant SECRETS001
            var credentials = new BasicAWSCredentials(string.Concat("AKIA", "CUWHSYYDMJQIVTF3"), string.Concat("EWvRv0lJrrhq9Fkn", "Z1ZYJd+QaBbqBzA1GhLQZdXv")); // Noncompliant SECRETS001 SECRETS002

            var sb = new StringBuilder();
            sb.Append("Host=ship-pg.internal;");
            sb.AppendFormat("Port={0};", ShippingParts.Port);
            sb.Append("Username=shipping;Password=");
            sb.Append("VPd8Y*lw3lOlBz"); // Noncompliant SECRETS003
            string connection = sb.ToString();

            string formatted = string.Format("Host={0};Username={1};Password={2}", "ship-pg.internal", "shipping", "nthG#%B-1!Zt-3"); // Noncompliant SECRETS003
            var assume = new AssumeRoleRequest { RoleArn = string.Format("arn:aws:iam::{0}:role/{1}", ShippingParts.AuditAccount, "LabelWriter"), RoleSessionName = "labels" }; // Noncompliant SECRETS004
            string interpolated = $"arn:aws:iam::{ShippingParts.AuditAccount}:role/{Stage.Prod}-labels"; // Noncompliant SECRETS004

            // Pieces that are not constants: nothing to report.
            string fromInput = string.Concat("AKIA", input); // Compliant SECRETS001
            string fromContext = string.Format("arn:aws:iam::{0}:role/{1}", context.InvokedFunctionArn.Split(':')[4], "LabelWriter"); // Compliant SECRETS004
            string aligned = $"arn:aws:iam::{ShippingParts.AuditAccount,12}:role/Labels"; // Compliant SECRETS004
            string userAsPassword = string.Format("Host=ship-pg.internal;Username={0};Password={0}", "shipping"); // Compliant SECRETS003
            string placeholder = string.Format("Host=ship-pg.internal;Username=shipping;Password={0}", "${DB_PASSWORD}"); // Compliant SECRETS003
            string doc = string.Format("arn:aws:iam::{0}:role/Labels", 123456789012L); // Compliant SECRETS004
            string run = string.Format("arn:aws:iam::{0}:role/Labels", "987654321098"); // Compliant SECRETS004

            context.Logger.LogLine(string.Join(",", id1.Length, id2.Length, id3.Length, id4.Length, credentials.GetHashCode(), connection.Length, formatted.Length, assume.RoleSessionName,
                interpolated.Length, fromInput.Length, fromContext.Length, aligned.Length, userAsPassword.Length, placeholder.Length, doc.Length, run.Length));
            return Task.FromResult(input);
        }
    }
}
