namespace SecretsAnalyzer.Detection
{
    /// <summary>A hard-coded password: where it is in the text, and the host it is for (never part of the password).</summary>
    public readonly struct ConnectionStringPassword
    {
        public ConnectionStringPassword(int start, int length, string? host, ConnectionStringForm form)
        {
            Start = start;
            Length = length;
            Host = host;
            Form = form;
        }

        /// <summary>Where the password starts in the text (inside its quotes or braces).</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>The server or host the connection string names, or null.</summary>
        public string? Host { get; }

        public ConnectionStringForm Form { get; }

        public override string ToString() => Form + "@" + Start + "+" + Length + (Host == null ? string.Empty : " for " + Host);
    }
}
