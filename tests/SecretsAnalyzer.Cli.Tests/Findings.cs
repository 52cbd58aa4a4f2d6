using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>A finding reduced to what the build and the tool must agree on: rule, file, line and column.</summary>
    public sealed record FindingKey(string RuleId, string Path, int Line, int Column)
    {
        public override string ToString() => RuleId + " " + Path + ":" + Line + ":" + Column;

        /// <summary>The findings of `secrets-analyzer scan --format json`, with paths relative to <paramref name="root"/>.</summary>
        public static List<FindingKey> FromJson(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => new FindingKey(
                    f.GetProperty("ruleId").GetString()!,
                    f.GetProperty("path").GetString()!,
                    f.GetProperty("line").GetInt32(),
                    f.GetProperty("column").GetInt32()))
                .ToList();
        }

        /// <summary>The SECRETS diagnostics that `dotnet build` printed, with paths relative to <paramref name="root"/>.</summary>
        public static HashSet<FindingKey> FromBuildOutput(string output, string root)
        {
            var pattern = new Regex(@"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<col>\d+)(,\d+,\d+)?\): (?:warning|error|info) (?<id>SECRETS\d{3}):", RegexOptions.Multiline, TimeSpan.FromSeconds(5));
            var result = new HashSet<FindingKey>();
            foreach (Match m in pattern.Matches(output))
            {
                string relative = System.IO.Path.GetRelativePath(root, m.Groups["file"].Value).Replace('\\', '/');
                result.Add(new FindingKey(m.Groups["id"].Value, relative, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value)));
            }

            return result;
        }
    }
}
