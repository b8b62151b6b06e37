using System.Collections.Immutable;

namespace CustomerAnalytics.Pipeline;

/// <summary>
/// The memory model of a run (<c>docs/memory.md</c>): a fixed cost for the process plus, per input, its rows times what
/// one row of that role costs at the run's peak. The constants were measured with <c>/usr/bin/time -v</c> on
/// <c>customer-analytics run</c> over generated sets.
/// </summary>
internal static class MemoryEstimator
{
    /// <summary>The runtime, JIT, loader buffers and the run's small results.</summary>
    public const long RuntimeBytes = 80L << 20;

    /// <summary>A transaction: the dataset's columns and order facts, and the analyses' per-line work.</summary>
    public const long BytesPerTransaction = 170;

    /// <summary>A customer: id tables, purchases, RFM, the lifetime summary and CLV, recommendations and their artifacts.</summary>
    public const long BytesPerCustomer = 1_024;

    /// <summary>A product: id table, attributes, the recommender's item tables.</summary>
    public const long BytesPerProduct = 1_000;

    /// <summary>An order line of a flat file: a transaction plus its share of the customers and products it names.</summary>
    public const long BytesPerOrderLine = BytesPerTransaction + (BytesPerCustomer / 10);

    public static MemoryEstimate Estimate(PipelineOptions options)
    {
        var parts = options.OrderLinesPath is { } orderLines
            ? ImmutableArray.Create(Part("order_lines", orderLines, BytesPerOrderLine))
            :
            [
                Part("customers", options.CustomersPath!, BytesPerCustomer),
                Part("products", options.ProductsPath!, BytesPerProduct),
                Part("transactions", options.TransactionsPath!, BytesPerTransaction),
            ];
        var (available, fromOptions) = options.MemoryLimit is { } limit
            ? (limit, true)
            : (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, false);
        return new MemoryEstimate(parts, RuntimeBytes, available, fromOptions);
    }

    /// <summary>
    /// One input's part; a file that is not on disk (read through <see cref="PipelineOptions.OpenRead"/>) or cannot be
    /// sampled counts no rows, and its loader reports the problem when the run reads it.
    /// </summary>
    private static MemoryEstimatePart Part(string role, string path, long bytesPerRow)
    {
        if (!File.Exists(path))
        {
            return new MemoryEstimatePart(role, path, 0, 0, 0, bytesPerRow);
        }

        try
        {
            var (fileBytes, contentBytes, rows) = InputSample.Measure(path);
            return new MemoryEstimatePart(role, path, fileBytes, contentBytes, rows, bytesPerRow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new MemoryEstimatePart(role, path, 0, 0, 0, bytesPerRow);
        }
    }
}
