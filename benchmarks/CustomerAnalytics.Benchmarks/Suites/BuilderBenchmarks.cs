using BenchmarkDotNet.Attributes;
using CsvHelper;
using CustomerAnalytics.Benchmarks.Compare;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Benchmarks.Suites;

/// <summary>
/// The builder: joining customers × products × transactions into the columnar dataset, from transactions already in
/// memory. Baseline: the public record API (<c>AddTransaction</c>); against it the loaders' column path.
/// </summary>
[MemoryDiagnoser]
public class BuilderBenchmarks
{
    private Customer[] _customers = [];
    private Product[] _products = [];
    private Transaction[] _transactions = [];

    [GlobalSetup]
    public void Setup()
    {
        var files = BenchData.Csv();
        using (var reader = CsvReader.Create(File.OpenRead(files.Customers)))
        {
            _customers = [.. reader.GetRecords<CustomerRecord>().Select(c => new Customer(c.CustomerId, c.Segment, c.SignupDate))];
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Products)))
        {
            _products = [.. reader.GetRecords<ProductRecord>().Select(p => new Product(p.ProductId, p.Category, p.Price))];
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Transactions)))
        {
            _transactions = [.. reader.GetRecords<TransactionRecord>().Select(t => new Transaction(t.TxnId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.CustomerId, t.ProductId, t.Qty, t.Ts, OrderId: t.OrderId))];
        }
    }

    [Benchmark(Baseline = true)]
    public EnrichedDataset AddTransactionRecords() =>
        new EnrichedDatasetBuilder().AddCustomers(_customers).AddProducts(_products).AddTransactions(_transactions).Build();

    [Benchmark]
    public EnrichedDataset AddRowColumns()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomers(_customers).AddProducts(_products);
        foreach (var t in _transactions)
        {
            builder.Staging.AddRow(t.Id, t.CustomerId, t.ProductId, t.Quantity, t.Timestamp.UtcTicks, Money.None, t.OrderId, Money.None);
        }

        return builder.Build();
    }
}
