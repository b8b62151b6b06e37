using BenchmarkDotNet.Attributes;
using CsvHelper;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// Loading transactions into a builder (whose customers and products are loaded once in setup). Baseline: what a user
/// would write without the loaders, CsvHelper's generated record mapper into <c>AddTransaction</c>; against it the typed
/// loader's streaming path from CSV (on every core, and on one) and from JSON.
/// </summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private DataFiles _csv = null!;
    private DataFiles _json = null!;
    private Customer[] _customers = [];
    private Product[] _products = [];

    private static LoadOptions OneCore { get; } = LoadOptions.Default with { MaxDegreeOfParallelism = 1 };

    [GlobalSetup]
    public void Setup()
    {
        _csv = BenchData.Csv();
        _json = BenchData.Json();
        _customers = [.. CustomerLoader.Load(_csv.Customers).Rows];
        _products = [.. ProductLoader.Load(_csv.Products).Rows];
    }

    [Benchmark(Baseline = true)]
    public int CsvHelperRecords()
    {
        var builder = NewBuilder();
        using var reader = CsvReader.Create(File.OpenRead(_csv.Transactions));
        foreach (var t in reader.GetRecords<TransactionRecord>())
        {
            builder.AddTransaction(new Transaction(t.TxnId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.CustomerId, t.ProductId, t.Qty, t.Ts, OrderId: t.OrderId));
        }

        return builder.TransactionCount;
    }

    /// <summary>The CSV file parsed on every core (the default for a file of 4 MiB or more).</summary>
    [Benchmark]
    public long LoadIntoCsv() => TransactionLoader.LoadInto(NewBuilder(), _csv.Transactions).RowsLoaded;

    /// <summary>The CSV file parsed on one core (<c>LoadOptions.MaxDegreeOfParallelism = 1</c>).</summary>
    [Benchmark]
    public long LoadIntoCsvOneCore() => TransactionLoader.LoadInto(NewBuilder(), _csv.Transactions, OneCore).RowsLoaded;

    [Benchmark]
    public long LoadIntoJson() => TransactionLoader.LoadInto(NewBuilder(), _json.Transactions).RowsLoaded;

    private EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder().AddCustomers(_customers).AddProducts(_products);
}
