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
        public const int MinSessionTokenLength = 64;

        /// <summary>Minimum Shannon entropy, in bits per character, of a secret access key.</summary>
        public const double MinSecretKeyEntropy = 4.2;

        /// <summary>Minimum Shannon entropy of a session token.</summary>
        public const double MinSessionTokenEntropy = 4.5;

        /// <summary>
        /// Known starts of STS session tokens: the current <c>IQoJb3JpZ2luX2Vj</c> and <c>FwoGZXIvYXdzE</c>, and the older
        /// <c>AgoJb3JpZ2luX2Vj</c>, <c>FQoGZXIvYXdzE</c>, <c>FQoDYXdzE</c> and <c>AQoDYXdzE</c>.
        /// </summary>
        private static readonly string[] StsTokenPrefixes = { "IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE", "AgoJb3JpZ2luX2Vj", "FQoGZXIvYXdzE", "FQoDYXdzE", "AQoDYXdzE" };

        /// <summary>Words that make a key ID plainly a placeholder (checked on the 16 characters after the prefix).</summary>
        private static readonly string[] PlaceholderWords = { "XXXX", "FAKE", "DUMMY", "SAMPLE", "PLACEHOLDER", "YOURKEY", "REDACTED", "TEST" };

        /// <summary>How far back on the same line a word such as <c>secret</c> or <c>session token</c> still names a value.</summary>
        public const int LineHintReach = 48;

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
        public static int FindAccessKeyId(string text, int from) => FindAccessKeyId(text, from, 0, text.Length);

        /// <summary>
        /// <see cref="FindAccessKeyId(string, int)"/> in <c>text[start..end)</c> as if it were the whole text (a literal's
        /// value inside the source, read without a copy).
        /// </summary>
        public static int FindAccessKeyId(string text, int from, int start, int end)
        {
            int last = end - KeyIdLength;
            for (int i = from < start ? start : from; i <= last; i++)
            {
                i = text.IndexOf('A', i, end - i);
                if (i < 0 || i > last)
                {
                    return -1;
                }

                if ((i > start && Chars.IsAsciiLetterOrDigit(text[i - 1])) || !IsCredentialPrefix(text, i))
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

                if (j < end && Chars.IsAsciiLetterOrDigit(text[j]))
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
                if (IsReportableKeyId(text, i))
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
                if (IsReportableKeyId(text, i))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the key ID found at <paramref name="start"/> is a credential worth reporting: not a documentation
        /// example (<c>EXAMPLE</c>) and not a plain placeholder (<c>AKIAXXXXXXXXXXXXXXXX</c>, <c>AKIAFAKEFAKEFAKEFAKE</c>,
        /// a body of one repeated or few distinct characters).
        /// </summary>
        public static bool IsReportableKeyId(string text, int start)
        {
            return !IsDocumentationExample(text, start, KeyIdLength) && !IsPlaceholderKeyId(text, start);
        }

        /// <summary>
        /// A key ID whose 16-character body is plainly made up: a placeholder word, a run of 5 equal characters, or
        /// fewer than 6 distinct characters. A random body is one of these about once in 10^4.
        /// </summary>
        public static bool IsPlaceholderKeyId(string text, int start)
        {
            int bodyStart = start + 4;
            int bodyLength = KeyIdLength - 4;
            foreach (string word in PlaceholderWords)
            {
                if (IndexOfIgnoreCase(text, bodyStart, bodyLength, word) >= 0)
                {
                    return true;
                }
            }

            int run = 1;
            uint seen = 0;
            for (int k = bodyStart; k < bodyStart + bodyLength; k++)
            {
                char c = text[k];
                run = k > bodyStart && c == text[k - 1] ? run + 1 : 1;
                if (run >= 5)
                {
                    return true;
                }

                seen |= 1u << (Chars.IsUpper(c) ? c - 'A' : c - '2' + 26);
            }

            int distinct = 0;
            for (; seen != 0; seen &= seen - 1)
            {
                distinct++;
            }

            return distinct < 6;
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
        public static void FindSecrets(string text, NameHint receiverHint, bool keyIdNearby, List<AwsSecretMatch> results) =>
            WalkSecrets(text, 0, text.Length, receiverHint, keyIdNearby, results);

        /// <summary>
        /// The walk of <see cref="FindSecrets(string, NameHint, bool, List{AwsSecretMatch})"/> over <c>text[from..to)</c> as if
        /// it were the whole text. With no <paramref name="results"/>, stops at the first value it would report and says
        /// whether there was one. (Only a label or a key ID in the text is looked for outside the range, and neither is
        /// looked for with the strongest evidence, which is what a range is asked with.)
        /// </summary>
        private static bool WalkSecrets(string text, int from, int to, NameHint receiverHint, bool keyIdNearby, List<AwsSecretMatch>? results)
        {
            int? textHasKeyId = null;
            int i = from;
            while (NextKeyRun(text, to, ref i, out int start))
            {
                int length = i - start;
                if (length < SecretKeyLength)
                {
                    continue;
                }

                int padding = 0;
                while (i + padding < to && text[i + padding] == '=')
                {
                    padding++;
                }

                bool touchesWord = (i + padding < to && IsWordJoiner(text[i + padding])) || (start > from && IsWordJoiner(text[start - 1]));
                if (touchesWord)
                {
                    continue;
                }

                AwsSecretMatch match;
                if (length == SecretKeyLength && padding == 0)
                {
                    if (!LooksLikeSecretKey(text, start, length))
                    {
                        continue;
                    }

                    bool evidence = receiverHint == NameHint.SecretKey || keyIdNearby || TextNames(text, start) == NameHint.SecretKey;
                    if (!evidence)
                    {
                        textHasKeyId ??= ContainsAccessKeyId(text) ? 1 : 0;
                        evidence = textHasKeyId == 1;
                    }

                    if (!evidence)
                    {
                        continue;
                    }

                    match = new AwsSecretMatch(start, length, AwsSecretKind.SecretAccessKey);
                }
                else if (length + padding >= MinSessionTokenLength && !IsJwtLike(text, start, i + padding, from, to))
                {
                    bool evidence = HasStsTokenPrefix(text, start) || receiverHint == NameHint.SessionToken || TextNames(text, start) == NameHint.SessionToken;
                    if (!evidence || !LooksLikeToken(text, start, length))
                    {
                        continue;
                    }

                    match = new AwsSecretMatch(start, length + padding, AwsSecretKind.SessionToken);
                }
                else
                {
                    continue;
                }

                if (results == null)
                {
                    return true;
                }

                results.Add(match);
            }

            return results != null && results.Count > 0;
        }

        /// <summary>
        /// What the text right before a value says it is: its label (<see cref="LabelBefore"/>), or else a word such as
        /// <c>secret</c> or <c>session token</c> earlier on the same line, within <see cref="LineHintReach"/> characters
        /// (prose in comments: <c>Secret key for local runs: …</c>).
        /// </summary>
        public static NameHint TextNames(string text, int valueStart)
        {
            NameHint label = LabelBefore(text, valueStart);
            if (label != NameHint.None)
            {
                return label;
            }

            int lineStart = valueStart;
            int limit = valueStart - LineHintReach < 0 ? 0 : valueStart - LineHintReach;
            while (lineStart > limit && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r')
            {
                lineStart--;
            }

            return lineStart < valueStart ? NameHints.Classify(text, lineStart, valueStart - lineStart) : NameHint.None;
        }

        /// <summary>
        /// A JSON Web Token segment or other dotted value: base64 tokens never touch a dot that joins them to more
        /// key characters, and JWTs start with <c>eyJ</c> (base64 of <c>{"</c>).
        /// </summary>
        private static bool IsJwtLike(string text, int start, int end) => IsJwtLike(text, start, end, 0, text.Length);

        /// <summary>Whether <c>text[start..end)</c> is a part of a JWT, looking no further than <c>text[from..to)</c>.</summary>
        private static bool IsJwtLike(string text, int start, int end, int from, int to)
        {
            if (start + 3 <= end && text[start] == 'e' && text[start + 1] == 'y' && text[start + 2] == 'J')
            {
                return true;
            }

            bool dotBefore = start - from >= 2 && text[start - 1] == '.' && Chars.IsBase64Char(text[start - 2]);
            bool dotAfter = end + 1 < to && text[end] == '.' && Chars.IsBase64Char(text[end + 1]);
            return dotBefore || dotAfter;
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
                && !IsPlaceholderSecret(text, start, length)
                && Entropy.Shannon(text, start, length) >= MinSecretKeyEntropy;
        }

        /// <summary>Words that make a 40-character value plainly a placeholder, in any case.</summary>
        private static readonly string[] SecretPlaceholderWords = { "SECRET", "YOUR", "REPLACE", "CHANGEME", "DUMMY", "FAKE", "SAMPLE", "PLACEHOLDER", "REDACTED", "XXXX", "TEST" };

        /// <summary>
        /// A key-shaped value that is plainly made up: a placeholder word (<c>YourSecretAccessKey…</c>), a run of 5 equal
        /// characters, or a run of 5 consecutive ones (<c>abcde</c>, <c>12345</c>). A random key is one of these about
        /// once in 10^4.
        /// </summary>
        public static bool IsPlaceholderSecret(string text, int start, int length)
        {
            foreach (string word in SecretPlaceholderWords)
            {
                if (IndexOfIgnoreCase(text, start, length, word) >= 0)
                {
                    return true;
                }
            }

            int same = 1, ascending = 1;
            for (int k = start + 1; k < start + length; k++)
            {
                same = text[k] == text[k - 1] ? same + 1 : 1;
                ascending = text[k] == text[k - 1] + 1 ? ascending + 1 : 1;
                if (same >= 5 || ascending >= 5)
                {
                    return true;
                }
            }

            return false;
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

            if (i < 0 || skipped == 0)
            {
                return NameHint.None;
            }

            int end = i + 1;
            while (i >= 0 && Chars.IsLabelChar(text[i]))
            {
                i--;
            }

            int labelStart = i + 1;
            if (end <= labelStart)
            {
                return NameHint.None;
            }

            if (!separator)
            {
                // "aws configure set aws_secret_access_key VALUE", "--aws-session-token VALUE": only an unmistakable label.
                return IsStrongLabel(text, labelStart, end - labelStart) ? NameHints.Classify(text, labelStart, end - labelStart) : NameHint.None;
            }

            NameHint hint = NameHints.Classify(text, labelStart, end - labelStart);

            // "Secret access key: VALUE", "Session token = VALUE", "webhook secret = VALUE": the label may be a few words.
            for (int words = 0; words < 2 && i > 0 && (text[i] == ' ' || text[i] == '\t'); words++)
            {
                while (i >= 0 && (text[i] == ' ' || text[i] == '\t'))
                {
                    i--;
                }

                while (i >= 0 && Chars.IsLabelChar(text[i]))
                {
                    i--;
                }

                NameHint wider = NameHints.Classify(text, i + 1, end - (i + 1));
                if (hint == NameHint.None)
                {
                    hint = wider;
                }
                else if (hint == NameHint.SecretKey && wider == NameHint.None)
                {
                    // A qualifier in front names another kind of secret.
                    return NameHint.None;
                }
            }

            return hint;
        }

        private static bool IsStrongLabel(string text, int start, int length)
        {
            return NameHints.ContainsNormalized(text, start, length, "secretaccesskey") ||
                NameHints.ContainsNormalized(text, start, length, "sessiontoken") ||
                NameHints.ContainsNormalized(text, start, length, "securitytoken");
        }

        internal static int IndexOfIgnoreCase(string text, int start, int length, string needle)
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

        /// <summary>
        /// Moves <paramref name="i"/> past the next maximal run of secret-key characters (<c>[A-Za-z0-9/+]</c>) at or
        /// after it; <paramref name="start"/> is where the run begins. False when no run is left.
        /// </summary>
        private static bool NextKeyRun(string text, ref int i, out int start) => NextKeyRun(text, text.Length, ref i, out start);

        private static bool NextKeyRun(string text, int n, ref int i, out int start)
        {
            while (i < n && !Chars.IsSecretKeyChar(text[i]))
            {
                i++;
            }

            start = i;
            while (i < n && Chars.IsSecretKeyChar(text[i]))
            {
                i++;
            }

            return i > start;
        }

        /// <summary>
        /// Whether the text holds a value with a secret key's or session token's shape, evidence aside: a 40-character
        /// run that passes <see cref="LooksLikeSecretKey"/>, or a long token-like run. Decides whether evidence is worth
        /// looking for further away.
        /// </summary>
        public static bool HasSecretShape(string text)
        {
            int n = text.Length;
            int i = 0;
            while (NextKeyRun(text, ref i, out int start))
            {
                int length = i - start;
                bool joined = (i < n && IsWordJoiner(text[i])) || (start > 0 && IsWordJoiner(text[start - 1]));
                if (joined)
                {
                    continue;
                }

                if ((length == SecretKeyLength && (i >= n || text[i] != '=') && LooksLikeSecretKey(text, start, length)) ||
                    (length >= MinSessionTokenLength && !IsJwtLike(text, start, i) && LooksLikeToken(text, start, length)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <see cref="FindSecrets"/> could find anything in the text with the strongest evidence there is (a key
        /// ID beside it, a receiving name that says session token; evidence only ever adds findings). False means no
        /// context can make the text a finding, so SECRETS002 does not look for any.
        /// </summary>
        public static bool MayHoldSecret(string text) => MayHoldSecret(text, 0, text.Length);

        /// <summary>
        /// <see cref="MayHoldSecret(string)"/> of <c>text[from..to)</c> as if it were the whole text, without a copy: the
        /// same walk as <see cref="FindSecrets"/> with the strongest evidence, stopping at the first value it would report.
        /// </summary>
        public static bool MayHoldSecret(string text, int from, int to) =>
            WalkSecrets(text, from, to, NameHint.SessionToken, keyIdNearby: true, results: null);

        /// <summary>The cheapest test a value must pass before SECRETS002 looks further: a run of 40+ key characters.</summary>
        public static bool HasLongKeyRun(string text) => HasLongKeyRun(text, 0, text.Length);

        /// <summary><see cref="HasLongKeyRun(string)"/> in <c>text[start..end)</c>.</summary>
        public static bool HasLongKeyRun(string text, int start, int end)
        {
            // Every run of SecretKeyLength key characters that starts in [i, probe] covers probe = i + SecretKeyLength - 1,
            // so one look there rules out SecretKeyLength starts at once when it is not a key character (a space, a dot, a
            // dash: most text). Otherwise the run through probe is measured; each character is read at most twice.
            int i = start;
            while (end - i >= SecretKeyLength)
            {
                int probe = i + SecretKeyLength - 1;
                if (!Chars.IsSecretKeyChar(text[probe]))
                {
                    i = probe + 1;
                    continue;
                }

                int runStart = probe;
                while (runStart > i && Chars.IsSecretKeyChar(text[runStart - 1]))
                {
                    runStart--;
                }

                int runEnd = probe + 1;
                while (runEnd < end && runEnd - runStart < SecretKeyLength && Chars.IsSecretKeyChar(text[runEnd]))
                {
                    runEnd++;
                }

                if (runEnd - runStart >= SecretKeyLength)
                {
                    return true;
                }

                // text[runEnd] is not a key character (or the range ends there).
                i = runEnd + 1;
            }

            return false;
        }

        internal static bool ContainsOrdinal(string text, string value) => text.IndexOf(value, StringComparison.Ordinal) >= 0;
    }
}
