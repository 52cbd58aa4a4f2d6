using Amazon;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

// Executable Lambda (custom runtime): the handler is the lambda given to the bootstrap.
const string WarehouseAccount = "942138641151"; // Compliant SECRETS004
var sts = new AmazonSecurityTokenServiceClient();

var handler = async (ReportRequest request, ILambdaContext context) =>
{
    string team = request.Team;
    var warehouse = await sts.AssumeRoleAsync(new AssumeRoleRequest
    {
        RoleArn = $"arn:aws:iam::858698677665:role/reports/{team}-reader", // Noncompliant SECRETS004
        RoleSessionName = $"report-{context.AwsRequestId}",
    });

    var archive = await sts.AssumeRoleAsync(new AssumeRoleRequest
    {
        RoleArn = $"arn:aws:iam::{WarehouseAccount}:role/ArchiveWriter", // Noncompliant SECRETS004
        RoleSessionName = "archive",
    });

    Arn.TryParse(context.InvokedFunctionArn, out Arn self);
    var local = await sts.AssumeRoleAsync(new AssumeRoleRequest
    {
        RoleArn = $"arn:{self.Partition}:iam::{self.AccountId}:role/reports/{team}-reader", // Compliant SECRETS004
        RoleSessionName = "local",
    });

    string targetAccount = request.TargetAccountId;
    string perTenant = "arn:aws:iam::" + targetAccount + ":role/ReportsExport"; // Compliant SECRETS004
    string template = string.Format("arn:aws:iam::{0}:role/{1}", targetAccount, team); // Compliant SECRETS004

    context.Logger.LogLine($"{warehouse.AssumedRoleUser.Arn} {archive.AssumedRoleUser.Arn} {local.AssumedRoleUser.Arn} {perTenant} {template}");
    return new ReportResult { Status = "done" };
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

public class ReportRequest
{
    public string Team { get; set; }
    public string TargetAccountId { get; set; }
}

public class ReportResult
{
    public string Status { get; set; }
}

public static class ReportRoles
{
    public static AWSCredentials ForPartner(AWSCredentials source) =>
        new AssumeRoleAWSCredentials(source, "arn:aws:iam::723634876224:role/PartnerReportsReader", "partner-reports"); // Noncompliant SECRETS004

    public static AWSCredentials AnyPartner(AWSCredentials source) =>
        new AssumeRoleAWSCredentials(source, "arn:aws:iam::*:role/PartnerReportsReader", "partner-reports"); // Noncompliant SECRETS004
}
