using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd.LanguageServer
{
    /// <summary>A received notification, with when it arrived.</summary>
    internal sealed record LspNotification(string Method, JsonElement Params, TimeSpan At);

    /// <summary>
    /// A small JSON-RPC 2.0 client for a language server over stdio (LSP base protocol: Content-Length framing,
    /// UTF-8 JSON). It answers the server's own requests through a handler, keeps every notification, and kills
    /// the server's whole process tree when disposed.
    /// </summary>
    internal sealed class LspClient : IAsyncDisposable
    {
        private readonly Process process;
        private readonly Stream input;
        private readonly Stream output;
        private readonly SemaphoreSlim writeGate = new(1, 1);
        private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> pending = new();
        private readonly List<LspNotification> notifications = new();
        private readonly StringBuilder log = new();
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Func<string, JsonElement, JsonNode?> serverRequestHandler;
        private readonly Task readLoop;
        private TaskCompletionSource notificationArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long nextId;

        private LspClient(Process process, Func<string, JsonElement, JsonNode?> serverRequestHandler)
        {
            this.process = process;
            this.serverRequestHandler = serverRequestHandler;
            input = process.StandardInput.BaseStream;
            output = process.StandardOutput.BaseStream;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                {
                    Log("stderr: " + e.Data);
                }
            };
            process.BeginErrorReadLine();
            readLoop = Task.Run(ReadLoopAsync);
        }

        /// <summary>What the server wrote to stderr and window/logMessage, plus the traffic headlines.</summary>
        public string Transcript
        {
            get
            {
                lock (log)
                {
                    return log.ToString();
                }
            }
        }

        public TimeSpan Now => clock.Elapsed;

        public static LspClient Start(string fileName, IEnumerable<string> arguments, string workingDirectory, Func<string, JsonElement, JsonNode?> serverRequestHandler)
        {
            var info = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            ProcessRunner.PrepareEnvironment(info);
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
            return new LspClient(process, serverRequestHandler);
        }

        public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
        {
            long id = Interlocked.Increment(ref nextId);
            var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = completion;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            Task finished = await Task.WhenAny(completion.Task, Task.Delay(timeout), readLoop);
            if (finished != completion.Task)
            {
                pending.TryRemove(id, out _);
                throw new TimeoutException($"no answer to {method} within {timeout.TotalSeconds:F0} s (server exited: {process.HasExited}).{Environment.NewLine}{Transcript}");
            }

            return await completion.Task;
        }

        public Task NotifyAsync(string method, JsonNode? parameters) =>
            SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>Notifications received so far (a snapshot).</summary>
        public IReadOnlyList<LspNotification> Notifications
        {
            get
            {
                lock (notifications)
                {
                    return notifications.ToList();
                }
            }
        }

        /// <summary>Waits for the first notification from index <paramref name="from"/> on that matches.</summary>
        public async Task<LspNotification?> WaitForNotificationAsync(int from, Func<LspNotification, bool> match, TimeSpan timeout)
        {
            TimeSpan deadline = Now + timeout;
            while (true)
            {
                Task signal;
                lock (notifications)
                {
                    for (int i = from; i < notifications.Count; i++)
                    {
                        if (match(notifications[i]))
                        {
                            return notifications[i];
                        }
                    }

                    from = notifications.Count;
                    signal = notificationArrived.Task;
                }

                TimeSpan left = deadline - Now;
                if (left <= TimeSpan.Zero || readLoop.IsCompleted)
                {
                    return null;
                }

                await Task.WhenAny(signal, Task.Delay(left));
            }
        }

        /// <summary>Asks for shutdown and exit, then kills whatever is left of the server's process tree.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!process.HasExited)
                {
                    await RequestAsync("shutdown", null, TimeSpan.FromSeconds(15));
                    await NotifyAsync("exit", null);
                    using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    await process.WaitForExitAsync(exited.Token);
                }
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
            {
                Log("shutdown: " + e.GetType().Name);
            }
            finally
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }

                process.WaitForExit(10_000);
                process.Dispose();
                writeGate.Dispose();
            }
        }

        private void Log(string line)
        {
            lock (log)
            {
                if (log.Length < 200_000)
                {
                    log.Append(Now.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)).Append("s ").AppendLine(line);
                }
            }
        }

        private async Task SendAsync(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            if (message["method"] is JsonNode method)
            {
                Log("-> " + method.GetValue<string>());
            }

            await writeGate.WaitAsync();
            try
            {
                await input.WriteAsync(header);
                await input.WriteAsync(body);
                await input.FlushAsync();
            }
            finally
            {
                writeGate.Release();
            }
        }

        private async Task ReadLoopAsync()
        {
            try
            {
                while (true)
                {
                    int length = await ReadHeadersAsync();
                    if (length < 0)
                    {
                        Log("server closed its output");
                        return;
                    }

                    byte[] body = new byte[length];
                    await output.ReadExactlyAsync(body);
                    using JsonDocument document = JsonDocument.Parse(body);
                    await DispatchAsync(document.RootElement.Clone());
                }
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException or JsonException)
            {
                Log("read loop ended: " + e.Message);
            }
            finally
            {
                foreach (var waiting in pending.Values)
                {
                    waiting.TrySetException(new IOException("the language server's output closed"));
                }
            }
        }

        /// <summary>Reads the header part; returns the Content-Length, or -1 at end of stream.</summary>
        private async Task<int> ReadHeadersAsync()
        {
            int length = -1;
            var line = new StringBuilder();
            byte[] one = new byte[1];
            while (true)
            {
                int read = await output.ReadAsync(one);
                if (read == 0)
                {
                    return -1;
                }

                char c = (char)one[0];
                if (c == '\n')
                {
                    string header = line.ToString().TrimEnd('\r');
                    line.Clear();
                    if (header.Length == 0)
                    {
                        if (length >= 0)
                        {
                            return length;
                        }

                        continue;
                    }

                    int colon = header.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && header[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(header[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        private async Task DispatchAsync(JsonElement message)
        {
            bool hasId = message.TryGetProperty("id", out JsonElement id);
            bool hasMethod = message.TryGetProperty("method", out JsonElement methodElement);
            JsonElement parameters = message.TryGetProperty("params", out JsonElement p) ? p : default;
            if (hasMethod && hasId)
            {
                // A request from the server (workspace/configuration, client/registerCapability, ...).
                string method = methodElement.GetString()!;
                Log("<- request " + method + (parameters.ValueKind == JsonValueKind.Undefined ? string.Empty : " " + Truncate(parameters.GetRawText())));
                JsonNode? result = serverRequestHandler(method, parameters);
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result });
            }
            else if (hasMethod)
            {
                string method = methodElement.GetString()!;
                if (method == "window/logMessage" || method == "window/showMessage")
                {
                    Log("<- " + method + ": " + (parameters.TryGetProperty("message", out JsonElement text) ? text.GetString() : string.Empty));
                }
                else if (method != "$/progress")
                {
                    Log("<- " + method);
                }

                lock (notifications)
                {
                    notifications.Add(new LspNotification(method, parameters, Now));
                    TaskCompletionSource arrived = notificationArrived;
                    notificationArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    arrived.TrySetResult();
                }
            }
            else if (hasId && id.ValueKind == JsonValueKind.Number && pending.TryRemove(id.GetInt64(), out var completion))
            {
                if (message.TryGetProperty("error", out JsonElement error))
                {
                    Log("<- error " + error.GetRawText());
                    completion.TrySetException(new InvalidOperationException("LSP error: " + error.GetRawText()));
                }
                else
                {
                    completion.TrySetResult(message.TryGetProperty("result", out JsonElement result) ? result : default);
                }
            }
        }

        private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}
