using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli.Reporting
{
    /// <summary>A flat, stable JSON document: one object per finding plus counts per project and rule.</summary>
    internal static class JsonReport
    {
        public static string Render(IReadOnlyList<Finding> findings, string rootDirectory, IReadOnlyList<string> projects, IReadOnlyList<InactiveRule> inactive)
        {
            using var stream = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var json = new Utf8JsonWriter(stream, options))
            {
                json.WriteStartObject();
                json.WriteString("tool", "secrets-analyzer");
                json.WriteString("version", RuleCatalog.ToolVersion);
                json.WriteString("root", rootDirectory);
                json.WriteStartArray("projects");
                foreach (string project in projects)
                {
                    json.WriteStartObject();
                    json.WriteString("name", project);
                    json.WriteNumber("findings", findings.Count(f => f.Project == project));
                    json.WriteStartObject("byRule");
                    foreach (var group in findings.Where(f => f.Project == project).GroupBy(f => f.RuleId).OrderBy(g => g.Key, System.StringComparer.Ordinal))
                    {
                        json.WriteNumber(group.Key, group.Count());
                    }

                    json.WriteEndObject();
                    json.WriteStartArray("inactiveRules");
                    foreach (InactiveRule rule in inactive.Where(i => i.Project == project))
                    {
                        json.WriteStartObject();
                        json.WriteString("ruleId", rule.RuleId);
                        json.WriteString("reason", rule.Reason);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("findings");
                foreach (Finding f in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.RuleId);
                    json.WriteString("severity", f.Level);
                    json.WriteString("project", f.Project);
                    json.WriteString("path", f.RelativePath);
                    json.WriteNumber("line", f.Line);
                    json.WriteNumber("column", f.Column);
                    json.WriteNumber("endLine", f.EndLine);
                    json.WriteNumber("endColumn", f.EndColumn);
                    json.WriteString("message", f.Message);
                    if (f.SecretKind != null)
                    {
                        json.WriteString("kind", f.SecretKind);
                    }

                    if (f.MissingFixPackage != null)
                    {
                        json.WriteString("fixNeedsPackage", f.MissingFixPackage);
                    }

                    json.WriteString("helpUri", RuleIds.HelpLink(f.RuleId));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("total", findings.Count);
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
