// FixApplier: DocumentEdits, the rewrites and redactions collected for one document and applied in one pass.

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.CodeFixes
{
    internal static partial class FixApplier
    {
        /// <summary>The rewrites of one document, keyed by the original node; nested rewrites compose.</summary>
        private sealed class DocumentEdits
        {
            private readonly Dictionary<SyntaxNode, List<(string Key, Func<SyntaxNode, SyntaxNode> Rewrite)>> _replacements =
                new Dictionary<SyntaxNode, List<(string, Func<SyntaxNode, SyntaxNode>)>>();

            private readonly Dictionary<SyntaxTrivia, List<(TextSpan Span, string Text)>> _redactions =
                new Dictionary<SyntaxTrivia, List<(TextSpan, string)>>();

            public List<SyntaxNode> Removals { get; } = new List<SyntaxNode>();

            /// <summary>Replaces <paramref name="span"/> (absolute) of the comment <paramref name="trivia"/> with <paramref name="text"/>.</summary>
            public void Redact(SyntaxTrivia trivia, TextSpan span, string text)
            {
                if (!_redactions.TryGetValue(trivia, out var list))
                {
                    list = new List<(TextSpan, string)>();
                    _redactions.Add(trivia, list);
                }

                if (!list.Any(r => r.Span == span))
                {
                    list.Add((span, text));
                }
            }

            public bool HasReplacement(SyntaxNode node) => _replacements.TryGetValue(node, out var list) && list.Any(r => r.Key == "value");

            public void Add(SyntaxNode node, string key, Func<SyntaxNode, SyntaxNode> rewrite)
            {
                if (!_replacements.TryGetValue(node, out var list))
                {
                    list = new List<(string, Func<SyntaxNode, SyntaxNode>)>();
                    _replacements.Add(node, list);
                }

                if (!list.Any(r => r.Key == key))
                {
                    list.Add((key, rewrite));
                }
            }

            public SyntaxNode Apply(SyntaxNode root)
            {
                var nodes = new HashSet<SyntaxNode>(_replacements.Keys);
                nodes.UnionWith(Removals);
                var removals = new HashSet<SyntaxNode>(Removals);
                return root.ReplaceSyntax(
                    nodes,
                    (original, rewritten) =>
                    {
                        SyntaxNode result = rewritten;
                        if (_replacements.TryGetValue(original, out var list))
                        {
                            foreach ((string _, Func<SyntaxNode, SyntaxNode> rewrite) in list)
                            {
                                result = rewrite(result);
                            }
                        }

                        return removals.Contains(original) ? result.WithAdditionalAnnotations(RemoveAnnotation) : result;
                    },
                    null,
                    null,
                    _redactions.Keys,
                    (original, rewritten) =>
                    {
                        SyntaxTrivia redacted = FixPlanner.RedactTrivia(original, _redactions[original]);
                        return redacted.RawKind == original.RawKind ? redacted : rewritten;
                    });
            }
        }
    }
}
