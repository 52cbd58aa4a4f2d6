using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    internal static class FixApplier
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

        private static SyntaxNode RemoveArguments(BaseObjectCreationExpressionSyntax creation, ImmutableArray<int> indices)
        {
            ArgumentListSyntax list = creation.ArgumentList!;
            SeparatedSyntaxList<ArgumentSyntax> arguments = list.Arguments;
            for (int i = indices.Length - 1; i >= 0; i--)
            {
                if (indices[i] < arguments.Count)
                {
                    arguments = arguments.RemoveAt(indices[i]);
                }
            }

            var kept = SyntaxFactory.SeparatedList(arguments.Select(a => a.WithLeadingTrivia(a == arguments.FirstOrDefault() ? default : a.GetLeadingTrivia())));
            return creation.WithArgumentList(list.WithArguments(kept).WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static SyntaxNode DefaultCredentials(SyntaxNode creation)
        {
            ExpressionSyntax call = SyntaxFactory.ParseExpression("global::" + AwsTypes.DefaultCredentialsResolver + ".GetCredentials()")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            return call.WithTriviaFrom(creation);
        }

        /// <summary>
        /// Where a UTF-8 literal initializes an explicitly typed variable or is returned from a member with a declared
        /// return type, the byte[] converts to ReadOnlySpan&lt;byte&gt; implicitly; anywhere else (var, arguments,
        /// member access, lambdas) the span is built explicitly so types and overloads stay as they were.
        /// </summary>
        private static bool IsTargetTypedSpan(ExpressionSyntax value)
        {
            switch (value.Parent)
            {
                case EqualsValueClauseSyntax equals when equals.Parent is VariableDeclaratorSyntax && equals.Parent.Parent is VariableDeclarationSyntax declaration:
                    return !declaration.Type.IsVar && !(declaration.Type is RefTypeSyntax);
                case ReturnStatementSyntax _:
                case ArrowExpressionClauseSyntax _:
                    for (SyntaxNode? current = value.Parent; current != null; current = current.Parent)
                    {
                        if (current is AnonymousFunctionExpressionSyntax)
                        {
                            return false;
                        }

                        if (current is LocalFunctionStatementSyntax || current is MemberDeclarationSyntax || current is AccessorDeclarationSyntax)
                        {
                            return !(current is LocalFunctionStatementSyntax local && local.ReturnType is RefTypeSyntax) &&
                                !(current is MethodDeclarationSyntax method && method.ReturnType is RefTypeSyntax) &&
                                !(current is BasePropertyDeclarationSyntax property && property.Type is RefTypeSyntax);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A default parameter value: the default becomes null (annotated), and the body starts with
        /// <c>name ??= lookup;</c> (an expression body becomes a block), or, for a primary constructor or a record, each
        /// read becomes <c>(name ?? lookup)</c> and a record's positional property is declared with that initializer.
        /// </summary>
        private static void AddParameterDefaultEdits(DocumentEdits edits, ExpressionSyntax value, ParameterDefaultPlan plan, ExpressionSyntax lookup)
        {
            edits.Add(value, "value", node => SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(node));
            if (plan.Annotate)
            {
                edits.Add(plan.Parameter, "annotate", node =>
                {
                    var parameter = (ParameterSyntax)node;
                    TypeSyntax type = parameter.Type!;
                    return parameter.WithType(SyntaxFactory.NullableType(type.WithoutTrailingTrivia()).WithTrailingTrivia(type.GetTrailingTrivia()));
                });
            }

            string name = plan.Parameter.Identifier.Text;
            if (plan.Function != null)
            {
                edits.Add(plan.Function, "apply-default", node => ApplyDefaultInBody(node, name, lookup, plan.ReturnsValue));
                return;
            }

            foreach (IdentifierNameSyntax use in plan.Uses)
            {
                edits.Add(use, "value", node => SyntaxFactory.ParenthesizedExpression(
                        SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, ((ExpressionSyntax)node).WithoutTrivia(), lookup.WithoutTrivia()))
                    .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation)
                    .WithTriviaFrom(node));
            }

            if (plan.RecordPropertyAccessors != null)
            {
                edits.Add(plan.Type!, "record-property", node => AddRecordProperty((RecordDeclarationSyntax)node, plan, name, lookup));
            }
        }

        private static SyntaxNode ApplyDefaultInBody(SyntaxNode function, string name, ExpressionSyntax lookup, bool returnsValue)
        {
            while (lookup is ParenthesizedExpressionSyntax parenthesized)
            {
                // name ??= await …: no parentheses needed.
                lookup = parenthesized.Expression;
            }

            StatementSyntax apply = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(SyntaxKind.CoalesceAssignmentExpression, SyntaxFactory.IdentifierName(name), lookup.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation);

            BlockSyntax? body;
            ArrowExpressionClauseSyntax? arrow;
            SyntaxToken semicolon;
            switch (function)
            {
                case BaseMethodDeclarationSyntax method:
                    (body, arrow, semicolon) = (method.Body, method.ExpressionBody, method.SemicolonToken);
                    break;
                case LocalFunctionStatementSyntax local:
                    (body, arrow, semicolon) = (local.Body, local.ExpressionBody, local.SemicolonToken);
                    break;
                default:
                    return function;
            }

            BlockSyntax newBody;
            if (body != null)
            {
                newBody = body.WithStatements(body.Statements.Insert(0, apply));
            }
            else
            {
                // The block is laid out here (the formatter leaves a local function's new block on one line): braces
                // at the function's indentation, statements one level in.
                string text = function.ToFullString();
                SyntaxTrivia newline = text.Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
                SyntaxTriviaList leading = function.GetLeadingTrivia();
                string indent = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
                string inner = indent + (indent.Contains("\t") ? "\t" : "    ");
                ExpressionSyntax expression = arrow!.Expression.WithoutTrivia();
                StatementSyntax last = returnsValue ? SyntaxFactory.ReturnStatement(expression) : (StatementSyntax)SyntaxFactory.ExpressionStatement(expression);
                newBody = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(newline, SyntaxFactory.Whitespace(indent)), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(newline)),
                    SyntaxFactory.List(new[]
                    {
                        apply.WithLeadingTrivia(SyntaxFactory.Whitespace(inner)).WithTrailingTrivia(newline),
                        last.WithLeadingTrivia(SyntaxFactory.Whitespace(inner)).WithTrailingTrivia(newline),
                    }),
                    SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indent)), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
                SyntaxToken beforeArrow = arrow.ArrowToken.GetPreviousToken();
                function = function.ReplaceToken(beforeArrow, beforeArrow.WithTrailingTrivia(beforeArrow.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))));
            }

            switch (function)
            {
                case BaseMethodDeclarationSyntax method:
                    return body != null
                        ? method.WithBody(newBody)
                        : method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBody);
                default:
                    var local = (LocalFunctionStatementSyntax)function;
                    return body != null
                        ? local.WithBody(newBody)
                        : local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(newBody);
            }
        }

        private static SyntaxNode AddRecordProperty(RecordDeclarationSyntax record, ParameterDefaultPlan plan, string name, ExpressionSyntax lookup)
        {
            const string Placeholder = "__SecretsAnalyzerLookup";
            var property = (PropertyDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                "public " + plan.PropertyType + " " + name + " { " + plan.RecordPropertyAccessors + " } = " + name + " ?? " + Placeholder + ";\n")!;
            IdentifierNameSyntax placeholder = property.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == Placeholder);
            property = property.ReplaceNode(placeholder, lookup.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
            if (record.OpenBraceToken.IsKind(SyntaxKind.None))
            {
                SyntaxToken semicolon = record.SemicolonToken;
                return record
                    .WithSemicolonToken(default)
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                    .WithCloseBraceToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia))
                    .WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(property))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }

            MemberDeclarationSyntax first = record.Members.Count > 0 ? record.Members[0] : null!;
            SyntaxList<MemberDeclarationSyntax> members = record.Members.Count > 0
                ? record.Members.Replace(first, first.WithLeadingTrivia(first.GetLeadingTrivia().Insert(0, record.ToFullString().Contains("\r\n") ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed)))
                : record.Members;
            return record.WithMembers(members.Insert(0, property));
        }

        /// <summary><c>const string X = v;</c> / <c>static readonly string X = v;</c> → <c>static string X => v;</c>.</summary>
        private static SyntaxNode FieldToProperty(FieldDeclarationSyntax field)
        {
            VariableDeclaratorSyntax declarator = field.Declaration.Variables[0];
            var modifiers = new List<SyntaxToken>();
            SyntaxTriviaList carried = default;
            bool hasStatic = false;
            foreach (SyntaxToken modifier in field.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.ReadOnlyKeyword) || modifier.IsKind(SyntaxKind.ConstKeyword))
                {
                    if (modifier.IsKind(SyntaxKind.ConstKeyword) && !hasStatic)
                    {
                        modifiers.Add(SyntaxFactory.Token(carried.AddRange(modifier.LeadingTrivia), SyntaxKind.StaticKeyword, modifier.TrailingTrivia));
                        carried = default;
                        hasStatic = true;
                    }
                    else
                    {
                        carried = carried.AddRange(modifier.LeadingTrivia);
                    }

                    continue;
                }

                hasStatic |= modifier.IsKind(SyntaxKind.StaticKeyword);
                modifiers.Add(carried.Count > 0 ? modifier.WithLeadingTrivia(carried.AddRange(modifier.LeadingTrivia)) : modifier);
                carried = default;
            }

            TypeSyntax type = field.Declaration.Type;
            if (carried.Count > 0)
            {
                type = type.WithLeadingTrivia(carried.AddRange(type.GetLeadingTrivia()));
            }

            ExpressionSyntax value = declarator.Initializer!.Value;
            return SyntaxFactory.PropertyDeclaration(
                    field.AttributeLists,
                    SyntaxFactory.TokenList(modifiers),
                    type,
                    null,
                    declarator.Identifier,
                    null,
                    // The initializer's annotations carry over (migrate marks the value's enclosing node to prove what moved).
                    declarator.Initializer.CopyAnnotationsTo(SyntaxFactory.ArrowExpressionClause(
                        SyntaxFactory.Token(declarator.Initializer.EqualsToken.LeadingTrivia, SyntaxKind.EqualsGreaterThanToken, declarator.Initializer.EqualsToken.TrailingTrivia),
                        value))!,
                    null,
                    field.SemicolonToken);
        }

        private static SyntaxNode ConstToStaticReadonly(FieldDeclarationSyntax field)
        {
            SyntaxToken constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            int index = field.Modifiers.IndexOf(constToken);
            SyntaxTokenList modifiers = field.Modifiers.RemoveAt(index)
                .Insert(index, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia))
                .Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space));
            return field.WithModifiers(modifiers);
        }

        private static SyntaxNode ConstToVariable(LocalDeclarationStatementSyntax local)
        {
            SyntaxToken constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            LocalDeclarationStatementSyntax result = local.WithModifiers(local.Modifiers.Remove(constToken));
            if (result.Modifiers.Count == 0 && result.AwaitKeyword.IsKind(SyntaxKind.None) && result.UsingKeyword.IsKind(SyntaxKind.None))
            {
                TypeSyntax type = result.Declaration.Type;
                result = result.WithDeclaration(result.Declaration.WithType(type.WithLeadingTrivia(constToken.LeadingTrivia.AddRange(type.GetLeadingTrivia()))));
            }

            return result;
        }

        private static SyntaxNode RemoveStatements(SyntaxNode root)
        {
            while (true)
            {
                SyntaxNode? statement = root.GetAnnotatedNodes(RemoveAnnotation).FirstOrDefault();
                if (statement == null)
                {
                    return root;
                }

                bool hasComment = statement.GetLeadingTrivia().Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
                SyntaxNode? next = NextSibling(statement);
                if (hasComment && next != null)
                {
                    // The comments above the statement stay, above the next one.
                    SyntaxTriviaList leading = statement.GetLeadingTrivia();
                    int last = leading.Count - 1;
                    while (last >= 0 && leading[last].IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        last--;
                    }

                    var kept = SyntaxFactory.TriviaList(leading.Take(last + 1)).AddRange(next.GetLeadingTrivia());
                    root = root.ReplaceNode(next, next.WithLeadingTrivia(kept).WithAdditionalAnnotations(Formatter.Annotation));
                    statement = root.GetAnnotatedNodes(RemoveAnnotation).First();
                }

                root = root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
            }
        }

        private static SyntaxNode? NextSibling(SyntaxNode statement)
        {
            SyntaxNode? parent = statement.Parent;
            if (parent == null)
            {
                return null;
            }

            bool seen = false;
            foreach (SyntaxNode child in parent.ChildNodes())
            {
                if (seen && (child is StatementSyntax || child is MemberDeclarationSyntax) && !child.HasAnnotation(RemoveAnnotation))
                {
                    return child;
                }

                if (child == statement)
                {
                    seen = true;
                }
            }

            return null;
        }

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
