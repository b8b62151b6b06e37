using BenchmarkDotNet.Attributes;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// The same generated data with sequential short ids and with realistic ones (UUID customers, SKU products, SO-
/// order numbers, customers shuffled): the load of the three CSVs into a builder, and the load with the join
/// (<c>Build</c>). The baseline is the sequential style, so the ratio is what real ids cost.
/// </summary>
[MemoryDiagnoser]
public class IdStyleBenchmarks
{
    private DataFiles _files = null!;

    /// <summary>The id style: <c>sequential</c> or <c>realistic</c>.</summary>
    [Params("sequential", "realistic")]
    public string Ids { get; set; } = "sequential";

    [GlobalSetup]
    public void Setup() => _files = BenchData.Csv(GenerateCommand.ParseIdStyles(Ids)[0]);

    /// <summary>Transactions into a builder (customers and products on the other core), as <c>compare</c> does.</summary>
    [Benchmark(Baseline = true)]
    public int Load()
    {
        var builder = new EnrichedDatasetBuilder();
        LibraryApproach.Load(_files, builder);
        return builder.TransactionCount;
    }

    /// <summary>The load and the join into an <see cref="EnrichedDataset"/>.</summary>
    [Benchmark]
    public int LoadAndBuild()
    {
        var builder = new EnrichedDatasetBuilder();
        LibraryApproach.Load(_files, builder);
        return builder.Build().TransactionCount;
    }

    /// <summary>The transactions file alone on one core: the id tables without the parallel parts.</summary>
    [Benchmark]
    public long TransactionsOneCore() =>
        TransactionLoader.LoadInto(new EnrichedDatasetBuilder(), _files.Transactions, LoadOptions.Default with { MaxDegreeOfParallelism = 1 }).RowsLoaded;
}
