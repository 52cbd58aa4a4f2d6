using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>Reference assemblies for test compilations: .NET 8 plus the real AWS SDK packages served here.</summary>
    public static class TestReferences
    {
        public static readonly ReferenceAssemblies Net80WithAws = ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(
            new PackageIdentity("AWSSDK.Core", "4.1.0"),
            new PackageIdentity("AWSSDK.SecurityToken", "4.0.101.10"),
            new PackageIdentity("AWSSDK.SimpleSystemsManagement", "4.0.105"),
            new PackageIdentity("AWSSDK.S3", "4.1.0")));
    }
}
