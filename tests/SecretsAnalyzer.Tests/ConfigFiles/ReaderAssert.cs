using System.Collections.Generic;
using System.Linq;
using SecretsAnalyzer.ConfigFiles;
using Xunit;

namespace SecretsAnalyzer.Tests.ConfigFiles
{
    /// <summary>Renders what a reader found as <c>path = value @line:column</c> lines (1-based), and checks every span.</summary>
    internal static class ReaderAssert
    {
        public static string[] Render(ConfigDocument document, char separator = '.')
        {
            CheckSpans(document);
            return document.Scalars.Select(s => s.FormatPath(separator) + " = " + s.Value + " @" + Position(document.Text, s.Start)).ToArray();
        }

        /// <summary>Paths with tags written out (<c>!Fn::Sub</c>), for the intrinsic-function tests.</summary>
        public static string[] RenderWithTags(ConfigDocument document)
        {
            CheckSpans(document);
            return document.Scalars.Select(s => string.Join("/", s.Path.Select(p => p.ToString())) + " = " + s.Value).ToArray();
        }

        public static string Position(string text, int offset)
        {
            int line = 1, column = 1;
            for (int i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return line + ":" + column;
        }

        /// <summary>Every verbatim scalar's value is its source text; every mapped character points inside the token.</summary>
        public static void CheckSpans(ConfigDocument document)
        {
            foreach (ConfigScalar scalar in document.Scalars)
            {
                Assert.InRange(scalar.Start, 0, document.Text.Length);
                Assert.InRange(scalar.End, scalar.Start, document.Text.Length);
                if (scalar.IsVerbatim)
                {
                    Assert.Equal(scalar.Value, document.Text.Substring(scalar.ValueStart, scalar.Value.Length));
                }

                for (int i = 0; i < scalar.Value.Length; i++)
                {
                    int offset = scalar.SourceOffset(i);
                    Assert.InRange(offset, scalar.Start, scalar.End);
                }
            }
        }

        public static List<string> Comments(ConfigDocument document) =>
            document.Comments.Select(c => document.Text.Substring(c.Start, c.Length)).ToList();
    }
}
