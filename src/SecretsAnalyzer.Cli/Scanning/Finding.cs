using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Cli.Scanning
{
    /// <summary>One finding, as a build would print it. The message is the analyzer's own, already redacted.</summary>
    internal sealed record Finding(
        string RuleId,
        DiagnosticSeverity Severity,
        string Message,
        string Project,
        string FilePath,
        string RelativePath,
        int Line,
        int Column,
        int EndLine,
        int EndColumn,
        string? SecretKind,
        string? MissingFixPackage = null)
    {
        public string Level => Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };

        public string Where => RelativePath + ":" + Line + ":" + Column;

        public static Finding From(Diagnostic diagnostic, string project, string rootDirectory)
        {
            FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                span = diagnostic.Location.GetLineSpan();
            }

            string path = Path.GetFullPath(span.Path);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.SecretKind, out string? kind);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingFixPackage, out string? missing);
            return new Finding(
                diagnostic.Id,
                diagnostic.Severity,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                project,
                path,
                Relative(rootDirectory, path),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                kind,
                missing);
        }

        /// <summary>A path relative to the input's folder, with forward slashes; absolute when outside it.</summary>
        public static string Relative(string rootDirectory, string path)
        {
            string relative = Path.GetRelativePath(rootDirectory, path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return path.Replace('\\', '/');
            }

            return relative.Replace('\\', '/');
        }

        /// <summary>Sorted by project, rule, file and position; duplicates (one per target framework) removed.</summary>
        public static IReadOnlyList<Finding> Normalize(IEnumerable<Finding> findings) =>
            findings
                .GroupBy(f => (f.RuleId, f.FilePath, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message))
                .Select(g => g.OrderBy(f => f.Project, StringComparer.Ordinal).First())
                .OrderBy(f => f.Project, StringComparer.Ordinal)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Column)
                .ToList();
    }
}
