using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli.Reporting
{
    /// <summary>SARIF 2.1.0, as code-scanning services read it: every rule with its help URI, results relative to %SRCROOT%.</summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static string Render(IReadOnlyList<Finding> findings, string rootDirectory, IReadOnlyList<InactiveRule> inactive)
        {
            var rules = RuleCatalog.Rules.Values.ToList();
            var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            using var stream = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var json = new Utf8JsonWriter(stream, options))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();

                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "SecretsAnalyzer");
                json.WriteString("version", RuleCatalog.ToolVersion);
                json.WriteString("semanticVersion", RuleCatalog.ToolVersion);
                json.WriteString("informationUri", "https://github.com/secrets-analyzer/SecretsAnalyzer");
                json.WriteStartArray("rules");
                foreach (DiagnosticDescriptor rule in rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteString("name", PascalName(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    json.WriteStartObject("fullDescription");
                    json.WriteString("text", rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    json.WriteString("helpUri", rule.HelpLinkUri);
                    json.WriteStartObject("help");
                    json.WriteString("text", rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) + " See " + rule.HelpLinkUri);
                    json.WriteEndObject();
                    json.WriteStartObject("defaultConfiguration");
                    json.WriteString("level", Level(rule.DefaultSeverity));
                    json.WriteBoolean("enabled", rule.IsEnabledByDefault);
                    json.WriteEndObject();
                    json.WriteStartObject("properties");
                    json.WriteString("category", rule.Category);
                    json.WriteStartArray("tags");
                    foreach (string tag in rule.CustomTags)
                    {
                        json.WriteStringValue(tag);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();

                // A rule that is off in a project is a tool configuration notification of the run (SARIF 2.1.0 §3.20.21),
                // so a viewer does not read the missing results as "clean".
                json.WriteStartArray("invocations");
                json.WriteStartObject();
                json.WriteBoolean("executionSuccessful", true);
                json.WriteStartArray("toolConfigurationNotifications");
                foreach (InactiveRule rule in inactive)
                {
                    json.WriteStartObject();
                    json.WriteString("level", "note");
                    json.WriteStartObject("message");
                    json.WriteString("text", rule.Message);
                    json.WriteEndObject();
                    json.WriteStartObject("descriptor");
                    json.WriteString("id", "rule-inactive");
                    json.WriteEndObject();
                    json.WriteStartObject("associatedRule");
                    json.WriteString("id", rule.RuleId);
                    if (ruleIndex.TryGetValue(rule.RuleId, out int index))
                    {
                        json.WriteNumber("index", index);
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("properties");
                    json.WriteString("project", rule.Project);
                    json.WriteString("reason", rule.Reason);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();

                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject("%SRCROOT%");
                json.WriteString("uri", new Uri(EnsureTrailingSlash(rootDirectory)).AbsoluteUri);
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartArray("results");
                foreach (Finding f in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.RuleId);
                    json.WriteNumber("ruleIndex", ruleIndex[f.RuleId]);
                    json.WriteString("level", f.Level);
                    json.WriteStartObject("message");
                    json.WriteString("text", f.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    bool inside = !Path.IsPathRooted(f.RelativePath);
                    json.WriteString("uri", inside ? EscapeRelative(f.RelativePath) : new Uri(f.FilePath).AbsoluteUri);
                    if (inside)
                    {
                        json.WriteString("uriBaseId", "%SRCROOT%");
                    }

                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", f.Line);
                    json.WriteNumber("startColumn", f.Column);
                    json.WriteNumber("endLine", f.EndLine);
                    json.WriteNumber("endColumn", f.EndColumn);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteStartObject("properties");
                    json.WriteString("project", f.Project);
                    if (f.SecretKind != null)
                    {
                        json.WriteString("secretKind", f.SecretKind);
                    }

                    if (f.MissingFixPackage != null)
                    {
                        json.WriteString("fixNeedsPackage", f.MissingFixPackage);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        private static string PascalName(string title)
        {
            var sb = new StringBuilder();
            foreach (string word in title.Split(new[] { ' ', '-', '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
                if (letters.Length > 0)
                {
                    sb.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
                }
            }

            return sb.ToString();
        }

        private static string EnsureTrailingSlash(string path) =>
            path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;

        private static string EscapeRelative(string relative) =>
            string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));
    }
}
