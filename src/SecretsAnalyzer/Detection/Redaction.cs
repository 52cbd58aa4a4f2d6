namespace SecretsAnalyzer.Detection
{
    /// <summary>What a message may show of a secret. Never the whole value.</summary>
    public static class Redaction
    {
        public const string Ellipsis = "\u2026";

        /// <summary>An access key ID as its 4-letter prefix and its last 4 characters: <c>AKIA…TCBS</c>.</summary>
        public static string KeyId(string text, int start, int length)
        {
            if (length < 12)
            {
                return Ellipsis;
            }

            return text.Substring(start, 4) + Ellipsis + text.Substring(start + length - 4, 4);
        }

        /// <summary>An account id as its first 4 and last 2 digits: <c>5607…81</c>.</summary>
        public static string Account(string account)
        {
            if (account.Length < 8)
            {
                return Ellipsis;
            }

            return account.Substring(0, 4) + Ellipsis + account.Substring(account.Length - 2, 2);
        }
    }
}
