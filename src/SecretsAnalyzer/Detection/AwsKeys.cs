using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    public enum AwsSecretKind
    {
        SecretAccessKey,
        SessionToken,
    }

    /// <summary>A slice of a scanned text.</summary>
    public readonly struct TextSpanMatch
    {
        public TextSpanMatch(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public string Slice(string text) => text.Substring(Start, Length);
    }

    /// <summary>A secret access key or session token found in a text.</summary>
    public readonly struct AwsSecretMatch
    {
        public AwsSecretMatch(int start, int length, AwsSecretKind kind)
        {
            Span = new TextSpanMatch(start, length);
            Kind = kind;
        }

        public TextSpanMatch Span { get; }

        public AwsSecretKind Kind { get; }
    }

    /// <summary>
    /// AWS access key IDs, secret access keys and session tokens (../shared/REFERENCE.md §1). Every function is a
    /// single forward scan: linear in the text, no regex, no recursion.
    /// </summary>
    public static class AwsKeys
    {
        public const int KeyIdLength = 20;
        public const int SecretKeyLength = 40;
        public const int MinSessionTokenLength = 100;

        /// <summary>Minimum Shannon entropy, in bits per character, of a secret access key.</summary>
        public const double MinSecretKeyEntropy = 4.2;

        /// <summary>Minimum Shannon entropy of a session token.</summary>
        public const double MinSessionTokenEntropy = 4.5;

        private static readonly string[] StsTokenPrefixes = { "IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE" };

        /// <summary>
        /// Whether <c>text[i..i+4]</c> is a credential prefix: <c>AKIA</c>, <c>ASIA</c>, <c>ABIA</c> or <c>ACCA</c>.
        /// Identifier prefixes (<c>AIDA</c>, <c>AROA</c>, …) are not credentials.
        /// </summary>
        public static bool IsCredentialPrefix(string text, int i)
        {
            if (i + 4 > text.Length || text[i] != 'A')
            {
                return false;
            }

            char b = text[i + 1], c = text[i + 2], d = text[i + 3];
            return ((b == 'K' || b == 'S' || b == 'B') && c == 'I' && d == 'A') || (b == 'C' && c == 'C' && d == 'A');
        }

        /// <summary>
        /// The index of the next credential access key ID at or after <paramref name="from"/>, or -1. A key ID is a
        /// credential prefix and 16 base32 characters, not touching another letter or digit on either side.
        /// </summary>
        public static int FindAccessKeyId(string text, int from)
        {
            int last = text.Length - KeyIdLength;
            for (int i = from < 0 ? 0 : from; i <= last; i++)
            {
                i = text.IndexOf('A', i);
                if (i < 0 || i > last)
                {
                    return -1;
                }

                if ((i > 0 && Chars.IsAsciiLetterOrDigit(text[i - 1])) || !IsCredentialPrefix(text, i))
                {
                    continue;
                }

                int j = i + 4;
                while (j < i + KeyIdLength && Chars.IsBase32(text[j]))
                {
                    j++;
                }

                if (j < i + KeyIdLength)
                {
                    // No key can start before j: every start in (i, j) would run into the same bad character.
                    i = j;
                    continue;
                }

                if (j < text.Length && Chars.IsAsciiLetterOrDigit(text[j]))
                {
                    continue;
                }

                return i;
            }

            return -1;
        }

        /// <summary>Every credential key ID in the text that is not a documentation example.</summary>
        public static void FindAccessKeyIds(string text, List<TextSpanMatch> results)
        {
            for (int i = FindAccessKeyId(text, 0); i >= 0; i = FindAccessKeyId(text, i + KeyIdLength))
            {
                if (!IsDocumentationExample(text, i, KeyIdLength))
                {
                    results.Add(new TextSpanMatch(i, KeyIdLength));
                }
            }
        }

        /// <summary>Whether the text holds at least one credential key ID that is not a documentation example.</summary>
        public static bool ContainsAccessKeyId(string text)
        {
            for (int i = FindAccessKeyId(text, 0); i >= 0; i = FindAccessKeyId(text, i + KeyIdLength))
            {
                if (!IsDocumentationExample(text, i, KeyIdLength))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The AWS documentation examples (<c>AKIAIOSFODNN7EXAMPLE</c>, <c>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</c>)
        /// and any value that contains <c>EXAMPLE</c>.
        /// </summary>
        public static bool IsDocumentationExample(string text, int start, int length)
        {
            return IndexOfIgnoreCase(text, start, length, "EXAMPLE") >= 0;
        }

        /// <summary>
        /// Decodes the AWS account id from a key ID (keys issued since 2019; older <c>AKIAI</c>/<c>AKIAJ</c> keys do
        /// not decode and give -1).
        /// </summary>
        public static long DecodeAccountId(string text, int start)
        {
            if (start + KeyIdLength > text.Length || text[start + 4] == 'I' || text[start + 4] == 'J')
            {
                return -1;
            }

            // Base32-decode characters 5..20 (16 chars = 80 bits) and keep the first 48 bits.
            ulong bits = 0;
            int bitCount = 0;
            long z = 0;
            int bytes = 0;
            for (int i = start + 4; i < start + KeyIdLength && bytes < 6; i++)
            {
                char c = text[i];
                int v = Chars.IsUpper(c) ? c - 'A' : c - '2' + 26;
                bits = (bits << 5) | (uint)v;
                bitCount += 5;
                if (bitCount >= 8)
                {
                    bitCount -= 8;
                    z = (z << 8) | (long)((bits >> bitCount) & 0xFF);
                    bytes++;
                }
            }

            return (z & 0x7fffffffff80) >> 7;
        }

        /// <summary>
        /// Finds secret access keys and session tokens. A value counts only with evidence and high entropy, never
        /// by shape alone:
        /// <list type="bullet">
        /// <item><paramref name="receiverHint"/>: what the receiving name or parameter says;</item>
        /// <item><paramref name="keyIdNearby"/>: a key ID sits in the same call, initializer, tuple or collection;</item>
        /// <item>a label right before the value in the text (<c>aws_secret_access_key = …</c>, <c>"SecretAccessKey": "…"</c>);</item>
        /// <item>a key ID elsewhere in the same text;</item>
        /// <item>for session tokens, a known STS token prefix.</item>
        /// </list>
        /// </summary>
        public static void FindSecrets(string text, NameHint receiverHint, bool keyIdNearby, List<AwsSecretMatch> results)
        {
            int? textHasKeyId = null;
            int n = text.Length;
            int i = 0;
            while (i < n)
            {
                if (!Chars.IsSecretKeyChar(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < n && Chars.IsSecretKeyChar(text[i]))
                {
                    i++;
                }

                int length = i - start;
                if (length < SecretKeyLength)
                {
                    continue;
                }

                int padding = 0;
                while (i + padding < n && text[i + padding] == '=')
                {
                    padding++;
                }

                bool touchesWord = (i + padding < n && IsWordJoiner(text[i + padding])) || (start > 0 && IsWordJoiner(text[start - 1]));
                if (touchesWord)
                {
                    continue;
                }

                NameHint label = LabelBefore(text, start);
                if (length == SecretKeyLength && padding == 0)
                {
                    if (!LooksLikeSecretKey(text, start, length))
                    {
                        continue;
                    }

                    bool evidence = receiverHint == NameHint.SecretKey || label == NameHint.SecretKey || keyIdNearby;
                    if (!evidence)
                    {
                        textHasKeyId ??= ContainsAccessKeyId(text) ? 1 : 0;
                        evidence = textHasKeyId == 1;
                    }

                    if (evidence)
                    {
                        results.Add(new AwsSecretMatch(start, length, AwsSecretKind.SecretAccessKey));
                    }
                }
                else if (length + padding >= MinSessionTokenLength)
                {
                    bool knownPrefix = HasStsTokenPrefix(text, start);
                    bool evidence = knownPrefix || receiverHint == NameHint.SessionToken || label == NameHint.SessionToken;
                    if (evidence && LooksLikeToken(text, start, length))
                    {
                        results.Add(new AwsSecretMatch(start, length + padding, AwsSecretKind.SessionToken));
                    }
                }
            }
        }

        /// <summary>
        /// The shape test of a secret access key: 40 characters of <c>[A-Za-z0-9/+]</c>, upper and lower case, a digit
        /// or symbol, not hex-only, not a documentation example, entropy at least <see cref="MinSecretKeyEntropy"/>.
        /// </summary>
        public static bool LooksLikeSecretKey(string text, int start, int length)
        {
            bool upper = false, lower = false, digitOrSymbol = false, nonHex = false;
            for (int k = start; k < start + length; k++)
            {
                char c = text[k];
                upper |= Chars.IsUpper(c);
                lower |= Chars.IsLower(c);
                digitOrSymbol |= Chars.IsAsciiDigit(c) || c == '/' || c == '+';
                nonHex |= !Chars.IsHexDigit(c);
            }

            return upper && lower && digitOrSymbol && nonHex
                && !IsDocumentationExample(text, start, length)
                && Entropy.Shannon(text, start, length) >= MinSecretKeyEntropy;
        }

        private static bool IsWordJoiner(char c) => c == '_' || c == '-';

        private static bool LooksLikeToken(string text, int start, int length)
        {
            bool upper = false, lower = false, digit = false, nonHex = false;
            for (int k = start; k < start + length; k++)
            {
                char c = text[k];
                upper |= Chars.IsUpper(c);
                lower |= Chars.IsLower(c);
                digit |= Chars.IsAsciiDigit(c);
                nonHex |= !Chars.IsHexDigit(c);
            }

            return upper && lower && digit && nonHex
                && !IsDocumentationExample(text, start, length)
                && Entropy.Shannon(text, start, length) >= MinSessionTokenEntropy;
        }

        public static bool HasStsTokenPrefix(string text, int start)
        {
            foreach (string prefix in StsTokenPrefixes)
            {
                if (string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What the label right before <paramref name="valueStart"/> says: the word before separators such as
        /// <c>=</c>, <c>:</c>, <c>=&gt;</c>, <c>&gt;</c>, quotes and spaces. Covers INI, env, JSON, YAML and XML.
        /// </summary>
        public static NameHint LabelBefore(string text, int valueStart)
        {
            int i = valueStart - 1;
            int skipped = 0;
            bool separator = false;
            while (i >= 0 && skipped < 8)
            {
                char c = text[i];
                if (c == '=' || c == ':' || c == '>')
                {
                    separator = true;
                }
                else if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '`')
                {
                    break;
                }

                i--;
                skipped++;
            }

            if (!separator || i < 0)
            {
                return NameHint.None;
            }

            int end = i + 1;
            while (i >= 0 && Chars.IsLabelChar(text[i]))
            {
                i--;
            }

            int labelStart = i + 1;
            return end > labelStart ? NameHints.Classify(text, labelStart, end - labelStart) : NameHint.None;
        }

        private static int IndexOfIgnoreCase(string text, int start, int length, string needle)
        {
            int last = start + length - needle.Length;
            for (int i = start; i <= last; i++)
            {
                int k = 0;
                while (k < needle.Length && char.ToUpperInvariant(text[i + k]) == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The cheapest test a value must pass before SECRETS002 looks further: a run of 40+ key characters.</summary>
        public static bool HasLongKeyRun(string text)
        {
            int run = 0;
            foreach (char c in text)
            {
                if (Chars.IsSecretKeyChar(c))
                {
                    if (++run >= SecretKeyLength)
                    {
                        return true;
                    }
                }
                else
                {
                    run = 0;
                }
            }

            return false;
        }

        internal static bool ContainsOrdinal(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;
    }
}
