using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CustomerAnalytics.Internal;

/// <summary>
/// A hash table from UTF-8 keys to <see cref="int"/> values, made for ids that repeat on millions of rows. Open
/// addressing over one array of 16-byte slots; a key of up to 8 bytes (<c>C0081980</c>, <c>P041407</c>, <c>17850</c>)
/// lives inside its slot, so a look-up touches one cache line, longer keys are kept in a byte pool the slot points to.
/// </summary>
internal sealed class Utf8IdTable
{
    private const int ShortKey = 8;
    private const uint LongKeyCode = 15;

    private Slot[] _slots;
    private byte[] _pool = [];
    private int _poolUsed;

    public Utf8IdTable(int capacity = 0)
    {
        _slots = LargeArray.Zeroed<Slot>(Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 2)));
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>The value of a key, or <see langword="false"/> when it is absent.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        var tag = Tag(key);
        var key8 = key.Length <= ShortKey ? Pack(key) : 0;
        var mask = _slots.Length - 1;
        for (var slot = (int)(tag >> 4) & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref _slots[slot];
            if (entry.ValuePlusOne == 0)
            {
                value = -1;
                return false;
            }

            if (entry.Tag == tag && (key.Length <= ShortKey ? entry.Key == key8 : LongKeyEquals(entry.Key, key)))
            {
                value = entry.ValuePlusOne - 1;
                return true;
            }
        }
    }

    /// <summary>Adds a key that is absent (check with <see cref="TryGetValue"/> first).</summary>
    public void Add(ReadOnlySpan<byte> key, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var tag = Tag(key);
        ulong stored;
        if (key.Length <= ShortKey)
        {
            stored = Pack(key);
        }
        else
        {
            stored = (ulong)_poolUsed;
            var needed = _poolUsed + sizeof(int) + key.Length;
            if (needed > _pool.Length)
            {
                Array.Resize(ref _pool, Math.Max(needed, Math.Max(4096, _pool.Length * 2)));
            }

            BinaryPrimitives.WriteInt32LittleEndian(_pool.AsSpan(_poolUsed), key.Length);
            key.CopyTo(_pool.AsSpan(_poolUsed + sizeof(int)));
            _poolUsed = needed;
        }

        Insert(new Slot { Key = stored, Tag = tag, ValuePlusOne = value + 1 });
        Count++;
    }

    private void Insert(Slot entry)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(entry.Tag >> 4) & mask;
        while (_slots[slot].ValuePlusOne != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = LargeArray.Zeroed<Slot>(old.Length * 2);
        foreach (var entry in old)
        {
            if (entry.ValuePlusOne != 0)
            {
                Insert(entry);
            }
        }
    }

    private bool LongKeyEquals(ulong offset, ReadOnlySpan<byte> key)
    {
        var start = (int)offset;
        var length = BinaryPrimitives.ReadInt32LittleEndian(_pool.AsSpan(start));
        return length == key.Length && key.SequenceEqual(_pool.AsSpan(start + sizeof(int), length));
    }

    /// <summary>A key of up to 8 bytes as one number (the length is in the tag, so trailing zeros are no problem).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(ReadOnlySpan<byte> key)
    {
        if (key.Length == ShortKey)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(key);
        }

        ulong packed = 0;
        for (var i = 0; i < key.Length; i++)
        {
            packed |= (ulong)key[i] << (8 * i);
        }

        return packed;
    }

    /// <summary>
    /// 28 bits of hash above 4 bits of length (0–8 exactly, 15 for longer keys): equal tags and equal packed bytes
    /// mean equal short keys. The slot position comes from the hash bits, so a rehash needs no key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Tag(ReadOnlySpan<byte> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)key.Length * Multiplier;
        var rest = key;
        while (rest.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(rest)) * Multiplier, 29);
            rest = rest[8..];
        }

        if (rest.Length > 0)
        {
            hash = (hash ^ Pack(rest)) * Multiplier;
        }

        hash ^= hash >> 32;
        var lengthCode = key.Length <= ShortKey ? (uint)key.Length : LongKeyCode;
        return ((uint)hash << 4) | lengthCode;
    }

    private struct Slot
    {
        public ulong Key;
        public uint Tag;
        public int ValuePlusOne;
    }
}
