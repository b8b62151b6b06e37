using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>What an <see cref="EnrichedDataset"/> keeps in memory, per transaction.</summary>
internal sealed record DatasetFootprint(long TotalBytes, long ColumnBytes, int Transactions)
{
    /// <summary>Everything the dataset holds (columns, dimension tables, look-ups), per transaction.</summary>
    public double TotalPerTransaction => Transactions == 0 ? 0 : (double)TotalBytes / Transactions;

    /// <summary>The per-row columns only, per transaction.</summary>
    public double ColumnsPerTransaction => Transactions == 0 ? 0 : (double)ColumnBytes / Transactions;

    /// <summary>
    /// Measures the live heap with the dataset as the only new thing alive: <paramref name="heapBefore"/> is
    /// <see cref="GC.GetTotalMemory"/> (after a full collection) taken before the dataset was loaded.
    /// </summary>
    public static DatasetFootprint Measure(EnrichedDataset dataset, long heapBefore)
    {
        var total = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(dataset);
        return new DatasetFootprint(total, dataset.ColumnBytes(), dataset.TransactionCount);
    }
}
