using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>Where the provisioning script may go, and how it is created: never inside a git work tree unless git-ignored, mode 0600 from the start.</summary>
    internal static class ScriptLocation
    {
        /// <summary>Why the script must not be written at <paramref name="path"/>, or null when it may.</summary>
        public static string? Refusal(string path)
        {
            string full = Path.GetFullPath(path);
            string? directory = Path.GetDirectoryName(full);
            if (directory == null || !Directory.Exists(directory))
            {
                return "its folder " + directory + " does not exist";
            }

            if (Directory.Exists(full))
            {
                return full + " is a folder";
            }

            if (File.Exists(full) || File.Exists(ChecklistPath(full)))
            {
                return (File.Exists(full) ? full : ChecklistPath(full)) + " already exists; the tool never overwrites a provisioning script or checklist";
            }

            // Fail closed: inside anything that looks like a git repository, git itself must say the path is ignored.
            string? repository = FindDotGit(directory);
            if (repository == null)
            {
                return null;
            }

            (int Exit, string Output, string Error) topLevel;
            try
            {
                topLevel = Git(directory, "rev-parse", "--show-toplevel");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "it is inside the git repository " + repository + " and git is not installed to check that the path is git-ignored";
            }

            if (topLevel.Exit != 0)
            {
                return "it is inside the git repository " + repository + " and git could not check it: " + topLevel.Error.Trim();
            }

            string workTree = Path.GetFullPath(topLevel.Output.Trim());
            var ignored = Git(workTree, "check-ignore", "-q", "--", full);
            if (ignored.Exit == 0)
            {
                return null;
            }

            return ignored.Exit == 1
                ? "it is inside the git work tree " + workTree + " and not git-ignored, and the script holds secrets; put it outside the repository (e.g. ~/provision-secrets.sh) or add it to .gitignore"
                : "it is inside the git work tree " + workTree + " and `git check-ignore` failed: " + ignored.Error.Trim();
        }

        /// <summary>Whether the script or its checklist is already there (a run before this one wrote them).</summary>
        public static bool AlreadyExists(string path)
        {
            string full = Path.GetFullPath(path);
            return File.Exists(full) || File.Exists(ChecklistPath(full));
        }

        public static string ChecklistPath(string scriptPath)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(scriptPath))!;
            return Path.Combine(directory, Path.GetFileNameWithoutExtension(scriptPath) + ".rotation-checklist.md");
        }

        /// <summary>Creates a new file readable and writable by its owner only (0600) from the first byte, and writes <paramref name="text"/>.</summary>
        public static void CreatePrivate(string path, string text)
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                byte[] bytes = new UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != (UnixFileMode.UserRead | UnixFileMode.UserWrite))
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        private static string? FindDotGit(string directory)
        {
            for (DirectoryInfo? d = new DirectoryInfo(directory); d != null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, ".git");
                if (Directory.Exists(candidate) || File.Exists(candidate))
                {
                    return d.FullName;
                }
            }

            return null;
        }

        private static (int Exit, string Output, string Error) Git(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}
