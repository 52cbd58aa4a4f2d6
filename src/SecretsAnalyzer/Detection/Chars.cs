namespace SecretsAnalyzer.Detection
{
    /// <summary>Character classes shared by the detectors. Pure and allocation-free.</summary>
    public static class Chars
    {
        /// <summary>
        /// Stands for a part of a value that is not known at compile time (an interpolation hole or a
        /// non-constant operand of a concatenation). Detectors treat it as "anything".
        /// </summary>
        public const char Hole = '\uFFFC';

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

        public static bool IsUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        public static bool IsLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        public static bool IsHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

        /// <summary>The base32 alphabet of access key IDs: A-Z and 2-7.</summary>
        public static bool IsBase32(char c) => IsUpper(c) || (uint)(c - '2') <= 5;

        /// <summary>The alphabet of secret access keys: A-Z, a-z, 0-9, '/' and '+'.</summary>
        public static bool IsSecretKeyChar(char c) => IsAsciiLetterOrDigit(c) || c == '/' || c == '+';

        /// <summary>The base64 alphabet, with padding.</summary>
        public static bool IsBase64Char(char c) => IsSecretKeyChar(c) || c == '=';

        /// <summary>Characters that make up an identifier-like word in a label: letters, digits, '_', '-', '.'.</summary>
        public static bool IsLabelChar(char c) => IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
