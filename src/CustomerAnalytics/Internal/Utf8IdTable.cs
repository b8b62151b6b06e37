using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CustomerAnalytics.Internal;

/// <summary>
/// A hash table from UTF-8 keys to <see cref="int"/> values, made for ids that repeat on millions of rows. Open
/// addressing over one array of 16-byte slots. Keys are kept as compactly as their form allows, each form
/// reproducing the exact bytes (case, leading zeros, hyphens): a key of up to 8 bytes (<c>C0081980</c>,
/// <c>P041407</c>, <c>17850</c>) lives inside its slot, as does a prefix+number id of up to 15 digits
/// (<c>SKU-77423-181</c>, <c>SO-000000001</c>: a template index and the number, see <see cref="IdTemplates"/>); a
/// canonical UUID takes 16 bytes of a byte pool (not 40); any other key, its bytes in the pool.
/// </summary>
internal sealed class Utf8IdTable
{
    private const int ShortKey = 8;
    private const uint UuidLowerCode = 9;
    private const uint UuidUpperCode = 10;
    private const uint TemplatedCode = 11;
    private const uint LongKeyCode = 15;

    private readonly IdTemplates _templates = new();
    private Slot[] _slots;
    private byte[] _pool = [];
    private int _poolUsed;

    public Utf8IdTable(int capacity = 0)
    {
        _slots = LargeArray.Zeroed<Slot>(Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, capacity) * 2)));
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of the byte pool in use (UUIDs and keys of no compact form), for measurements.</summary>
    public long PoolBytes => _poolUsed;

    /// <summary>The value of a key, or <see langword="false"/> when it is absent.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        var encoded = Encode(key, addTemplate: false);
        var slot = Find(key, encoded);
        value = _slots[slot].ValuePlusOne - 1;
        return value >= 0;
    }

    /// <summary>Adds a key that is absent (check with <see cref="TryGetValue"/> first).</summary>
    public void Add(ReadOnlySpan<byte> key, int value)
    {
        var existing = GetOrAdd(key, value);
        if (existing != value)
        {
            throw new InvalidOperationException("The key is in the table already.");
        }
    }

    /// <summary>
    /// The value of a key; when absent, adds it with <paramref name="valueIfAbsent"/> and returns that. The key is
    /// hashed once either way.
    /// </summary>
    public int GetOrAdd(ReadOnlySpan<byte> key, int valueIfAbsent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valueIfAbsent);
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var encoded = Encode(key, addTemplate: true);
        var slot = Find(key, encoded);
        ref var entry = ref _slots[slot];
        if (entry.ValuePlusOne != 0)
        {
            return entry.ValuePlusOne - 1;
        }

        entry = new Slot { Key = Store(key, encoded), Tag = encoded.Tag, ValuePlusOne = valueIfAbsent + 1 };
        Count++;
        return valueIfAbsent;
    }

    /// <summary>The slot holding the key, or the empty slot where it would go.</summary>
    private int Find(ReadOnlySpan<byte> key, in Encoded encoded)
    {
        var mask = _slots.Length - 1;
        var code = encoded.Tag & 15;
        for (var slot = (int)(encoded.Tag >> 4) & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref _slots[slot];
            if (entry.ValuePlusOne == 0)
            {
                return slot;
            }

            if (entry.Tag == encoded.Tag && code switch
            {
                <= ShortKey or TemplatedCode => entry.Key == encoded.Key,
                UuidLowerCode or UuidUpperCode => UuidEquals(entry.Key, encoded),
                _ => LongKeyEquals(entry.Key, key),
            })
            {
                return slot;
            }
        }
    }

    /// <summary>What the slot keeps for a new key: the packed key, or its offset in the pool.</summary>
    private ulong Store(ReadOnlySpan<byte> key, in Encoded encoded)
    {
        var code = encoded.Tag & 15;
        if (code is <= ShortKey or TemplatedCode)
        {
            return encoded.Key;
        }

        var offset = _poolUsed;
        var size = code == LongKeyCode ? sizeof(int) + key.Length : 16;
        if (_poolUsed + size > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_poolUsed + size, Math.Max(4096, _pool.Length * 2)));
        }

        var destination = _pool.AsSpan(offset, size);
        if (code == LongKeyCode)
        {
            BinaryPrimitives.WriteInt32LittleEndian(destination, key.Length);
            key.CopyTo(destination[sizeof(int)..]);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, encoded.High);
            BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], encoded.Low);
        }

        _poolUsed += size;
        return (ulong)offset;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = LargeArray.Zeroed<Slot>(old.Length * 2);
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.ValuePlusOne != 0)
            {
                var slot = (int)(entry.Tag >> 4) & mask;
                while (_slots[slot].ValuePlusOne != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    private Encoded Encode(ReadOnlySpan<byte> key, bool addTemplate)
    {
        var hash = Hash(key) << 4;
        if (key.Length <= ShortKey)
        {
            return new Encoded { Tag = hash | (uint)key.Length, Key = Pack(key) };
        }

        if (UuidText.TryParse(key, out var high, out var low, out var upper))
        {
            return new Encoded { Tag = hash | (upper ? UuidUpperCode : UuidLowerCode), High = high, Low = low };
        }

        return _templates.TryPack(key, addTemplate, out var packed)
            ? new Encoded { Tag = hash | TemplatedCode, Key = packed }
            : new Encoded { Tag = hash | LongKeyCode };
    }

    private bool UuidEquals(ulong offset, in Encoded encoded)
    {
        var stored = _pool.AsSpan((int)offset, 16);
        return BinaryPrimitives.ReadUInt64LittleEndian(stored) == encoded.High && BinaryPrimitives.ReadUInt64LittleEndian(stored[8..]) == encoded.Low;
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
    /// 28 bits of hash of the key's bytes; the tag puts them above 4 bits of form (0–8: a short key of that length;
    /// 9/10: a lower/upper-case UUID; 11: a prefix+number; 15: other bytes). Equal tags and equal packed keys mean
    /// equal keys. The slot position comes from the hash bits, so a rehash needs no key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> key)
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
        return (uint)hash & 0x0FFF_FFFF;
    }

    private struct Slot
    {
        public ulong Key;
        public uint Tag;
        public int ValuePlusOne;
    }

    /// <summary>A key's tag and compact form: the packed key (short or templated) or the UUID's halves.</summary>
    private struct Encoded
    {
        public uint Tag;
        public ulong Key;
        public ulong High;
        public ulong Low;
    }
}
