// MigrationEngine: accounting for each moved value (the lookup that replaced it, nothing else changed) and the annotations that track values.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Cli.Migration
{
    internal static partial class MigrationEngine
    {
        /// <summary>
        /// Finds, for each value of the batch, the lookup that took its place, and checks that the fix replaced exactly the
        /// value's expression: everything else in the enclosing node is unchanged, whitespace aside. The enclosing node is
        /// the value's parent; when the fix rebuilt it, the declarator or the member or statement around it, where a
        /// <c>const</c> that became <c>static readonly</c> (or a plain local) is the one other change allowed. A value
        /// whose replacement cannot be proven so is a failure, with its reason.
        /// </summary>
        private static async Task<(IReadOnlyDictionary<int, (StoreKind, string)> Moves, IReadOnlyDictionary<int, string> Failures)> AccountAsync(
            Solution before, Solution after, IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            var namesBefore = await StoreLookups.NamesInAsync(before, cancellationToken).ConfigureAwait(false);
            var result = new Dictionary<int, (StoreKind, string)>();
            var failures = new Dictionary<int, string>();
            var wanted = new HashSet<int>(ids);
            foreach (DocumentId documentId in before.Projects.SelectMany(p => p.DocumentIds))
            {
                Document beforeDocument = before.GetDocument(documentId)!;
                SyntaxNode beforeRoot = (await beforeDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var valueNodes = beforeRoot.GetAnnotatedNodes(ValueKind).Where(n => wanted.Contains(IdOf(n, ValueKind))).ToList();
                if (valueNodes.Count == 0)
                {
                    continue;
                }

                Document? afterDocument = after.GetDocument(documentId);
                SyntaxNode? afterRoot = afterDocument == null ? null : await afterDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                foreach (SyntaxNode valueNode in valueNodes)
                {
                    int id = IdOf(valueNode, ValueKind);
                    if (result.ContainsKey(id) || failures.ContainsKey(id))
                    {
                        continue;
                    }

                    SyntaxAnnotation valueAnnotation = valueNode.GetAnnotations(ValueKind).First();
                    if (afterRoot != null && afterRoot.GetAnnotatedNodes(valueAnnotation).Any())
                    {
                        // Still there: the fix left it in place.
                        continue;
                    }

                    // The nodes that enclose the value, innermost first, each carrying an annotation the fix may have kept.
                    var enclosing = valueNode.Ancestors()
                        .SelectMany(n => n.GetAnnotations(new[] { SlotKind, AnchorKind }).Where(a => int.Parse(a.Data!, CultureInfo.InvariantCulture) == id).Select(a => (Node: n, Annotation: a)))
                        .ToList();
                    // Last, the declarator and the member found again by their names, for a fix that rebuilt the whole
                    // declaration (a folded constant that becomes a static readonly field).
                    var pairs = enclosing.Select(e => (Before: e.Node, After: afterRoot?.GetAnnotatedNodes(e.Annotation).FirstOrDefault())).ToList();
                    foreach (SyntaxNode declaration in valueNode.Ancestors().Where(n => n is VariableDeclaratorSyntax or MemberDeclarationSyntax).Take(2))
                    {
                        string key = NameKey(declaration);
                        var matches = afterRoot == null ? new List<SyntaxNode>() : afterRoot.DescendantNodes().Where(n => n.RawKind == declaration.RawKind && NameKey(n) == key).Take(2).ToList();
                        if (matches.Count == 1)
                        {
                            pairs.Add((declaration, matches[0]));
                        }
                    }

                    string? failure = "the fix rewrote the code around it, so the tool cannot prove what the code reads";
                    foreach (var (beforeNode, afterNode) in pairs)
                    {
                        if (afterNode == null)
                        {
                            continue;
                        }

                        // Every value of this batch inside the node, and every new lookup inside its rewritten form, in order.
                        var beforeValues = beforeNode.DescendantNodesAndSelf()
                            .Where(n => n.GetAnnotations(ValueKind).Any(a => wanted.Contains(int.Parse(a.Data!, CultureInfo.InvariantCulture))))
                            .OrderBy(n => n.SpanStart)
                            .ToList();
                        var afterLookups = StoreLookups.In(afterNode).Where(l => !namesBefore.Contains((l.Store, l.Name))).OrderBy(l => l.Invocation.SpanStart).ToList();
                        if (beforeValues.Count != afterLookups.Count)
                        {
                            failure = "the fix put " + afterLookups.Count + " lookup(s) where " + beforeValues.Count + " value(s) were, so the tool cannot pair them";
                            break;
                        }

                        string beforeRest = Rest(beforeNode, beforeValues);
                        string afterRest = Rest(afterNode, afterLookups.Select(l => (SyntaxNode)l.Replaced).ToList());
                        if (beforeNode is EqualsValueClauseSyntax && afterNode is ArrowExpressionClauseSyntax && afterRest.StartsWith("=>", StringComparison.Ordinal))
                        {
                            // A const or static readonly field became a static property over the helper (`= value` → `=> lookup`).
                            afterRest = "=" + afterRest.Substring(2);
                        }

                        if (!string.Equals(beforeRest, afterRest, StringComparison.Ordinal))
                        {
                            failure = "the fix in " + beforeDocument.Name + " changed more than the value it moved, so the tool cannot prove what the code reads";
                            break;
                        }

                        for (int i = 0; i < beforeValues.Count; i++)
                        {
                            result[IdOf(beforeValues[i], ValueKind)] = (afterLookups[i].Store, afterLookups[i].Name);
                        }

                        failure = null;
                        break;
                    }

                    if (failure != null && !result.ContainsKey(id))
                    {
                        failures[id] = "cannot be accounted for byte for byte: " + failure;
                    }
                }
            }

            return (result, failures);
        }

        /// <summary>A declaration's names from the namespace down (namespace, types, member, declarator), to find it again after a fix.</summary>
        private static string NameKey(SyntaxNode node)
        {
            var parts = new List<string>();
            for (SyntaxNode? current = node; current != null; current = current.Parent)
            {
                string? part = current switch
                {
                    VariableDeclaratorSyntax declarator => "v:" + declarator.Identifier.ValueText,
                    FieldDeclarationSyntax field => "f:" + string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.ValueText)),
                    BaseTypeDeclarationSyntax type => "t:" + type.Identifier.ValueText,
                    BaseNamespaceDeclarationSyntax ns => "n:" + ns.Name,
                    MethodDeclarationSyntax method => "m:" + method.Identifier.ValueText + "/" + method.ParameterList.Parameters.Count,
                    PropertyDeclarationSyntax property => "p:" + property.Identifier.ValueText,
                    ConstructorDeclarationSyntax constructor => "c:" + constructor.ParameterList.Parameters.Count,
                    LocalFunctionStatementSyntax local => "l:" + local.Identifier.ValueText,
                    _ => null,
                };
                if (part != null)
                {
                    parts.Add(part);
                }
            }

            parts.Reverse();
            return string.Join("/", parts);
        }

        private static int IdOf(SyntaxNode node, string kind) => int.Parse(node.GetAnnotations(kind).First().Data!, CultureInfo.InvariantCulture);

        /// <summary>
        /// The node's tokens without the given descendants (each one a marker) and without trivia; the modifiers a fix may
        /// change when a constant becomes a read (<c>const</c>, <c>static</c>, <c>readonly</c> of a field or local) left out.
        /// </summary>
        private static string Rest(SyntaxNode node, IReadOnlyList<SyntaxNode> parts)
        {
            var text = new StringBuilder();
            var ordered = parts.OrderBy(p => p.SpanStart).ToList();
            int next = 0;
            foreach (SyntaxToken token in node.DescendantTokens())
            {
                while (next < ordered.Count && token.SpanStart >= ordered[next].Span.End)
                {
                    next++;
                }

                if (next < ordered.Count && ordered[next].Span.Contains(token.Span))
                {
                    if (token.SpanStart == ordered[next].SpanStart)
                    {
                        text.Append('\u0001');
                    }

                    continue;
                }

                if ((token.IsKind(SyntaxKind.ConstKeyword) || token.IsKind(SyntaxKind.StaticKeyword) || token.IsKind(SyntaxKind.ReadOnlyKeyword)) &&
                    token.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax)
                {
                    continue;
                }

                text.Append(token.Text).Append('\u0002');
            }

            return text.ToString();
        }

        private static async Task<Solution> AnnotateAsync(Solution solution, IReadOnlyList<LocatedValue> values, CancellationToken cancellationToken)
        {
            foreach (var byDocument in values.Select((v, i) => (Value: v, Id: i)).GroupBy(v => v.Value.Document.Id))
            {
                Document document = solution.GetDocument(byDocument.Key)!;
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
                foreach (var (value, id) in byDocument)
                {
                    SyntaxNode expression = root.FindNode(value.Expression.Span, getInnermostNodeForTie: false);
                    while (expression.Span != value.Expression.Span || expression.RawKind != value.Expression.RawKind)
                    {
                        expression = expression.ChildNodes().First(c => c.Span.Contains(value.Expression.Span));
                    }

                    Add(annotations, expression, new SyntaxAnnotation(ValueKind, id.ToString(CultureInfo.InvariantCulture)));
                    Add(annotations, expression.Parent!, new SyntaxAnnotation(SlotKind, id.ToString(CultureInfo.InvariantCulture)));

                    // Fallbacks when a fix rebuilds the parent: the declarator, then the member or statement around the value.
                    SyntaxNode? declarator = expression.Parent!.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
                    SyntaxNode? member = expression.Parent!.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax or StatementSyntax);
                    foreach (SyntaxNode? anchor in new[] { declarator, member })
                    {
                        if (anchor != null && anchor != expression.Parent)
                        {
                            Add(annotations, anchor, new SyntaxAnnotation(AnchorKind, id.ToString(CultureInfo.InvariantCulture)));
                        }
                    }
                }

                SyntaxNode annotated = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));
                solution = solution.WithDocumentSyntaxRoot(document.Id, annotated, PreservationMode.PreserveIdentity);
            }

            return solution;
        }

        private static void Add(Dictionary<SyntaxNode, List<SyntaxAnnotation>> map, SyntaxNode node, SyntaxAnnotation annotation)
        {
            if (!map.TryGetValue(node, out var list))
            {
                list = new List<SyntaxAnnotation>();
                map.Add(node, list);
            }

            list.Add(annotation);
        }
    }
}
