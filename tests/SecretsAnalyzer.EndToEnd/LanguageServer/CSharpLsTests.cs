using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsAnalyzer.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace SecretsAnalyzer.EndToEnd.LanguageServer
{
    /// <summary>
    /// IDE squiggles through a real language server: csharp-ls (a local dotnet tool, .config/dotnet-tools.json),
    /// driven over LSP stdio, on a copy of the bundled sample Lambda solution that takes SecretsAnalyzer from the
    /// packed nupkg. csharp-ls runs Roslyn analyzers only when its `csharp.analyzersEnabled` setting is true, which
    /// it reads through workspace/configuration.
    /// </summary>
    public sealed class CSharpLsTests : IClassFixture<PackedPackage>
    {
        private static readonly TimeSpan SolutionLoadTimeout = TimeSpan.FromMinutes(6);
        private static readonly TimeSpan EditTimeout = TimeSpan.FromMinutes(2);

        private readonly PackedPackage package;
        private readonly ITestOutputHelper output;

        public CSharpLsTests(PackedPackage package, ITestOutputHelper output)
        {
            this.package = package;
            this.output = output;
        }

        [Fact]
        public async Task Squiggle_OnTheKey_AppearsAtItsExactRange_AndDisappearsOnceTheKeyIsEdited()
        {
            ProcessResult toolRestore = ProcessRunner.Dotnet(RepoPaths.Root, TimeSpan.FromMinutes(5), "tool", "restore");
            Assert.True(toolRestore.ExitCode == 0, toolRestore.ToString());

            string sample = CopySampleUsingThePackage();
            ProcessResult restore = ProcessRunner.Dotnet(sample, TimeSpan.FromMinutes(10), "restore", "LambdaSample.sln");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            string documentPath = Path.Combine(sample, "OrdersFunction", "Function.cs");
            string documentUri = new Uri(documentPath).AbsoluteUri;
            string text = File.ReadAllText(documentPath);
            const string KeyId = "AKIAUJZDEGXDNCF32EPF";
            const string SecretKey = "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";
            Assert.Contains(KeyId, text, StringComparison.Ordinal);

            var configurationRequests = new List<string>();
            var dynamicRegistrations = new List<string>();
            await using LspClient client = LspClient.Start(
                "dotnet",
                ["tool", "run", "csharp-ls", "--", "--loglevel", "info"],
                RepoPaths.Root,
                (method, parameters) => AnswerServerRequest(method, parameters, configurationRequests, dynamicRegistrations));
            var stopwatch = Stopwatch.StartNew();
            try
            {
                JsonElement initialize = await client.RequestAsync("initialize", InitializeParams(sample), TimeSpan.FromMinutes(2));
                JsonElement capabilities = initialize.GetProperty("capabilities");
                await client.NotifyAsync("initialized", new JsonObject());
                await client.NotifyAsync("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject
                    {
                        ["uri"] = documentUri,
                        ["languageId"] = "csharp",
                        ["version"] = 1,
                        ["text"] = text,
                    },
                });

                // 1. The key is reported, at exactly the key's characters.
                DiagnosticsSnapshot opened = await WaitForDiagnosticsAsync(
                    client, capabilities, dynamicRegistrations, documentUri, 1, d => d.Any(x => x.Code == RuleIds.AwsAccessKeyId), SolutionLoadTimeout);
                TimeSpan loadTime = stopwatch.Elapsed;
                Assert.True(
                    opened.Diagnostics.Any(x => x.Code == RuleIds.AwsAccessKeyId),
                    $"csharp-ls reported no {RuleIds.AwsAccessKeyId} within {SolutionLoadTimeout.TotalMinutes} min. Last diagnostics: {opened}{Environment.NewLine}{client.Transcript}");
                lock (configurationRequests)
                {
                    // csharp.analyzersEnabled reached the server the way an editor sends it.
                    Assert.Contains("csharp", configurationRequests);
                }

                LspDiagnostic keyDiagnostic = Assert.Single(opened.Diagnostics, x => x.Code == RuleIds.AwsAccessKeyId);
                Assert.Equal(RangeOf(text, KeyId), keyDiagnostic.Range);
                Assert.Equal(2, keyDiagnostic.Severity); // Warning
                Assert.DoesNotContain(KeyId, keyDiagnostic.Message, StringComparison.Ordinal);
                Assert.Contains("AKIA…2EPF", keyDiagnostic.Message, StringComparison.Ordinal);
                if (keyDiagnostic.Href != null)
                {
                    Assert.Equal(RuleIds.HelpLink(RuleIds.AwsAccessKeyId), keyDiagnostic.Href);
                }

                LspDiagnostic secretDiagnostic = Assert.Single(opened.Diagnostics, x => x.Code == RuleIds.AwsSecretKey);
                Assert.Equal(RangeOf(text, SecretKey), secretDiagnostic.Range);

                // 2. Edit: the key ID now comes from the environment; the secret key is still there.
                LspRange keyLiteral = RangeOf(text, "\"" + KeyId + "\"");
                const string Replacement = "System.Environment.GetEnvironmentVariable(\"ORDERS_ACCESS_KEY_ID\")";
                string edited = text.Replace("\"" + KeyId + "\"", Replacement, StringComparison.Ordinal);
                var changeClock = Stopwatch.StartNew();
                int notificationsBefore = client.Notifications.Count;
                await client.NotifyAsync("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["version"] = 2 },
                    ["contentChanges"] = new JsonArray(ChangeEvent(capabilities, keyLiteral, Replacement, edited)),
                });

                // 3. The key's diagnostic is gone, and the secret key's moved with the edit (so this is a fresh analysis).
                LspRange movedSecret = RangeOf(edited, SecretKey);
                DiagnosticsSnapshot afterEdit = await WaitForDiagnosticsAsync(
                    client,
                    capabilities,
                    dynamicRegistrations,
                    documentUri,
                    2,
                    d => d.All(x => x.Code != RuleIds.AwsAccessKeyId) && d.Any(x => x.Code == RuleIds.AwsSecretKey && x.Range == movedSecret),
                    EditTimeout,
                    notificationsBefore);
                TimeSpan editToDiagnostics = changeClock.Elapsed;
                Assert.True(
                    afterEdit.Diagnostics.All(x => x.Code != RuleIds.AwsAccessKeyId),
                    $"{RuleIds.AwsAccessKeyId} still reported {EditTimeout.TotalSeconds} s after the edit: {afterEdit}{Environment.NewLine}{client.Transcript}");
                Assert.Contains(afterEdit.Diagnostics, x => x.Code == RuleIds.AwsSecretKey && x.Range == movedSecret);

                string line = $"csharp-ls {afterEdit.Mode} diagnostics: solution load to first SECRETS001 {loadTime.TotalSeconds:F1} s; " +
                    $"edit (didChange) to diagnostics without SECRETS001 {editToDiagnostics.TotalMilliseconds:F0} ms";
                output.WriteLine(line);
                output.WriteLine(client.Transcript);
                Timings.Record(line);
            }
            catch (Exception) when (Dump(client))
            {
                throw;
            }
        }

        private bool Dump(LspClient client)
        {
            output.WriteLine(client.Transcript);
            return false;
        }

        /// <summary>A copy of tests/samples/LambdaSample that takes SecretsAnalyzer from the local feed.</summary>
        private string CopySampleUsingThePackage()
        {
            string root = package.NewDirectory("lsp");
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n");
            string sample = Path.Combine(root, "LambdaSample");
            RepoPaths.CopyTree(RepoPaths.Sample, sample);
            string props = Path.Combine(sample, "Directory.Build.props");
            string text = File.ReadAllText(props);
            int start = text.IndexOf("<Project>", StringComparison.Ordinal);
            Assert.True(start >= 0, "unexpected " + props);
            text = text.Insert(start + "<Project>".Length, $"""

                  <PropertyGroup>
                    <UseSecretsAnalyzerPackage>true</UseSecretsAnalyzerPackage>
                    <SecretsAnalyzerPackageVersion>{package.Version}</SecretsAnalyzerPackageVersion>
                    <RestorePackagesPath>{package.PackagesFolder}</RestorePackagesPath>
                  </PropertyGroup>
                """);
            File.WriteAllText(props, text);

            // The solution also lists the analyzer projects from src/ (for `dotnet format`); a package consumer has none.
            string solution = File.ReadAllText(Path.Combine(sample, "LambdaSample.sln"));
            string[] outside = System.Text.RegularExpressions.Regex
                .Matches(solution, "\"(\\.\\.\\\\[^\"]+\\.csproj)\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5))
                .Select(m => m.Groups[1].Value.Replace('\\', '/'))
                .ToArray();
            if (outside.Length > 0)
            {
                ProcessResult remove = ProcessRunner.Dotnet(sample, TimeSpan.FromMinutes(2), ["sln", "LambdaSample.sln", "remove", .. outside]);
                Assert.True(remove.ExitCode == 0, remove.ToString());
            }

            return sample;
        }

        private static JsonObject InitializeParams(string sample)
        {
            string rootUri = new Uri(sample + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
            return new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "SecretsAnalyzer.EndToEnd", ["version"] = "1.0" },
                ["rootUri"] = rootUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "LambdaSample" }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject
                    {
                        ["configuration"] = true,
                        ["workspaceFolders"] = true,
                        ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
                        ["diagnostics"] = new JsonObject { ["refreshSupport"] = true },
                    },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true, ["didSave"] = true },
                        ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true, ["codeDescriptionSupport"] = true },
                        ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true, ["relatedDocumentSupport"] = false },
                    },
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            };
        }

        /// <summary>Answers the server's requests: the `csharp` section turns analyzers on.</summary>
        private static JsonNode? AnswerServerRequest(string method, JsonElement parameters, List<string> configurationRequests, List<string> dynamicRegistrations)
        {
            switch (method)
            {
                case "workspace/configuration":
                    var answer = new JsonArray();
                    foreach (JsonElement item in parameters.GetProperty("items").EnumerateArray())
                    {
                        string? section = item.TryGetProperty("section", out JsonElement s) ? s.GetString() : null;
                        lock (configurationRequests)
                        {
                            configurationRequests.Add(section ?? string.Empty);
                        }

                        answer.Add(section switch
                        {
                            "csharp" => new JsonObject { ["analyzersEnabled"] = true },
                            "csharp.analyzersEnabled" => JsonValue.Create(true),
                            _ => null,
                        });
                    }

                    return answer;
                case "client/registerCapability":
                    lock (dynamicRegistrations)
                    {
                        foreach (JsonElement registration in parameters.GetProperty("registrations").EnumerateArray())
                        {
                            dynamicRegistrations.Add(registration.GetProperty("method").GetString()!);
                        }
                    }

                    return null;
                default:
                    // window/workDoneProgress/create, client/unregisterCapability, workspace/diagnostic/refresh, ...
                    return null;
            }
        }

        private static JsonObject ChangeEvent(JsonElement capabilities, LspRange range, string replacement, string fullText)
        {
            int syncKind = 1;
            if (capabilities.TryGetProperty("textDocumentSync", out JsonElement sync))
            {
                syncKind = sync.ValueKind == JsonValueKind.Number
                    ? sync.GetInt32()
                    : sync.TryGetProperty("change", out JsonElement change) ? change.GetInt32() : 1;
            }

            return syncKind == 2
                ? new JsonObject { ["range"] = range.ToJson(), ["text"] = replacement }
                : new JsonObject { ["text"] = fullText };
        }

        /// <summary>
        /// Waits for the document's diagnostics to satisfy <paramref name="done"/>: by pull (textDocument/diagnostic)
        /// when the server offers it, else from textDocument/publishDiagnostics. Returns the last snapshot seen.
        /// </summary>
        private static async Task<DiagnosticsSnapshot> WaitForDiagnosticsAsync(
            LspClient client,
            JsonElement capabilities,
            List<string> dynamicRegistrations,
            string uri,
            int version,
            Func<IReadOnlyList<LspDiagnostic>, bool> done,
            TimeSpan timeout,
            int notificationsFrom = 0)
        {
            TimeSpan deadline = client.Now + timeout;
            DiagnosticsSnapshot last = new("none", []);
            while (client.Now < deadline)
            {
                bool pull;
                lock (dynamicRegistrations)
                {
                    pull = capabilities.TryGetProperty("diagnosticProvider", out _) || dynamicRegistrations.Contains("textDocument/diagnostic");
                }

                // Push: whatever the server published for this document since the edit.
                LspNotification? published = client.Notifications
                    .Skip(notificationsFrom)
                    .LastOrDefault(n => n.Method == "textDocument/publishDiagnostics" && n.Params.GetProperty("uri").GetString() == uri);
                if (published != null)
                {
                    last = new DiagnosticsSnapshot("push", LspDiagnostic.ParseAll(published.Params.GetProperty("diagnostics")));
                    if (done(last.Diagnostics))
                    {
                        return last;
                    }
                }

                if (pull)
                {
                    // While the solution loads, csharp-ls holds the first pull until it can answer: allow the rest
                    // of the time budget.
                    TimeSpan left = deadline - client.Now;
                    JsonElement report = await client.RequestAsync(
                        "textDocument/diagnostic",
                        new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } },
                        left > TimeSpan.FromSeconds(30) ? left : TimeSpan.FromSeconds(30));
                    if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out JsonElement items))
                    {
                        last = new DiagnosticsSnapshot("pull", LspDiagnostic.ParseAll(items));
                        if (done(last.Diagnostics))
                        {
                            return last;
                        }
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250));
                }
                else
                {
                    int count = client.Notifications.Count;
                    await client.WaitForNotificationAsync(
                        count,
                        n => n.Method == "textDocument/publishDiagnostics" && n.Params.GetProperty("uri").GetString() == uri,
                        TimeSpan.FromSeconds(2));
                }
            }

            return last;
        }

        private static LspRange RangeOf(string text, string value)
        {
            int index = text.IndexOf(value, StringComparison.Ordinal);
            Assert.True(index >= 0, value + " not found");
            Assert.Equal(-1, text.IndexOf(value, index + 1, StringComparison.Ordinal));
            return new LspRange(PositionOf(text, index), PositionOf(text, index + value.Length));
        }

        /// <summary>LSP positions: zero-based line and UTF-16 code unit offset (the client advertises no other encoding).</summary>
        private static LspPosition PositionOf(string text, int offset)
        {
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new LspPosition(line, offset - lineStart);
        }
    }

    internal readonly record struct LspPosition(int Line, int Character)
    {
        public static LspPosition Parse(JsonElement position) =>
            new(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());

        public JsonObject ToJson() => new() { ["line"] = Line, ["character"] = Character };

        public override string ToString() => $"{Line}:{Character}";
    }

    internal readonly record struct LspRange(LspPosition Start, LspPosition End)
    {
        public static LspRange Parse(JsonElement range) =>
            new(LspPosition.Parse(range.GetProperty("start")), LspPosition.Parse(range.GetProperty("end")));

        public JsonObject ToJson() => new() { ["start"] = Start.ToJson(), ["end"] = End.ToJson() };

        public override string ToString() => $"[{Start}-{End}]";
    }

    internal sealed record LspDiagnostic(string? Code, LspRange Range, int? Severity, string Message, string? Href)
    {
        public static IReadOnlyList<LspDiagnostic> ParseAll(JsonElement diagnostics) =>
            diagnostics.EnumerateArray().Select(Parse).ToList();

        public static LspDiagnostic Parse(JsonElement d) => new(
            d.TryGetProperty("code", out JsonElement code) ? code.ValueKind == JsonValueKind.String ? code.GetString() : code.GetRawText() : null,
            LspRange.Parse(d.GetProperty("range")),
            d.TryGetProperty("severity", out JsonElement severity) ? severity.GetInt32() : null,
            d.GetProperty("message").GetString() ?? string.Empty,
            d.TryGetProperty("codeDescription", out JsonElement description) && description.TryGetProperty("href", out JsonElement href) ? href.GetString() : null);

        public override string ToString() => $"{Code} {Range} {Message}";
    }

    internal sealed record DiagnosticsSnapshot(string Mode, IReadOnlyList<LspDiagnostic> Diagnostics)
    {
        public override string ToString() => $"{Mode}: [{string.Join("; ", Diagnostics)}]";
    }
}
