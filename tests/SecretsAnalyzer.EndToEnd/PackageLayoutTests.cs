using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SecretsAnalyzer.EndToEnd.Infrastructure;

namespace SecretsAnalyzer.EndToEnd
{
    /// <summary>The nupkg itself: an analyzer-only development dependency with its metadata.</summary>
    public sealed class PackageLayoutTests : IClassFixture<PackedPackage>
    {
        private readonly PackedPackage package;

        public PackageLayoutTests(PackedPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void Nupkg_HoldsBothAnalyzerAssemblies_UnderAnalyzersDotnetCs_AndNoLib()
        {
            using ZipArchive zip = ZipFile.OpenRead(package.NupkgPath);
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();

            Assert.Contains("analyzers/dotnet/cs/SecretsAnalyzer.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/SecretsAnalyzer.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(entries, e => e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
            Assert.All(
                entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)),
                e => Assert.StartsWith("analyzers/dotnet/cs/", e, StringComparison.Ordinal));
            Assert.Contains("build/SecretsAnalyzer.props", entries);
            Assert.Contains("buildTransitive/SecretsAnalyzer.props", entries);
            Assert.Contains("build/SecretsAnalyzer.targets", entries);
            Assert.Contains("buildTransitive/SecretsAnalyzer.targets", entries);
        }

        [Fact]
        public void AnalyzerAssemblies_TargetNetStandard20_AndRoslyn48AtMost()
        {
            using ZipArchive zip = ZipFile.OpenRead(package.NupkgPath);
            foreach (string name in new[] { "SecretsAnalyzer.dll", "SecretsAnalyzer.CodeFixes.dll" })
            {
                using var buffer = new MemoryStream();
                using (Stream stream = zip.GetEntry("analyzers/dotnet/cs/" + name)!.Open())
                {
                    stream.CopyTo(buffer);
                }

                buffer.Position = 0;
                using var pe = new PEReader(buffer);
                MetadataReader metadata = pe.GetMetadataReader();
                var references = metadata.AssemblyReferences
                    .Select(metadata.GetAssemblyReference)
                    .ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

                Assert.Contains("netstandard", references.Keys);
                if (name == "SecretsAnalyzer.dll")
                {
                    Assert.True(references.ContainsKey("Microsoft.CodeAnalysis"), name + " does not reference Roslyn");
                }

                // Roslyn 4.8 loads in the .NET 8 SDK and VS 2022 17.8+: the package must not need anything newer.
                foreach (var reference in references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
                {
                    Assert.True(reference.Value <= new Version(4, 8, 0, 0), $"{name} needs {reference.Key} {reference.Value}");
                }

                Assert.DoesNotContain(references.Keys, k => k.StartsWith("System.Runtime", StringComparison.Ordinal) && k != "System.Runtime");
            }
        }

        [Fact]
        public void Nuspec_IsADevelopmentDependency_WithoutDependencies_WithReadmeLicenseTagsAndProjectUrl()
        {
            using ZipArchive zip = ZipFile.OpenRead(package.NupkgPath);
            XDocument nuspec;
            using (Stream stream = zip.GetEntry("SecretsAnalyzer.nuspec")!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            XNamespace ns = nuspec.Root!.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            string Value(string name) => metadata.Element(ns + name)?.Value ?? string.Empty;

            Assert.Equal("SecretsAnalyzer", Value("id"));
            Assert.Equal(package.Version, Value("version"));
            Assert.Equal("true", Value("developmentDependency"));
            XElement? dependencies = metadata.Element(ns + "dependencies");
            Assert.True(dependencies == null || !dependencies.Descendants(ns + "dependency").Any(), "the package has dependencies: " + dependencies);
            Assert.False(string.IsNullOrWhiteSpace(Value("description")));
            Assert.False(string.IsNullOrWhiteSpace(Value("authors")));

            string readme = Value("readme");
            Assert.False(string.IsNullOrEmpty(readme), "no <readme>");
            Assert.NotNull(zip.GetEntry(readme));

            XElement license = metadata.Element(ns + "license")!;
            Assert.NotNull(license);
            if ((string?)license.Attribute("type") == "file")
            {
                Assert.NotNull(zip.GetEntry(license.Value));
            }
            else
            {
                Assert.Equal("expression", (string?)license.Attribute("type"));
                Assert.False(string.IsNullOrWhiteSpace(license.Value));
            }

            string[] tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("roslyn", tags);
            Assert.Contains("analyzers", tags);
            Assert.Contains("aws", tags);
            Assert.StartsWith("https://", Value("projectUrl"), StringComparison.Ordinal);
        }
    }
}
