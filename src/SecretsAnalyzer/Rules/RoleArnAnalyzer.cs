using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecretsAnalyzer.Candidates;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// SECRETS004: an IAM role ARN with a literal account id (it binds the function to one account) or a wildcard
    /// account or role name (it is ambiguous about whose role is meant), in Lambda project code. Literals, folded
    /// constants and interpolated strings are candidates; comments are not (a role ARN in a comment binds nothing).
    /// Options: <c>secrets_analyzer.SECRETS004.scope = lambda | all</c> and
    /// <c>secrets_analyzer.SECRETS004.allowed_accounts = 111…, 222…</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RoleArnAnalyzer : SecretsAnalyzerBase<RoleArnAnalyzer.State>
    {
        /// <summary><c>lambda</c> (default): only Lambda projects. <c>all</c>: every project.</summary>
        public const string ScopeOption = "scope";

        /// <summary>Account ids that may appear in role ARNs, separated by commas, semicolons or spaces.</summary>
        public const string AllowedAccountsOption = "allowed_accounts";

        public const string ScopeAll = "all";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RoleArn);

        private protected override State CreateRuleState(Compilation compilation) => new State();

        private protected override bool QuickTest(string text, int start, int end) => Arns.MayContainRoleArn(text, start, end);

        private protected override void Analyze(CandidateScope<State> scope)
        {
            if (!scope.Lambda.IsLambdaProject &&
                !string.Equals(scope.Options.GetRuleOption(RuleIds.RoleArn, ScopeOption)?.Trim(), ScopeAll, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string[] allowed = scope.Rule.AllowedAccounts(scope.Options.GetRuleOption(RuleIds.RoleArn, AllowedAccountsOption));
            var matches = new List<RoleArnMatch>(1);
            Arns.FindRoleArns(scope.Text, matches, allowed);
            foreach (RoleArnMatch match in matches)
            {
                string what = Describe(scope.Text, match);
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.SecretKind, DiagnosticProperties.KindRoleArn)
                    .Add(DiagnosticProperties.RoleArnCase, match.Kind.ToString())
                    .Add(DiagnosticProperties.RoleArnResource, match.Resource(scope.Text));

                // The squiggle: the ARN inside its literal; else the account inside its literal (an interpolated string, or
                // a concatenation written on one line); else the whole expression, so a concatenation spread over several
                // lines is underlined on all of them.
                int start = match.Start, length = match.Length;
                if (!WithinOneToken(scope.Candidate, match.Start, match.Length) &&
                    WithinOneToken(scope.Candidate, match.AccountStart, match.AccountLength) &&
                    (scope.Candidate.Node is InterpolatedStringExpressionSyntax || IsOnOneLine(scope.Candidate)))
                {
                    start = match.AccountStart;
                    length = match.AccountLength;
                }

                scope.Report(Descriptors.RoleArn, start, length, properties, what, scope.HandlerSuffix);
            }
        }

        /// <summary>The message's first argument: which case it is, with at most 4 + 2 digits of the account.</summary>
        internal static string Describe(string text, RoleArnMatch match)
        {
            switch (match.Kind)
            {
                case RoleArnKind.WildcardAccount:
                    return "has a wildcard account and is ambiguous about whose role is meant";
                case RoleArnKind.WildcardRoleName:
                    return "binds the function to account " + Redaction.Account(match.Account(text)) + " and its wildcard role name matches any role there";
                default:
                    return "binds the function to account " + Redaction.Account(match.Account(text));
            }
        }

        private static bool IsOnOneLine(CandidateText candidate)
        {
            FileLinePositionSpan lines = candidate.Tree.GetLineSpan(candidate.FallbackSpan);
            return lines.StartLinePosition.Line == lines.EndLinePosition.Line;
        }

        private static bool WithinOneToken(CandidateText candidate, int start, int length)
        {
            foreach (Segment segment in candidate.Segments)
            {
                if (start >= segment.TextStart && start + length <= segment.TextStart + segment.Length)
                {
                    return segment.Token.RawKind != 0 || segment.SourceStart >= 0;
                }
            }

            return false;
        }

        /// <summary>Per-compilation state: the parsed allow-list, cached by its raw option text.</summary>
        public sealed class State
        {
            private readonly ConcurrentDictionary<string, string[]> _allowed = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);

            internal string[] AllowedAccounts(string? raw)
            {
                if (string.IsNullOrWhiteSpace(raw))
                {
                    return Array.Empty<string>();
                }

                return _allowed.GetOrAdd(raw!, r => SecretsOptions.SplitList(r));
            }
        }
    }
}
