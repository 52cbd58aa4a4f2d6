using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace InventorySync
{
    // Written independently of the rule authors' corpora, the way an outside corpus author would: plain, common shapes of all four rules in one handler.
    public class Function
    {
        private const string AccessKey = "AKIAZYMLOPIFQYF7M2NX"; // Noncompliant SECRETS001
        private const string SecretKey = "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"; // Noncompliant SECRETS002
        private static readonly string DbConnection = "Server=inventory-db.prod.internal;Database=inventory;User Id=sync;Password=SuperSecret123!;"; // Noncompliant SECRETS003
        private const string MySqlConn = "server=10.0.4.12;uid=app;pwd=Wint3r!sComing;database=stock"; // Noncompliant SECRETS003
        private const string MongoUri = "mongodb+srv://inventory:N0tS0S3cret@cluster0.abcde.mongodb.net/stock"; // Noncompliant SECRETS003
        private const string PgUri = "postgresql://sync:hunter2@inventory-db:5432/stock"; // Noncompliant SECRETS003
        private const string ReaderRole = "arn:aws:iam::482913375510:role/InventoryReader"; // Noncompliant SECRETS004

        private const string LocalDb = "Server=(localdb)\\MSSQLLocalDB;Database=inventory;Trusted_Connection=True;"; // Compliant SECRETS003
        private const string TemplateConn = "Server={0};Database=inventory;User Id={1};Password={2};"; // Compliant SECRETS003
        private const string EnvConn = "Host=localhost;Username=postgres;Password=${DB_PASSWORD}"; // Compliant SECRETS003
        private const string DocsKey = "AKIAIOSFODNN7EXAMPLE"; // Compliant SECRETS001
        private const string CommitSha = "9fceb02d0ae598e95dc970b74767f19372d61af8"; // Compliant SECRETS002
        private const string ManagedPolicy = "arn:aws:iam::aws:policy/ReadOnlyAccess"; // Compliant SECRETS004
        private const string QueueArn = "arn:aws:sqs:eu-west-1:482913375510:inventory-events"; // Compliant SECRETS004
        private const string RoleId = "AROAJ52OTH4H7LEXAMPL"; // Compliant SECRETS001
        private const string ParameterName = "/inventory/prod/db-password"; // Compliant SECRETS003

        public async Task<string> Handle(string input, ILambdaContext context)
        {
            var credentials = new BasicAWSCredentials(AccessKey, SecretKey);
            using var s3 = new AmazonS3Client(credentials, RegionEndpoint.EUWest1);
            var other = new AmazonS3Client("AKIAYNJ5LVFF6UZCRA3N", "lxeVZ4DNCNnOBFXL4k41GiLP9qG3L0uKW4yWRzSa", RegionEndpoint.USEast1); // Noncompliant SECRETS001 SECRETS002
            var sts = new AmazonSecurityTokenServiceClient();
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = $"arn:aws:iam::{Environment.GetEnvironmentVariable("ACCOUNT_ID")}:role/InventoryWriter", // Compliant SECRETS004
                RoleSessionName = "sync",
            });
            var wildcard = new AssumeRoleRequest { RoleArn = "arn:aws:iam::*:role/*", RoleSessionName = "x" }; // Noncompliant SECRETS004
            context.Logger.LogLine("Invalid password for user sync; check the password policy"); // Compliant SECRETS003
            var settings = new Dictionary<string, string>
            {
                ["aws_access_key_id"] = "AKIAXF5M5DWINK4LLCHB", // Noncompliant SECRETS001
                ["aws_secret_access_key"] = "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", // Noncompliant SECRETS002
            };
            string fallback = Environment.GetEnvironmentVariable("DB") ?? "Data Source=orders.database.windows.net;Initial Catalog=orders;User ID=admin;Password=Qx7!mZ2#pL9v"; // Noncompliant SECRETS003
            return assumed.Credentials.AccessKeyId + wildcard.RoleArn + settings.Count + fallback + other.Config.RegionEndpoint + s3.Config.RegionEndpoint;
        }

        // Old key, removed 2024-03: AKIAK62F3FJTAYVIZMDN / Qqq5X1wUGAJ7Wx98vjE6boQ+jQaJbO0HvrgYegRD // Noncompliant SECRETS001 SECRETS002
    }
}
