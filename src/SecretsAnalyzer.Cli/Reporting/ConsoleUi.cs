using System;
using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace SecretsAnalyzer.Cli.Reporting
{
    /// <summary>
    /// The two consoles of the tool: reports go to standard output, progress and messages to standard error, so
    /// `secrets-analyzer scan --format json &gt; out.json` stays clean.
    /// </summary>
    internal sealed class ConsoleUi
    {
        public ConsoleUi(TextWriter output, TextWriter error)
        {
            OutputWriter = output;
            Out = Create(output, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
            Err = Create(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        }

        public TextWriter OutputWriter { get; }

        public IAnsiConsole Out { get; }

        public IAnsiConsole Err { get; }

        /// <summary>A console that renders into <paramref name="writer"/>; without colours and wrapping unless it is a terminal.</summary>
        public static IAnsiConsole Create(TextWriter writer, bool terminal)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            });
            if (!terminal)
            {
                // Files and pipes: one finding per line, never wrapped.
                console.Profile.Width = 4000;
            }

            return console;
        }

        /// <summary>Runs <paramref name="work"/> under a spinner on a terminal; silently otherwise.</summary>
        public async Task<T> WithStatusAsync<T>(string initial, Func<Action<string>, Task<T>> work)
        {
            if (!Err.Profile.Capabilities.Interactive)
            {
                return await work(_ => { }).ConfigureAwait(false);
            }

            return await Err.Status()
                .Spinner(Spinner.Known.Dots)
                .StartAsync(Markup.Escape(initial), ctx => work(text => ctx.Status(Markup.Escape(text))))
                .ConfigureAwait(false);
        }

        public void Error(string message) => Err.MarkupLine("[red]error:[/] " + Markup.Escape(message));

        public void Warning(string message) => Err.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));

        public void Info(string message) => Err.MarkupLine(Markup.Escape(message));
    }
}
