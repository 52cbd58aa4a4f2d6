using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;

namespace Exports.Functions
{
    /// <summary>Keys without telling names: only where they go says what they are.</summary>
    public class ExportFunction
    {
        private static readonly string Primary = "AKIAHILOI52NNJZKIMMB"; // Noncompliant SECRETS001
        private static readonly string Secondary = "0Eim1OqwID5qzbKHkJp1vzVie2/VuWGXwDwNy1dC"; // Noncompliant SECRETS002

        private static readonly string Value1 = "zhPTZn+t+A52u1F7L7DEeb30G4ra6UUkCZznqpL5"; // Noncompliant SECRETS002
        private static readonly string BuildCommit = "7d1163c53caf858b65442334a9737f20a020bd54"; // Compliant SECRETS002
        private static readonly string Nonce = "wsMxK86F4xZzgVHygXvmvPrLt2Rmw2bYshFUPcqH"; // Compliant SECRETS002

        public string Handler(string input, ILambdaContext context)
        {
            var a = "AKIAVXFVGZSZ5IFZPDIT"; // Noncompliant SECRETS001
            var b = "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"; // Noncompliant SECRETS002
            using var s3 = new AmazonS3Client(a, b, RegionEndpoint.SAEast1);

            string k = "XGAXeJ+CVOKJVt2OePCOXvQuV+aWaeOp+NGH0IpX"; // Noncompliant SECRETS002
            var creds = new BasicAWSCredentials(Environment.GetEnvironmentVariable("EXPORT_KEY_ID"), k);
            using var ssm = new AmazonSimpleSystemsManagementClient(creds, RegionEndpoint.SAEast1);

            var other = "FXop7xBz17xLVK/WxIY95nTGoC50Q59gE4HcbP55"; // Compliant SECRETS002
            context.Logger.LogLine(other.Length + input + Nonce.Length + BuildCommit);
            return Sign(Primary, Secondary) + new BasicAWSCredentials(Primary, Value1).GetType().Name;
        }

        private static string Sign(string keyId, string material) => keyId.Length + material;

        public static void ConfigureLocal()
        {
            string id = "AKIAYRNGG24MMKRQIODT", key = "CuE/X2PEiLV1bGWmYJxhEM8DgFdsqAPZGnoCpyeR"; // Noncompliant SECRETS001 SECRETS002
            System.Console.WriteLine(id + key);
        }
    }
}
