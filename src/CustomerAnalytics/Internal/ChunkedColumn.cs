namespace CustomerAnalytics.Internal;

/// <summary>
/// An append-only column stored in segments of arrays (new chunks grow to at most <see cref="MaxChunk"/> elements), so
/// that appending never copies what is stored and the slack stays below one chunk; <see cref="ToArray"/> then copies it
/// once into an exact array, releasing each chunk as it goes, so a column is never held twice over. Another column's
/// segments can be taken over whole (<see cref="MoveFrom"/>), which is how columns filled in parallel are joined without
/// a copy; and a column can be given a region of an array to fill first (<see cref="UseRegion"/>): columns filled in
/// parallel into adjacent regions of one exact array join into that array, which <see cref="ToArray"/> returns as it is.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    public const int MaxChunk = 1 << 20;

    // The segments filled, then the open one (_current from _offset, _used of _capacity).
    private readonly List<Segment> _segments = [];
    private T[] _current = [];
    private int _offset;
    private int _capacity;
    private int _used;

    public int Count { get; private set; }

    /// <summary>The number of segments (see <see cref="ChunkSpan"/>).</summary>
    public int ChunkCount => _segments.Count + (_used > 0 ? 1 : 0);

    public void Add(T item)
    {
        if (_used == _capacity)
        {
            var chunk = LargeArray.Uninitialized<T>(Math.Clamp(Count, 16, MaxChunk));
            Open(chunk, 0, chunk.Length);
        }

        _current[_offset + _used++] = item;
        Count++;
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="item"/>.</summary>
    public void AddMany(T item, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Add(item);
        }
    }

    /// <summary>
    /// Makes the next items go to <paramref name="array"/> from <paramref name="offset"/>, for at most
    /// <paramref name="capacity"/> items (then to new chunks); the array's other regions may be filled by other columns.
    /// </summary>
    public void UseRegion(T[] array, int offset, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)offset + capacity, array.Length, nameof(capacity));
        Open(array, offset, capacity);
    }

    /// <summary>The items of segment <paramref name="index"/>, to read or change in place.</summary>
    public Span<T> ChunkSpan(int index) =>
        index < _segments.Count ? _segments[index].Span : _current.AsSpan(_offset, _used);

    /// <summary>Appends the items of <paramref name="other"/> by taking over its segments; <paramref name="other"/> is empty afterwards.</summary>
    public void MoveFrom(ChunkedColumn<T> other)
    {
        Seal();
        other.Seal();
        foreach (var segment in other._segments)
        {
            Append(segment);
        }

        Count += other.Count;
        other.Clear();
    }

    /// <summary>
    /// The values as one array of exactly <see cref="Count"/> elements: the array itself when the column is one whole
    /// array, else a copy; the column is empty afterwards.
    /// </summary>
    public T[] ToArray()
    {
        Seal();
        if (_segments.Count == 1 && _segments[0].Offset == 0 && _segments[0].Length == _segments[0].Array.Length)
        {
            var whole = _segments[0].Array;
            Clear();
            return whole;
        }

        // Every element is written below, so the array need not be zeroed first.
        var result = Count == 0 ? [] : LargeArray.Uninitialized<T>(Count);
        var at = 0;
        for (var i = 0; i < _segments.Count; i++)
        {
            var span = _segments[i].Span;
            span.CopyTo(result.AsSpan(at));
            at += span.Length;
            _segments[i] = default;
        }

        Clear();
        return result;
    }

    private void Open(T[] array, int offset, int capacity)
    {
        Seal();
        _current = array;
        _offset = offset;
        _capacity = capacity;
    }

    /// <summary>Closes the open segment (its unused capacity is left unused).</summary>
    private void Seal()
    {
        if (_used > 0)
        {
            Append(new Segment(_current, _offset, _used));
        }

        _current = [];
        _offset = 0;
        _capacity = 0;
        _used = 0;
    }

    /// <summary>Adds a segment, joining it to the last one when it continues it in the same array.</summary>
    private void Append(Segment segment)
    {
        if (_segments.Count > 0 && _segments[^1] is var last && ReferenceEquals(last.Array, segment.Array) && last.Offset + last.Length == segment.Offset)
        {
            _segments[^1] = last with { Length = last.Length + segment.Length };
        }
        else
        {
            _segments.Add(segment);
        }
    }

    private void Clear()
    {
        _segments.Clear();
        _current = [];
        _offset = 0;
        _capacity = 0;
        _used = 0;
        Count = 0;
    }

    private readonly record struct Segment(T[] Array, int Offset, int Length)
    {
        public Span<T> Span => Array.AsSpan(Offset, Length);
    }
}
