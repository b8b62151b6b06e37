using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Turns UTF-8 values into strings, allocating each distinct value once: ids repeat on millions of rows, and the
/// builder keys its tables by string, so one instance per id saves both time and memory. Open addressing over one
/// array of (hash, index) slots, with the key bytes side by side in one pool, so a look-up touches little memory.
/// </summary>
internal sealed class Utf8Interner
{
    private ulong[] _slots = new ulong[256];
    private byte[] _bytes = new byte[4096];
    private int _bytesUsed;
    private int[] _offsets = new int[128];
    private string[] _values = new string[128];
    private int _count;

    public int Count => _count;

    /// <summary>The string of a dense index returned by <see cref="IndexOf"/>.</summary>
    public string this[int index] => _values[index];

    /// <summary>The value as a string, allocated the first time only.</summary>
    public string Intern(ReadOnlySpan<byte> utf8)
    {
        // Not `_values[IndexOf(utf8)]`: C# reads the field before the call, and an add that grows the array would
        // then index the old array, where the new value is missing.
        var index = IndexOf(utf8);
        return _values[index];
    }

    /// <summary>The dense index (0, 1, 2, … in order of first appearance) of the value, added when new.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(utf8, hash, slot);
            }

            if ((uint)(entry >> 32) == hash)
            {
                var index = (int)(uint)entry - 1;
                var start = _offsets[index];
                if (utf8.SequenceEqual(_bytes.AsSpan(start, _offsets[index + 1] - start)))
                {
                    return index;
                }
            }
        }
    }

    private int Add(ReadOnlySpan<byte> utf8, uint hash, int slot)
    {
        var value = Encoding.UTF8.GetString(utf8);
        if (_count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
            Array.Resize(ref _values, _values.Length * 2);
        }

        if (_bytesUsed + utf8.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _bytesUsed + utf8.Length));
        }

        utf8.CopyTo(_bytes.AsSpan(_bytesUsed));
        _offsets[_count] = _bytesUsed;
        _bytesUsed += utf8.Length;
        _offsets[_count + 1] = _bytesUsed;
        _values[_count] = value;
        _count++;
        _slots[slot] = ((ulong)hash << 32) | (uint)_count;
        if (_count * 2 > _slots.Length)
        {
            Rehash();
        }

        return _count - 1;
    }

    private void Rehash()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var slot = (int)(entry >> 32) & mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    /// <summary>A fast multiplicative hash of the bytes, 8 at a time.</summary>
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)utf8.Length * Multiplier;
        while (utf8.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Multiplier, 29);
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            tail |= (ulong)utf8[i] << (8 * i);
        }

        hash = (hash ^ tail) * Multiplier;
        return (uint)(hash >> 32) ^ (uint)hash;
    }
}
