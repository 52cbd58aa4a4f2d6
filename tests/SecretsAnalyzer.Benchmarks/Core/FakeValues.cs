using System;
using System.Text;

namespace SecretsAnalyzer.Benchmarks.Core
{
    /// <summary>Deterministic random values: realistic non-secrets and fresh fake credentials.</summary>
    public sealed class FakeValues
    {
        private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
        private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private readonly Random _random;

        public FakeValues(int seed)
        {
            _random = new Random(seed);
        }

        public Random Random => _random;

        public int Next(int max) => _random.Next(max);

        public T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        public string From(string alphabet, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[_random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        public string Guid()
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        public string Hex(int length) => From("0123456789abcdef", length);

        public string Base64(int bytes)
        {
            var buffer = new byte[bytes];
            _random.NextBytes(buffer);
            return Convert.ToBase64String(buffer);
        }

        public string Account() => (100000000000L + (long)(_random.NextDouble() * 899999999999L)).ToString();

        public string Word() => Pick(Words);

        public string Region() => Pick(Regions);

        /// <summary>A credential key ID: AKIA/ASIA + 16 base32 characters (not a documentation example).</summary>
        public string KeyId() => Pick(new[] { "AKIA", "AKIA", "AKIA", "ASIA" }) + From(Base32, 16);

        /// <summary>A 40-character secret access key with upper, lower, digits and a symbol.</summary>
        public string SecretKey()
        {
            while (true)
            {
                string s = From(SecretAlphabet, 40);
                if (s.IndexOfAny("0123456789/+".ToCharArray()) >= 0 && s.IndexOfAny("abcdefghijklmnopqrstuvwxyz".ToCharArray()) >= 0 &&
                    s.IndexOf("EXAMPLE", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return s;
                }
            }
        }

        public string Password() => From(Alnum, 12) + Pick(new[] { "!", "#", "%", "@9", "_x" }) + From(Alnum, 4);

        public static readonly string[] Words =
        {
            "orders", "payments", "invoices", "customers", "shipments", "inventory", "catalog", "pricing", "refunds", "ledger",
            "notifications", "reports", "audit", "sessions", "carts", "returns", "suppliers", "warehouses", "tax", "loyalty",
        };

        public static readonly string[] Regions = { "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1" };

        public static readonly string[] Statuses = { "PENDING", "SHIPPED", "CANCELLED", "REFUNDED", "ON_HOLD", "DELIVERED" };

        public static readonly string[] Services = { "sns", "sqs", "dynamodb", "s3", "kinesis", "events", "states", "logs", "kms" };

        public static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);

        public static string Escape(string s)
        {
            var b = new StringBuilder(s.Length + 8);
            foreach (char c in s)
            {
                if (c == '"' || c == '\\')
                {
                    b.Append('\\');
                }

                b.Append(c);
            }

            return b.ToString();
        }
    }
}
