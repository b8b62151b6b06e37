namespace CustomerAnalytics.Internal;

/// <summary>UTF-8 keys by index, side by side in one pool: ids kept without a string each.</summary>
internal sealed class Utf8KeyList
{
    private byte[] _bytes = new byte[1024];
    private int[] _ends = new int[128];
    private int _used;

    public int Count { get; private set; }

    /// <summary>The key at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _ends[index - 1];
            return _bytes.AsSpan(start, _ends[index] - start);
        }
    }

    /// <summary>Adds a key; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> key)
    {
        if (_used + key.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + key.Length));
        }

        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        key.CopyTo(_bytes.AsSpan(_used));
        _used += key.Length;
        _ends[Count] = _used;
        return Count++;
    }
}
