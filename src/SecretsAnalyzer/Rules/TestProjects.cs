using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Detection;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// Test projects (MSBuild's <c>IsTestProject</c>, or a reference to a test framework) and the
    /// <c>secrets_analyzer.test_hosts</c> option: a credential for a local test host there is a fixture for a
    /// throw-away container, not a secret that reaches a deployment.
    /// </summary>
    internal static class TestProjects
    {
        /// <summary>Assemblies of the test frameworks: their presence makes a project a test project.</summary>
        private static readonly string[] FrameworkAssemblies =
        {
            "xunit.core", "xunit.v3.core", "xunit.abstractions", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework", "TUnit.Core", "Microsoft.Testing.Platform",
        };

        /// <summary>Once per compilation: whether a test framework is referenced.</summary>
        public static bool ReferencesTestFramework(Compilation compilation)
        {
            foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
            {
                foreach (string name in FrameworkAssemblies)
                {
                    if (string.Equals(identity.Name, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a finding for <paramref name="host"/> stays quiet: the project is a test project, the host is a local
        /// test host, and <c>test_hosts</c> is not <c>report</c> for <paramref name="ruleId"/>.
        /// </summary>
        public static bool IsQuiet(SecretsOptions options, bool referencesTestFramework, string ruleId, string? host)
        {
            return host != null && (referencesTestFramework || options.IsTestProject) && TestHosts.IsLocalTestHost(host) && !options.ReportsTestHosts(ruleId);
        }
    }
}
