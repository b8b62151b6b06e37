namespace CustomerAnalytics.Lifetime;

/// <summary>
/// Sums a likelihood and its gradient over rows in fixed chunks, on every core, adding the chunks' sums in chunk order:
/// the same bits on any number of threads (the chunks never depend on the thread count).
/// </summary>
internal static class LikelihoodChunks
{
    /// <summary>
    /// Runs <paramref name="sumChunk"/>(from, to, sums) over [0, <paramref name="rows"/>) in chunks of
    /// <paramref name="chunkRows"/>, each adding into its own zeroed span of <paramref name="width"/> sums, and returns the
    /// chunk sums added in order. <paramref name="maxDegreeOfParallelism"/> −1 means every core.
    /// </summary>
    public static double[] Sum(int rows, int chunkRows, int width, int maxDegreeOfParallelism, SumChunk sumChunk)
    {
        var chunks = Math.Max(1, (rows + chunkRows - 1) / chunkRows);
        var partial = new double[chunks * width];
        if (chunks == 1)
        {
            sumChunk(0, rows, partial);
            return partial;
        }

        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            c => sumChunk(c * chunkRows, Math.Min(rows, (c + 1) * chunkRows), partial.AsSpan(c * width, width)));
        var total = new double[width];
        for (var c = 0; c < chunks; c++)
        {
            for (var k = 0; k < width; k++)
            {
                total[k] += partial[(c * width) + k];
            }
        }

        return total;
    }

    /// <summary>Adds the rows [<paramref name="from"/>, <paramref name="to"/>) into <paramref name="sums"/>.</summary>
    public delegate void SumChunk(int from, int to, Span<double> sums);
}
