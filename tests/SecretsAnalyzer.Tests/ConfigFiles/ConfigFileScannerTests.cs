using System.Collections.Generic;
using System.Linq;
using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    /// <summary>Exact spans and key paths of findings: <c>[|…|]</c> marks each expected span (the markers are removed before reading).</summary>
    public class ConfigFileScannerTests
    {
        private const string KeyId = "AKIAQXJKRKAEHVBFRNYZ";
        private const string SecretKey = "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";

        private static void Verify(string fileName, string markup, params string[] expected)
        {
            var spans = new List<(int Start, int Length)>();
            var text = new System.Text.StringBuilder();
            int i = 0;
            var open = new Stack<int>();
            while (i < markup.Length)
            {
                if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
                {
                    open.Push(text.Length);
                    i += 2;
                }
                else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
                {
                    int start = open.Pop();
                    spans.Add((start, text.Length - start));
                    i += 2;
                }
                else
                {
                    text.Append(markup[i++]);
                }
            }

            string source = text.ToString();
            ConfigFileKind kind = ConfigFileKinds.FromPath(fileName);
            ConfigDocument document = ConfigFileKinds.Read(kind, fileName, source);
            Assert.True(document.IsWellFormed, document.Error);
            List<ConfigFinding> findings = ConfigFileScanner.Scan(kind, document, ConfigScanSettings.Default);
            Assert.Equal(
                spans.OrderBy(s => s.Start).Select(s => ReaderAssert.Position(source, s.Start) + "+" + s.Length).ToArray(),
                findings.Select(f => ReaderAssert.Position(source, f.Start) + "+" + f.Length).ToArray());
            Assert.Equal(expected, findings.Select(f => f.RuleId + " " + f.KeyPath).ToArray());
        }

        [Fact]
        public void AppSettings_ConnectionStringPasswordAndKeys()
        {
            Verify(
                "appsettings.Production.json",
                "{\"ConnectionStrings\": {\"Orders\": \"Server=db;Database=o;User Id=app;Password=[|n7Gv!x2Qe9Lp|]\"},\n" +
                " \"AWS\": {\"AccessKey\": \"[|" + KeyId + "|]\", \"SecretKey\": \"[|" + SecretKey + "|]\"}}",
                "SECRETS003 ConnectionStrings:Orders",
                "SECRETS001 AWS:AccessKey",
                "SECRETS002 AWS:SecretKey");
        }

        [Fact]
        public void EscapedPassword_SpanCoversTheEscapes()
        {
            Verify(
                "appsettings.json",
                "{\"ConnectionStrings\": {\"Db\": \"Host=db;Database=o;Username=app;Password=[|Xr4\\u0024mK8pQz2\\\\w|]\"}}",
                "SECRETS003 ConnectionStrings:Db");
        }

        [Fact]
        public void SecretWithoutName_IsNotReported_ButWithAKeyIdBesideIt_Is()
        {
            Verify("appsettings.json", "{\"Build\": {\"Value\": \"" + SecretKey + "\"}}");
            Verify(
                "appsettings.json",
                "{\"Creds\": {\"Id\": \"[|" + KeyId + "|]\", \"Value\": \"[|" + SecretKey + "|]\"}}",
                "SECRETS001 Creds:Id",
                "SECRETS002 Creds:Value");
        }

        [Fact]
        public void ToolsDefaults_RoleArn_RoleName_AndEnvironmentVariables()
        {
            Verify(
                "aws-lambda-tools-defaults.json",
                "{\n  \"function-role\": \"[|arn:aws:iam::560788957781:role/lambda-orders|]\",\n" +
                "  \"environment-variables\": \"STAGE=prod;AWS_SECRET_ACCESS_KEY=[|" + SecretKey + "|];DB=orders\"\n}",
                "SECRETS004 function-role",
                "SECRETS002 environment-variables.AWS_SECRET_ACCESS_KEY");
            Verify("aws-lambda-tools-defaults.json", "{\"function-role\": \"lambda-orders\", \"environment-variables\": \"A=1;B=2\"}");
        }

        [Fact]
        public void Template_LiteralRole_AndSubWithLiteralAccount()
        {
            Verify(
                "template.yaml",
                "Resources:\n  OrdersFunction:\n    Properties:\n      Role: [|arn:aws:iam::560788957781:role/orders|]\n" +
                "      Environment:\n        Variables:\n          READER: !Sub \"[|arn:${AWS::Partition}:iam::731592046815:role/reader|]\"\n" +
                "          OWN: !Sub \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/own\"\n",
                "SECRETS004 Resources.OrdersFunction.Properties.Role",
                "SECRETS004 Resources.OrdersFunction.Properties.Environment.Variables.READER");
        }

        [Fact]
        public void Template_JoinWithLiteralAccount_SpansItsItems()
        {
            Verify(
                "template.yaml",
                "Role: !Join ['', ['[|arn:aws:iam::', '402917365508', ':role/audit|]']]\nOwn: !Join ['', ['arn:aws:iam::', !Ref AWS::AccountId, ':role/own']]\n",
                "SECRETS004 Role");
        }

        [Fact]
        public void Template_PasswordInABlockScalar_IsLocatedOnItsLine()
        {
            Verify(
                "template.yml",
                "Variables:\n  DB: |\n    Server=reports;Database=r;\n    User Id=reports;Password=[|Lx7$wQ3nZ8vB|];\n",
                "SECRETS003 Variables.DB");
        }

        [Fact]
        public void Template_RightForms_AreNotFindings()
        {
            Verify(
                "serverless.template",
                "{\"Resources\": {\"F\": {\"Properties\": {" +
                "\"Role\": {\"Fn::GetAtt\": [\"FRole\", \"Arn\"]}, " +
                "\"Other\": {\"Fn::Join\": [\"\", [\"arn:aws:iam::\", {\"Ref\": \"AWS::AccountId\"}, \":role/x\"]]}, " +
                "\"Sub\": {\"Fn::Sub\": \"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/y\"}, " +
                "\"Imported\": {\"Fn::ImportValue\": \"arn:aws:iam::560788957781:role/never-read-as-a-value\"}, " +
                "\"Db\": \"Host=db;Database=o;Username=app;Password={{resolve:secretsmanager:db:SecretString:password}}\", " +
                "\"Escaped\": {\"Fn::Sub\": \"Host=db;Database=o;Username=app;Password=${!Literal}\"}, " +
                "\"Managed\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\", " +
                "\"Example\": \"arn:aws:iam::123456789012:role/example\", " +
                "\"Queue\": \"arn:aws:sqs:eu-west-1:560788957781:q\"}}}}");
        }

        [Fact]
        public void DotEnv_AndComments()
        {
            Verify(
                ".env.local",
                "# old key [|" + KeyId + "|] rotated\nDATABASE_URL=mysql://orders:[|Hq3Vz8Lw2Rk|]@db:3306/orders\nAPI_PASSWORD=changeme\n",
                "SECRETS001 comment",
                "SECRETS003 DATABASE_URL");
        }

        [Fact]
        public void Settings_IgnoreListAllowedAccountsAndRoleScope()
        {
            const string text = "{\"function-role\": \"arn:aws:iam::560788957781:role/x\", \"k\": \"" + KeyId + "\"}";
            ConfigDocument document = JsonConfigReader.Read(text);
            Assert.Equal(2, ConfigFileScanner.Scan(ConfigFileKind.LambdaToolsDefaults, document, ConfigScanSettings.Default).Count);
            var settings = new ConfigScanSettings { RoleArns = false, IsIgnored = v => v == KeyId };
            Assert.Empty(ConfigFileScanner.Scan(ConfigFileKind.LambdaToolsDefaults, document, settings));
            settings = new ConfigScanSettings { AllowedAccounts = new[] { "560788957781" }, AnalyzeComments = false };
            Assert.Equal(new[] { "SECRETS001" }, ConfigFileScanner.Scan(ConfigFileKind.LambdaToolsDefaults, document, settings).Select(f => f.RuleId));
        }

        [Theory]
        [InlineData("appsettings.json", ConfigFileKind.AppSettings)]
        [InlineData("/src/Orders/appsettings.Development.json", ConfigFileKind.AppSettings)]
        [InlineData("C:\\src\\Orders\\AppSettings.Production.JSON", ConfigFileKind.AppSettings)]
        [InlineData("Properties/launchSettings.json", ConfigFileKind.LaunchSettings)]
        [InlineData("aws-lambda-tools-defaults.json", ConfigFileKind.LambdaToolsDefaults)]
        [InlineData("serverless.template", ConfigFileKind.Template)]
        [InlineData("template.yaml", ConfigFileKind.Template)]
        [InlineData("template.yml", ConfigFileKind.Template)]
        [InlineData("template.json", ConfigFileKind.Template)]
        [InlineData(".env", ConfigFileKind.DotEnv)]
        [InlineData(".env.production", ConfigFileKind.DotEnv)]
        [InlineData("appsettings.json.bak", ConfigFileKind.None)]
        [InlineData("myappsettings.json", ConfigFileKind.None)]
        [InlineData("template.yaml.txt", ConfigFileKind.None)]
        [InlineData(".envrc", ConfigFileKind.None)]
        [InlineData("stylecop.json", ConfigFileKind.None)]
        [InlineData("", ConfigFileKind.None)]
        public void Kinds_ByFileName(string path, ConfigFileKind kind) => Assert.Equal(kind, ConfigFileKinds.FromPath(path));
    }
}
