using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.ConfigFiles;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS001-004 in the project's config and deployment files, passed to the compiler as <c>AdditionalFiles</c>
    /// (the package adds them; see docs/config-files.md): <c>appsettings*.json</c>, <c>Properties/launchSettings.json</c>,
    /// <c>aws-lambda-tools-defaults.json</c>, <c>serverless.template</c>, <c>template.yaml|yml|json</c> and <c>.env</c>.
    /// The file kind comes from the file name, so every other additional file costs one name comparison. Each value is
    /// read with its key path (<see cref="ConfigFileScanner"/>) and reported at its exact place in the file.
    /// <para>
    /// Options come from the file's own <c>.editorconfig</c> sections (<c>[*.json]</c>, <c>[appsettings.Development.json]</c>):
    /// <c>secrets_analyzer.ignored_values</c>, <c>secrets_analyzer.analyze_comments</c>,
    /// <c>secrets_analyzer.SECRETS004.scope</c> and <c>.allowed_accounts</c>, and two that only config files need because
    /// the compiler applies <c>dotnet_diagnostic.&lt;id&gt;.severity</c> of <c>.editorconfig</c> only to source files
    /// (dotnet/roslyn#31916; a <c>.globalconfig</c> does apply): <c>secrets_analyzer[.SECRETS00N].severity</c> and
    /// <c>secrets_analyzer.ignored_keys</c>.
    /// </para>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigFileAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Severity of findings in a config file: <c>none</c>, <c>silent</c>, <c>suggestion</c>, <c>warning</c> or <c>error</c>.</summary>
        public const string SeverityOption = "severity";

        /// <summary>Key paths whose findings are not reported, separated by commas (<c>ConnectionStrings:Local</c>); a trailing <c>*</c> matches a prefix.</summary>
        public const string IgnoredKeysKey = "secrets_analyzer.ignored_keys";

        private const string LambdaContextType = "Amazon.Lambda.Core.ILambdaContext";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.AwsAccessKeyId, Descriptors.AwsSecretKey, Descriptors.ConnectionStringPassword, Descriptors.RoleArn);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                Compilation compilation = start.Compilation;
                var options = new SecretsOptions.Reader(start.Options.AnalyzerConfigOptionsProvider);

                // Resolved only when a file needs it (a role ARN in appsettings.json of a project that may not be a Lambda).
                var isLambda = new Lazy<bool>(() => compilation.GetTypeByMetadataName(LambdaContextType) != null, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterAdditionalFileAction(c => AnalyzeFile(c, options, isLambda));
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, SecretsOptions.Reader reader, Lazy<bool> isLambda)
        {
            AdditionalText file = context.AdditionalFile;
            ConfigFileKind kind = ConfigFileKinds.FromPath(file.Path);
            if (kind == ConfigFileKind.None)
            {
                return;
            }

            SourceText? source = file.GetText(context.CancellationToken);
            if (source == null || source.Length > ConfigFileScanner.MaxFileLength)
            {
                return;
            }

            SecretsOptions options = reader.Get(file);
            if (IsNone(options.GetOption(SeverityOption)))
            {
                // secrets_analyzer.severity = none for the whole file.
                return;
            }

            var settings = new ConfigScanSettings
            {
                RoleArns = ConfigFileKinds.IsDeployment(kind) ||
                           string.Equals(options.GetRuleOption(RuleIds.RoleArn, RoleArnAnalyzer.ScopeOption)?.Trim(), RoleArnAnalyzer.ScopeAll, StringComparison.OrdinalIgnoreCase) ||
                           isLambda.Value,
                AllowedAccounts = SecretsOptions.SplitList(options.GetRuleOption(RuleIds.RoleArn, RoleArnAnalyzer.AllowedAccountsOption)),
                IsIgnored = options.IsIgnored,
                AnalyzeComments = options.AnalyzeComments,
            };

            string text = source.ToString();
            ConfigDocument document = ConfigFileKinds.Read(kind, file.Path, text);
            List<ConfigFinding> findings = ConfigFileScanner.Scan(kind, document, settings);
            if (findings.Count == 0)
            {
                return;
            }

            string[] ignoredKeys = SecretsOptions.SplitList(options.GetOption("ignored_keys"), new[] { ',' });
            string fileName = FileName(file.Path);
            foreach (ConfigFinding finding in findings)
            {
                var span = new TextSpan(finding.Start, finding.Length);
                if ((context.FilterSpan.HasValue && !context.FilterSpan.Value.IntersectsWith(span)) || IsIgnoredKey(finding.KeyPath, ignoredKeys))
                {
                    continue;
                }

                DiagnosticDescriptor descriptor = DescriptorOf(finding.RuleId);
                string? severity = options.GetRuleOption(finding.RuleId, SeverityOption);
                if (IsNone(severity))
                {
                    continue;
                }

                Location location = Location.Create(file.Path, span, source.Lines.GetLinePositionSpan(span));
                ImmutableDictionary<string, string?> properties = Properties(finding, kind);
                object[] arguments = MessageArguments(finding, fileName);
                DiagnosticSeverity? effective = ParseSeverity(severity);
                context.ReportDiagnostic(effective.HasValue
                    ? Diagnostic.Create(descriptor, location, effective.Value, additionalLocations: null, properties, arguments)
                    : Diagnostic.Create(descriptor, location, properties, arguments));
            }
        }

        /// <summary>The message arguments: what was found (redacted as in code) and where, as <c> in file at 'key path'</c>. Never the value.</summary>
        internal static object[] MessageArguments(ConfigFinding finding, string fileName)
        {
            string where = " in " + fileName + (finding.KeyPath.Length == 0 ? string.Empty : " at '" + finding.KeyPath + "'");
            switch (finding.RuleId)
            {
                case RuleIds.AwsAccessKeyId:
                    return new object[] { Redaction.KeyId(finding.Text, finding.TextStart, finding.TextLength), where };
                case RuleIds.AwsSecretKey:
                    return new object[] { finding.IsSessionToken ? "session token" : "secret access key", where };
                case RuleIds.ConnectionStringPassword:
                    return new object[] { finding.Host == null ? string.Empty : " for '" + finding.Host + "'", where };
                default:
                    return new object[] { RoleArnAnalyzer.Describe(finding.Text, finding.RoleArn), where };
            }
        }

        private static ImmutableDictionary<string, string?> Properties(ConfigFinding finding, ConfigFileKind kind)
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.ConfigFileKind, kind.ToString())
                .Add(DiagnosticProperties.ConfigKeyPath, finding.KeyPath);
            switch (finding.RuleId)
            {
                case RuleIds.AwsAccessKeyId:
                    return properties.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindAccessKeyId);
                case RuleIds.AwsSecretKey:
                    return properties.Add(DiagnosticProperties.SecretKind, finding.IsSessionToken ? DiagnosticProperties.KindSessionToken : DiagnosticProperties.KindSecretAccessKey);
                case RuleIds.ConnectionStringPassword:
                    return properties.Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindConnectionString);
                default:
                    return properties
                        .Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindRoleArn)
                        .Add(DiagnosticProperties.RoleArnCase, finding.RoleArn.Kind.ToString())
                        .Add(DiagnosticProperties.RoleArnResource, finding.RoleArn.Resource(finding.Text));
            }
        }

        private static DiagnosticDescriptor DescriptorOf(string ruleId)
        {
            switch (ruleId)
            {
                case RuleIds.AwsAccessKeyId:
                    return Descriptors.AwsAccessKeyId;
                case RuleIds.AwsSecretKey:
                    return Descriptors.AwsSecretKey;
                case RuleIds.ConnectionStringPassword:
                    return Descriptors.ConnectionStringPassword;
                default:
                    return Descriptors.RoleArn;
            }
        }

        private static bool IsIgnoredKey(string keyPath, string[] ignoredKeys)
        {
            foreach (string ignored in ignoredKeys)
            {
                if (ignored.EndsWith("*", StringComparison.Ordinal)
                    ? keyPath.StartsWith(ignored.Substring(0, ignored.Length - 1), StringComparison.OrdinalIgnoreCase)
                    : string.Equals(ignored, keyPath, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNone(string? severity)
        {
            string? value = severity?.Trim();
            return string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "suppress", StringComparison.OrdinalIgnoreCase);
        }

        private static DiagnosticSeverity? ParseSeverity(string? severity)
        {
            switch (severity?.Trim().ToLowerInvariant())
            {
                case "error":
                    return DiagnosticSeverity.Error;
                case "warning":
                    return DiagnosticSeverity.Warning;
                case "suggestion":
                    return DiagnosticSeverity.Info;
                case "silent":
                case "refactoring":
                    return DiagnosticSeverity.Hidden;
                default:
                    return null;
            }
        }

        private static string FileName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
