using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>
    /// The POSIX shell script that creates, in the current AWS account, every secret or parameter the migrated code
    /// reads. Each value sits in a quoted here-document (no expansion, byte for byte), is copied by awk from standard
    /// input to a private temporary file (umask 077, mktemp -d) and reaches the AWS CLI as <c>file://</c>: never as a
    /// command-line argument, so it does not show in the process list or in shell history.
    /// </summary>
    internal static class ProvisioningScript
    {
        /// <summary>
        /// Copies the here-document to the value file without the newline the here-document adds at its end: lines are
        /// joined with "\n" and printed with "%s", so every byte of the value (trailing newlines, %, \, quotes) survives.
        /// </summary>
        public const string WriteValueCommand = "awk 'NR > 1 { printf \"\\n\" } { printf \"%s\", $0 }' > \"$secrets_analyzer_file\"";

        public const string DelimiterPrefix = "SECRETS_ANALYZER_VALUE_";

        public static string Render(IReadOnlyList<MovedValue> moves, string input, DateTimeOffset now)
        {
            var b = new StringBuilder();
            b.Append("#!/bin/sh\n");
            b.Append("# Provisioning script written by secrets-analyzer ").Append(Scanning.RuleCatalog.ToolVersion)
                .Append(" (migrate) on ").Append(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
            b.Append("# for ").Append(OneLine(input)).Append(".\n");
            b.Append("#\n");
            b.Append("# It holds, byte for byte, the ").Append(moves.Count).Append(" value(s) that the migration moved out of the source code,\n");
            b.Append("# under the names the migrated code reads. THIS FILE CONTAINS SECRETS: keep it out of version control,\n");
            b.Append("# run it, then delete it (e.g. shred -u).\n");
            b.Append("#\n");
            b.Append("# Run it once in every AWS account that runs this code, with that account's credentials\n");
            b.Append("# (e.g. AWS_PROFILE=dev sh provision.sh, then AWS_PROFILE=prod sh provision.sh). Each account keeps its\n");
            b.Append("# own value under the same name: edit a value below before running the script in an account that needs\n");
            b.Append("# another one. Every value here was committed to source control: rotate it (see the rotation checklist\n");
            b.Append("# next to this script) and store the new value under the same name.\n");
            b.Append("#\n");
            b.Append("# Values go through a private temporary file as file://, never on a command line.\n");
            b.Append("set -eu\n");
            b.Append("umask 077\n");
            b.Append("secrets_analyzer_tmp=$(mktemp -d)\n");
            b.Append("trap 'rm -rf \"$secrets_analyzer_tmp\"' EXIT HUP INT TERM\n");
            b.Append("secrets_analyzer_file=\"$secrets_analyzer_tmp/value\"\n");
            foreach (MovedValue move in moves)
            {
                string delimiter = DelimiterFor(move);
                b.Append('\n');
                b.Append("# ").Append(move.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(move.RuleId).Append(' ').Append(RotationChecklist.KindTitle(move.Kind, move.RuleId))
                    .Append(" from ").Append(OneLine(move.Location)).Append(" (project ").Append(OneLine(move.Project)).Append(")\n");
                b.Append(WriteValueCommand).Append(" <<'").Append(delimiter).Append("'\n");
                b.Append(move.Value).Append('\n');
                b.Append(delimiter).Append('\n');
                b.Append(Command(move)).Append('\n');
            }

            b.Append("\necho \"Provisioned ").Append(moves.Count).Append(" value(s). Now delete this script and rotate the credentials (see the checklist).\"\n");
            return b.ToString();
        }

        /// <summary>The AWS CLI command for one value; the value itself is only ever referenced as file://.</summary>
        public static string Command(MovedValue move) => move.Store == StoreKind.SecretsManager
            ? "aws secretsmanager create-secret --name " + Quote(move.Name) + " --secret-string \"file://$secrets_analyzer_file\""
            : "aws ssm put-parameter --type SecureString --name " + Quote(move.Name) + " --value \"file://$secrets_analyzer_file\"";

        /// <summary>Why a value cannot go through the script unchanged, or null when it can.</summary>
        public static string? Unsupported(string value)
        {
            if (value.IndexOf('\0') >= 0)
            {
                return "it contains a NUL character, which a shell cannot carry";
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[++i]) : char.IsLowSurrogate(value[i]))
                {
                    return "it contains an unpaired UTF-16 surrogate, which has no UTF-8 form";
                }
            }

            return null;
        }

        /// <summary>Single-quoted for sh: nothing inside is expanded.</summary>
        public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static string DelimiterFor(MovedValue move)
        {
            string delimiter = DelimiterPrefix + move.Number.ToString(CultureInfo.InvariantCulture);
            var lines = new HashSet<string>(move.Value.Split('\n'), StringComparer.Ordinal);
            while (lines.Contains(delimiter) || lines.Contains(delimiter + "\r"))
            {
                delimiter += "_";
            }

            return delimiter;
        }

        private static string OneLine(string s) => new string(s.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }
}
