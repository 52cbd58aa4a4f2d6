using System;
using System.Collections.Generic;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>A finding in a config file: the rule, where it is in the file, its key path and what the message may say.</summary>
    public sealed class ConfigFinding
    {
        internal ConfigFinding(string ruleId, int start, int length, string keyPath, string text, int textStart, int textLength)
        {
            RuleId = ruleId;
            Start = start;
            Length = length;
            KeyPath = keyPath;
            Text = text;
            TextStart = textStart;
            TextLength = textLength;
        }

        public string RuleId { get; }

        /// <summary>The span in the file.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Where the value sits (<c>ConnectionStrings:Orders</c>, <c>Resources.OrdersFunction.Properties.Role</c>).</summary>
        public string KeyPath { get; }

        /// <summary>The text the detector read (the value, with <c>${…}</c> and dynamic references as holes). Never for messages.</summary>
        internal string Text { get; }

        /// <summary>The match in <see cref="Text"/>.</summary>
        internal int TextStart { get; }

        internal int TextLength { get; }

        /// <summary>SECRETS002: a session token rather than a secret access key.</summary>
        public bool IsSessionToken { get; internal set; }

        /// <summary>SECRETS003: the host the password is for, or null.</summary>
        public string? Host { get; internal set; }

        /// <summary>SECRETS004: the match.</summary>
        public RoleArnMatch RoleArn { get; internal set; }

        /// <summary>The matched text (the secret itself): for the ignore list only, never for messages.</summary>
        internal string Secret => Text.Substring(TextStart, TextLength);

        public override string ToString() => RuleId + " " + KeyPath + " @" + Start + "+" + Length;
    }

    /// <summary>How a file is scanned: which rules may report, the allowed accounts and the ignore list.</summary>
    public sealed class ConfigScanSettings
    {
        public static readonly ConfigScanSettings Default = new ConfigScanSettings();

        /// <summary>Whether SECRETS004 looks at this file (always for deployment files; for the others, in Lambda projects or with scope = all).</summary>
        public bool RoleArns { get; set; } = true;

        public IReadOnlyList<string>? AllowedAccounts { get; set; }

        /// <summary>Values never reported (<c>secrets_analyzer.ignored_values</c>).</summary>
        public Func<string, bool>? IsIgnored { get; set; }

        /// <summary>Whether comments are read for access keys (<c>secrets_analyzer.analyze_comments</c>).</summary>
        public bool AnalyzeComments { get; set; } = true;
    }

    /// <summary>
    /// Runs the detection core (<see cref="AwsKeys"/>, <see cref="ConnectionStrings"/>, <see cref="Arns"/>) on every value of a
    /// config file with its key path as context: the last key is the name that receives the value (a secret key needs a
    /// name such as <c>aws_secret_access_key</c>), a <c>ConnectionStrings</c> section or a name that says connection string
    /// makes a value a connection string. In CloudFormation/SAM templates the right forms are not findings: <c>${…}</c>
    /// in <c>Fn::Sub</c> is a hole (so <c>${AWS::AccountId}</c> is no literal account), <c>{{resolve:…}}</c> dynamic
    /// references are holes, and what <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::ImportValue</c>, <c>Fn::FindInMap</c> and
    /// <c>Condition</c> take are names, not values. The items of <c>Fn::Join</c> are also read joined, with any
    /// function among them as a hole. Pure and Roslyn-free.
    /// </summary>
    public static class ConfigFileScanner
    {
        /// <summary>Files larger than this (characters) are not read: config files are small, and the IDE must stay responsive.</summary>
        public const int MaxFileLength = 4 * 1024 * 1024;

        private static readonly string[] NameFunctions = { "Ref", "Fn::GetAtt", "Fn::ImportValue", "Fn::FindInMap", "Condition", "Fn::GetAZs", "Fn::Cidr" };

        public static List<ConfigFinding> Scan(ConfigFileKind kind, ConfigDocument document, ConfigScanSettings settings)
        {
            var findings = new List<ConfigFinding>();
            if (kind == ConfigFileKind.None)
            {
                return findings;
            }

            char separator = ConfigFileKinds.PathSeparator(kind);
            bool template = kind == ConfigFileKind.Template;
            HashSet<int>? parentsWithKeyId = null;
            foreach (ConfigScalar scalar in document.Scalars)
            {
                if (AwsKeys.ContainsAccessKeyId(scalar.Value))
                {
                    (parentsWithKeyId ??= new HashSet<int>()).Add(scalar.Parent);
                }
            }

            var seen = new HashSet<long>();
            foreach (ConfigScalar scalar in document.Scalars)
            {
                if (scalar.Value.Length < 8)
                {
                    continue;
                }

                bool keyIdNearby = parentsWithKeyId != null && parentsWithKeyId.Contains(scalar.Parent);
                if (kind == ConfigFileKind.LambdaToolsDefaults && IsPairList(scalar))
                {
                    foreach (Unit pair in SplitPairs(scalar, separator))
                    {
                        ScanUnit(pair, keyIdNearby, settings, findings, seen);
                    }

                    continue;
                }

                Unit? unit = template ? TemplateUnit(scalar, separator) : Unit.Of(scalar, scalar.FormatPath(separator), scalar.Name);
                if (unit != null)
                {
                    ScanUnit(unit, keyIdNearby, settings, findings, seen);
                }
            }

            if (template)
            {
                foreach (Unit joined in Joins(document, separator))
                {
                    ScanUnit(joined, false, settings, findings, seen);
                }
            }

            if (settings.AnalyzeComments)
            {
                foreach (ConfigComment comment in document.Comments)
                {
                    string text = document.Text.Substring(comment.Start, comment.Length);
                    var unit = new Unit(text, "comment", null, Identity(comment.Start, text.Length), null);
                    ScanUnit(unit, false, settings, findings, seen, commentOnly: true);
                }
            }

            findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
            return findings;
        }

        /// <summary>A text to run the detectors on, with the source offsets of its characters.</summary>
        private sealed class Unit
        {
            public Unit(string text, string keyPath, string? name, Func<int, int, (int, int)> span, IReadOnlyList<ConfigPathSegment>? path)
            {
                Text = text;
                KeyPath = keyPath;
                Name = name;
                Span = span;
                Path = path;
            }

            public string Text { get; }

            public string KeyPath { get; }

            /// <summary>The name that receives the value.</summary>
            public string? Name { get; }

            /// <summary>The source span of <c>Text[start..start+length)</c>.</summary>
            public Func<int, int, (int Start, int Length)> Span { get; }

            public IReadOnlyList<ConfigPathSegment>? Path { get; }

            public static Unit Of(ConfigScalar scalar, string keyPath, string? name) =>
                new Unit(scalar.Value, keyPath, name, scalar.SourceSpan, scalar.Path);
        }

        private static Func<int, int, (int, int)> Identity(int offset, int textLength) => (start, length) => (offset + start, length);

        private static void ScanUnit(Unit unit, bool keyIdNearby, ConfigScanSettings settings, List<ConfigFinding> findings, HashSet<long> seen, bool commentOnly = false)
        {
            string text = unit.Text;

            // SECRETS001: access key IDs, everywhere.
            if (AwsKeys.FindAccessKeyId(text, 0) >= 0)
            {
                var keyIds = new List<TextSpanMatch>(1);
                AwsKeys.FindAccessKeyIds(text, keyIds);
                foreach (TextSpanMatch match in keyIds)
                {
                    Add(RuleIds.AwsAccessKeyId, unit, match.Start, match.Length, settings, findings, seen);
                    keyIdNearby = true;
                }
            }

            // SECRETS002: secret keys and session tokens, with the receiving name or a key ID beside them as evidence.
            if (AwsKeys.MayHoldSecret(text))
            {
                var secrets = new List<AwsSecretMatch>(1);
                AwsKeys.FindSecrets(text, NameHints.Classify(unit.Name), keyIdNearby, secrets);
                foreach (AwsSecretMatch match in secrets)
                {
                    ConfigFinding? finding = Add(RuleIds.AwsSecretKey, unit, match.Span.Start, match.Span.Length, settings, findings, seen);
                    if (finding != null)
                    {
                        finding.IsSessionToken = match.Kind == AwsSecretKind.SessionToken;
                    }
                }
            }

            if (commentOnly)
            {
                return;
            }

            // SECRETS003: passwords of connection strings.
            if (ConnectionStrings.QuickTest(text))
            {
                var passwords = new List<ConnectionStringPassword>(1);
                ConnectionStrings.FindPasswords(text, IsConnectionContext(unit), passwords);
                foreach (ConnectionStringPassword password in passwords)
                {
                    ConfigFinding? finding = Add(RuleIds.ConnectionStringPassword, unit, password.Start, password.Length, settings, findings, seen);
                    if (finding != null)
                    {
                        finding.Host = password.Host;
                    }
                }
            }

            // SECRETS004: role ARNs with a literal or wildcard account.
            if (settings.RoleArns && Arns.MayContainRoleArn(text))
            {
                var arns = new List<RoleArnMatch>(1);
                Arns.FindRoleArns(text, arns, settings.AllowedAccounts);
                foreach (RoleArnMatch match in arns)
                {
                    ConfigFinding? finding = Add(RuleIds.RoleArn, unit, match.Start, match.Length, settings, findings, seen);
                    if (finding != null)
                    {
                        finding.RoleArn = match;
                    }
                }
            }
        }

        private static ConfigFinding? Add(string ruleId, Unit unit, int start, int length, ConfigScanSettings settings, List<ConfigFinding> findings, HashSet<long> seen)
        {
            (int sourceStart, int sourceLength) = unit.Span(start, length);
            var finding = new ConfigFinding(ruleId, sourceStart, sourceLength, unit.KeyPath, unit.Text, start, length);
            if (settings.IsIgnored != null && (settings.IsIgnored(finding.Secret) || settings.IsIgnored(unit.Text)))
            {
                return null;
            }

            // One finding per rule and place: a value read alone and as an item of a Fn::Join is reported once.
            long key = ((long)sourceStart << 3) | (uint)(ruleId[ruleId.Length - 1] - '0');
            if (!seen.Add(key))
            {
                return null;
            }

            findings.Add(finding);
            return finding;
        }

        private static bool IsConnectionContext(Unit unit)
        {
            if (NameHints.SaysConnectionString(unit.Name))
            {
                return true;
            }

            if (unit.Path != null)
            {
                foreach (ConfigPathSegment segment in unit.Path)
                {
                    if (!segment.IsIndex && !segment.IsTag && segment.Name != null && NameHints.SaysConnectionString(segment.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>environment-variables</c> and <c>template-parameters</c> of the Lambda tooling: one string of <c>K1=V1;K2=V2</c>.</summary>
        private static bool IsPairList(ConfigScalar scalar)
        {
            if (scalar.Path.Count != 1)
            {
                return false;
            }

            string? name = scalar.Path[0].Name;
            return string.Equals(name, "environment-variables", StringComparison.OrdinalIgnoreCase) ||
                   string.Equals(name, "template-parameters", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The pairs as the tooling splits them: on <c>;</c> outside double quotes, then at the first <c>=</c>; quotes removed.</summary>
        private static List<Unit> SplitPairs(ConfigScalar scalar, char separator)
        {
            var units = new List<Unit>();
            string value = scalar.Value;
            string owner = scalar.FormatPath(separator);
            int i = 0;
            while (i <= value.Length)
            {
                int end = i;
                bool quoted = false;
                while (end < value.Length && (quoted || value[end] != ';'))
                {
                    if (value[end] == '"')
                    {
                        quoted = !quoted;
                    }

                    end++;
                }

                int equals = value.IndexOf('=', i, end - i);
                if (equals > i)
                {
                    string key = value.Substring(i, equals - i).Trim().Trim('"');
                    int valueStart = equals + 1;
                    int valueEnd = end;
                    while (valueStart < valueEnd && value[valueStart] == ' ')
                    {
                        valueStart++;
                    }

                    if (valueEnd - valueStart >= 2 && value[valueStart] == '"' && value[valueEnd - 1] == '"')
                    {
                        valueStart++;
                        valueEnd--;
                    }

                    int offset = valueStart;
                    units.Add(new Unit(
                        value.Substring(valueStart, valueEnd - valueStart),
                        owner + separator + key,
                        key,
                        (start, length) => scalar.SourceSpan(offset + start, length),
                        scalar.Path));
                }

                i = end + 1;
            }

            return units;
        }

        /// <summary>
        /// A template value as CloudFormation reads it: null for names (what <c>Ref</c>, <c>Fn::GetAtt</c>, … take); the
        /// string of a <c>Fn::Sub</c> with every <c>${…}</c> as a hole; dynamic references as holes.
        /// </summary>
        private static Unit? TemplateUnit(ConfigScalar scalar, char separator)
        {
            int function = InnermostFunction(scalar.Path, out string? name);
            if (function >= 0 && Array.IndexOf(NameFunctions, name) >= 0)
            {
                return null;
            }

            bool sub = function >= 0 && name == "Fn::Sub" &&
                       (function == scalar.Path.Count - 1 || (function == scalar.Path.Count - 2 && scalar.Path[function + 1].Index == 0));
            string keyPath = TemplatePath(scalar.Path, separator);
            string? owner = OwnerName(scalar.Path);
            if (!sub && scalar.Value.IndexOf("{{resolve:", StringComparison.Ordinal) < 0)
            {
                return Unit.Of(scalar, keyPath, owner);
            }

            Holed(scalar, sub, out string text, out int[] starts, out int[] ends);
            return new Unit(text, keyPath, owner, (start, length) => (starts[start], ends[start + length - 1] - starts[start]), scalar.Path);
        }

        /// <summary>The scalar's value with <c>${…}</c> (in a <c>Fn::Sub</c>) and <c>{{resolve:…}}</c> each as one hole, and the source span of each character.</summary>
        private static void Holed(ConfigScalar scalar, bool sub, out string text, out int[] starts, out int[] ends)
        {
            string value = scalar.Value;
            var builder = new System.Text.StringBuilder(value.Length);
            var startList = new List<int>(value.Length);
            var endList = new List<int>(value.Length);
            int i = 0;
            while (i < value.Length)
            {
                int close = -1;
                if (sub && value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
                {
                    if (i + 2 < value.Length && value[i + 2] == '!')
                    {
                        // "${!Literal}" is the literal text "${Literal}".
                        (int s0, int l0) = scalar.SourceSpan(i, 3);
                        builder.Append("${");
                        startList.Add(s0);
                        endList.Add(s0 + l0);
                        startList.Add(s0);
                        endList.Add(s0 + l0);
                        i += 3;
                        continue;
                    }

                    close = value.IndexOf('}', i + 2);
                }
                else if (value[i] == '{' && string.CompareOrdinal(value, i, "{{resolve:", 0, 10) == 0)
                {
                    close = value.IndexOf("}}", i + 10, StringComparison.Ordinal);
                    close = close < 0 ? -1 : close + 1;
                }

                if (close > i)
                {
                    (int s, int l) = scalar.SourceSpan(i, close - i + 1);
                    builder.Append(Chars.Hole);
                    startList.Add(s);
                    endList.Add(s + l);
                    i = close + 1;
                    continue;
                }

                (int cs, int cl) = scalar.SourceSpan(i, 1);
                builder.Append(value[i]);
                startList.Add(cs);
                endList.Add(cs + cl);
                i++;
            }

            text = builder.ToString();
            starts = startList.ToArray();
            ends = endList.ToArray();
        }

        /// <summary>
        /// Every <c>Fn::Join</c> whose items include a literal, as one text: the items joined by the delimiter, each item
        /// that is a function (<c>!Ref AWS::AccountId</c>) a hole, so <c>["arn:aws:iam::", "5607…", ":role/x"]</c> reads as
        /// the ARN it builds.
        /// </summary>
        private static List<Unit> Joins(ConfigDocument document, char separator)
        {
            var units = new List<Unit>();
            var joins = new Dictionary<string, JoinParts>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (ConfigScalar scalar in document.Scalars)
            {
                IReadOnlyList<ConfigPathSegment> path = scalar.Path;
                for (int j = path.Count - 2; j >= 0; j--)
                {
                    if (path[j].IsIndex || path[j].Name != "Fn::Join")
                    {
                        continue;
                    }

                    string id = PathKey(path, j + 1);
                    if (!joins.TryGetValue(id, out JoinParts? parts))
                    {
                        parts = new JoinParts();
                        joins.Add(id, parts);
                        order.Add(id);
                    }

                    if (path[j + 1].Index == 0 && path.Count == j + 2)
                    {
                        parts.Delimiter = scalar.Value;
                        parts.Owner = scalar;
                    }
                    else if (path[j + 1].Index == 1 && path.Count >= j + 3 && path[j + 2].IsIndex)
                    {
                        int item = path[j + 2].Index;
                        bool literal = path.Count == j + 3 || (path.Count == j + 4 && path[j + 3].IsTag && path[j + 3].Name == "Fn::Sub");
                        parts.Items[item] = literal && !parts.Items.ContainsKey(item) ? scalar : null;
                        parts.Owner ??= scalar;
                    }

                    break;
                }
            }

            foreach (string id in order)
            {
                JoinParts parts = joins[id];
                if (parts.Items.Count < 2 || parts.Owner == null)
                {
                    continue;
                }

                var builder = new System.Text.StringBuilder();
                var starts = new List<int>();
                var ends = new List<int>();
                // Items are numbered from 0; one the scalars did not show (a nested Fn::Join) is a hole too.
                int count = 0;
                foreach (int index in parts.Items.Keys)
                {
                    count = Math.Max(count, index + 1);
                }

                bool anyLiteral = false;
                for (int k = 0; k < count; k++)
                {
                    if (k > 0)
                    {
                        foreach (char c in parts.Delimiter)
                        {
                            builder.Append(c);
                            starts.Add(ends.Count > 0 ? ends[ends.Count - 1] : 0);
                            ends.Add(ends.Count > 0 ? ends[ends.Count - 1] : 0);
                        }
                    }

                    parts.Items.TryGetValue(k, out ConfigScalar? item);
                    if (item == null)
                    {
                        builder.Append(Chars.Hole);
                        int at = ends.Count > 0 ? ends[ends.Count - 1] : 0;
                        starts.Add(at);
                        ends.Add(at);
                        continue;
                    }

                    anyLiteral = true;
                    bool sub = item.Path.Count > 0 && item.Path[item.Path.Count - 1].IsTag;
                    Holed(item, sub, out string text, out int[] itemStarts, out int[] itemEnds);
                    builder.Append(text);
                    starts.AddRange(itemStarts);
                    ends.AddRange(itemEnds);
                }

                if (!anyLiteral)
                {
                    continue;
                }

                int[] s = starts.ToArray();
                int[] e = ends.ToArray();
                ConfigScalar owner = parts.Owner;
                units.Add(new Unit(
                    builder.ToString(),
                    TemplatePath(owner.Path, separator),
                    OwnerName(owner.Path),
                    (start, length) =>
                    {
                        int from = s[start];
                        int to = Math.Max(from, e[start + length - 1]);
                        return (from, to - from);
                    },
                    owner.Path));
            }

            return units;
        }

        private sealed class JoinParts
        {
            public string Delimiter = string.Empty;
            public ConfigScalar? Owner;
            public readonly Dictionary<int, ConfigScalar?> Items = new Dictionary<int, ConfigScalar?>();
        }

        private static string PathKey(IReadOnlyList<ConfigPathSegment> path, int count)
        {
            var builder = new System.Text.StringBuilder();
            for (int i = 0; i < count; i++)
            {
                builder.Append('\u0001').Append(path[i].ToString());
            }

            return builder.ToString();
        }

        /// <summary>The innermost intrinsic function of the path (a short-form tag, or a <c>Ref</c>/<c>Condition</c>/<c>Fn::</c> key), or -1.</summary>
        private static int InnermostFunction(IReadOnlyList<ConfigPathSegment> path, out string? name)
        {
            for (int i = path.Count - 1; i >= 0; i--)
            {
                if (IsFunction(path[i]))
                {
                    name = path[i].Name;
                    return i;
                }
            }

            name = null;
            return -1;
        }

        private static bool IsFunction(ConfigPathSegment segment) =>
            segment.IsTag || (!segment.IsIndex && segment.Name != null &&
                              (segment.Name.StartsWith("Fn::", StringComparison.Ordinal) || segment.Name == "Ref" || segment.Name == "Condition"));

        /// <summary>The property path up to the first intrinsic function: <c>Resources.OrdersFunction.Properties.Role</c> for every part of its <c>!Sub</c> or <c>!Join</c>.</summary>
        private static string TemplatePath(IReadOnlyList<ConfigPathSegment> path, char separator)
        {
            var builder = new System.Text.StringBuilder();
            foreach (ConfigPathSegment segment in path)
            {
                if (IsFunction(segment))
                {
                    break;
                }

                if (segment.IsIndex)
                {
                    builder.Append('[').Append(segment.Index).Append(']');
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(separator);
                }

                builder.Append(segment.Name);
            }

            return builder.ToString();
        }

        /// <summary>The last key before the first intrinsic function: the property or variable that receives the value.</summary>
        private static string? OwnerName(IReadOnlyList<ConfigPathSegment> path)
        {
            string? name = null;
            foreach (ConfigPathSegment segment in path)
            {
                if (IsFunction(segment))
                {
                    break;
                }

                if (!segment.IsIndex)
                {
                    name = segment.Name;
                }
            }

            return name;
        }
    }
}
