namespace CustomerAnalytics.Lifetime;

/// <summary>
/// A summary compressed to its distinct (x, tₓ, T) rows: the distinct values of x, tₓ and T, each row as indexes into
/// them with a weight (how many customers share it), and each customer's row. Customers of a dataset summary share rows
/// heavily (whole days, few frequencies), so likelihoods and predictions run per distinct row.
/// </summary>
internal sealed class DistinctRows
{
    public DistinctRows(ReadOnlySpan<int> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t)
    {
        var xs = new Dictionary<int, int>();
        var txs = new Dictionary<double, int>();
        var ts = new Dictionary<double, int>();
        var rows = new Dictionary<(int, int, int), int>();
        var rowX = new List<int>();
        var rowTx = new List<int>();
        var rowT = new List<int>();
        var weight = new List<double>();
        RowOfCustomer = new int[frequency.Length];
        for (var i = 0; i < frequency.Length; i++)
        {
            var key = (Intern(xs, frequency[i]), Intern(txs, recency[i]), Intern(ts, t[i]));
            if (rows.TryGetValue(key, out var row))
            {
                weight[row]++;
            }
            else
            {
                row = rowX.Count;
                rows.Add(key, row);
                rowX.Add(key.Item1);
                rowTx.Add(key.Item2);
                rowT.Add(key.Item3);
                weight.Add(1);
            }

            RowOfCustomer[i] = row;
        }

        X = Keys(xs);
        Tx = Keys(txs);
        T = Keys(ts);
        RowX = [.. rowX];
        RowTx = [.. rowTx];
        RowT = [.. rowT];
        Weight = [.. weight];
    }

    /// <summary>The distinct frequencies.</summary>
    public int[] X { get; }

    /// <summary>The distinct recencies.</summary>
    public double[] Tx { get; }

    /// <summary>The distinct ages.</summary>
    public double[] T { get; }

    /// <summary>Per distinct row, the index into <see cref="X"/>.</summary>
    public int[] RowX { get; }

    /// <summary>Per distinct row, the index into <see cref="Tx"/>.</summary>
    public int[] RowTx { get; }

    /// <summary>Per distinct row, the index into <see cref="T"/>.</summary>
    public int[] RowT { get; }

    /// <summary>Per distinct row, the customers sharing it.</summary>
    public double[] Weight { get; }

    /// <summary>Per customer, its distinct row.</summary>
    public int[] RowOfCustomer { get; }

    /// <summary>The number of distinct rows.</summary>
    public int Count => Weight.Length;

    /// <summary>Evaluates <paramref name="value"/> once per distinct row (in parallel when there are many) and spreads it to the customers.</summary>
    public double[] PerCustomer(Func<int, double, double, double> value)
    {
        var perRow = BgNbdModel.ForEach(Count, i => value(X[RowX[i]], Tx[RowTx[i]], T[RowT[i]]));
        var result = new double[RowOfCustomer.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = perRow[RowOfCustomer[i]];
        }

        return result;
    }

    private static int Intern<TKey>(Dictionary<TKey, int> map, TKey value)
        where TKey : notnull
    {
        if (!map.TryGetValue(value, out var index))
        {
            index = map.Count;
            map.Add(value, index);
        }

        return index;
    }

    private static TKey[] Keys<TKey>(Dictionary<TKey, int> map)
        where TKey : notnull
    {
        var keys = new TKey[map.Count];
        foreach (var (key, index) in map)
        {
            keys[index] = key;
        }

        return keys;
    }
}
