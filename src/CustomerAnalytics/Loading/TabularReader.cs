namespace CustomerAnalytics.Loading;

/// <summary>
/// Rows of named fields, whatever the format: CSV records or JSON objects. Field values are UTF-8 spans valid until
/// the next read.
/// </summary>
internal abstract class TabularReader : IDisposable
{
    /// <summary>The column names: the CSV header, or the property names of the first JSON object.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>The 1-based line where the current row starts.</summary>
    public abstract long Line { get; }

    /// <summary>Reads the header; <see langword="false"/> when the source is empty.</summary>
    public abstract bool ReadHeader();

    /// <inheritdoc cref="ReadHeader"/>
    public abstract ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken);

    /// <summary>Advances to the next row; <see langword="false"/> at the end.</summary>
    public abstract bool Read();

    /// <inheritdoc cref="Read"/>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The value of column <paramref name="index"/> of <see cref="Headers"/> in the current row (empty when absent).</summary>
    public abstract ReadOnlySpan<byte> Field(int index);

    /// <summary>
    /// Adds a column the header does not name yet, for sources whose rows may bring it later (JSON objects may omit
    /// properties), named by the first of <paramref name="names"/> and read under any of them; returns its index, or
    /// −1 when the source has a fixed header (CSV).
    /// </summary>
    public virtual int AddColumn(IReadOnlyList<string> names) => -1;

    /// <summary>Makes every name of <paramref name="names"/> read as column <paramref name="index"/> in later rows that bring it (JSON).</summary>
    public virtual void AddAliases(IReadOnlyList<string> names, int index)
    {
    }

    /// <summary>Reports a row whose shape does not fit the header (for example a wrong number of fields); true when it fits.</summary>
    public abstract bool CheckShape(LoadSession session);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
