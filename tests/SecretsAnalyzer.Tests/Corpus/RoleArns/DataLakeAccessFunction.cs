using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Analytics.DataLake
{
    public class AccessRequest
    {
        public string Stage { get; set; }
        public string Dataset { get; set; }
    }

    public class AccessFunction
    {
        private static readonly AmazonSecurityTokenServiceClient Sts = new AmazonSecurityTokenServiceClient();

        private static readonly Dictionary<string, string> CatalogRoles = new Dictionary<string, string>
        {
            ["dev"] = "arn:aws:iam::321451379119:role/lake/CatalogReader", // Noncompliant SECRETS004
            ["prod"] = "arn:aws:iam::697731190743:role/lake/CatalogReader", // Noncompliant SECRETS004
        };

        public async Task<string> Handle(AccessRequest request, ILambdaContext context)
        {
            string lakeRole = request.Stage switch
            {
                "prod" => "arn:aws:iam::474722075683:role/lake/Consumer", // Noncompliant SECRETS004
                "dev" => "arn:aws:iam::487334454861:role/lake/Consumer", // Noncompliant SECRETS004
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };

            string exportRole = "arn:aws:iam::717082364188" +
                ":role/lake/Exporter-" + request.Dataset; // Noncompliant SECRETS004

            var identity = await Sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
            string ownReader = "arn:aws:iam::" + identity.Account + ":role/lake/Reader"; // Compliant SECRETS004
            string ownWriter = $"arn:aws:iam::{identity.Account}:role/lake/Writer"; // Compliant SECRETS004

            var assumed = await Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = lakeRole, RoleSessionName = request.Dataset });
            context.Logger.LogLine($"{assumed.AssumedRoleUser.Arn} {exportRole} {ownReader} {ownWriter} {CatalogRoles.Count}");
            return assumed.AssumedRoleUser.Arn;
        }

        public string GluePolicy(string bucket)
        {
            // Noncompliant@+5 SECRETS004
            return $$"""
                {
                  "Statement": [
                    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{{bucket}}/*" },
                    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/service-role/AWSGlueServiceRole*" }
                  ]
                }
                """;
        }

        public string SharedCatalogPolicy(string bucket)
        {
            // Compliant@+4 SECRETS004
            return $$"""
                {
                  "Statement": [
                    { "Effect": "Allow", "Action": "glue:GetTable", "Resource": "arn:aws:glue:eu-west-1:634144955546:table/lake/*" },
                    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{{bucket}}/*" }
                  ]
                }
                """;
        }

        public bool IsLakeRole(string arn)
        {
            switch (arn)
            {
                case "arn:aws:iam::142797955237:role/lake/Admin": // Noncompliant SECRETS004
                    return true;
                case "arn:aws:iam::aws:policy/AWSLakeFormationDataAdmin": // Compliant SECRETS004
                    return false;
                default:
                    return arn.EndsWith(":role/lake/Consumer", StringComparison.Ordinal); // Compliant SECRETS004
            }
        }
    }
}
