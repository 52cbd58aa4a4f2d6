using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Build.Locator;

namespace SecretsAnalyzer.Cli
{
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            RegisterMSBuild();
            return await RunAsync(args).ConfigureAwait(false);
        }

        /// <summary>
        /// Registers the SDK's MSBuild before any type that touches Microsoft.Build is loaded. This method must not
        /// mention a Roslyn workspace or MSBuild type, hence the separate, non-inlined <see cref="RunAsync"/>.
        /// </summary>
        private static void RegisterMSBuild()
        {
            if (MSBuildLocator.IsRegistered || !MSBuildLocator.CanRegister)
            {
                return;
            }

            try
            {
                MSBuildLocator.RegisterDefaults();
            }
            catch (InvalidOperationException e)
            {
                // No .NET SDK found: the workspace reports the same problem with the project name when it loads.
                Console.Error.WriteLine("warning: could not locate an MSBuild from a .NET SDK: " + e.Message);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Task<int> RunAsync(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
    }
}
