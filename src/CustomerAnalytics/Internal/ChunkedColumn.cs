namespace CustomerAnalytics.Internal;

/// <summary>
/// An append-only column stored in chunks (growing to at most <see cref="MaxChunk"/> elements), so that appending
/// never copies what is stored and the slack stays below one chunk; <see cref="ToArray"/> then copies it once into an
/// exact array, releasing each chunk as it goes, so a column is never held twice over.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    public const int MaxChunk = 1 << 20;

    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (_used == _current.Length)
        {
            _current = new T[Math.Clamp(Count, 16, MaxChunk)];
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = item;
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

    /// <summary>The values as one array of exactly <see cref="Count"/> elements; the column is empty afterwards.</summary>
    public T[] ToArray()
    {
        var result = Count == 0 ? [] : new T[Count];
        var offset = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = Math.Min(_chunks[i].Length, Count - offset);
            _chunks[i].AsSpan(0, length).CopyTo(result.AsSpan(offset));
            offset += length;
            _chunks[i] = [];
        }

        _chunks.Clear();
        _current = [];
        _used = 0;
        Count = 0;
        return result;
    }
}
