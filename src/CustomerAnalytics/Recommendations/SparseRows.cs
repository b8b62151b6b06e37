namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A sparse matrix stored by rows (compressed sparse row): row r holds columns <see cref="ColumnsOf"/>(r), ascending,
/// with their values. The user × item and item × user confidence matrices of <see cref="ImplicitAlsRecommender"/>.
/// Immutable once built.
/// </summary>
internal sealed partial class SparseRows
{
    private readonly int[] _offsets;
    private readonly int[] _columns;
    private readonly float[] _values;

    public SparseRows(int[] offsets, int[] columns, float[] values)
    {
        _offsets = offsets;
        _columns = columns;
        _values = values;
    }

    /// <summary>The number of rows.</summary>
    public int RowCount => _offsets.Length - 1;

    /// <summary>The number of stored entries.</summary>
    public int EntryCount => _columns.Length;

    /// <summary>The columns of row <paramref name="row"/>, ascending.</summary>
    public ReadOnlySpan<int> ColumnsOf(int row) => _columns.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>The values matching <see cref="ColumnsOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOf(int row) => _values.AsSpan(_offsets[row], _offsets[row + 1] - _offsets[row]);

    /// <summary>Whether row <paramref name="row"/> has no entry.</summary>
    public bool IsEmpty(int row) => _offsets[row] == _offsets[row + 1];

    /// <summary>α · w per customer and bought product: the confidence minus one, c_ui − 1.</summary>
    public static SparseRows FromAffinities(CustomerAffinities affinities, int customerCount, double alpha)
    {
        var offsets = new int[customerCount + 1];
        for (var c = 0; c < customerCount; c++)
        {
            offsets[c + 1] = offsets[c] + affinities.ProductsOf(c).Length;
        }

        var columns = new int[offsets[customerCount]];
        var values = new float[columns.Length];
        for (var c = 0; c < customerCount; c++)
        {
            affinities.ProductsOf(c).CopyTo(columns.AsSpan(offsets[c]));
            var weights = affinities.ValuesOf(c);
            for (var k = 0; k < weights.Length; k++)
            {
                values[offsets[c] + k] = (float)(alpha * weights[k]);
            }
        }

        return new SparseRows(offsets, columns, values);
    }

    /// <summary>The transpose (a counting sort by column, so each new row's columns stay ascending).</summary>
    public SparseRows Transpose(int columnCount)
    {
        var offsets = new int[columnCount + 1];
        foreach (var column in _columns)
        {
            offsets[column + 1]++;
        }

        for (var c = 0; c < columnCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var cursor = offsets[..^1];
        var columns = new int[_columns.Length];
        var values = new float[_columns.Length];
        for (var row = 0; row < RowCount; row++)
        {
            for (var k = _offsets[row]; k < _offsets[row + 1]; k++)
            {
                var at = cursor[_columns[k]]++;
                columns[at] = row;
                values[at] = _values[k];
            }
        }

        return new SparseRows(offsets, columns, values);
    }
}
