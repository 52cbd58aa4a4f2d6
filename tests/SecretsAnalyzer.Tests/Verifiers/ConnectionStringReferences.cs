using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Testing;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>
    /// SECRETS003 tests compile against the real ADO.NET providers served here, so builder types, properties and
    /// indexers are resolved exactly as in user code: .NET 8 + AWS SDK + Npgsql, Microsoft.Data.SqlClient, MySqlConnector.
    /// </summary>
    public static class ConnectionStringReferences
    {
        public static readonly ReferenceAssemblies Net80WithProviders = TestReferences.Net80WithAws.AddPackages(ImmutableArray.Create(
            new PackageIdentity("Npgsql", "10.0.3"),
            new PackageIdentity("Microsoft.Data.SqlClient", "7.1.1"),
            new PackageIdentity("MySqlConnector", "2.6.2")));
    }
}
