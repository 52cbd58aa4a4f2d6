using System;

namespace SecretsAnalyzer.Candidates
{
    /// <summary>
    /// A set of names, looked up by a stretch of a larger text without cutting it out (no allocation per lookup),
    /// each with an optional string value; a name added twice keeps no value. Built once, then read concurrently.
    /// </summary>
    internal sealed class NameTable
    {
        private Entry[] _buckets = new Entry[64];
        private int _count;

        // A filter before hashing: the lengths (up to 63) and the last characters (mod 64) of the names added.
        private ulong _lengths;
        private ulong _lastChars;

        private sealed class Entry
        {
            public Entry(string name, int hash, string? value, Entry? next)
            {
                Name = name;
                Hash = hash;
                Value = value;
                Next = next;
            }

            public string Name { get; }

            public int Hash { get; }

            public string? Value { get; set; }

            public bool Repeated { get; set; }

            public Entry? Next { get; }
        }

        public int Count => _count;

        public void Add(string name, string? value)
        {
            int hash = Hash(name, 0, name.Length);
            Entry? existing = Find(name, 0, name.Length, hash);
            if (existing != null)
            {
                existing.Repeated = true;
                existing.Value = null;
                return;
            }

            if (_count >= _buckets.Length)
            {
                Grow();
            }

            _lengths |= 1UL << (name.Length < 63 ? name.Length : 63);
            _lastChars |= name.Length == 0 ? 1UL : 1UL << (name[name.Length - 1] & 63);

            int b = hash & (_buckets.Length - 1);
            _buckets[b] = new Entry(name, hash, value, _buckets[b]);
            _count++;
        }

        /// <summary>Adds <c>container.name</c>, found again with <see cref="QualifiedValue"/>.</summary>
        public void AddQualified(string container, string name, string? value) => Add(container + "." + name, value);

        /// <summary>The value of <c>container.name</c> when it was added once with a value; otherwise null. Allocates the key.</summary>
        public string? QualifiedValue(string container, string name) => _count == 0 ? null : Value(container + "." + name);

        private string? Value(string key) => Find(key, 0, key.Length, Hash(key, 0, key.Length))?.Value;

        /// <summary>Whether <c>container.name</c> was added (once or more).</summary>
        public bool ContainsQualified(string container, string name)
        {
            string key = container + "." + name;
            return _count != 0 && Find(key, 0, key.Length, Hash(key, 0, key.Length)) != null;
        }

        public bool Contains(string text, int start, int length) =>
            _count != 0 && MayContain(text, start, length) && Find(text, start, length, Hash(text, start, length)) != null;

        /// <summary>No false negatives; most words of a text fail it on their length or last character without being hashed.</summary>
        private bool MayContain(string text, int start, int length) =>
            (_lengths & (1UL << (length < 63 ? length : 63))) != 0 &&
            (_lastChars & (length == 0 ? 1UL : 1UL << (text[start + length - 1] & 63))) != 0;

        /// <summary>The value of the name when it was added once with a value; otherwise null.</summary>
        public string? Value(string text, int start, int length) => _count == 0 ? null : Find(text, start, length, Hash(text, start, length))?.Value;

        private Entry? Find(string text, int start, int length, int hash)
        {
            for (Entry? e = _buckets[hash & (_buckets.Length - 1)]; e != null; e = e.Next)
            {
                if (e.Hash == hash && e.Name.Length == length && string.CompareOrdinal(e.Name, 0, text, start, length) == 0)
                {
                    return e;
                }
            }

            return null;
        }

        private void Grow()
        {
            Entry[] old = _buckets;
            _buckets = new Entry[old.Length * 2];
            foreach (Entry? head in old)
            {
                for (Entry? e = head; e != null; e = e.Next)
                {
                    int b = e.Hash & (_buckets.Length - 1);
                    _buckets[b] = new Entry(e.Name, e.Hash, e.Value, _buckets[b]) { Repeated = e.Repeated };
                }
            }
        }

        internal static int Hash(string text, int start, int length)
        {
            // FNV-1a over the UTF-16 code units.
            unchecked
            {
                int hash = (int)2166136261;
                for (int i = start; i < start + length; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }

                return hash;
            }
        }
    }
}
