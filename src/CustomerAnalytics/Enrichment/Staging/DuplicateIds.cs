using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>The join's duplicate pass: rows whose transaction id an earlier row has already.</summary>
internal static class DuplicateIds
{
    /// <summary>For each row, the first row with the same id; <see langword="null"/> when no id repeats.</summary>
    public static int[]? FirstRowOfEach(IdColumn ids) => ids.IsNumeric ? OfNumbers(ids) : OfTexts(ids);

    private static int[]? OfTexts(IdColumn ids)
    {
        var rowCount = ids.Count;
        int[]? first = null;
        var seen = new Dictionary<string, int>(rowCount, StringComparer.Ordinal);
        for (var row = 0; row < rowCount; row++)
        {
            if (!seen.TryAdd(ids[row], row))
            {
                Repeat(ref first, rowCount, row, seen[ids[row]]);
            }
        }

        return first;
    }

    private static int[]? OfNumbers(IdColumn ids)
    {
        var rowCount = ids.Count;
        int[]? first = null;

        // Integer ids: rising ids (the usual case) cannot repeat; otherwise sort them with their rows.
        var rising = true;
        for (var row = 1; row < rowCount && rising; row++)
        {
            rising = ids.NumberAt(row) > ids.NumberAt(row - 1);
        }

        if (rising)
        {
            return null;
        }

        var keys = new long[rowCount];
        var rows = new int[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            keys[row] = ids.NumberAt(row);
            rows[row] = row;
        }

        Array.Sort(keys, rows);
        for (var start = 0; start < rowCount;)
        {
            var end = start + 1;
            var firstRow = rows[start];
            while (end < rowCount && keys[end] == keys[start])
            {
                firstRow = Math.Min(firstRow, rows[end]);
                end++;
            }

            for (var k = start; k < end; k++)
            {
                if (rows[k] != firstRow)
                {
                    Repeat(ref first, rowCount, rows[k], firstRow);
                }
            }

            start = end;
        }

        return first;
    }

    /// <summary>Records that <paramref name="row"/> repeats the id of <paramref name="firstRow"/>.</summary>
    private static void Repeat(ref int[]? first, int rowCount, int row, int firstRow)
    {
        if (first is null)
        {
            first = new int[rowCount];
            for (var i = 0; i < rowCount; i++)
            {
                first[i] = i;
            }
        }

        first[row] = firstRow;
    }
}
