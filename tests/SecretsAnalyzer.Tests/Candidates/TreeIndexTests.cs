using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SecretsAnalyzer.Candidates;
using Xunit;

namespace SecretsAnalyzer.Tests.Candidates
{
    /// <summary>
    /// The shared text-driven pass (<see cref="TreeIndex"/>): it must find every value a syntax walk would, and
    /// nothing inside comments, char literals or disabled code that is not one.
    /// </summary>
    public class TreeIndexTests
    {
        private static (TreeIndex Index, SemanticModel Model) Index(string source, params string[] otherFiles)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Preview);
            var trees = new[] { CSharpSyntaxTree.ParseText(source, parse) }.Concat(otherFiles.Select(f => CSharpSyntaxTree.ParseText(f, parse))).ToArray();
            var compilation = CSharpCompilation.Create("T", trees, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            SemanticModel model = compilation.GetSemanticModel(trees[0]);
            return (TreeIndex.Get(model, CancellationToken.None), model);
        }

        /// <summary>What a syntax walk finds: string literals and interpolated strings that are not operands of +, and the tops of + chains holding one.</summary>
        private static string[] WalkedValues(SyntaxNode root) => root.DescendantNodes()
            .Where(n => (n.IsKind(SyntaxKind.StringLiteralExpression) || n.IsKind(SyntaxKind.Utf8StringLiteralExpression) || n.IsKind(SyntaxKind.InterpolatedStringExpression) ||
                         (n.IsKind(SyntaxKind.AddExpression) && n.DescendantNodes().Any(d => d.IsKind(SyntaxKind.StringLiteralExpression) || d.IsKind(SyntaxKind.InterpolatedStringExpression)))) &&
                        CandidateCollector.IsCandidateRoot(n))
            .Select(n => n.ToString()).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        /// <summary>The values the index stands for: its nodes, its plain literals, and the chains its isolated chain parts belong to.</summary>
        private static string[] IndexedValues(TreeIndex index, SemanticModel model)
        {
            var tops = new System.Collections.Generic.Dictionary<long, SyntaxNode>();
            var chainsOfParts = Enumerable.Range(0, index.PlainLiterals.Count).Where(i => index.PlainLiterals[i].InChain)
                .Select(i => TreeIndex.ChainTop(index.LiteralNode(i, model.SyntaxTree, CancellationToken.None)!, tops))
                .Where(top => !index.IsIndexedChain(top))
                .Select(top => top.ToString()).Distinct();
            return index.Values.Select(v => v.ToString())
                .Concat(index.PlainLiterals.Where(p => p.Kind == PlainKind.Alone).Select(p => model.SyntaxTree.GetText().ToString(p.Span)))
                .Concat(index.PlainLiterals.Where(p => p.Kind == PlainKind.InInterpolation).Select(p => model.SyntaxTree.GetText().ToString(p.Span)).Distinct())
                .Concat(chainsOfParts)
                .OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
        }

        [Fact]
        public void PlainLiteralList_GivesBackWhatWasAdded()
        {
            const string source = "x = \"abc\" + $\"d{e}f\";";
            var list = new PlainLiteralList { Source = source, Capacity = 1 };
            var added = new[]
            {
                new PlainLiteral(4, 5, source, 5, 3, PlainKind.InChain),
                new PlainLiteral(12, 9, source, 14, 1, PlainKind.InInterpolation),
                new PlainLiteral(12, 9, "decoded \" value", 0, 15, PlainKind.Alone),
                new PlainLiteral(12, 9, "part of a value", 8, 2, PlainKind.InInterpolation),
            };
            foreach (PlainLiteral literal in added)
            {
                list.Add(literal);
            }

            Assert.Equal(4, list.Count);
            for (int i = 0; i < added.Length; i++)
            {
                PlainLiteral got = list[i];
                Assert.Equal((added[i].Start, added[i].Length, added[i].Kind, added[i].Value), (got.Start, got.Length, got.Kind, got.Value));
                Assert.Equal(added[i].Value, got.Text.Substring(got.ValueStart, got.ValueLength));
            }

            Assert.Same(source, list[0].Text);
            Assert.Equal(new[] { "abc", "d", "decoded \" value", "a " }, list.Select(p => p.Value));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => list[4]);
        }

        [Fact]
        public void FindsEveryLiteralForm_AsASyntaxWalkDoes()
        {
            const string source = """"
                using System;
                class C
                {
                    const string K = "k";
                    string a = "plain", b = @"verb ""quoted"" // not a comment", c = "esc \" /* still string */";
                    string d = """raw "quoted" text""";
                    string e = $"x{a}y{(a == "in hole" ? "t" : "f")}z // text";
                    string f = $@"verbatim {a} ""q""";
                    string g = $$"""raw {{a}} "q" """;
                    ReadOnlySpan<byte> h => "utf8"u8;
                    char q = '"';
                    string i = "a" + (b + ("c" + K)) + 1;
                    string k = "unterminated
                ;
                }
                """";
            (TreeIndex index, SemanticModel model) = Index(source);
            Assert.Equal(WalkedValues(model.SyntaxTree.GetRoot()), IndexedValues(index, model));
        }

        [Fact]
        public void AConcatenationOfConstantNamesOnly_IsAValue()
        {
            (TreeIndex index, SemanticModel model) = Index("""
                class C
                {
                    const string A = "a", B = "b";
                    string x = A + B;
                    int y = 1 + 2;
                    void M(string local) { var z = local + local; }
                }
                """);
            Assert.Equal(new[] { "\"a\"", "\"b\"", "A + B" }, IndexedValues(index, model));
        }

        [Fact]
        public void FindsComments_NotTextThatLooksLikeOne()
        {
            (TreeIndex index, SemanticModel model) = Index("""
                // line
                /* block */
                class C
                {
                    /// <summary>doc "quoted"</summary>
                    string u = "https://example.com/*x*/";
                #if NEVER
                    string disabled = "in disabled code";
                #endif
                    string v = $"http://{u}//"; // trailing
                }
                """);
            string[] comments = index.Comments.Select(c => c.ToFullString().Trim())
                .Concat(index.PlainComments.Select(span => index.SourceText.Substring(span.Start, span.Length))).ToArray();
            Assert.Equal(5, comments.Length);
            Assert.Equal(new[] { "// line", "/* block */", "// trailing" }, index.PlainComments.Select(span => index.SourceText.Substring(span.Start, span.Length)).ToArray());
            Assert.All(Enumerable.Range(0, index.PlainComments.Count), i => Assert.Equal(index.PlainComments[i], index.CommentTrivia(i, model.SyntaxTree, CancellationToken.None).Span));
            Assert.Contains("// line", comments);
            Assert.Contains("/* block */", comments);
            Assert.Contains(comments, c => c.StartsWith("/// <summary>doc", System.StringComparison.Ordinal));
            Assert.Contains(comments, c => c.Contains("in disabled code"));
            Assert.Contains("// trailing", comments);
            Assert.DoesNotContain(index.Values, v => v.ToString().Contains("disabled"));
        }

        [Fact]
        public void FindsConstantArguments_PasswordTargets_AndAddCallsWithAPasswordKey()
        {
            (TreeIndex index, _) = Index("""
                using System.Collections.Generic;
                class B { public string Password { get; set; } public string Pwd2 { get; set; } public string this[string k] { get => k; set { } } }
                class C
                {
                    void M(Dictionary<string, string> d, B b, string p)
                    {
                        const string Local = "l";
                        F(Keys.Secret, Local, p);
                        d.Add("Password", p);
                        d.Add(Keys.Secret, "v");
                        d.Add("Server", "db");
                        b.Password = p;
                        b["Password"] = p;
                        b["Server"] = p;
                        var n = new B { Pwd2 = "x", Password = Keys.Secret };
                        Prop = Keys.Secret;
                    }
                    void F(params string[] a) { }
                    string Prop { get; set; }
                }
                """, "static class Keys { public const string Secret = \"s\"; }");
            Assert.Equal(new[] { "Keys.Secret", "Local", "Keys.Secret" }, index.NamedArguments.Select(a => a.ToString()).ToArray());
            Assert.Equal(
                new[] { "Password = Keys.Secret", "Pwd2 = \"x\"", "b.Password = p", "b[\"Password\"] = p" },
                index.Assignments.Select(a => a.ToString()).OrderBy(x => x, System.StringComparer.Ordinal).ToArray());
            Assert.Equal(new[] { "d.Add(\"Password\", p)", "d.Add(Keys.Secret, \"v\")" }, index.KeyValueAdds.Select(a => a.ToString()).ToArray());
        }

        [Fact]
        public void ReadsPlainLiteralsFromTheText_AndLeavesTheRestToTheTree()
        {
            (TreeIndex index, SemanticModel model) = Index("""
                class C
                {
                    string a = "plain", b = ("in parens"), c = "x" + a, d = a + ("y"), e = "esc\t", f = @"verbatim";
                #line 1 "not code"
                    string g = a +
                #if DEBUG
                        "after a directive";
                #else
                        "disabled";
                #endif
                }
                """);
            Assert.Equal(new[] { "plain", "in parens", "esc\t", "verbatim" }, index.PlainLiterals.Where(p => !p.InChain).Select(p => p.Value).ToArray());
            Assert.Equal(new[] { "x", "y" }, index.PlainLiterals.Where(p => p.InChain).Select(p => p.Value).ToArray());
            Assert.Equal(WalkedValues(model.SyntaxTree.GetRoot()), IndexedValues(index, model));
            Assert.All(Enumerable.Range(0, index.PlainLiterals.Count), i => Assert.NotNull(index.LiteralNode(i, model.SyntaxTree, CancellationToken.None)));
        }

        [Fact]
        public void ReadsEscapedAndVerbatimLiterals_AndPlainInterpolations_FromTheText()
        {
            (TreeIndex index, SemanticModel model) = Index(""""
                class C
                {
                    const string K = "k";
                    string a = "q\"uote\\d\t", b = @"C:\dir\", c = @"say ""hi""", d = "\u0041", e = "\x41";
                    string f = $"id {a} is {b.Length,5:N0} done", g = $"{a}", h = $"{a}{b}", i = $"{K}x", j = $"x{a}" + a;
                    string k = $"{{x}}{a}", l = $"{(a == "s" ? a : b)}", m = $@"v{a}", n = $"e\t{a}\"", o = $"}", q = "{{no}}";
                    string p = $"multi {a
                        } line";
                }
                """");
            SourceText text = model.SyntaxTree.GetText();
            PlainLiteral[] alone = index.PlainLiterals.Where(p => p.Kind == PlainKind.Alone).ToArray();
            Assert.Equal(new[] { "k", "q\"uote\\d\t", "C:\\dir\\", "{{no}}", "s" }, alone.Select(p => p.Value).ToArray());
            Assert.Equal("@\"C:\\dir\\\"", text.ToString(alone[2].Span));
            PlainLiteral[] parts = index.PlainLiterals.Where(p => p.Kind == PlainKind.InInterpolation).ToArray();
            // A part with escapes has the value the parser stored in its token (which keeps doubled braces).
            Assert.Equal(new[] { "id ", " is ", " done", "{{x}}", "e\t", "\"" }, parts.Select(p => p.Value).ToArray());
            Assert.All(parts.Take(3), p => Assert.Equal("$\"id {a} is {b.Length,5:N0} done\"", text.ToString(p.Span)));
            Assert.All(Enumerable.Range(0, index.PlainLiterals.Count), i => Assert.NotNull(index.Node(i, model.SyntaxTree, CancellationToken.None)));

            // $"{a}" and $"{a}{b}" have no text part, so nothing stands for them: they can hold no secret (no hole is a constant).
            string[] walked = WalkedValues(model.SyntaxTree.GetRoot()).Where(v => v != "$\"{a}\"" && v != "$\"{a}{b}\"").ToArray();
            Assert.Equal(walked, IndexedValues(index, model));
        }

        /// <summary>
        /// Escaped values decoded by the scan equal the values the parser stored in the tokens, for every simple escape
        /// in regular literals and interpolated text parts (with doubled braces), at random.
        /// </summary>
        [Fact]
        public void DecodedValues_AreTheTokensValues()
        {
            string[] pieces = { "a", "Z", "9", " ", "=", ";", "\\\"", "\\\\", "\\'", "\\0", "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\u00e9" };
            var random = new System.Random(7);
            var source = new System.Text.StringBuilder("class C\n{\n    string x = \"\";\n");
            for (int n = 0; n < 400; n++)
            {
                var value = new System.Text.StringBuilder();
                for (int k = random.Next(1, 12); k > 0; k--)
                {
                    value.Append(pieces[random.Next(pieces.Length)]);
                }

                source.Append(n % 2 == 0
                    ? $"    string s{n} = \"{value}\";\n"
                    : $"    string s{n} => $\"{value}{{{{{{x}}}}}}{value}\";\n");
            }

            source.Append("}\n");
            (TreeIndex index, SemanticModel model) = Index(source.ToString());
            string[] expected = model.SyntaxTree.GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken))
                .Select(t => t.ValueText).ToArray();
            Assert.Equal(601, expected.Length);
            Assert.Equal(expected, index.PlainLiterals.Select(p => p.Value).ToArray());
        }

        [Fact]
        public void AChainPartNextToAnotherStringOrChar_IsLeftToTheTree()
        {
            (TreeIndex index, SemanticModel model) = Index("""
                class C
                {
                    string a = "p" + "q", b = a + "r" + a, c = 'x' + "s", d = a + $"t{a}", e = F("u") + "v", f = a + /* c */ "w";
                    static string F(string s) => s;
                }
                """);
            Assert.Equal(new[] { "r" }, index.PlainLiterals.Where(p => p.InChain).Select(p => p.Value).ToArray());
            Assert.Equal(WalkedValues(model.SyntaxTree.GetRoot()), IndexedValues(index, model));
        }

        [Fact]
        public void LikelyValue_PrefersTheConstantOfTheEnclosingType_AndOfANamedType()
        {
            (TreeIndex index, _) = Index("""
                class A { const string Name = "from A"; string x = Name + "!"; }
                class B { const string Name = "from B"; string y = Name + "?"; string z = A2.Name + "."; }
                class A2 { public const string Name = "from A2"; const int Size = 3; }
                """);
            ExpressionSyntax[] uses = index.Values.OfType<BinaryExpressionSyntax>().Select(b => b.Left).ToArray();
            Assert.Equal(new[] { "from A", "from B", "from A2" }, uses.Select(u => index.LikelyValue(u)).ToArray());
        }

        [Fact]
        public void LikelyValue_OfANumberOrBoolConstant_IsNoText_WhateverItsInitializer()
        {
            // A constant argument whose likely value is no text is never looked up (a lookup binds the method around it).
            (TreeIndex index, _) = Index("""
                class A
                {
                    const long PerHour = 60 * 60, PerDay = PerHour * 24;
                    const bool On = !false;
                    const string Joined = "a" + "b";
                    void M()
                    {
                        const int Local = PerDay > 0 ? 1 : 2;
                        F(PerDay); F(On); F(Joined); F(Local);
                    }

                    static void F(object o) { }
                }
                """);
            string?[] likely = index.NamedArguments.Select(a => index.LikelyValue(a.Expression)).ToArray();
            Assert.Equal(4, likely.Length);
            Assert.Same(ConstantNames.NotText, likely[0]);
            Assert.Same(ConstantNames.NotText, likely[1]);
            Assert.Null(likely[2]);
            Assert.Same(ConstantNames.NotText, likely[3]);
        }

        [Fact]
        public void ClimbsEachPlusOnce_SoADeepChainIsLinear()
        {
            var source = new System.Text.StringBuilder("class C { string s = \"p\"");
            for (int i = 0; i < 20000; i++)
            {
                source.Append(" + \"p\"");
            }

            source.Append("; }");
            (TreeIndex index, _) = Index(source.ToString());
            Assert.Single(index.Values);
        }
    }
}
