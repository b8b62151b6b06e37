using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// Where each staged transaction came from: the source (file) by ranges of rows and each row's 1-based line (0 when not
/// read from a source). Staging only: <see cref="EnrichedDatasetBuilder.Build"/> uses it to place its issues and drops it,
/// so the dataset carries no byte per row for it. The line column exists only once a row brought a line.
/// </summary>
internal sealed class RowSources
{
    private readonly List<(int FirstRow, string? Source)> _ranges = [];
    private ChunkedColumn<int>? _lines;
    private int[]? _sealedLines;

    /// <summary>Rows from <paramref name="rowCount"/> on come from <paramref name="source"/> (<see langword="null"/>: objects added directly).</summary>
    public void Begin(string? source, int rowCount)
    {
        var current = _ranges.Count == 0 ? null : _ranges[^1].Source;
        if (!string.Equals(current, source, StringComparison.Ordinal))
        {
            _ranges.Add((rowCount, source));
        }
    }

    /// <summary>Stages the line of the next row (<paramref name="rowsBefore"/> rows staged before it).</summary>
    public void Add(long line, int rowsBefore)
    {
        var value = line is > 0 and <= int.MaxValue ? (int)line : 0;
        if (_lines is null)
        {
            if (value == 0)
            {
                return;
            }

            _lines = new ChunkedColumn<int>();
            _lines.AddMany(0, rowsBefore);
        }

        _lines.Add(value);
    }

    /// <summary>Appends the lines of a part of a parallel load, whose lines are <paramref name="lineOffset"/> lower than the source's.</summary>
    public void MoveFrom(RowSources part, long lineOffset, int rowsBefore, int partRows)
    {
        if (part._lines is not { } lines)
        {
            _lines?.AddMany(0, partRows);
            return;
        }

        for (var c = 0; c < lines.ChunkCount; c++)
        {
            var chunk = lines.ChunkSpan(c);
            for (var i = 0; i < chunk.Length; i++)
            {
                var line = chunk[i] == 0 ? 0 : chunk[i] + lineOffset;
                chunk[i] = line <= int.MaxValue ? (int)line : 0;
            }
        }

        if (_lines is null)
        {
            _lines = new ChunkedColumn<int>();
            _lines.AddMany(0, rowsBefore);
        }

        _lines.MoveFrom(lines);
    }

    /// <summary>Ends the staging: the lines become one array (read by <see cref="At"/>).</summary>
    public void Seal() => _sealedLines = _lines?.ToArray();

    /// <summary>The issue of staged row <paramref name="row"/>, with the row's source and line.</summary>
    public EnrichmentIssue At(int row, EnrichmentIssue issue)
    {
        var (low, high) = (0, _ranges.Count - 1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_ranges[middle].FirstRow <= row)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        var source = high >= 0 ? _ranges[high].Source : null;
        var line = _sealedLines is { } lines && row < lines.Length ? lines[row] : 0;
        return source is null && line == 0 ? issue : issue with { Source = source, Line = line };
    }
}
