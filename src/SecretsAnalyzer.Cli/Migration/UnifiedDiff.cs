using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace SecretsAnalyzer.Cli.Migration
{
    /// <summary>A unified diff (3 lines of context) of one file, for --dry-run.</summary>
    internal static class UnifiedDiff
    {
        public static string Render(string oldPath, string newPath, string oldText, string newText, int context = 3)
        {
            DiffResult diff = new Differ().CreateLineDiffs(oldText, newText, ignoreWhitespace: false);
            IReadOnlyList<string> a = diff.PiecesOld;
            IReadOnlyList<string> b = diff.PiecesNew;
            var output = new StringBuilder();
            output.Append("--- ").Append(oldPath).Append('\n');
            output.Append("+++ ").Append(newPath).Append('\n');

            // Group blocks whose context overlaps into hunks.
            var blocks = diff.DiffBlocks.ToList();
            int i = 0;
            while (i < blocks.Count)
            {
                int j = i;
                while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context)
                {
                    j++;
                }

                DiffBlock first = blocks[i];
                DiffBlock last = blocks[j];
                int startA = Math.Max(0, first.DeleteStartA - context);
                int startB = Math.Max(0, first.InsertStartB - (first.DeleteStartA - startA));
                int endA = Math.Min(a.Count, last.DeleteStartA + last.DeleteCountA + context);
                int endB = Math.Min(b.Count, last.InsertStartB + last.InsertCountB + (endA - (last.DeleteStartA + last.DeleteCountA)));
                output.Append("@@ -").Append(Range(startA, endA - startA)).Append(" +").Append(Range(startB, endB - startB)).Append(" @@\n");

                int posA = startA;
                for (int k = i; k <= j; k++)
                {
                    DiffBlock block = blocks[k];
                    for (; posA < block.DeleteStartA; posA++)
                    {
                        output.Append(' ').Append(a[posA]).Append('\n');
                    }

                    for (int d = 0; d < block.DeleteCountA; d++)
                    {
                        output.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                    }

                    for (int n = 0; n < block.InsertCountB; n++)
                    {
                        output.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                    }

                    posA = block.DeleteStartA + block.DeleteCountA;
                }

                for (; posA < endA; posA++)
                {
                    output.Append(' ').Append(a[posA]).Append('\n');
                }

                i = j + 1;
            }

            return output.ToString();
        }

        private static string Range(int start, int count) => count == 0 ? start + ",0" : (start + 1) + "," + count;
    }
}
