using System;

namespace SecretsAnalyzer.ConfigFiles
{
    /// <summary>The config and deployment files SecretsAnalyzer reads, told apart by file name.</summary>
    public enum ConfigFileKind
    {
        None,

        /// <summary><c>appsettings.json</c>, <c>appsettings.&lt;Environment&gt;.json</c>: key paths use <c>:</c>.</summary>
        AppSettings,

        /// <summary><c>Properties/launchSettings.json</c>.</summary>
        LaunchSettings,

        /// <summary><c>aws-lambda-tools-defaults.json</c> (Amazon.Lambda.Tools).</summary>
        LambdaToolsDefaults,

        /// <summary><c>serverless.template</c>, <c>template.yaml</c>, <c>template.yml</c>, <c>template.json</c> (CloudFormation/SAM).</summary>
        Template,

        /// <summary><c>.env</c>, <c>.env.&lt;name&gt;</c>.</summary>
        DotEnv,
    }

    public static class ConfigFileKinds
    {
        /// <summary>The kind of a file from its name; <see cref="ConfigFileKind.None"/> for every other file. No allocation.</summary>
        public static ConfigFileKind FromPath(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return ConfigFileKind.None;
            }

            int nameStart = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            int length = path.Length - nameStart;
            if (Is(path, nameStart, length, "aws-lambda-tools-defaults.json"))
            {
                return ConfigFileKind.LambdaToolsDefaults;
            }

            if (Is(path, nameStart, length, "serverless.template") || Is(path, nameStart, length, "template.yaml") ||
                Is(path, nameStart, length, "template.yml") || Is(path, nameStart, length, "template.json"))
            {
                return ConfigFileKind.Template;
            }

            if (Is(path, nameStart, length, "launchSettings.json"))
            {
                return ConfigFileKind.LaunchSettings;
            }

            if (Is(path, nameStart, length, "appsettings.json") ||
                (StartsWith(path, nameStart, "appsettings.") && EndsWith(path, ".json") && length > "appsettings..json".Length - 1))
            {
                return ConfigFileKind.AppSettings;
            }

            if (Is(path, nameStart, length, ".env") || (StartsWith(path, nameStart, ".env.") && length > 5))
            {
                return ConfigFileKind.DotEnv;
            }

            return ConfigFileKind.None;
        }

        /// <summary>The separator of key paths in messages: <c>:</c> as the .NET configuration writes them, else <c>.</c>.</summary>
        public static char PathSeparator(ConfigFileKind kind) => kind == ConfigFileKind.AppSettings || kind == ConfigFileKind.LaunchSettings ? ':' : '.';

        /// <summary>Whether the file describes a deployment (its role ARNs always matter, whatever the project's code is).</summary>
        public static bool IsDeployment(ConfigFileKind kind) => kind == ConfigFileKind.LambdaToolsDefaults || kind == ConfigFileKind.Template;

        /// <summary>Reads the text with the reader for its kind (a template is JSON when it starts with <c>{</c>, else YAML).</summary>
        public static ConfigDocument Read(ConfigFileKind kind, string path, string text)
        {
            switch (kind)
            {
                case ConfigFileKind.DotEnv:
                    return EnvFileReader.Read(text);
                case ConfigFileKind.Template:
                    return IsJsonText(text) ? JsonConfigReader.Read(text) : YamlConfigReader.Read(text);
                default:
                    return JsonConfigReader.Read(text);
            }
        }

        private static bool IsJsonText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    continue;
                }

                return c == '{' || c == '/';
            }

            return false;
        }

        private static bool Is(string path, int start, int length, string name) =>
            length == name.Length && string.Compare(path, start, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool StartsWith(string path, int start, string prefix) =>
            path.Length - start >= prefix.Length && string.Compare(path, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool EndsWith(string path, string suffix) => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }
}
