using System;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console;
using SecretsAnalyzer.Cli.Scanning;

namespace SecretsAnalyzer.Cli.Reporting
{
    /// <summary>Findings grouped by project and rule, with file:line:column, then a summary table.</summary>
    internal static class TextReport
    {
        public static void Render(IAnsiConsole console, IReadOnlyList<Finding> findings, IReadOnlyList<string> projects, IReadOnlyList<InactiveRule> inactive)
        {
            foreach (var project in findings.GroupBy(f => f.Project))
            {
                console.MarkupLine("[bold]" + Markup.Escape(project.Key) + "[/] " + Plural(project.Count(), "finding"));
                foreach (var rule in project.GroupBy(f => f.RuleId))
                {
                    string title = RuleCatalog.Rules.TryGetValue(rule.Key, out var descriptor)
                        ? descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : rule.Key;
                    console.MarkupLine("  [bold]" + Markup.Escape(rule.Key) + "[/] " + Markup.Escape(title) + " [dim](" + Markup.Escape(RuleIds.HelpLink(rule.Key)) + ")[/]");
                    foreach (Finding f in rule)
                    {
                        string colour = f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error ? "red" : f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning ? "yellow" : "blue";
                        console.MarkupLine("    [" + colour + "]" + f.Level + "[/] " + Markup.Escape(f.Where) + "  " + Markup.Escape(f.Message));
                    }
                }

                console.WriteLine();
            }

            console.Write(SummaryTable(findings, projects, inactive));
            WriteInactive(console, inactive);
            console.MarkupLine(findings.Count == 0
                ? "[green]No hard-coded credentials found.[/]"
                : "[bold]" + Plural(findings.Count, "finding") + "[/] in " + Plural(findings.Select(f => f.FilePath).Distinct().Count(), "file") + ".");
        }

        /// <summary>One note per project and inactive rule, under the table whose cell says "off".</summary>
        public static void WriteInactive(IAnsiConsole console, IReadOnlyList<InactiveRule> inactive)
        {
            foreach (InactiveRule rule in inactive)
            {
                console.MarkupLine("[blue]note:[/] " + Markup.Escape(rule.Message));
            }
        }

        public static Table SummaryTable(IReadOnlyList<Finding> findings, IReadOnlyList<string> projects, IReadOnlyList<InactiveRule> inactive)
        {
            var rules = RuleCatalog.Rules.Keys.ToList();
            var table = new Table().Border(TableBorder.Rounded).Title("SecretsAnalyzer findings");
            table.AddColumn("Project");
            foreach (string rule in rules)
            {
                table.AddColumn(new TableColumn(rule).RightAligned());
            }

            table.AddColumn(new TableColumn("Total").RightAligned());
            foreach (string project in projects)
            {
                var row = new List<string> { Markup.Escape(project) };
                row.AddRange(rules.Select(r => inactive.Any(i => i.Project == project && i.RuleId == r)
                    ? "[dim]off[/]"
                    : Count(findings.Count(f => f.Project == project && f.RuleId == r))));
                row.Add(Count(findings.Count(f => f.Project == project)));
                table.AddRow(row.ToArray());
            }

            var total = new List<string> { "[bold]Total[/]" };
            total.AddRange(rules.Select(r => "[bold]" + findings.Count(f => f.RuleId == r) + "[/]"));
            total.Add("[bold]" + findings.Count + "[/]");
            table.AddRow(total.ToArray());
            return table;
        }

        public static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

        public static string Plural(int count, string noun, string plural) => count + " " + (count == 1 ? noun : plural);

        private static string Count(int n) => n == 0 ? "[dim]0[/]" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
