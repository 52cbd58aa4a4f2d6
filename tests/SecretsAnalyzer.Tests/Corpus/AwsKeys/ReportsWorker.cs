// Executable Lambda (custom runtime): the handler is the lambda passed to the bootstrap.
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

// Local runs used to need these; they were never removed.
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAYANT6CQCT3GHMULW"); // Noncompliant SECRETS001
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "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"); // Noncompliant SECRETS002
Environment.SetEnvironmentVariable("AWS_REGION", "eu-central-1");
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", Environment.GetEnvironmentVariable("CI_AWS_ACCESS_KEY_ID")); // Compliant SECRETS001

string accessKeyId = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "AKIAFOLIOJXNK4XTX775"; // Noncompliant SECRETS001
string secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "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"; // Noncompliant SECRETS002
string fallback = Environment.GetEnvironmentVariable("REPORTS_SIGNING_KEY") ?? "HjlpLd7LUKGJhuJ3fNaKisR9hE/5UgM5ONtU1iEg"; // Compliant SECRETS002 - a signing key: nothing says AWS

var ssm = new AmazonSimpleSystemsManagementClient(accessKeyId, secret, RegionEndpoint.EUCentral1);
var parameter = await ssm.GetParameterAsync(new GetParameterRequest { Name = "/reports/bucket", WithDecryption = true });
Console.WriteLine($"Reports bucket: {parameter.Parameter.Value}, key {fallback.Length}");

const string credentialsFile = """
    [default]
    aws_access_key_id = AKIAGIZAIIFUSCEXGHCH
    aws_secret_access_key = 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
    region = eu-central-1
    """;
// Noncompliant@-4 SECRETS001
// Noncompliant@-4 SECRETS002
File.WriteAllText("/tmp/.aws/credentials", credentialsFile);

var profile = """[reports] aws_access_key_id=AKIALK3CU7ONVR34XDNW aws_secret_access_key=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"""; // Noncompliant SECRETS001 SECRETS002
Console.WriteLine(profile.Length);

var s3 = new AmazonS3Client(new BasicAWSCredentials(@"AKIAZ73IKCQBY3DXJH6V", @"HceH4JS2hmnvCOeqLsRJJ3+p6ATdr1dDSKpZTOcn"), RegionEndpoint.EUCentral1); // Noncompliant SECRETS001 SECRETS002
Console.WriteLine(s3.Config.RegionEndpoint);

// The access key is logged by mistake in error text.
Console.Error.WriteLine("Access denied for key AWS_ACCESS_KEY_ID; check the execution role."); // Compliant SECRETS001 SECRETS002
Console.Error.WriteLine(JsonSerializer.Serialize(new { error = "InvalidClientTokenId", message = "The security token included in the request is invalid." })); // Compliant SECRETS002
