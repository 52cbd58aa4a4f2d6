namespace SecretsAnalyzer.Lambda
{
    /// <summary>How a handler is recognised.</summary>
    internal enum LambdaHandlerKind
    {
        /// <summary>A class-library handler method (../shared/REFERENCE.md §4).</summary>
        ClassLibrary,

        /// <summary>A method with <c>[Amazon.Lambda.Annotations.LambdaFunction]</c>.</summary>
        Annotations,

        /// <summary>A lambda, local function or method given to <c>LambdaBootstrapBuilder.Create</c>.</summary>
        Bootstrap,

        /// <summary>A subclass of an <c>Amazon.Lambda.AspNetCoreServer</c> function base class.</summary>
        AspNetCoreFunction,

        /// <summary>A type (or top-level program) that calls <c>services.AddAWSLambdaHosting(LambdaEventSource.*)</c>.</summary>
        AspNetCoreHosting,
    }
}
