using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SecretsAnalyzer.Cli.Tests
{
    /// <summary>One value of a provisioning script, read back from the script text.</summary>
    public sealed record ScriptEntry(string Service, string Name, string Value, string RuleId);

    /// <summary>Reads a provisioning script back: each quoted here-document and the AWS CLI command after it.</summary>
    public static class ScriptParser
    {
        public static List<ScriptEntry> Parse(string script)
        {
            var entries = new List<ScriptEntry>();
            string[] lines = script.Split('\n');
            var heredoc = new Regex(@"<<'(?<delimiter>[A-Z_0-9]+)'$", RegexOptions.None, TimeSpan.FromSeconds(1));
            for (int i = 0; i < lines.Length; i++)
            {
                Match m = heredoc.Match(lines[i]);
                if (!m.Success)
                {
                    continue;
                }

                string delimiter = m.Groups["delimiter"].Value;
                var body = new List<string>();
                int j = i + 1;
                while (lines[j] != delimiter)
                {
                    body.Add(lines[j]);
                    j++;
                }

                string command = lines[j + 1];
                string service = command.StartsWith("aws secretsmanager create-secret ", StringComparison.Ordinal) ? "secretsmanager"
                    : command.StartsWith("aws ssm put-parameter --type SecureString ", StringComparison.Ordinal) ? "ssm"
                    : throw new FormatException("unexpected command after a value: " + command);
                Match name = Regex.Match(command, @"--name '(?<name>[^']*)'", RegexOptions.None, TimeSpan.FromSeconds(1));
                Match rule = Regex.Match(i > 0 ? lines[i - 1] : string.Empty, @"^# \d+\. (?<rule>SECRETS\d{3}) ", RegexOptions.None, TimeSpan.FromSeconds(1));
                entries.Add(new ScriptEntry(service, name.Groups["name"].Value, string.Join("\n", body), rule.Groups["rule"].Value));
                i = j + 1;
            }

            return entries;
        }

        /// <summary>
        /// Runs the script with a stand-in `aws` first on PATH that records, for each call, the service, the name and
        /// the bytes of the file:// value; returns them in call order.
        /// </summary>
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public static List<(string Service, string Name, byte[] Value)> RunWithFakeAws(string scriptPath, string workDirectory)
        {
            string bin = Path.Combine(workDirectory, "fake-bin");
            string record = Path.Combine(workDirectory, "aws-calls");
            Directory.CreateDirectory(bin);
            Directory.CreateDirectory(record);
            string fake = Path.Combine(bin, "aws");
            File.WriteAllText(fake, string.Join("\n", new[]
            {
                "#!/bin/sh",
                "set -eu",
                "n=$(ls \"$AWS_RECORD\" | wc -l | tr -d ' ')",
                "service=$1; name=; file=",
                "while [ $# -gt 0 ]; do",
                "  case \"$1\" in",
                "    --name) name=$2; shift ;;",
                "    file://*) file=${1#file://} ;;",
                "  esac",
                "  shift",
                "done",
                "mkdir \"$AWS_RECORD/$n\"",
                "printf '%s' \"$service\" > \"$AWS_RECORD/$n/service\"",
                "printf '%s' \"$name\" > \"$AWS_RECORD/$n/name\"",
                "cp \"$file\" \"$AWS_RECORD/$n/value\"",
                "stat -c %a \"$file\" > \"$AWS_RECORD/$n/mode\"",
                string.Empty,
            }));
            if (!OperatingSystem.IsWindows())
            {
                // The script finds the stand-in through PATH, which needs the execute bit on Unix (not on Windows, where `sh` is Git's).
                File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var result = TestRepo.Run("sh", new[] { scriptPath }, workDirectory, TimeSpan.FromMinutes(1), new Dictionary<string, string>
            {
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
                ["AWS_RECORD"] = record,
            });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("the provisioning script failed: " + result.All);
            }

            return Directory.GetDirectories(record)
                .OrderBy(d => int.Parse(Path.GetFileName(d)))
                .Select(d =>
                {
                    string mode = File.ReadAllText(Path.Combine(d, "mode")).Trim();
                    if (mode != "600")
                    {
                        throw new InvalidOperationException("a value file had mode " + mode);
                    }

                    return (File.ReadAllText(Path.Combine(d, "service")), File.ReadAllText(Path.Combine(d, "name")), File.ReadAllBytes(Path.Combine(d, "value")));
                })
                .ToList();
        }
    }
}
