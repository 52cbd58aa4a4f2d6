using Microsoft.CodeAnalysis;

namespace SecretsAnalyzer.Lambda
{
    /// <summary>One Lambda handler: how it was recognised, its display name and, when there is one, its method.</summary>
    internal sealed class LambdaHandler
    {
        public LambdaHandler(LambdaHandlerKind kind, string name, IMethodSymbol? method, SyntaxNode? syntax)
        {
            Kind = kind;
            Name = name;
            Method = method;
            Syntax = syntax;
        }

        public LambdaHandlerKind Kind { get; }

        /// <summary><c>Type.Method</c>, <c>Program.&lt;lambda&gt;</c>, <c>Type.FunctionHandlerAsync</c>, <c>Program (AddAWSLambdaHosting)</c>.</summary>
        public string Name { get; }

        /// <summary>The handler method (for a bootstrap lambda: the lambda's symbol, when it could be resolved).</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The bootstrap lambda or local function, for <see cref="LambdaHandlerKind.Bootstrap"/>.</summary>
        public SyntaxNode? Syntax { get; }
    }
}
