using System.Threading;
using System.Threading.Tasks;
using SecretsAnalyzer.Cli.Loading;
using SecretsAnalyzer.Cli.Reporting;

namespace SecretsAnalyzer.Cli.Migration
{
    internal sealed class Migrator
    {
        private readonly ConsoleUi _ui;

        public Migrator(ConsoleUi ui) => _ui = ui;

        public Task<int> RunAsync(string path, MigrationOptions options, LoadOptions loadOptions, CancellationToken cancellationToken)
        {
            _ui.Info(path + options.Store + loadOptions.Restore + cancellationToken.IsCancellationRequested);
            return Task.FromResult(0);
        }
    }
}
