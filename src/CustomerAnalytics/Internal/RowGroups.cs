namespace CustomerAnalytics.Internal;

/// <summary>Rows grouped by a dense key (a counting sort of row numbers, stable): the rows of key k are <see cref="Of"/>(k).</summary>
internal sealed class RowGroups
{
    private readonly int[] _offsets;
    private readonly int[] _rows;

    private RowGroups(int[] offsets, int[] rows)
    {
        _offsets = offsets;
        _rows = rows;
    }

    /// <summary>Every row, grouped by key (key 0's rows first), ascending within a key.</summary>
    public ReadOnlySpan<int> All => _rows;

    /// <summary>The rows whose key is <paramref name="key"/>, ascending.</summary>
    public ReadOnlySpan<int> Of(int key) => _rows.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]);

    /// <summary>The rows whose key is <paramref name="key"/>, ascending, writable in place (for sorting within the group).</summary>
    public Span<int> MutableOf(int key) => _rows.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]);

    /// <summary>Groups rows 0 … keys.Length − 1 by <paramref name="keys"/>[row], each in 0 … <paramref name="keyCount"/> − 1.</summary>
    public static RowGroups By(ReadOnlySpan<int> keys, int keyCount)
    {
        var offsets = new int[keyCount + 1];
        foreach (var key in keys)
        {
            offsets[key + 1]++;
        }

        for (var k = 0; k < keyCount; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        var cursor = offsets[..^1];
        var rows = new int[keys.Length];
        for (var row = 0; row < keys.Length; row++)
        {
            rows[cursor[keys[row]]++] = row;
        }

        return new RowGroups(offsets, rows);
    }
}
