using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecretsAnalyzer.Tests.Verifiers;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>What was generated.</summary>
    public sealed class GeneratedProject
    {
        public GeneratedProject(IReadOnlyList<SyntaxTree> trees, int lines, int literals, int credentials)
        {
            Trees = trees;
            Lines = lines;
            Literals = literals;
            Credentials = credentials;
        }

        public IReadOnlyList<SyntaxTree> Trees { get; }

        public int Lines { get; }

        /// <summary>String literal expressions (regular, verbatim, raw, UTF-8) plus interpolated strings.</summary>
        public int Literals { get; }

        /// <summary>Credential statements planted (each holds one or two values the rules must find).</summary>
        public int Credentials { get; }
    }

    /// <summary>
    /// Generates a large, compilable, Lambda-style C# project: handler classes whose step methods log, build SQL,
    /// URLs and JSON, tag resources, call S3 and Parameter Store, compare statuses, with GUIDs, hashes, base64,
    /// ARNs of other services, config keys, interpolations and concatenations — and a sprinkling of credentials
    /// of all four kinds (key IDs, secret keys, connection-string passwords, account-bound role ARNs).
    /// Deterministic for a seed.
    /// </summary>
    public sealed class LambdaCodeGenerator
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        private readonly FakeValues _v;
        private readonly int _credentialEvery;
        private int _k;
        private int _credentials;

        /// <param name="seed">Random seed.</param>
        /// <param name="credentialEvery">On average one credential statement per this many statements.</param>
        public LambdaCodeGenerator(int seed = 20261125, int credentialEvery = 400)
        {
            _v = new FakeValues(seed);
            _credentialEvery = credentialEvery;
        }

        public int CredentialsPlanted => _credentials;

        /// <summary>The shared types file plus <paramref name="files"/> handler files of about <paramref name="linesPerFile"/> lines.</summary>
        public GeneratedProject Generate(int files, int linesPerFile)
        {
            var trees = new List<SyntaxTree>
            {
                Parse(LambdaStubs.LambdaCore, "Stubs/Amazon.Lambda.Core.cs"),
                Parse(CommonSource, "Common.cs"),
            };

            for (int f = 0; f < files; f++)
            {
                trees.Add(Parse(HandlerFile(f, linesPerFile), $"Functions/Function{f:D4}.cs"));
            }

            return Measure(trees, _credentials);
        }

        public static GeneratedProject Measure(IReadOnlyList<SyntaxTree> trees, int credentials)
        {
            int lines = 0, literals = 0;
            foreach (SyntaxTree tree in trees)
            {
                lines += tree.GetText().Lines.Count;
                literals += CountLiterals(tree.GetRoot());
            }

            return new GeneratedProject(trees, lines, literals, credentials);
        }

        public static int CountLiterals(SyntaxNode root)
        {
            int n = 0;
            foreach (SyntaxNode node in root.DescendantNodes())
            {
                if (node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringExpression))
                {
                    n++;
                }
            }

            return n;
        }

        public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path, Encoding.UTF8);

        public string HandlerFile(int f, int linesPerFile)
        {
            string w = _v.Word();
            string W = FakeValues.Capitalize(w);
            var b = new StringBuilder(linesPerFile * 80);
            b.Append("// Copyright (c) Contoso Ltd. All rights reserved.\n");
            b.Append("// Licensed under the MIT License.\n");
            b.Append("using System;\nusing System.Collections.Generic;\nusing System.Text;\nusing System.Threading.Tasks;\n");
            b.Append("using Amazon;\nusing Amazon.Lambda.Core;\nusing Amazon.Runtime;\nusing Amazon.S3;\nusing Amazon.S3.Model;\n");
            b.Append("using Amazon.SecurityToken.Model;\nusing Amazon.SimpleSystemsManagement;\nusing Amazon.SimpleSystemsManagement.Model;\n");
            b.Append("using Contoso.Common;\n\n");
            b.Append($"namespace Contoso.{W}.Functions{f}\n{{\n");
            b.Append($"    /// <summary>Handles {w} events for tenant-scoped workloads (function {f}).</summary>\n");
            b.Append($"    public sealed class {W}Function{f}\n    {{\n");
            b.Append($"        private const string ServiceName = \"{w}-service-{f}\";\n");
            b.Append("        private static readonly IAmazonS3 _s3 = new AmazonS3Client(RegionEndpoint.USEast1);\n");
            b.Append("        private static readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient(RegionEndpoint.USEast1);\n");
            b.Append("        private static readonly Dictionary<string, string> config = new Dictionary<string, string>();\n\n");

            var steps = new StringBuilder();
            int stepCount = 0;
            int lines = CountLines(b) + 12;
            while (lines < linesPerFile)
            {
                int before = CountLines(steps);
                Step(steps, stepCount++, w, Math.Min(30, Math.Max(3, linesPerFile - lines - 16)));
                lines += CountLines(steps) - before;
            }

            b.Append("        public async Task<string> FunctionHandler(OrderEvent input, ILambdaContext context)\n        {\n");
            b.Append("            var sb = new StringBuilder();\n");
            b.Append($"            context.Logger.LogLine($\"{{ServiceName}} started request {{context.AwsRequestId}} with {stepCount} steps\");\n");
            b.Append("            for (int attempt = 0; attempt < 3; attempt++)\n            {\n");
            b.Append("                try\n                {\n");
            for (int s = 0; s < stepCount; s++)
            {
                b.Append($"                    sb.Append(await Step{s}Async(input, context));\n");
            }

            b.Append("                    break;\n                }\n");
            b.Append("                catch (AmazonServiceException e) when (e.StatusCode == System.Net.HttpStatusCode.TooManyRequests)\n                {\n");
            b.Append("                    context.Logger.LogLine(\"Throttled, retrying: \" + e.Message);\n                }\n            }\n\n");
            b.Append("            return sb.ToString();\n        }\n\n");
            b.Append(steps);
            b.Append("    }\n}\n");
            return b.ToString();
        }

        private static int CountLines(StringBuilder b)
        {
            int n = 0;
            for (int i = 0; i < b.Length; i++)
            {
                if (b[i] == '\n')
                {
                    n++;
                }
            }

            return n;
        }

        private void Step(StringBuilder b, int index, string w, int statements)
        {
            b.Append($"        private async Task<string> Step{index}Async(OrderEvent input, ILambdaContext context)\n        {{\n");
            b.Append("            await Task.Yield();\n");
            b.Append("            string id = input.OrderId, tenant = input.Tenant, status = input.Status, body = input.Body;\n");
            b.Append("            int count = input.Items, page = input.Page;\n");
            b.Append("            long elapsed = input.ElapsedMs;\n");
            b.Append("            var headers = new Dictionary<string, string>();\n");
            b.Append("            var sb = new StringBuilder();\n");
            for (int s = 0; s < statements; s++)
            {
                if (_v.Next(_credentialEvery) == 0)
                {
                    Credential(b);
                }
                else
                {
                    Statement(b);
                }
            }

            b.Append("            return sb.ToString() + string.Join(\";\", headers.Values);\n        }\n\n");
        }

        private void Statement(StringBuilder b)
        {
            int k = _k++;
            string w = _v.Word(), w2 = _v.Word(), W = FakeValues.Capitalize(w);
            const string I = "            ";
            switch (_v.Next(25))
            {
                case 0:
                    b.Append($"{I}context.Logger.LogLine($\"Processing {w} {{id}} for tenant {{tenant}} (page {{page}}, {{count}} items)\");\n");
                    break;
                case 1:
                    b.Append($"{I}context.Logger.LogLine(\"Starting {w} reconciliation batch for \" + ServiceName);\n");
                    break;
                case 2:
                    b.Append($"{I}const string sql{k} = \"SELECT o.id, o.total, o.status FROM {w} o WHERE o.tenant_id = @tenant AND o.created_at > @since ORDER BY o.created_at DESC\";\n{I}sb.Append(sql{k});\n");
                    break;
                case 3:
                    b.Append($"{I}var url{k} = \"https://api.{w}.contoso.com/v{_v.Next(4) + 1}/{w2}/\" + id + \"?page=\" + page + \"&pageSize=50\"; sb.Append(url{k});\n");
                    break;
                case 4:
                    b.Append($"{I}var json{k} = \"{{\\\"id\\\":\\\"\" + id + \"\\\",\\\"status\\\":\\\"\" + status + \"\\\",\\\"source\\\":\\\"{w}\\\"}}\"; sb.Append(json{k});\n");
                    break;
                case 5:
                    b.Append($"{I}headers[\"X-Correlation-Id\"] = \"{_v.Guid()}\";\n");
                    break;
                case 6:
                    b.Append($"{I}var etag{k} = \"{_v.Hex(64)}\"; sb.Append(etag{k});\n");
                    break;
                case 7:
                    b.Append($"{I}var blob{k} = Convert.FromBase64String(\"{_v.Base64(_v.Next(2) == 0 ? 16 : 32)}\"); sb.Append(blob{k}.Length);\n");
                    break;
                case 8:
                    string svc = _v.Pick(FakeValues.Services);
                    string arn = svc == "s3" ? $"arn:aws:s3:::{w}-bucket-{_v.Next(1000)}" : $"arn:aws:{svc}:{_v.Region()}:{_v.Account()}:{w}-events-{_v.Next(100)}";
                    b.Append($"{I}var targetArn{k} = \"{arn}\"; sb.Append(targetArn{k});\n");
                    break;
                case 9:
                    b.Append($"{I}var setting{k} = config.TryGetValue(\"{W}:Database:CommandTimeout\", out var value{k}) ? value{k} : \"30\"; sb.Append(setting{k});\n");
                    break;
                case 10:
                    b.Append($"{I}await _s3.PutObjectAsync(new PutObjectRequest\n{I}{{\n{I}    BucketName = \"{w}-archive-{_v.Region()}\",\n{I}    Key = $\"{w}/{{tenant}}/{{id}}.json\",\n{I}    ContentType = \"application/json\",\n{I}    ContentBody = body,\n{I}}});\n");
                    break;
                case 11:
                    b.Append($"{I}var parameter{k} = await _ssm.GetParameterAsync(new GetParameterRequest {{ Name = \"/{w}/prod/feature-flags/{w2}\", WithDecryption = true }}); sb.Append(parameter{k}.Parameter.Value);\n");
                    break;
                case 12:
                    string st = _v.Pick(FakeValues.Statuses);
                    b.Append($"{I}if (status == \"{st}\")\n{I}{{\n{I}    throw new InvalidOperationException(\"Order \" + id + \" is {st.ToLowerInvariant()} and cannot be modified\");\n{I}}}\n");
                    break;
                case 13:
                    b.Append($"{I}sb.AppendFormat(\"{{0}} {w} processed in {{1}} ms\", count, elapsed);\n");
                    break;
                case 14:
                    b.Append($"{I}var path{k} = @\"C:\\exports\\{w}\\\" + id + \".csv\"; sb.Append(path{k});\n");
                    break;
                case 15:
                    b.Append($"{I}var schedule{k} = \"cron(0 {_v.Next(24)} * * ? *)\"; sb.Append(schedule{k});\n");
                    break;
                case 16:
                    b.Append($"{I}// Retry {w} with exponential backoff, see https://docs.contoso.com/runbooks/{w}#retries\n{I}sb.Append(page);\n");
                    break;
                case 17:
                    b.Append($"{I}var tags{k} = new Dictionary<string, string>\n{I}{{\n{I}    [\"team\"] = \"{w}\",\n{I}    [\"cost-center\"] = \"cc-{_v.Next(10000):D4}\",\n{I}    [\"env\"] = \"prod\",\n{I}}};\n{I}sb.Append(tags{k}.Count);\n");
                    break;
                case 18:
                    b.Append($"{I}headers[\"User-Agent\"] = \"{W}Function/1.{_v.Next(20)}.{_v.Next(10)} (+https://contoso.com/bots)\";\n");
                    break;
                case 19:
                    b.Append($"{I}sb.Append($\"{{{{\\\"tenant\\\":\\\"{{tenant}}\\\",\\\"count\\\":{{count}},\\\"region\\\":\\\"{_v.Region()}\\\"}}}}\");\n");
                    break;
                case 20:
                    b.Append($"{I}var build{k} = \"{_v.Hex(40)}\"; sb.Append(build{k});\n");
                    break;
                case 21:
                    b.Append($"{I}var signature{k} = \"{_v.Base64(64)}\"; sb.Append(signature{k});\n");
                    break;
                case 22:
                    b.Append($"{I}if (string.Equals(status, \"{_v.Pick(FakeValues.Statuses)}\", StringComparison.OrdinalIgnoreCase)) {{ sb.Append(\"{w}:\" + status); }}\n");
                    break;
                case 23:
                    b.Append($"{I}var table{k} = Environment.GetEnvironmentVariable(\"{w.ToUpperInvariant()}_TABLE_NAME\") ?? \"{w}-table-{_v.Region()}\"; sb.Append(table{k});\n");
                    break;
                default:
                    b.Append($"{I}sb.AppendLine(\"Dear customer, your {w} request \" + id + \" has been received and will be processed within {_v.Next(5) + 1} business days.\");\n");
                    break;
            }
        }

        private void Credential(StringBuilder b)
        {
            int k = _k++;
            _credentials++;
            string w = _v.Word(), W = FakeValues.Capitalize(w);
            const string I = "            ";
            switch (_v.Next(6))
            {
                case 0:
                    b.Append($"{I}var credentials{k} = new BasicAWSCredentials(\"{_v.KeyId()}\", \"{_v.SecretKey()}\"); sb.Append(credentials{k}.GetHashCode());\n");
                    break;
                case 1:
                    b.Append($"{I}Environment.SetEnvironmentVariable(\"AWS_SECRET_ACCESS_KEY\", \"{_v.SecretKey()}\");\n");
                    break;
                case 2:
                    b.Append($"{I}var connectionString{k} = \"Server={w}-db.cluster-{_v.Hex(12)}.{_v.Region()}.rds.amazonaws.com;Database={w};User Id={w}_app;Password={_v.Password()};\"; sb.Append(connectionString{k}.Length);\n");
                    break;
                case 3:
                    b.Append($"{I}var assume{k} = new AssumeRoleRequest {{ RoleArn = \"arn:aws:iam::{_v.Account()}:role/{W}Processor\", RoleSessionName = \"{w}-session\" }}; sb.Append(assume{k}.RoleSessionName);\n");
                    break;
                case 4:
                    b.Append($"{I}var redis{k} = \"redis://default:{_v.Password()}@{w}-cache.{_v.Hex(6)}.use1.cache.amazonaws.com:6379\"; sb.Append(redis{k}.Length);\n");
                    break;
                default:
                    b.Append($"{I}// Temporary key for the {w} migration: {_v.KeyId()}\n");
                    break;
            }
        }

        public const string CommonSource = @"using System;
using System.IO;

[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Contoso.Common.PassThroughSerializer))]

namespace Contoso.Common
{
    public sealed class OrderEvent
    {
        public string OrderId { get; set; } = """";
        public string Tenant { get; set; } = """";
        public string Status { get; set; } = """";
        public string Body { get; set; } = """";
        public int Items { get; set; }
        public int Page { get; set; }
        public long ElapsedMs { get; set; }
    }

    public sealed class PassThroughSerializer : Amazon.Lambda.Core.ILambdaSerializer
    {
        public T Deserialize<T>(Stream requestStream) => throw new NotSupportedException();

        public void Serialize<T>(T response, Stream responseStream) => throw new NotSupportedException();
    }
}
";
    }
}
