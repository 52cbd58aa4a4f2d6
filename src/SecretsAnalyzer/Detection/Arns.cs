using System;
using System.Collections.Generic;

namespace SecretsAnalyzer.Detection
{
    /// <summary>What is wrong with a role ARN found in code.</summary>
    public enum RoleArnKind
    {
        /// <summary>A literal 12-digit account and a specific role: the code is bound to that account.</summary>
        BoundAccount,

        /// <summary>A literal account with a wildcard role name (<c>role/*</c>, <c>role/app-?</c>).</summary>
        WildcardRoleName,

        /// <summary>A wildcard account (<c>*</c>, <c>?</c>, or digits mixed with wildcards): whose role is meant is ambiguous.</summary>
        WildcardAccount,
    }

    /// <summary>An IAM role ARN found in a text.</summary>
    public readonly struct RoleArnMatch
    {
        public RoleArnMatch(int start, int length, int accountStart, int accountLength, int resourceStart, RoleArnKind kind)
        {
            Start = start;
            Length = length;
            AccountStart = accountStart;
            AccountLength = accountLength;
            ResourceStart = resourceStart;
            Kind = kind;
        }

        /// <summary>Where <c>arn:</c> starts.</summary>
        public int Start { get; }

        /// <summary>Up to the end of the role name.</summary>
        public int Length { get; }

        public int End => Start + Length;

        public int AccountStart { get; }

        public int AccountLength { get; }

        /// <summary>Where <c>role/…</c> starts.</summary>
        public int ResourceStart { get; }

        public RoleArnKind Kind { get; }

        public string Account(string text) => text.Substring(AccountStart, AccountLength);

        /// <summary>The resource part, <c>role/path/Name</c> (never a secret).</summary>
        public string Resource(string text) => text.Substring(ResourceStart, End - ResourceStart);
    }

    /// <summary>
    /// IAM role ARNs (../shared/REFERENCE.md §3): <c>arn:&lt;partition&gt;:iam::&lt;account&gt;:role/&lt;path/&gt;name</c>.
    /// A hand-written forward scanner: linear in the text, no regex, no recursion, no allocation until a match.
    /// <para>
    /// Reported: a literal 12-digit account (any partition matching <c>aws(-[a-z]+)*</c>, or a partition that is
    /// a <see cref="Chars.Hole"/>); a wildcard account (<c>*</c>, <c>?</c>); a wildcard role name.
    /// Never reported: AWS-managed policies (<c>arn:aws:iam::aws:policy/…</c>) and every other non-role ARN;
    /// accounts that are or contain a hole (a variable, the context, configuration); the documentation example
    /// accounts; accounts in the caller's allow-list.
    /// </para>
    /// </summary>
    public static class Arns
    {
        public const int AccountLength = 12;

        /// <summary>Longest role path plus name the scanner follows (IAM allows a 512-character path and a 64-character name).</summary>
        public const int MaxResourceLength = 600;

        private const string Prefix = "arn:";
        private const string IamService = "iam";
        private const string RoleResource = "role/";

        /// <summary>The cheapest test: the text holds <c>:iam:</c>. No allocation.</summary>
        public static bool MayContainRoleArn(string text) => text.IndexOf(":iam:", StringComparison.Ordinal) >= 0;

        /// <summary><see cref="MayContainRoleArn(string)"/> in <c>text[start..end)</c>.</summary>
        public static bool MayContainRoleArn(string text, int start, int end) => text.IndexOf(":iam:", start, end - start, StringComparison.Ordinal) >= 0;

        /// <summary>Every reportable role ARN in the text, in order.</summary>
        public static void FindRoleArns(string text, List<RoleArnMatch> results, IReadOnlyList<string>? allowedAccounts = null)
        {
            int i = 0;
            while (i < text.Length)
            {
                int start = text.IndexOf(Prefix, i, StringComparison.Ordinal);
                if (start < 0)
                {
                    return;
                }

                if (TryParseRoleArn(text, start, out RoleArnMatch match, out int resume))
                {
                    if (!IsExempt(text, match, allowedAccounts))
                    {
                        results.Add(match);
                    }

                    i = match.End;
                }
                else
                {
                    i = resume;
                }
            }
        }

        /// <summary>Whether the text holds a reportable role ARN.</summary>
        public static bool ContainsRoleArn(string text, IReadOnlyList<string>? allowedAccounts = null)
        {
            var results = new List<RoleArnMatch>(1);
            FindRoleArns(text, results, allowedAccounts);
            return results.Count > 0;
        }

        /// <summary>
        /// Parses a role ARN whose <c>arn:</c> is at <paramref name="start"/>. Gives false for anything that is not
        /// a role ARN with a literal or wildcard account (managed policies, users, queues, holes in the account, …).
        /// <paramref name="resume"/> is where the next search may start; it is always past <paramref name="start"/>.
        /// </summary>
        public static bool TryParseRoleArn(string text, int start, out RoleArnMatch match, out int resume)
        {
            match = default;
            resume = start + 1;
            int n = text.Length;

            // Left boundary: "xarn:" or "_arn:" is another word.
            if (start > 0 && IsWordChar(text[start - 1]))
            {
                return false;
            }

            int p = start + Prefix.Length;

            // Partition: aws(-[a-z]+)*, or one hole (a partition read at run time).
            if (p < n && text[p] == Chars.Hole)
            {
                p++;
            }
            else
            {
                if (string.CompareOrdinal(text, p, "aws", 0, 3) != 0)
                {
                    return false;
                }

                p += 3;
                while (p < n && text[p] == '-')
                {
                    int q = p + 1;
                    while (q < n && Chars.IsLower(text[q]))
                    {
                        q++;
                    }

                    if (q == p + 1)
                    {
                        return false;
                    }

                    p = q;
                }
            }

            // ":iam::" (IAM ARNs have no region).
            if (p >= n || text[p] != ':' || string.CompareOrdinal(text, p + 1, IamService, 0, IamService.Length) != 0)
            {
                return false;
            }

            p += 1 + IamService.Length;
            if (p + 1 >= n || text[p] != ':' || text[p + 1] != ':')
            {
                return false;
            }

            p += 2;

            // Account: exactly 12 digits, or digits and wildcards with at least one wildcard.
            int accountStart = p;
            bool wildcardAccount = false;
            while (p < n && p - accountStart <= AccountLength && (Chars.IsAsciiDigit(text[p]) || IsWildcard(text[p])))
            {
                wildcardAccount |= IsWildcard(text[p]);
                p++;
            }

            int accountLength = p - accountStart;
            if (accountLength == 0 || (!wildcardAccount && accountLength != AccountLength) || accountLength > AccountLength)
            {
                return false;
            }

            if (p >= n || text[p] != ':')
            {
                return false;
            }

            p++;

            // Resource: "role/" then an optional path and a name.
            int resourceStart = p;
            if (string.CompareOrdinal(text, p, RoleResource, 0, RoleResource.Length) != 0)
            {
                return false;
            }

            p += RoleResource.Length;
            int nameStart = p;
            bool wildcardName = false;
            int limit = Math.Min(n, p + MaxResourceLength);
            while (p < limit && (IsRoleNameChar(text[p]) || text[p] == '/' || IsWildcard(text[p]) || text[p] == Chars.Hole))
            {
                if (text[p] == ',' && (p + 1 >= n || char.IsWhiteSpace(text[p + 1]) || string.CompareOrdinal(text, p + 1, Prefix, 0, Prefix.Length) == 0))
                {
                    // A list separator: "…:role/A,arn:…" or "…:role/A, …".
                    break;
                }

                if (text[p] == '/')
                {
                    nameStart = p + 1;
                    wildcardName = false;
                }
                else if (IsWildcard(text[p]))
                {
                    wildcardName = true;
                }

                p++;
            }

            // A name never ends in ',' or '.' in practice, a sentence or a list does: "…:role/A, …:role/B." .
            while (p > nameStart && (text[p - 1] == ',' || text[p - 1] == '.'))
            {
                p--;
            }

            // The name is what follows the last '/' (wildcardName was reset there): wildcards in the path alone do not
            // make the name a wildcard. "role/" or "role/path/" with no name is a prefix a name is appended to: still
            // bound to the account.
            RoleArnKind kind = wildcardAccount ? RoleArnKind.WildcardAccount : wildcardName ? RoleArnKind.WildcardRoleName : RoleArnKind.BoundAccount;
            match = new RoleArnMatch(start, p - start, accountStart, accountLength, resourceStart, kind);
            resume = p;
            return true;
        }

        /// <summary>
        /// The account ids AWS documentation uses (<c>123456789012</c>, <c>111122223333</c>, <c>444455556666</c>,
        /// <c>777788889999</c>, …) and the ones people type in their place: a straight ascending or descending run
        /// (<c>012345678912</c>, <c>987654321098</c>), one repeated digit (<c>000000000000</c> is also LocalStack's
        /// account), or three runs of four repeated digits.
        /// </summary>
        public static bool IsDocumentationAccount(string text, int start, int length)
        {
            if (length != AccountLength)
            {
                return false;
            }

            if (string.CompareOrdinal(text, start, "123456789012", 0, AccountLength) == 0 ||
                string.CompareOrdinal(text, start, "012345678901", 0, AccountLength) == 0)
            {
                return true;
            }

            if (IsStraightRun(text, start, +1) || IsStraightRun(text, start, -1))
            {
                return true;
            }

            bool quads = true;
            for (int i = 0; i < AccountLength; i++)
            {
                if (text[start + i] != text[start + (i / 4 * 4)])
                {
                    quads = false;
                    break;
                }
            }

            return quads;
        }

        /// <summary>Digits of a typed run that make an account a stand-in: <c>0123456789</c> then anything.</summary>
        private const int MinStraightRun = 10;

        /// <summary>
        /// Whether the account starts with <see cref="MinStraightRun"/> digits that climb (or fall) by one, wrapping
        /// from 9 to 0: <c>012345678912</c>, <c>234567890123</c>, <c>987654321098</c>. Nobody is assigned such an
        /// account; people type it as an example.
        /// </summary>
        private static bool IsStraightRun(string text, int start, int step)
        {
            int run = 1;
            for (int i = 1; i < AccountLength && run < MinStraightRun; i++)
            {
                int previous = text[start + i - 1] - '0';
                int current = text[start + i] - '0';
                if (previous < 0 || previous > 9 || current < 0 || current > 9 || current != (previous + step + 10) % 10)
                {
                    return false;
                }

                run++;
            }

            return run >= MinStraightRun;
        }

        /// <summary>Whether the account is listed (exactly) in <paramref name="allowedAccounts"/>.</summary>
        public static bool IsAllowedAccount(string text, int start, int length, IReadOnlyList<string>? allowedAccounts)
        {
            if (allowedAccounts == null)
            {
                return false;
            }

            for (int i = 0; i < allowedAccounts.Count; i++)
            {
                string allowed = allowedAccounts[i];
                if (allowed.Length == length && string.CompareOrdinal(text, start, allowed, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>IAM role names: letters, digits and <c>+=,.@_-</c>.</summary>
        public static bool IsRoleNameChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '+' || c == '=' || c == ',' || c == '.' || c == '@' || c == '_' || c == '-';

        private static bool IsExempt(string text, RoleArnMatch match, IReadOnlyList<string>? allowedAccounts)
        {
            if (match.Kind == RoleArnKind.WildcardAccount)
            {
                return false;
            }

            return IsDocumentationAccount(text, match.AccountStart, match.AccountLength) ||
                   IsAllowedAccount(text, match.AccountStart, match.AccountLength, allowedAccounts);
        }

        private static bool IsWildcard(char c) => c == '*' || c == '?';

        private static bool IsWordChar(char c) => Chars.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }
}
