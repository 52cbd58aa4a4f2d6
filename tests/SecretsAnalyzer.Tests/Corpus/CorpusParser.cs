using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SecretsAnalyzer.Tests.Corpus
{
    /// <summary>Whether a labelled line must raise a finding (a positive) or must stay silent (a look-alike).</summary>
    public enum CorpusExpectation
    {
        Noncompliant,
        Compliant,
    }

    /// <summary>One label: on 1-based <see cref="Line"/> of <see cref="File"/>, rule <see cref="RuleId"/> must (not) report.</summary>
    public sealed record CorpusLabel(string File, int Line, string RuleId, CorpusExpectation Expectation, int MarkerLine);

    /// <summary>A marker the parser could not read; the corpus test fails on any.</summary>
    public sealed record CorpusParseError(string File, int Line, string Message);

    /// <summary>
    /// Reads the Sonar-style labels of a corpus file (see Corpus/README.md):
    /// <code>
    /// var id = "AKIA…";             // Noncompliant SECRETS001
    /// var s = "…";                  // Noncompliant SECRETS001 SECRETS002
    /// var sha = "3f786850e387…";    // Compliant SECRETS002
    /// // Noncompliant@+2 SECRETS002   (the finding is 2 lines below; for lines inside raw strings)
    /// new X("AKIA…", "sha1…");      // Noncompliant SECRETS001 // Compliant SECRETS002
    /// </code>
    /// A marker comment starts at the first <c>// Noncompliant</c> or <c>// Compliant</c> of a line and runs to its end.
    /// It is one or more clauses <c>(Noncompliant|Compliant)[@+N|@-N] ID…</c>, optionally separated by <c>//</c>, and
    /// may end in free text that does not look like an id. A misspelt keyword or id is an error, so a typo never
    /// silently drops a label. <c>// Compliant</c> without an id is prose and labels nothing.
    /// </summary>
    public static class CorpusParser
    {
        private static readonly Regex MarkerStart = new Regex(@"//\s*(Noncompliant|Compliant)\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex LooseMarker = new Regex(@"//\s*non-?compliant\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        private static readonly Regex SuspiciousTail = new Regex(@"^(?:[A-Za-z]+\d+\b|(?i:non-?compliant|compliant)\b)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static readonly Regex Clause = new Regex(
            @"\G\s*(?://\s*)?(?<kind>Noncompliant|Compliant)(?:@(?<offset>[+-]\d+))?(?<ids>(?:\s+[A-Z]+\d{3})+)\s*",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
            TimeSpan.FromSeconds(1));

        private static readonly Regex RuleId = new Regex(@"^SECRETS\d{3}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public static (List<CorpusLabel> Labels, List<CorpusParseError> Errors) Parse(string file, string text)
        {
            var labels = new List<CorpusLabel>();
            var errors = new List<CorpusParseError>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            var seen = new HashSet<(int, string)>();
            for (int index = 0; index < lines.Length; index++)
            {
                int lineNumber = index + 1;
                string line = lines[index];
                Match start = MarkerStart.Match(line);
                if (!start.Success)
                {
                    if (LooseMarker.IsMatch(line))
                    {
                        errors.Add(new CorpusParseError(file, lineNumber, "looks like a marker but is not '// Noncompliant ID' or '// Compliant ID'"));
                    }

                    continue;
                }

                int position = start.Index;
                bool any = false;
                while (position < line.Length)
                {
                    Match clause = Clause.Match(line, position);
                    if (!clause.Success || clause.Length == 0)
                    {
                        break;
                    }

                    any = true;
                    position = clause.Index + clause.Length;
                    var expectation = clause.Groups["kind"].Value == "Noncompliant" ? CorpusExpectation.Noncompliant : CorpusExpectation.Compliant;
                    int target = lineNumber;
                    if (clause.Groups["offset"].Success)
                    {
                        target += int.Parse(clause.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    }

                    if (target < 1 || target > lines.Length)
                    {
                        errors.Add(new CorpusParseError(file, lineNumber, $"marker points at line {target}, outside the file"));
                        continue;
                    }

                    foreach (string id in clause.Groups["ids"].Value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!RuleId.IsMatch(id))
                        {
                            errors.Add(new CorpusParseError(file, lineNumber, $"'{id}' is not a rule id (SECRETS00N)"));
                            continue;
                        }

                        if (!seen.Add((target, id)))
                        {
                            errors.Add(new CorpusParseError(file, lineNumber, $"line {target} is labelled twice for {id}"));
                            continue;
                        }

                        labels.Add(new CorpusLabel(file, target, id, expectation, lineNumber));
                    }
                }

                if (!any)
                {
                    // "// Compliant" on its own is prose (nothing may fire here, which holds for every unlabelled line anyway).
                    if (start.Groups[1].Value == "Noncompliant")
                    {
                        errors.Add(new CorpusParseError(file, lineNumber, "'// Noncompliant' without a rule id"));
                    }

                    continue;
                }

                string tail = line.Substring(position).Trim();
                if (SuspiciousTail.IsMatch(tail))
                {
                    // A misspelt id or a second marker would otherwise be dropped silently; free text (" - why") is fine.
                    errors.Add(new CorpusParseError(file, lineNumber, $"unreadable text after the marker: '{tail}'"));
                }
            }

            return (labels, errors);
        }
    }
}
