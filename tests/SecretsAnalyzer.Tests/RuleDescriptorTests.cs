using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SecretsAnalyzer.Tests
{
    /// <summary>
    /// Every descriptor in the analyzer assembly (static fields and what each analyzer supports), checked by reflection in
    /// the style of Meziantou's RuleHelpUri test: id, category, severity, help link to an existing page under docs/rules,
    /// and a line in AnalyzerReleases.Unshipped.md. Nothing is skipped: a rule without its page fails here.
    /// </summary>
    public class RuleDescriptorTests
    {
        private const string HelpLinkPrefix = "https://github.com/secrets-analyzer/SecretsAnalyzer/blob/main/";

        public static IEnumerable<object[]> AllDescriptors() => Descriptors().Select(d => new object[] { d.Id });

        [Fact]
        public void TheAssemblyHasDescriptorsAndAnalyzers()
        {
            Assert.Contains(Descriptors(), d => d.Id == RuleIds.AwsAccessKeyId);
            Assert.Contains(Descriptors(), d => d.Id == RuleIds.AwsSecretKey);
            Assert.NotEmpty(Analyzers());
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Descriptor_FollowsTheConventions(string id)
        {
            foreach (DiagnosticDescriptor descriptor in Descriptors().Where(d => d.Id == id))
            {
                Assert.Matches(new Regex("^SECRETS[0-9]{3}$"), descriptor.Id);
                Assert.Equal("Security", descriptor.Category);
                Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
                Assert.True(descriptor.IsEnabledByDefault, id + " must be enabled by default");
                Assert.Equal(RuleIds.HelpLink(id), descriptor.HelpLinkUri);
                Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), id + " has no title");
                Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), id + " has no message");
                Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), id + " has no description");
            }
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void HelpLink_PointsAtAPageInTheRepository(string id)
        {
            string link = RuleIds.HelpLink(id);
            Assert.StartsWith(HelpLinkPrefix, link, StringComparison.Ordinal);
            string relative = link.Substring(HelpLinkPrefix.Length);
            Assert.Equal("docs/rules/" + id + ".md", relative);
            string page = Path.Combine(RepositoryRoot(), relative.Replace('/', Path.DirectorySeparatorChar));
            Assert.True(File.Exists(page), $"{id}: the help link points at {relative}, which does not exist");
            string text = File.ReadAllText(page);
            Assert.Contains(id, text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Descriptor_IsTrackedInTheUnshippedReleaseNotes(string id)
        {
            string notes = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "SecretsAnalyzer", "AnalyzerReleases.Unshipped.md"));
            Assert.Matches(new Regex("^" + id + @"\s*\|\s*Security\s*\|\s*Warning\s*\|", RegexOptions.Multiline), notes);
        }

        [Fact]
        public void EveryAnalyzer_SupportsOnlyKnownDescriptors()
        {
            var known = new HashSet<string>(Descriptors().Select(d => d.Id));
            foreach (DiagnosticAnalyzer analyzer in Analyzers())
            {
                Assert.NotEmpty(analyzer.SupportedDiagnostics);
                Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d.Id, known));
            }
        }

        private static IEnumerable<DiagnosticAnalyzer> Analyzers()
        {
            return typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
        }

        private static IEnumerable<DiagnosticDescriptor> Descriptors()
        {
            var fromFields = typeof(RuleIds).Assembly.GetTypes()
                .Where(t => !t.ContainsGenericParameters)
                .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
            return fromFields.Concat(Analyzers().SelectMany(a => a.SupportedDiagnostics))
                .GroupBy(d => d.Id + "|" + d.Title)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal);
        }

        /// <summary>The folder holding SecretsAnalyzer.sln, found by walking up from the test binaries.</summary>
        public static string RepositoryRoot()
        {
            for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SecretsAnalyzer.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SecretsAnalyzer.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
