namespace CustomerAnalytics.Loading;

/// <summary>
/// Checks, with CsvHelper's own tokenizer, that a part of a CSV file ends where a record ends: the part is read with a
/// marker line after it, and the cut is sound only when CsvHelper starts a record exactly at the marker and reads the
/// marker alone — inside a quoted value (whatever the quotes before it, literal ones such as <c>12" vinyl</c>
/// included) the marker would be part of that value instead.
/// </summary>
internal sealed class CsvPartEnd
{
    private CsvPartEnd(long offset, byte marker)
    {
        Offset = offset;
        Marker = [marker, (byte)'\n'];
    }

    /// <summary>The byte offset of the marker in the part's input (its prefix and range before it).</summary>
    public long Offset { get; }

    /// <summary>The marker line: one byte that is neither the separator nor a quote, then a line feed.</summary>
    public byte[] Marker { get; }

    /// <summary>The line CsvHelper gave the marker (one past the part's lines); <see langword="null"/> until it read the marker alone.</summary>
    public long? MarkerLine { get; private set; }

    public static CsvPartEnd After(long offset, char? separator) => new(offset, separator == '#' ? (byte)'%' : (byte)'#');

    /// <summary>
    /// Whether the record CsvHelper just read (starting at <paramref name="byteOffset"/>) is the part's own; notes the
    /// marker's line when the record is the marker alone.
    /// </summary>
    public bool IsPartRecord(long byteOffset, ReadOnlySpan<byte> rawRecord, long line)
    {
        if (byteOffset < Offset)
        {
            return true;
        }

        if (byteOffset == Offset && rawRecord.SequenceEqual(Marker.AsSpan(0, 1)))
        {
            MarkerLine = line;
        }

        return false;
    }
}
