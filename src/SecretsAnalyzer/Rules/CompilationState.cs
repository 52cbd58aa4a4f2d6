using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecretsAnalyzer.Lambda;

namespace SecretsAnalyzer.Rules
{
    /// <summary>
    /// What every rule of one compilation shares, made on first use and only then: the Lambda handler model and
    /// which fix packages are referenced. Nothing is resolved when a compilation starts.
    /// </summary>
    /// <remarks>
    /// In a real build the analyzers' callbacks run while the compiler is still binding, and the first caller of
    /// anything the compiler builds lazily (the reference manager behind <see cref="Compilation.GetTypeByMetadataName"/>,
    /// the assembly's attributes) is billed for it. Resolving a dozen types in each rule's compilation-start action
    /// cost about 30 ms per compilation on many small projects although most of them hold no candidate at all; here
    /// a type is looked up only when a value has passed every text test and a rule asks about its context.
    /// </remarks>
    internal sealed class CompilationState
    {
        private static readonly ConditionalWeakTable<Compilation, CompilationState> s_byCompilation = new ConditionalWeakTable<Compilation, CompilationState>();
        private static readonly ConditionalWeakTable<Compilation, CompilationState>.CreateValueCallback s_create = c => new CompilationState(c);

        private readonly Compilation _compilation;
        private LambdaHandlerModel? _lambda;
        private FixAvailability? _fixes;

        private CompilationState(Compilation compilation)
        {
            _compilation = compilation;
        }

        public static CompilationState For(Compilation compilation) => s_byCompilation.GetValue(compilation, s_create);

        /// <summary>The compilation's Lambda handler model, made on first use (thread-safe; one instance is kept).</summary>
        public LambdaHandlerModel Lambda
        {
            get
            {
                LambdaHandlerModel? lambda = Volatile.Read(ref _lambda);
                if (lambda == null)
                {
                    Interlocked.CompareExchange(ref _lambda, LambdaHandlerModel.Create(_compilation), null);
                    lambda = Volatile.Read(ref _lambda)!;
                }

                return lambda;
            }
        }

        /// <summary>Which fix packages are referenced, looked up on the first finding (thread-safe).</summary>
        public FixAvailability Fixes
        {
            get
            {
                FixAvailability? fixes = Volatile.Read(ref _fixes);
                if (fixes == null)
                {
                    Interlocked.CompareExchange(ref _fixes, FixAvailability.Create(_compilation), null);
                    fixes = Volatile.Read(ref _fixes)!;
                }

                return fixes;
            }
        }
    }
}
