using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace SecretsAnalyzer.CodeFixes
{
    /// <summary>
    /// Applies fixes to a set of diagnostics in one pass over a solution: one diagnostic from the light bulb, or every
    /// diagnostic of a Fix All. Names are allocated in a fixed order (project, file, position) so they are unique in the
    /// solution and the output is deterministic; each project that needs the helper gets it exactly once.
    /// </summary>
    internal static partial class FixApplier
    {
        private static readonly SyntaxAnnotation RemoveAnnotation = new SyntaxAnnotation("SecretsAnalyzer.Remove");

        /// <summary>Applies <paramref name="requested"/> (null: each finding's recommended, first fix) to every diagnostic that offers it.</summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<Diagnostic> diagnostics, FixKind? requested, bool fallBackToFirst, CancellationToken cancellationToken)
        {
            Solution originalSolution = solution;

            // 1. Plan every diagnostic against the unchanged solution.
            var plans = new List<(FixPlan Plan, FixKind Kind)>();
            foreach (Diagnostic diagnostic in diagnostics)
            {
                Document? document = diagnostic.Location.SourceTree == null ? null : solution.GetDocument(diagnostic.Location.SourceTree);
                if (document == null)
                {
                    continue;
                }

                FixPlan? plan = await FixPlanner.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                if (plan == null)
                {
                    continue;
                }

                if (requested == null)
                {
                    plans.Add((plan, plan.Kinds[0]));
                }
                else if (plan.Offers(requested.Value))
                {
                    plans.Add((plan, requested.Value));
                }
                else if (fallBackToFirst)
                {
                    plans.Add((plan, plan.Kinds[0]));
                }
            }

            if (plans.Count == 0)
            {
                return solution;
            }

            var projectOrder = solution.ProjectIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            plans.Sort((a, b) =>
            {
                Document da = a.Plan.TargetDocument(a.Kind), db = b.Plan.TargetDocument(b.Kind);
                int c = projectOrder[da.Project.Id].CompareTo(projectOrder[db.Project.Id]);
                if (c == 0)
                {
                    c = string.CompareOrdinal(da.FilePath ?? da.Name, db.FilePath ?? db.Name);
                }

                if (c == 0)
                {
                    c = a.Plan.Diagnostic.Location.SourceSpan.Start.CompareTo(b.Plan.Diagnostic.Location.SourceSpan.Start);
                }

                return c;
            });

            // 2. Turn plans into edits per document, allocating unique names.
            HashSet<string> existingNames = await CollectExistingNamesAsync(solution, cancellationToken).ConfigureAwait(false);
            var takenLogical = new HashSet<string>(StringComparer.Ordinal);
            var edits = new Dictionary<DocumentId, DocumentEdits>();
            var helperProjects = new List<ProjectId>();
            var namesByValue = new Dictionary<SyntaxNode, string>();

            foreach ((FixPlan plan, FixKind kind) in plans)
            {
                if (kind == FixKind.UseExecutionRole)
                {
                    RoleEdit role = plan.Role!;
                    DocumentEdits documentEdits = GetEdits(edits, plan.Document);
                    switch (role.Kind)
                    {
                        case RoleEditKind.RemoveStatement:
                            documentEdits.Removals.Add(role.Node);
                            break;
                        case RoleEditKind.RemoveArguments:
                            documentEdits.Add(role.Node, "remove-args", node => RemoveArguments((BaseObjectCreationExpressionSyntax)node, role.Indices));
                            break;
                        default:
                            documentEdits.Add(role.Node, "default-credentials", DefaultCredentials);
                            break;
                    }

                    continue;
                }

                if (kind == FixKind.RedactInComment)
                {
                    DocumentEdits commentEdits = GetEdits(edits, plan.Document);
                    foreach ((SyntaxTrivia trivia, TextSpan span, string text) in plan.Redactions)
                    {
                        commentEdits.Redact(trivia, span, text);
                    }

                    continue;
                }

                Document valueDocument = plan.ValueDocument!;
                ExpressionSyntax value = plan.Value!;
                DocumentEdits valueEdits = GetEdits(edits, valueDocument);
                if (valueEdits.HasReplacement(value))
                {
                    continue;
                }

                Compilation compilation = (await valueDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                var types = AwsTypes.Create(compilation);
                HelperState helper = HelperState.Get(valueDocument.Project, compilation, types);
                if (!helperProjects.Contains(valueDocument.Project.Id) && kind != FixKind.UseExecutionRole)
                {
                    helperProjects.Add(valueDocument.Project.Id);
                }

                ExpressionSyntax replacement;
                if (kind == FixKind.BuildRoleArnFromInvokingAccount)
                {
                    replacement = SyntaxFactory.ParseExpression(
                        helper.QualifiedName + "." + HelperClass.RoleArnInInvokingAccount + "(" + plan.ContextParameter + ".InvokedFunctionArn, " +
                        SymbolDisplay.FormatLiteral(plan.RoleResource!, quote: true) + ")");
                }
                else
                {
                    bool secret = kind == FixKind.ReadFromSecretsManager;
                    string prefix = StoreNames.ReadPrefix(valueDocument.Project, value.SyntaxTree, secret ? StoreNames.SecretPrefixKey : StoreNames.ParameterPrefixKey);
                    string logical = StoreNames.Unique(
                        plan.LogicalName,
                        candidate => IsTaken(existingNames, candidate, prefix),
                        takenLogical);
                    string name = secret ? StoreNames.SecretName(logical, prefix) : StoreNames.ParameterName(logical, prefix);
                    namesByValue[value] = name;
                    bool useAwait = plan.Form == LookupForm.Await;
                    string method = secret
                        ? (useAwait ? HelperClass.GetSecretAsync : HelperClass.GetSecret)
                        : (useAwait ? HelperClass.GetParameterAsync : HelperClass.GetParameter);
                    string token = useAwait && plan.CancellationToken != null && helper.AcceptsToken(method) ? ", " + plan.CancellationToken : string.Empty;
                    replacement = SyntaxFactory.ParseExpression(helper.QualifiedName + "." + method + "(" + SymbolDisplay.FormatLiteral(name, quote: true) + token + ")");
                    if (plan.Utf8)
                    {
                        // The bytes of the looked-up string, typed as the literal was (ReadOnlySpan<byte>).
                        string bytes = "global::System.Text.Encoding.UTF8.GetBytes(" + replacement.ToFullString() + ")";
                        replacement = SyntaxFactory.ParseExpression(IsTargetTypedSpan(value) ? bytes : "new global::System.ReadOnlySpan<byte>(" + bytes + ")");
                    }

                    if (useAwait)
                    {
                        replacement = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(replacement.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)));
                    }
                }

                ExpressionSyntax final = replacement.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
                if (plan.ParameterDefault is ParameterDefaultPlan parameterDefault)
                {
                    AddParameterDefaultEdits(valueEdits, value, parameterDefault, final);
                    continue;
                }

                valueEdits.Add(value, "value", node => final.WithTriviaFrom(node));

                if (plan.FieldToProperty != null)
                {
                    valueEdits.Add(plan.FieldToProperty, "const", node => FieldToProperty((FieldDeclarationSyntax)node));
                }
                else if (plan.ConstDeclaration != null)
                {
                    valueEdits.Add(plan.ConstDeclaration, "const", node => node is FieldDeclarationSyntax field ? ConstToStaticReadonly(field) : ConstToVariable((LocalDeclarationStatementSyntax)node));
                }
            }

            // 3. Rewrite each document's syntax: replacements and removals.
            var changed = new List<DocumentId>();
            foreach (KeyValuePair<DocumentId, DocumentEdits> pair in edits.OrderBy(p => projectOrder[p.Key.ProjectId]).ThenBy(p => p.Key.Id))
            {
                Document document = solution.GetDocument(pair.Key)!;
                SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                SyntaxNode newRoot = pair.Value.Apply(root);
                newRoot = RemoveStatements(newRoot);
                solution = document.WithSyntaxRoot(newRoot).Project.Solution;
                changed.Add(pair.Key);
            }

            // 4. The helper, once per project that now calls it (before simplification, so its name binds).
            foreach (ProjectId projectId in helperProjects)
            {
                Project original = originalSolution.GetProject(projectId)!;
                Compilation compilation = (await original.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                var types = AwsTypes.Create(compilation);
                HelperState helper = HelperState.Get(original, compilation, types);
                string text = HelperClass.Generate(helper.RootNamespace, types);
                if (!helper.Exists && helper.RootNamespace != null && IsMSBuildWorkspace(solution) &&
                    await FindHostAsync(solution, projectId, changed, cancellationToken).ConfigureAwait(false) is Document host)
                {
                    // MSBuildWorkspace (dotnet format) writes an explicit <Compile Include> for an added document, which
                    // breaks SDK-style projects with NETSDK1022 (dotnet/roslyn#36781). There the helper is a namespace
                    // block of its own, with its usings inside, at the end of an existing file of the project.
                    string hosted = HelperClass.Generate(helper.RootNamespace, types.HasSecretsManager, types.HasParameterStore, types.HasArn, hosted: true);
                    var unit = (CompilationUnitSyntax)(await host.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    string newline = unit.ToFullString().Contains("\r\n") ? "\r\n" : "\n";
                    CompilationUnitSyntax parsed = SyntaxFactory.ParseCompilationUnit(hosted.Replace("\n", newline));
                    MemberDeclarationSyntax block = parsed.Members[0];
                    block = block.WithLeadingTrivia(block.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newline)));
                    CompilationUnitSyntax withHelper = unit.AddMembers(block);
                    withHelper = withHelper.WithEndOfFileToken(withHelper.EndOfFileToken.WithLeadingTrivia(
                        parsed.EndOfFileToken.LeadingTrivia.AddRange(withHelper.EndOfFileToken.LeadingTrivia)));
                    solution = host.WithSyntaxRoot(withHelper).Project.Solution;
                }
                else if (!helper.Exists)
                {
                    string? directory = original.FilePath == null ? null : Path.GetDirectoryName(original.FilePath);
                    string? path = directory == null ? null : Path.Combine(directory, HelperClass.FileName);
                    DocumentId id = DocumentId.CreateNewId(projectId, HelperClass.FileName);
                    solution = solution.AddDocument(DocumentInfo.Create(
                        id,
                        HelperClass.FileName,
                        loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text, System.Text.Encoding.UTF8), VersionStamp.Create(), path)),
                        filePath: path));
                }
                else if (helper.GeneratedByUs && helper.Document != null && !HasEveryMember(helper, types))
                {
                    solution = solution.WithDocumentText(helper.Document.Id, SourceText.From(text, System.Text.Encoding.UTF8));
                }
            }

            // 5. Imports, simplification and formatting of what the fixes wrote.
            foreach (DocumentId id in changed)
            {
                Document document = solution.GetDocument(id)!;
                document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = document.Project.Solution;
            }

            return solution;
        }

        private static bool IsMSBuildWorkspace(Solution solution) => solution.Workspace.Kind == WorkspaceKind.MSBuild;

        /// <summary>A file of the project that can take another namespace block: the first one the fixes changed, else the first by path.</summary>
        private static async Task<Document?> FindHostAsync(Solution solution, ProjectId projectId, List<DocumentId> changed, CancellationToken cancellationToken)
        {
            Project project = solution.GetProject(projectId)!;
            IEnumerable<Document> candidates = changed.Where(id => id.ProjectId == projectId).Select(id => project.GetDocument(id)!)
                .Concat(project.Documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal));
            foreach (Document document in candidates)
            {
                if (document.SourceCodeKind != SourceCodeKind.Regular || (document.FilePath != null && document.FilePath.IndexOf(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is CompilationUnitSyntax unit && !unit.Members.OfType<FileScopedNamespaceDeclarationSyntax>().Any() &&
                    !unit.GetLeadingTrivia().Any(t => t.ToString().Contains("<auto-generated")))
                {
                    return document;
                }
            }

            return null;
        }

        private static Document TargetDocument(this FixPlan plan, FixKind kind) => kind == FixKind.UseExecutionRole ? plan.Document : plan.ValueDocument ?? plan.Document;

        private static bool HasEveryMember(HelperState helper, AwsTypes types) =>
            (!types.CanReadSecrets || (helper.HasTokenOverload(HelperClass.GetSecretAsync) && helper.Has(HelperClass.GetSecret))) &&
            (!types.HasParameterStore || (helper.HasTokenOverload(HelperClass.GetParameterAsync) && helper.Has(HelperClass.GetParameter))) &&
            (!types.HasArn || helper.Has(HelperClass.RoleArnInInvokingAccount));

        private static bool IsTaken(HashSet<string> existing, string logical, string prefix) =>
            existing.Contains(logical) ||
            existing.Contains(StoreNames.SecretName(logical, prefix)) ||
            existing.Contains(StoreNames.ParameterName(logical, prefix)) ||
            existing.Contains(HelperClass.SecretsManagerReferencePath + StoreNames.SecretName(logical, prefix));

        /// <summary>Every name already passed to a helper lookup anywhere in the solution.</summary>
        private static async Task<HashSet<string>> CollectExistingNamesAsync(Solution solution, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (Project project in solution.Projects)
            {
                if (project.Language != LanguageNames.CSharp)
                {
                    continue;
                }

                foreach (Document document in project.Documents)
                {
                    SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    if (text.ToString().IndexOf(HelperClass.TypeName, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    foreach (InvocationExpressionSyntax invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (invocation.Expression is MemberAccessExpressionSyntax access && HelperClass.IsLookup(access.Name.Identifier.ValueText) &&
                            access.Expression.ToString().EndsWith(HelperClass.TypeName, StringComparison.Ordinal) &&
                            invocation.ArgumentList.Arguments.Count > 0 &&
                            invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                        {
                            names.Add(literal.Token.ValueText);
                        }
                    }
                }
            }

            return names;
        }

        private static DocumentEdits GetEdits(Dictionary<DocumentId, DocumentEdits> edits, Document document)
        {
            if (!edits.TryGetValue(document.Id, out DocumentEdits? documentEdits))
            {
                documentEdits = new DocumentEdits();
                edits.Add(document.Id, documentEdits);
            }

            return documentEdits;
        }
    }
}
