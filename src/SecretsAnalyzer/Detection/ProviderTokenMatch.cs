namespace SecretsAnalyzer.Detection
{
    /// <summary>A provider token found in a text: where it is and what it is.</summary>
    public readonly struct ProviderTokenMatch
    {
        public ProviderTokenMatch(int start, int length, ProviderTokenKind kind)
        {
            Start = start;
            Length = length;
            Kind = kind;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public ProviderTokenKind Kind { get; }
    }
}
