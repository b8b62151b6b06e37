namespace CustomerAnalytics.Internal;

/// <summary>
/// An append-only column stored in chunks (growing to at most <see cref="MaxChunk"/> elements), so that appending
/// never copies what is stored and the slack stays below one chunk; <see cref="ToArray"/> then copies it once into an
/// exact array, releasing each chunk as it goes, so a column is never held twice over. Another column's chunks can be
/// taken over whole (<see cref="MoveFrom"/>), which is how columns filled in parallel are joined without a copy.
/// </summary>
internal sealed class ChunkedColumn<T>
{
    public const int MaxChunk = 1 << 20;

    private readonly List<T[]> _chunks = [];

    // The number of items in each chunk but the last, whose count is _used.
    private readonly List<int> _lengths = [];
    private T[] _current = [];
    private int _used;

    public int Count { get; private set; }

    /// <summary>The number of chunks (see <see cref="ChunkSpan"/>).</summary>
    public int ChunkCount => _chunks.Count;

    public void Add(T item)
    {
        if (_used == _current.Length)
        {
            StartChunk(new T[Math.Clamp(Count, 16, MaxChunk)], 0);
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

    /// <summary>The items of chunk <paramref name="index"/>, to read or change in place.</summary>
    public Span<T> ChunkSpan(int index) =>
        _chunks[index].AsSpan(0, index == _chunks.Count - 1 ? _used : _lengths[index]);

    /// <summary>Appends the items of <paramref name="other"/> by taking over its chunks; <paramref name="other"/> is empty afterwards.</summary>
    public void MoveFrom(ChunkedColumn<T> other)
    {
        for (var i = 0; i < other._chunks.Count; i++)
        {
            var length = other.ChunkSpan(i).Length;
            if (length > 0)
            {
                StartChunk(other._chunks[i], length);
                Count += length;
            }
        }

        other.Clear();
    }

    /// <summary>The values as one array of exactly <see cref="Count"/> elements; the column is empty afterwards.</summary>
    public T[] ToArray()
    {
        // Every element is written below, so the array need not be zeroed first.
        var result = Count == 0 ? [] : GC.AllocateUninitializedArray<T>(Count);
        var offset = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var chunk = ChunkSpan(i);
            chunk.CopyTo(result.AsSpan(offset));
            offset += chunk.Length;
            _chunks[i] = [];
        }

        Clear();
        return result;
    }

    private void StartChunk(T[] chunk, int used)
    {
        if (_chunks.Count > 0)
        {
            _lengths.Add(_used);
        }

        _chunks.Add(chunk);
        _current = chunk;
        _used = used;
    }

    private void Clear()
    {
        _chunks.Clear();
        _lengths.Clear();
        _current = [];
        _used = 0;
        Count = 0;
    }
}
