using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// The names of the constant fields declared in a compilation's source, read from the declarations' syntax
    /// (never from method bodies). A name that is not in this set, and not a <c>const</c> local of the tree
    /// (found by <see cref="TreeIndex"/>), cannot fold to a source constant, so the rules never ask the
    /// compiler for its value: asking binds the whole enclosing method body again, which is most of what an
    /// analyzer that folds every concatenation would cost.
    /// </summary>
    /// <remarks>
    /// Constants declared in referenced assemblies are not in the set: a credential there is reported in the
    /// compilation that declares it. The set is built once per compilation, shared by every rule, and each
    /// tree's part is cached for as long as the tree lives, so an IDE edit re-reads only the edited tree.
    /// </remarks>
    internal sealed class ConstantNames
    {
        private static readonly ConditionalWeakTable<Compilation, ConstantNames> s_byCompilation = new ConditionalWeakTable<Compilation, ConstantNames>();
        private static ConditionalWeakTable<SyntaxTree, Declared[]> s_byTree = new ConditionalWeakTable<SyntaxTree, Declared[]>();
        private static readonly ConditionalWeakTable<Compilation, ConstantNames>.CreateValueCallback s_create = c => new ConstantNames(c);

        private readonly Compilation _compilation;
        private NameTable? _names;

        private ConstantNames(Compilation compilation)
        {
            _compilation = compilation;
        }

        public static ConstantNames For(Compilation compilation) => s_byCompilation.GetValue(compilation, s_create);

        /// <summary>For measurements: forget every tree's constants, as a fresh build would.</summary>
        internal static void ClearTreeCache() => s_byTree = new ConditionalWeakTable<SyntaxTree, Declared[]>();

        /// <summary>Whether a constant field named <paramref name="name"/> is declared somewhere in the compilation's source.</summary>
        public bool IsFieldName(string name, CancellationToken cancellationToken) => Names(cancellationToken).Contains(name, 0, name.Length);

        /// <summary>
        /// The value of the one constant field of that name when its initializer is a plain string literal
        /// (<c>const string Prefix = "AKIA";</c>); null when the name is declared more than once or is initialized
        /// otherwise. Syntax only: the name at a use may still be hidden by a local, so this is a guess to filter with.
        /// </summary>
        public string? LiteralValue(string name, CancellationToken cancellationToken) => Names(cancellationToken).Value(name, 0, name.Length);

        internal NameTable Names(CancellationToken cancellationToken)
        {
            NameTable? names = Volatile.Read(ref _names);
            if (names == null)
            {
                names = Collect(_compilation, cancellationToken);
                Interlocked.CompareExchange(ref _names, names, null);
            }

            return names;
        }

        private static NameTable Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new NameTable();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (!s_byTree.TryGetValue(tree, out Declared[]? declared))
                {
                    Declared[] computed = OfTree(tree.GetRoot(cancellationToken), cancellationToken);
                    declared = s_byTree.GetValue(tree, _ => computed);
                }

                foreach (Declared d in declared)
                {
                    names.Add(d.Name, d.LiteralValue);
                    if (d.Container != null)
                    {
                        // Also as Type.Name: a name declared in several types is usually unique with its type.
                        names.AddQualified(d.Container, d.Name, d.LiteralValue);
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// The <see cref="Declared.LiteralValue"/> of a constant initialized with a number, <c>true</c>, <c>false</c> or
        /// <c>null</c>: no text (a hole in a fold). Compared by reference.
        /// </summary>
        internal static readonly string NotText = new string('\u0001', 1);

        /// <summary>
        /// A constant's name and, when its initializer is a literal, what it adds to a fold: the string or char's text,
        /// or <see cref="NotText"/>.
        /// </summary>
        internal readonly struct Declared
        {
            public Declared(string name, string? literalValue, string? container = null)
            {
                Name = name;
                LiteralValue = literalValue;
                Container = container;
            }

            public string Name { get; }

            /// <summary>The simple name of the declaring type; null for a local.</summary>
            public string? Container { get; }

            public string? LiteralValue { get; }

            public static Declared Of(VariableDeclaratorSyntax variable, string? container = null)
            {
                ExpressionSyntax? value = variable.Initializer?.Value;
                while (value is ParenthesizedExpressionSyntax parenthesized)
                {
                    value = parenthesized.Expression;
                }

                string? literal = null;
                if (value is LiteralExpressionSyntax l)
                {
                    switch ((SyntaxKind)l.RawKind)
                    {
                        case SyntaxKind.StringLiteralExpression:
                            literal = l.Token.ValueText;
                            break;
                        case SyntaxKind.CharacterLiteralExpression:
                            literal = l.Token.Value is char c ? c.ToString() : null;
                            break;
                        case SyntaxKind.NumericLiteralExpression:
                        case SyntaxKind.TrueLiteralExpression:
                        case SyntaxKind.FalseLiteralExpression:
                        case SyntaxKind.NullLiteralExpression:
                            literal = NotText;
                            break;
                    }
                }

                if (literal == null && variable.Parent is VariableDeclarationSyntax declaration && IsNeverText(declaration.Type))
                {
                    // const long NanosPerDay = NanosPerHour * 24: whatever the initializer, a number is no text. Without
                    // this, each use passed as an argument was looked up, and a lookup binds the method body around it.
                    literal = NotText;
                }

                return new Declared(variable.Identifier.ValueText, literal, container);
            }

            /// <summary>A constant of this declared type is never a string or char: a number or <c>bool</c> keyword type.</summary>
            private static bool IsNeverText(TypeSyntax type)
            {
                if (!(type is PredefinedTypeSyntax predefined))
                {
                    return false;
                }

                switch ((SyntaxKind)predefined.Keyword.RawKind)
                {
                    case SyntaxKind.BoolKeyword:
                    case SyntaxKind.ByteKeyword:
                    case SyntaxKind.SByteKeyword:
                    case SyntaxKind.ShortKeyword:
                    case SyntaxKind.UShortKeyword:
                    case SyntaxKind.IntKeyword:
                    case SyntaxKind.UIntKeyword:
                    case SyntaxKind.LongKeyword:
                    case SyntaxKind.ULongKeyword:
                    case SyntaxKind.FloatKeyword:
                    case SyntaxKind.DoubleKeyword:
                    case SyntaxKind.DecimalKeyword:
                        return true;
                    default:
                        return false;
                }
            }
        }

        /// <summary>The constant fields declared in one tree: namespaces and types are walked with a stack, members are not entered.</summary>
        internal static Declared[] OfTree(SyntaxNode root, CancellationToken cancellationToken)
        {
            List<Declared>? names = null;
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                SyntaxList<MemberDeclarationSyntax> members;
                switch (stack.Pop())
                {
                    case CompilationUnitSyntax unit:
                        members = unit.Members;
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        members = ns.Members;
                        break;
                    case TypeDeclarationSyntax type:
                        members = type.Members;
                        break;
                    default:
                        continue;
                }

                foreach (MemberDeclarationSyntax member in members)
                {
                    if (member is FieldDeclarationSyntax field)
                    {
                        if (field.Modifiers.Any(SyntaxKind.ConstKeyword))
                        {
                            foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                            {
                                (names ??= new List<Declared>()).Add(Declared.Of(variable, (member.Parent as BaseTypeDeclarationSyntax)?.Identifier.ValueText));
                            }
                        }
                    }
                    else if (member is BaseNamespaceDeclarationSyntax || member is TypeDeclarationSyntax)
                    {
                        stack.Push(member);
                    }
                }
            }

            return names?.ToArray() ?? Array.Empty<Declared>();
        }
    }
}
