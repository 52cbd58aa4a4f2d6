using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>
    /// Resolves every package the test compilations reference (the dependencies that are not in the global packages
    /// folder are downloaded and extracted on first use), once and one after another, when the test assembly loads
    /// and before any test runs: tests that resolve the same new packages at the same time can see a half-extracted one.
    /// </summary>
    internal static class ReferencePackages
    {
        [ModuleInitializer]
        internal static void ResolveOnce()
        {
            // The providers' set holds every package of the AWS set; the AWS set then resolves from disk.
            ConnectionStringReferences.Net80WithProviders.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
            TestReferences.Net80WithAws.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
