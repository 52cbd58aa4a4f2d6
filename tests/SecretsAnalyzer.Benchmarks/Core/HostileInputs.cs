using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>One hostile source file and what the rules must find in it.</summary>
    public sealed class HostileInput
    {
        public HostileInput(string name, int size, string source, int expectedKeyIds, bool analyzeGeneratedCode = false, string path = "Hostile.cs")
        {
            Name = name;
            Size = size;
            Source = source;
            ExpectedKeyIds = expectedKeyIds;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            Path = path;
        }

        public string Name { get; }

        /// <summary>The size parameter (characters, parts, depth, holes, pairs, repetitions).</summary>
        public int Size { get; }

        public string Source { get; }

        /// <summary>How many SECRETS001 findings the input must give exactly (-1: no exact expectation).</summary>
        public int ExpectedKeyIds { get; }

        public bool AnalyzeGeneratedCode { get; }

        public string Path { get; }

        public AnalyzerOptions Options => new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new GlobalOptionsProvider(AnalyzeGeneratedCode ? new Dictionary<string, string> { ["secrets_analyzer.analyze_generated_code"] = "true" } : new Dictionary<string, string>()));

        public override string ToString() => Name + " (" + Size.ToString("N0") + ")";
    }

    /// <summary>
    /// The hostile inputs of issue 6, each built at a given size so the benchmark can compare n with 2n and the
    /// tests can run the full size. Every generator is deterministic.
    /// </summary>
    public static class HostileInputs
    {
        public const int LiteralChars = 1 << 20;
        public const int ConcatenationParts = 20_000;
        public const int ParenthesesDepth = 2_000;
        public const int InterpolationHoles = 5_000;
        public const int ConnectionStringPairs = 100_000;
        public const int AkiaRepetitions = 200_000;

        /// <summary>Every input at <paramref name="scale"/> times its issue size (1.0 = the sizes the issue names).</summary>
        public static IReadOnlyList<HostileInput> All(double scale = 1.0)
        {
            int S(int n) => Math.Max(4, (int)(n * scale));
            return new[]
            {
                HugeLiteral(S(LiteralChars)),
                ConstantConcatenation(S(ConcatenationParts)),
                NestedParentheses(S(ParenthesesDepth)),
                InterpolatedHoles(S(InterpolationHoles)),
                LongConnectionString(S(ConnectionStringPairs)),
                AkiaRepeated(S(AkiaRepetitions)),
                SurrogatesAndNul(),
                SyntaxErrors(),
                GeneratedCode(analyze: false),
                GeneratedCode(analyze: true),
            };
        }

        /// <summary>The inputs whose size scales, as factories, for the n-versus-2n comparison.</summary>
        public static IReadOnlyList<(string Name, int Size, Func<int, HostileInput> Make)> Scalable() => new (string, int, Func<int, HostileInput>)[]
        {
            ("1 MiB literal", LiteralChars, HugeLiteral),
            ("constant concatenation", ConcatenationParts, ConstantConcatenation),
            ("nested parentheses", ParenthesesDepth, NestedParentheses),
            ("interpolation holes", InterpolationHoles, InterpolatedHoles),
            ("connection string pairs", ConnectionStringPairs, LongConnectionString),
            ("AKIA repeated", AkiaRepetitions, AkiaRepeated),
        };

        /// <summary>
        /// A literal of <paramref name="chars"/> characters: an escape first (so positions in the value and in the
        /// token differ), then prose and config-like text with a key ID about every 200 characters.
        /// </summary>
        public static HostileInput HugeLiteral(int chars)
        {
            var v = new FakeValues(1);
            var b = new StringBuilder(chars + 256);
            b.Append("\\tconfig dump\\n");
            int keys = 0;
            while (b.Length < chars)
            {
                b.Append("lorem ipsum dolor sit amet, consectetur adipiscing elit; timeout=30; region=us-east-1; ");
                b.Append(v.Base64(24)).Append(" path=/var/task/").Append(v.Word()).Append(' ');
                b.Append("aws_access_key_id=").Append(v.KeyId()).Append(" \\\"quoted\\\" ");
                keys++;
            }

            return new HostileInput("1 MiB literal", chars, "class Hostile\n{\n    const string Big = \"" + b + "\";\n}\n", keys);
        }

        /// <summary>A constant made of <paramref name="parts"/> literal parts; some adjacent parts fold into a key ID.</summary>
        public static HostileInput ConstantConcatenation(int parts)
        {
            var v = new FakeValues(2);
            var b = new StringBuilder(parts * 16);
            b.Append("class Hostile\n{\n    const string Joined = \"start \"");
            int keys = 0;
            for (int i = 1; i < parts; i++)
            {
                if (i % 100 == 50 && i + 1 < parts)
                {
                    string key = v.KeyId();
                    b.Append("\n        + \" ").Append(key, 0, 4).Append("\" + \"").Append(key, 4, 16).Append(" \"");
                    i++;
                    keys++;
                }
                else
                {
                    b.Append("\n        + \"part").Append(i).Append(' ').Append('"');
                }
            }

            b.Append(";\n}\n");
            return new HostileInput("constant concatenation", parts, b.ToString(), keys);
        }

        /// <summary>A key inside <paramref name="depth"/> parentheses, and a right-nested parenthesised concatenation as deep.</summary>
        public static HostileInput NestedParentheses(int depth)
        {
            var v = new FakeValues(3);
            var b = new StringBuilder(depth * 16);
            b.Append("class Hostile\n{\n    string Deep() => ");
            b.Append('(', depth).Append('"').Append(v.KeyId()).Append('"').Append(')', depth).Append(";\n");
            b.Append("    string DeepConcat() => ");
            for (int i = 0; i < depth; i++)
            {
                b.Append("(\"p").Append(i).Append(" \" + ");
            }

            b.Append('"').Append(v.KeyId()).Append('"').Append(')', depth).Append(";\n}\n");
            return new HostileInput("nested parentheses", depth, b.ToString(), 2);
        }

        /// <summary>An interpolated string with <paramref name="holes"/> holes; every tenth text part holds a key ID.</summary>
        public static HostileInput InterpolatedHoles(int holes)
        {
            var v = new FakeValues(4);
            var b = new StringBuilder(holes * 24);
            b.Append("class Hostile\n{\n    const string Name = \"orders\";\n    string Build(string a, int n) => $\"");
            int keys = 0;
            for (int i = 0; i < holes; i++)
            {
                if (i % 10 == 5)
                {
                    b.Append(" key ").Append(v.KeyId()).Append(' ');
                    keys++;
                }
                else
                {
                    b.Append("-x").Append(i).Append('=');
                }

                b.Append(i % 3 == 0 ? "{a}" : i % 3 == 1 ? "{n}" : "{Name}");
            }

            b.Append("\";\n}\n");
            return new HostileInput("interpolation holes", holes, b.ToString(), keys);
        }

        /// <summary>A connection string of <paramref name="pairs"/> key=value pairs with one real password.</summary>
        public static HostileInput LongConnectionString(int pairs)
        {
            var v = new FakeValues(5);
            var b = new StringBuilder(pairs * 20);
            b.Append("Server=orders-db.internal;Database=orders;User Id=orders_app;Password=").Append(v.Password()).Append(';');
            for (int i = 4; i < pairs; i++)
            {
                b.Append("Option").Append(i).Append('=').Append(i % 7 == 0 ? "'quoted;value'" : "v" + i).Append(';');
            }

            return new HostileInput("connection string pairs", pairs, "class Hostile\n{\n    string ConnectionString = \"" + b + "\";\n}\n", 0);
        }

        /// <summary><c>AKIA</c> repeated: in a literal, a comment and a token-named field. No key ID can be cut out of it.</summary>
        public static HostileInput AkiaRepeated(int repetitions)
        {
            var akia = new StringBuilder(repetitions * 4).Insert(0, "AKIA", repetitions).ToString();
            string source = "class Hostile\n{\n    string Keys = \"" + akia + "\";\n    string SessionToken = \"" + akia + "\";\n    // " + akia + "\n}\n";

            // The first 20 characters look like a key but run into the next "A": nothing is reported.
            return new HostileInput("AKIA repeated", repetitions, source, 0);
        }

        /// <summary>Lone surrogates and NUL, escaped and raw, next to keys, in literals, chars, interpolations and comments.</summary>
        public static HostileInput SurrogatesAndNul()
        {
            var v = new FakeValues(6);
            string source =
                "class Hostile\n{\n" +
                "    string A = \"\\uD800\";\n" +
                "    string B = \"\\uDC00abc\\u0000\";\n" +
                "    string C = \"" + v.KeyId() + "\\uD800\";\n" +
                "    string D = \"\\u0000" + v.KeyId() + "\\u0000\";\n" +
                "    char E = '\\uD800';\n" +
                "    string F(int x) => $\"\\uDBFF{x}\\u0000" + v.KeyId() + "\\uDFFF\";\n" +
                "    string G = \"raw \uD800 lone \uDC00 surrogates and \u0000 nul\";\n" +
                "    // comment with a lone surrogate \uD800 and nul \u0000 and " + v.KeyId() + "\n" +
                "    string H = \"\\U0001F600\" + \"\\uD83D\" + \"" + v.KeyId() + "\";\n" +
                "}\n";
            return new HostileInput("lone surrogates and NUL", 1, source, 5);
        }

        /// <summary>Syntax errors and unterminated strings, with one well-formed key before them.</summary>
        public static HostileInput SyntaxErrors()
        {
            var v = new FakeValues(7);
            string source =
                "class Hostile\n{\n" +
                "    string Ok = \"" + v.KeyId() + "\";\n" +
                "    void M(\n    {\n" +
                "        var s = \"" + v.KeyId() + " unterminated\n" +
                "        var t = $\"{ unterminated {s\n" +
                "        var u = @\"verbatim never closed " + v.KeyId() + "\n" +
                "        var w = (\"" + v.KeyId() + "\" + ;\n" +
                "        var x = \"a\" + + + \"b\" \n" +
                "        new Amazon.Runtime.BasicAWSCredentials(\"" + v.KeyId() + "\", \n" +
                "        var r = \"\"\"\n unterminated raw " + v.KeyId() + "\n" +
                "    /* unterminated comment " + v.KeyId() + "\n";
            return new HostileInput("syntax errors and unterminated strings", 1, source, -1);
        }

        /// <summary>A generated file with a key ID: skipped unless secrets_analyzer.analyze_generated_code = true.</summary>
        public static HostileInput GeneratedCode(bool analyze)
        {
            var v = new FakeValues(8);
            string source =
                "// <auto-generated>\n//     This code was generated by a tool.\n// </auto-generated>\n" +
                "class Generated\n{\n    string Key = \"" + v.KeyId() + "\";\n}\n";
            return new HostileInput(analyze ? "generated code, opted in" : "generated code (default: skipped)", 1, source, analyze ? 1 : 0, analyze, "Generated.cs");
        }
    }

    /// <summary>The same options for every tree, as a global config gives them.</summary>
    public sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public GlobalOptionsProvider(IDictionary<string, string> values)
        {
            _options = new DictionaryOptions(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly IDictionary<string, string> _values;

            public DictionaryOptions(IDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                if (_values.TryGetValue(key, out string? found))
                {
                    value = found;
                    return true;
                }

                value = null;
                return false;
            }
        }
    }
}
