using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer
{
    /// <summary>
    /// The <c>.editorconfig</c> / global config options, read per syntax tree and cached per distinct set of
    /// raw values. Keys follow the ecosystem's convention: <c>secrets_analyzer.&lt;option&gt;</c> for all
    /// rules, <c>secrets_analyzer.SECRETS00N.&lt;option&gt;</c> for one rule.
    /// </summary>
    internal sealed class SecretsOptions
    {
        /// <summary>Comma-separated values that are known to be fake (test fixtures) and never reported.</summary>
        public const string IgnoredValuesKey = "secrets_analyzer.ignored_values";

        /// <summary>true to analyze generated code (<c>// &lt;auto-generated&gt;</c>, <c>*.g.cs</c>); false by default.</summary>
        public const string AnalyzeGeneratedCodeKey = "secrets_analyzer.analyze_generated_code";

        /// <summary>false to skip comments and disabled code; true by default.</summary>
        public const string AnalyzeCommentsKey = "secrets_analyzer.analyze_comments";

        public static readonly SecretsOptions Default = new SecretsOptions(Array.Empty<string>(), analyzeGeneratedCode: false, analyzeComments: true, raw: null);

        private readonly string[] _ignoredValues;
        private readonly AnalyzerConfigOptions? _raw;

        private SecretsOptions(string[] ignoredValues, bool analyzeGeneratedCode, bool analyzeComments, AnalyzerConfigOptions? raw)
        {
            _ignoredValues = ignoredValues;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            AnalyzeComments = analyzeComments;
            _raw = raw;
        }

        public bool AnalyzeGeneratedCode { get; }

        public bool AnalyzeComments { get; }

        /// <summary>Whether the value (or the whole text it was found in) is listed in <c>secrets_analyzer.ignored_values</c>.</summary>
        public bool IsIgnored(string value)
        {
            foreach (string ignored in _ignoredValues)
            {
                if (string.Equals(ignored, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An option for all rules, <c>secrets_analyzer.&lt;name&gt;</c>.</summary>
        public string? GetOption(string name) => _raw != null && _raw.TryGetValue("secrets_analyzer." + name, out string? value) ? value : null;

        /// <summary>A rule's own option, <c>secrets_analyzer.&lt;ruleId&gt;.&lt;name&gt;</c>, falling back to <c>secrets_analyzer.&lt;name&gt;</c>.</summary>
        public string? GetRuleOption(string ruleId, string name)
        {
            if (_raw == null)
            {
                return null;
            }

            if (_raw.TryGetValue("secrets_analyzer." + ruleId + "." + name, out string? value) ||
                _raw.TryGetValue("secrets_analyzer." + ruleId.ToLowerInvariant() + "." + name, out value) ||
                _raw.TryGetValue("secrets_analyzer." + name, out value))
            {
                return value;
            }

            return null;
        }

        /// <summary>Splits a list option on commas, semicolons and whitespace.</summary>
        public static string[] SplitList(string? raw) => SplitList(raw, new[] { ',', ';', ' ', '\t' });

        /// <summary>Splits a list option on the given separators, trimming each item.</summary>
        public static string[] SplitList(string? raw, char[] separators)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return Array.Empty<string>();
            }

            var items = new List<string>();
            foreach (string part in raw!.Split(separators, StringSplitOptions.RemoveEmptyEntries))
            {
                string item = part.Trim();
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }

            return items.ToArray();
        }

        /// <summary>
        /// Reads a tree's options for one compilation. The four rules share what is read through the tree's
        /// <see cref="Candidates.TreeIndex"/> (<see cref="Candidates.TreeIndex.Options"/>), so each tree is read once.
        /// </summary>
        internal sealed class Reader
        {
            public Reader(AnalyzerConfigOptionsProvider provider)
            {
                Provider = provider;
            }

            public AnalyzerConfigOptionsProvider Provider { get; }

            public SecretsOptions Get(SyntaxTree tree) => Read(Provider.GetOptions(tree));

            /// <summary>The options of a config file (<c>appsettings.json</c>, <c>template.yaml</c>, …): its own sections apply, such as <c>[*.json]</c>.</summary>
            public SecretsOptions Get(AdditionalText file) => Read(Provider.GetOptions(file));

            private static SecretsOptions Read(AnalyzerConfigOptions options)
            {
                options.TryGetValue(IgnoredValuesKey, out string? ignored);
                options.TryGetValue(AnalyzeGeneratedCodeKey, out string? generated);
                options.TryGetValue(AnalyzeCommentsKey, out string? comments);
                return new SecretsOptions(
                    SplitList(ignored, new[] { ',' }),
                    analyzeGeneratedCode: string.Equals(generated?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
                    analyzeComments: !string.Equals(comments?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                    raw: options);
            }
        }
    }
}
