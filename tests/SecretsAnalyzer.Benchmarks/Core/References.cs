using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>Metadata references for the generated compilations.</summary>
    public static class References
    {
        /// <summary>
        /// The reference assemblies of the running .NET (dotnet/packs/Microsoft.NETCore.App.Ref/&lt;version&gt;), which is
        /// what a real project compiles against; falls back to the runtime's own assemblies.
        /// </summary>
        public static IReadOnlyList<MetadataReference> Framework()
        {
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string version = Path.GetFileName(runtimeDir);
            string? dotnetRoot = Directory.GetParent(runtimeDir)?.Parent?.Parent?.FullName;
            if (dotnetRoot != null)
            {
                string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
                if (Directory.Exists(packs))
                {
                    string? dir = Directory.GetDirectories(packs)
                        .OrderByDescending(d => Path.GetFileName(d) == version)
                        .ThenByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
                        .Select(d => Directory.GetDirectories(Path.Combine(d, "ref")).FirstOrDefault())
                        .FirstOrDefault(d => d != null);
                    if (dir != null)
                    {
                        return Directory.GetFiles(dir, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
                    }
                }
            }

            string tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
        }
    }
}
