namespace CustomerAnalytics.Internal;

/// <summary>A list of values that grows by doubling and hands out its array without copying.</summary>
internal struct GrowableArray<T>
{
    private T[] _items;

    public GrowableArray(int capacity) => _items = capacity == 0 ? [] : new T[capacity];

    public int Count { get; private set; }

    public readonly T this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Add(T item)
    {
        _items ??= [];
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(16, _items.Length * 2));
        }

        _items[Count++] = item;
    }

    /// <summary>The values as an array of exactly <see cref="Count"/> elements (the inner array when it is that size).</summary>
    public T[] ToTrimmedArray()
    {
        _items ??= [];
        if (_items.Length != Count)
        {
            Array.Resize(ref _items, Count);
        }

        return _items;
    }

    public readonly Span<T> AsSpan() => (_items ?? []).AsSpan(0, Count);
}
