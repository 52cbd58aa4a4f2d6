namespace SecretsAnalyzer.Candidates
{
    /// <summary>Where a <see cref="PlainLiteral"/> stands.</summary>
    internal enum PlainKind : byte
    {
        /// <summary>A literal that is a value of its own.</summary>
        Alone,

        /// <summary>
        /// An operand of a <c>+</c> chain whose neighbouring operands fold to holes. The value is the chain's fold, but the
        /// rules' quick tests look for patterns a hole breaks, so the chain needs folding only if one of its parts passes.
        /// </summary>
        InChain,

        /// <summary>
        /// A text part of an interpolated string whose holes cannot be constants (no hole names one): as for
        /// <see cref="InChain"/>, the interpolation needs folding only if one of its parts passes. The span is the
        /// whole interpolated string's.
        /// </summary>
        InInterpolation,
    }
}
