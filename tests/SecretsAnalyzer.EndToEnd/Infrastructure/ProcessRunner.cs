using System.Diagnostics;
using System.Text;

namespace SecretsAnalyzer.EndToEnd.Infrastructure
{
    internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() =>
            $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s:{Environment.NewLine}{Output}";
    }

    /// <summary>Runs `dotnet` commands with a clean, deterministic environment and a hard timeout.</summary>
    internal static class ProcessRunner
    {
        /// <summary>
        /// The environment for child `dotnet` processes: English messages, no telemetry or banners, no MSBuild node
        /// or compiler server left running after the test, and none of the MSBuild variables that `dotnet test`
        /// sets for its own build (they would point the child build at the parent's state).
        /// </summary>
        public static void PrepareEnvironment(ProcessStartInfo info)
        {
            foreach (string key in info.Environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    info.Environment.Remove(key);
                }
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            info.Environment["UseSharedCompilation"] = "false";
            info.Environment["MSBUILDTERMINALLOGGER"] = "off";
        }

        public static ProcessResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
            Run("dotnet", arguments, workingDirectory, timeout);

        public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            PrepareEnvironment(info);
            string commandLine = fileName + " " + string.Join(" ", arguments);
            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                process.WaitForExit(10_000);
                throw new TimeoutException($"`{commandLine}` did not finish within {timeout.TotalSeconds:F0} s:{Environment.NewLine}{Snapshot(output)}");
            }

            process.WaitForExit();
            stopwatch.Stop();
            return new ProcessResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line == null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
