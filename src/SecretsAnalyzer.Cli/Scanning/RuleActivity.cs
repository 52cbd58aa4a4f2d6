using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Cli.Loading;
using SecretsAnalyzer.Lambda;
using SecretsAnalyzer.Rules;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>A rule that cannot report anything in a project, and why (so a 0 in the summary is not read as "clean").</summary>
    internal sealed record InactiveRule(string Project, string RuleId, string Reason)
    {
        /// <summary>One line for a person: "SECRETS004 is inactive in project 'X': it checks …".</summary>
        public string Message => RuleId + " is inactive in project '" + Project + "': " + Reason + ".";
    }

    /// <summary>
    /// Which rules are off for a whole project, decided the way the analyzers and the compiler decide it: SECRETS004
    /// outside a Lambda project (unless <c>secrets_analyzer.SECRETS004.scope = all</c>), and any rule whose severity is
    /// <c>none</c> for every file of the project (.editorconfig, global config, NoWarn or a ruleset).
    /// </summary>
    internal static class RuleActivity
    {
        public static ImmutableArray<InactiveRule> Inactive(Project project, Compilation compilation, CancellationToken cancellationToken)
        {
            var inactive = ImmutableArray.CreateBuilder<InactiveRule>();
            string name = SolutionLoader.DisplayName(project);
            List<SyntaxTree> trees = compilation.SyntaxTrees.ToList();
            foreach (string id in RuleCatalog.Rules.Keys)
            {
                if (trees.Count > 0 && trees.All(tree => IsSuppressed(compilation, tree, id, cancellationToken)))
                {
                    inactive.Add(new InactiveRule(name, id, "its severity is none for every file of the project (.editorconfig, global config, <NoWarn> or a ruleset)"));
                }
                else if (id == RuleIds.RoleArn && !LambdaHandlerModel.Create(compilation).IsLambdaProject && !ScopeAllAnywhere(project, trees))
                {
                    inactive.Add(new InactiveRule(
                        name,
                        id,
                        "it checks Lambda projects only, and this project references no Lambda programming model (Amazon.Lambda.Core, " +
                        "Amazon.Lambda.Annotations, Amazon.Lambda.RuntimeSupport, Amazon.Lambda.AspNetCoreServer or AddAWSLambdaHosting); to check it anyway, set " +
                        "secrets_analyzer." + RuleIds.RoleArn + "." + RoleArnAnalyzer.ScopeOption + " = " + RoleArnAnalyzer.ScopeAll + " in .editorconfig"));
                }
            }

            return inactive.ToImmutable();
        }

        /// <summary>The effective severity of <paramref name="id"/> in <paramref name="tree"/> is <c>none</c>, as the compiler computes it.</summary>
        private static bool IsSuppressed(Compilation compilation, SyntaxTree tree, string id, CancellationToken cancellationToken)
        {
            // <NoWarn> (/nowarn) wins over everything else.
            if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out ReportDiagnostic specific) && specific == ReportDiagnostic.Suppress)
            {
                return true;
            }

            SyntaxTreeOptionsProvider? provider = compilation.Options.SyntaxTreeOptionsProvider;
            if (provider != null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out ReportDiagnostic perTree))
            {
                return perTree == ReportDiagnostic.Suppress;
            }

            if (compilation.Options.SpecificDiagnosticOptions.ContainsKey(id))
            {
                return false;
            }

            if (provider != null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out ReportDiagnostic global))
            {
                return global == ReportDiagnostic.Suppress;
            }

            return false;
        }

        private static bool ScopeAllAnywhere(Project project, IEnumerable<SyntaxTree> trees)
        {
            var reader = new SecretsOptions.Reader(project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
            return trees.Any(tree => string.Equals(
                reader.Get(tree).GetRuleOption(RuleIds.RoleArn, RoleArnAnalyzer.ScopeOption)?.Trim(),
                RoleArnAnalyzer.ScopeAll,
                StringComparison.OrdinalIgnoreCase));
        }
    }
}
