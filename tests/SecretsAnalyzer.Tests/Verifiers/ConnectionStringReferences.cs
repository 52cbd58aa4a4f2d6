using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace SecretsAnalyzer.Tests.Verifiers
{
    /// <summary>
    /// SECRETS003 tests compile against the real ADO.NET providers served here, so builder types, properties and
    /// indexers are resolved exactly as in user code: .NET 8 + AWS SDK + Npgsql, Microsoft.Data.SqlClient, MySqlConnector, StackExchange.Redis, MongoDB.Driver.
    /// </summary>
    public static class ConnectionStringReferences
    {
        public static readonly ReferenceAssemblies Net80WithProviders = TestReferences.Net80WithAws.AddPackages(ImmutableArray.Create(
            new PackageIdentity("Npgsql", "10.0.3"),
            new PackageIdentity("Microsoft.Data.SqlClient", "7.1.1"),
            new PackageIdentity("MySqlConnector", "2.6.2"),
            new PackageIdentity("StackExchange.Redis", "2.8.16"),
            new PackageIdentity("MongoDB.Driver", "3.14.0")));
    }
}
