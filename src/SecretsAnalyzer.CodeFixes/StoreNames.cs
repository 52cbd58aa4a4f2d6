using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// Names of secrets and parameters: kebab-case from the containing type and member
    /// (<c>orders-api-function/orders-db</c>; <c>/orders-api-function/orders-db</c> in Parameter Store), with an optional
    /// prefix from <c>.editorconfig</c>. Never an environment name: each account holds its own value under the same name.
    /// </summary>
    internal static class StoreNames
    {
        /// <summary>Prefix of Secrets Manager names, e.g. <c>orders/</c>.</summary>
        public const string SecretPrefixKey = "secrets_analyzer.secret_name_prefix";

        /// <summary>Prefix of Parameter Store names, e.g. <c>/orders</c>.</summary>
        public const string ParameterPrefixKey = "secrets_analyzer.parameter_name_prefix";

        private static readonly HashSet<string> EnvironmentWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "prod", "production", "prd", "dev", "development", "staging", "stg", "qa", "uat", "preprod", "nonprod", "sandbox",
        };

        /// <summary>The logical name <c>type/member</c> without prefix.</summary>
        public static string Logical(string typeName, string memberName)
        {
            string type = Kebab(typeName);
            string member = Kebab(memberName);
            if (type.Length == 0)
            {
                type = "app";
            }

            if (member.Length == 0)
            {
                member = "value";
            }

            return type + "/" + member;
        }

        public static string SecretName(string logical, string prefix) => prefix + logical;

        public static string ParameterName(string logical, string prefix) => "/" + prefix + logical;

        /// <summary>The normalized prefix (no leading slash, one trailing slash, environment segments dropped), or empty.</summary>
        public static string ReadPrefix(Project project, SyntaxTree tree, string key)
        {
            AnalyzerConfigOptions options = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (!options.TryGetValue(key, out string? raw) || string.IsNullOrWhiteSpace(raw))
            {
                return string.Empty;
            }

            var b = new StringBuilder();
            foreach (string segment in raw.Trim().Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string clean = Clean(segment);
                if (clean.Length == 0 || EnvironmentWords.Contains(clean.ToLowerInvariant()))
                {
                    continue;
                }

                b.Append(clean).Append('/');
            }

            return b.ToString();
        }

        /// <summary>Kebab-case words of an identifier (<c>OrdersDb</c>, <c>_ordersDb</c>, <c>AWS_SECRET_KEY</c>, <c>S3Client</c>), environment words dropped.</summary>
        public static string Kebab(string? identifier)
        {
            if (string.IsNullOrEmpty(identifier))
            {
                return string.Empty;
            }

            var words = new List<string>();
            var word = new StringBuilder();
            string s = identifier!;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (!char.IsLetterOrDigit(c) || c > 0x7f)
                {
                    Flush(word, words);
                    continue;
                }

                if (word.Length > 0 && char.IsUpper(c))
                {
                    char previous = s[i - 1];
                    bool nextLower = i + 1 < s.Length && char.IsLower(s[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextLower))
                    {
                        Flush(word, words);
                    }
                }

                word.Append(char.ToLowerInvariant(c));
            }

            Flush(word, words);
            var kept = new List<string>(words.Count);
            foreach (string w in words)
            {
                if (!EnvironmentWords.Contains(w))
                {
                    kept.Add(w);
                }
            }

            return string.Join("-", kept);
        }

        /// <summary>The first of <c>name</c>, <c>name-2</c>, <c>name-3</c>, … not in <paramref name="taken"/>, which is then taken.</summary>
        public static string Unique(string logical, Func<string, bool> isTaken, HashSet<string> takenLogical)
        {
            string candidate = logical;
            for (int n = 2; isTaken(candidate) || takenLogical.Contains(candidate); n++)
            {
                candidate = logical + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            takenLogical.Add(candidate);
            return candidate;
        }

        private static string Clean(string segment)
        {
            var b = new StringBuilder(segment.Length);
            foreach (char c in segment)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
                {
                    b.Append(c);
                }
            }

            return b.ToString();
        }

        private static void Flush(StringBuilder word, List<string> words)
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
