using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Turns UTF-8 values into strings, allocating each distinct value once: ids repeat on millions of rows, and the
/// builder keys its tables by string, so one instance per id saves both time and memory.
/// </summary>
internal sealed class Utf8Interner
{
    private int[] _buckets = new int[64];
    private Entry[] _entries = new Entry[64];
    private int _count;

    public int Count => _count;

    public string Intern(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var bucket = (int)((uint)hash % (uint)_buckets.Length);
        for (var i = _buckets[bucket] - 1; i >= 0; i = _entries[i].Next)
        {
            ref var entry = ref _entries[i];
            if (entry.Hash == hash && utf8.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }

        if (_count == _entries.Length)
        {
            Grow();
            bucket = (int)((uint)hash % (uint)_buckets.Length);
        }

        var value = Encoding.UTF8.GetString(utf8);
        _entries[_count] = new Entry { Hash = hash, Key = utf8.ToArray(), Value = value, Next = _buckets[bucket] - 1 };
        _buckets[bucket] = ++_count;
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode();
    }

    private void Grow()
    {
        Array.Resize(ref _entries, _entries.Length * 2);
        _buckets = new int[_entries.Length];
        for (var i = 0; i < _count; i++)
        {
            var bucket = (int)((uint)_entries[i].Hash % (uint)_buckets.Length);
            _entries[i].Next = _buckets[bucket] - 1;
            _buckets[bucket] = i + 1;
        }
    }

    private struct Entry
    {
        public int Hash;
        public int Next;
        public byte[] Key;
        public string Value;
    }
}
