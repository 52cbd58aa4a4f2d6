using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>Where a project's helper lives (or will live) and what it already has.</summary>
    internal sealed class HelperState
    {
        private readonly INamedTypeSymbol? _existing;

        private HelperState(string? rootNamespace, INamedTypeSymbol? existing, Document? document, bool generatedByUs)
        {
            RootNamespace = rootNamespace;
            _existing = existing;
            Document = document;
            GeneratedByUs = generatedByUs;
        }

        /// <summary>The project's root namespace, or null for the global namespace.</summary>
        public string? RootNamespace { get; }

        /// <summary>The document declaring the existing helper, if any.</summary>
        public Document? Document { get; }

        public bool Exists => _existing != null;

        /// <summary>The existing helper carries our marker, so it may be regenerated when it lacks a member.</summary>
        public bool GeneratedByUs { get; }

        /// <summary><c>global::Root.Namespace.SecretStore</c>.</summary>
        public string QualifiedName => "global::" + (RootNamespace == null ? string.Empty : RootNamespace + ".") + HelperClass.TypeName;

        public static HelperState Get(Project project, Compilation compilation, AwsTypes types)
        {
            string? rootNamespace = RootNamespaceOf(project);
            string metadataName = (rootNamespace == null ? string.Empty : rootNamespace + ".") + HelperClass.TypeName;
            INamedTypeSymbol? existing = compilation.GetTypeByMetadataName(metadataName);
            if (existing == null || !existing.Locations.Any(l => l.IsInSource))
            {
                return new HelperState(rootNamespace, null, null, false);
            }

            SyntaxTree? tree = existing.Locations.First(l => l.IsInSource).SourceTree;
            Document? document = tree == null ? null : project.GetDocument(tree);
            // Only a file of its own that we wrote may be regenerated; a helper hosted in another file never is.
            bool ours = tree != null && tree.GetText().ToString().TrimStart('\uFEFF').StartsWith(HelperClass.Marker, System.StringComparison.Ordinal);
            return new HelperState(rootNamespace, existing, document, ours);
        }

        /// <summary>Whether a call to <paramref name="member"/> will compile once the fix is applied.</summary>
        public bool Supports(string member) => _existing == null || Has(member) || (GeneratedByUs && Document != null);

        public bool Has(string member) => _existing != null && !_existing.GetMembers(member).IsEmpty;

        /// <summary>Whether a call to <paramref name="member"/> may pass a <c>CancellationToken</c> once the fix is applied.</summary>
        public bool AcceptsToken(string member) => _existing == null || (GeneratedByUs && Document != null) || HasTokenOverload(member);

        /// <summary>Whether the existing helper's <paramref name="member"/> takes <c>(string, CancellationToken)</c>.</summary>
        public bool HasTokenOverload(string member) =>
            _existing != null && _existing.GetMembers(member).OfType<IMethodSymbol>().Any(m =>
                m.Parameters.Length == 2 && m.Parameters[1].Type.ToDisplayString() == "System.Threading.CancellationToken");

        /// <summary>The project's default namespace when valid, else its assembly name when that is a valid namespace, else null.</summary>
        public static string? RootNamespaceOf(Project project)
        {
            if (IsNamespace(project.DefaultNamespace))
            {
                return project.DefaultNamespace;
            }

            return IsNamespace(project.AssemblyName) ? project.AssemblyName : null;
        }

        private static bool IsNamespace(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            foreach (string part in name!.Split('.'))
            {
                if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
