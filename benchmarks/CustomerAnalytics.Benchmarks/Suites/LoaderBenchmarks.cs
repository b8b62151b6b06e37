using BenchmarkDotNet.Attributes;
using CsvHelper;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// Each typed loader on its own, materialising records (CSV and JSON). Baseline: the transactions read as records
/// with CsvHelper's generated mapper (<c>GetRecords&lt;T&gt;</c>), what a user would write without the loaders.
/// </summary>
[MemoryDiagnoser]
public class LoaderBenchmarks
{
    private DataFiles _csv = null!;
    private DataFiles _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _csv = BenchData.Csv();
        _json = BenchData.Json();
    }

    [Benchmark(Baseline = true)]
    public int CsvHelperTransactionRecords()
    {
        using var reader = CsvReader.Create(File.OpenRead(_csv.Transactions));
        return reader.GetRecords<TransactionRecord>().Count();
    }

    [Benchmark]
    public LoadResult<Transaction> CsvTransactions() => TransactionLoader.Load(_csv.Transactions);

    [Benchmark]
    public LoadResult<Transaction> JsonTransactions() => TransactionLoader.Load(_json.Transactions);

    [Benchmark]
    public LoadResult<Customer> CsvCustomers() => CustomerLoader.Load(_csv.Customers);

    [Benchmark]
    public LoadResult<Customer> JsonCustomers() => CustomerLoader.Load(_json.Customers);

    [Benchmark]
    public LoadResult<Product> CsvProducts() => ProductLoader.Load(_csv.Products);

    [Benchmark]
    public LoadResult<Product> JsonProducts() => ProductLoader.Load(_json.Products);
}
