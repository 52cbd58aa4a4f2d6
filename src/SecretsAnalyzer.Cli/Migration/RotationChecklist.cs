using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>
    /// The markdown checklist next to the provisioning script: every credential that was in the source, by kind and
    /// location (the analyzer's redacted message, never the value), why it must be rotated now, and how.
    /// </summary>
    internal static class RotationChecklist
    {
        public static string Render(IReadOnlyList<ChecklistEntry> entries, string input, string? scriptPath, DateTimeOffset now)
        {
            var credentials = entries.Where(e => e.Finding.RuleId != RuleIds.RoleArn).ToList();
            var roleArns = entries.Where(e => e.Finding.RuleId == RuleIds.RoleArn).ToList();
            var b = new StringBuilder();
            b.Append("# Credential rotation checklist\n\n");
            b.Append("Written by `secrets-analyzer migrate` ").Append(Scanning.RuleCatalog.ToolVersion).Append(" on ")
                .Append(now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(" for `").Append(input).Append("`");
            if (scriptPath != null)
            {
                b.Append(", next to the provisioning script `").Append(System.IO.Path.GetFileName(scriptPath)).Append('`');
            }

            b.Append(".\nIt names each credential by kind and location only: it holds no secret value and may be shared.\n\n");
            b.Append("**Why now.** Every credential below was committed to source control. Removing it from the current code\n");
            b.Append("does not remove it from the git history, from clones and forks, from build logs, or from packages built\n");
            b.Append("from that code: anyone who could read any of them may hold it. Moving the old value into a store keeps the\n");
            b.Append("code running, but the value stays exposed. Rotate each credential now: create a new one, store it under\n");
            b.Append("the same name in every account, deploy, then revoke the old one.\n\n");

            b.Append("## Credentials to rotate (").Append(credentials.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
            if (credentials.Count == 0)
            {
                b.Append("None.\n\n");
            }

            foreach (ChecklistEntry entry in credentials)
            {
                Append(b, entry);
            }

            if (roleArns.Count > 0)
            {
                b.Append("## Role ARNs (").Append(roleArns.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
                b.Append("A role ARN is not a credential: there is nothing to rotate. Check that each account's parameter names\n");
                b.Append("that account's own role, and that no policy grants `iam:PassRole` on a wildcard ARN.\n\n");
                int policies = roleArns.Count(e => e.NotMovedReason?.StartsWith(MigrationEngine.PolicyToNarrow, StringComparison.Ordinal) == true);
                if (policies > 0)
                {
                    b.Append("**Policies to narrow by hand (").Append(policies.ToString(CultureInfo.InvariantCulture)).Append(").** A wildcard role ARN in an IAM policy\n");
                    b.Append("document stays in the code, with its finding: replace it with the ARNs of the roles the function may pass.\n\n");
                }

                foreach (ChecklistEntry entry in roleArns)
                {
                    Append(b, entry);
                }
            }

            b.Append("## How to rotate\n\n");
            b.Append("- **AWS access key ID and secret access key** (SECRETS001, SECRETS002): inside Lambda, prefer the execution role and\n");
            b.Append("  delete the key altogether. Otherwise create a new key (`aws iam create-access-key --user-name USER`), store it\n");
            b.Append("  (`aws secretsmanager put-secret-value` / `aws ssm put-parameter --overwrite`), deploy, then deactivate and delete\n");
            b.Append("  the old key (`aws iam update-access-key --status Inactive`, `aws iam delete-access-key`). Review CloudTrail for\n");
            b.Append("  its use since it was committed.\n");
            b.Append("- **Session token** (SECRETS002): it expires on its own, but revoke the role's active sessions now (IAM console,\n");
            b.Append("  role, *Revoke active sessions*) and review how long-term keys that minted it were exposed.\n");
            b.Append("- **Database password** (SECRETS003): change the user's password in the database (`ALTER USER … PASSWORD …`, or\n");
            b.Append("  `aws rds modify-db-instance --master-user-password`), store the new connection string under the same name,\n");
            b.Append("  deploy, then check the database logs for logins since it was committed. Consider Secrets Manager rotation.\n");
            return b.ToString();
        }

        private static void Append(StringBuilder b, ChecklistEntry entry)
        {
            var f = entry.Finding;
            b.Append("- [ ] **").Append(f.RuleId).Append(' ').Append(KindTitle(f.SecretKind, f.RuleId)).Append("** at `").Append(f.Where)
                .Append("` (project ").Append(f.Project).Append(")  \n");
            b.Append("  ").Append(f.Message).Append("  \n");
            if (entry.Move != null)
            {
                b.Append("  Moved to ").Append(entry.Move.Store == StoreKind.SecretsManager ? "Secrets Manager secret" : "Parameter Store parameter")
                    .Append(" `").Append(entry.Move.Name).Append("` (provisioning script, value ").Append(entry.Move.Number.ToString(CultureInfo.InvariantCulture)).Append(").  \n");
            }
            else
            {
                b.Append("  **Still in the source:** ").Append(entry.NotMovedReason).Append(".  \n");
            }

            b.Append(f.RuleId == RuleIds.RoleArn
                    ? "  Review: the same name must hold each account's own role ARN; nothing to rotate."
                    : "  Rotate because: " + Reason(f.SecretKind, f.RuleId))
                .Append("\n\n");
        }

        public static string KindTitle(string? kind, string ruleId) => kind switch
        {
            DiagnosticProperties.KindAccessKeyId => "AWS access key ID",
            DiagnosticProperties.KindSecretAccessKey => "AWS secret access key",
            DiagnosticProperties.KindSessionToken => "AWS session token",
            DiagnosticProperties.KindConnectionString => "database password (connection string)",
            DiagnosticProperties.KindRoleArn => "IAM role ARN",
            DiagnosticProperties.KindProviderToken => "provider token or private key",
            DiagnosticProperties.KindCredential => "password, token or key of an authentication API",
            _ => ruleId switch
            {
                RuleIds.AwsAccessKeyId => "AWS access key ID",
                RuleIds.AwsSecretKey => "AWS secret access key or session token",
                RuleIds.ConnectionStringPassword => "database password (connection string)",
                RuleIds.RoleArn => "IAM role ARN",
                RuleIds.ProviderToken => "provider token or private key",
                RuleIds.AuthenticationSecret => "password, token or key of an authentication API",
                _ => "credential",
            },
        };

        private static string Reason(string? kind, string ruleId) => (kind, ruleId) switch
        {
            (DiagnosticProperties.KindSessionToken, _) =>
                "a committed session token works until it expires, and shows that the long-term keys or role that issued it were exposed too.",
            (DiagnosticProperties.KindAccessKeyId, _) or (_, RuleIds.AwsAccessKeyId) =>
                "a committed access key ID identifies a live key; with its secret key (often committed alongside) it signs requests as that IAM user until the key is deleted.",
            (DiagnosticProperties.KindSecretAccessKey, _) or (_, RuleIds.AwsSecretKey) =>
                "whoever has read the code can sign AWS requests as the key's user until the key is deleted; only a new key makes the old value useless.",
            (DiagnosticProperties.KindConnectionString, _) or (_, RuleIds.ConnectionStringPassword) =>
                "whoever has read the code can log in to the database; only a new password makes the committed one useless.",
            (DiagnosticProperties.KindProviderToken, _) or (_, RuleIds.ProviderToken) =>
                "the token or key keeps its access until the provider revokes it; it stays in the history after the fix, so revoke it and issue a new one.",
            (DiagnosticProperties.KindCredential, _) or (_, RuleIds.AuthenticationSecret) =>
                "whoever has read the code can sign in to the service (or sign tokens it trusts); only a new password, token or key makes the committed one useless.",
            _ => "it was committed to source control.",
        };
    }
}
