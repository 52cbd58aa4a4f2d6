using Amazon.Lambda.Core;
using Amazon.Runtime;

namespace ReportsWorker
{
    /// <summary>Where the reports come from and whom the exporter acts as.</summary>
    internal static class ReportSettings
    {
        internal const string WarehouseConnection = "Server=warehouse.internal;Database=reports;User Id=reports_reader;Password=AY2omtT%tvM5riij;";

        internal static readonly AWSCredentials Uploader = new BasicAWSCredentials("AKIAJ7ZE3AHCYICQQLFE", "fXjw9APP8Dy/3XzZmBNQR2yTBGTCuSsH5LM+Em9i");

        internal static string ExportRoleArn(ILambdaContext context)
        {
            context.Logger.LogLine("Resolving the exporter role");
            return "arn:aws:iam::365104654404:role/reports/ReportsExporter";
        }

        internal static string SharedRoleArn() => "arn:aws:iam::451307871560:role/SharedReports";
    }
}
