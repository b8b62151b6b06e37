using System.Diagnostics;
using CsvHelper;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// The obvious hand-written way: CsvHelper's <c>GetRecords&lt;T&gt;</c> into objects, dictionaries, a LINQ join into
/// a list of enriched rows, then LINQ <c>GroupBy</c>, <c>Distinct</c>, <c>Sum</c> and <c>OrderBy</c>.
/// </summary>
internal sealed class LinqApproach : IJobApproach
{
    public string Name => "linq";

    public JobFigures Run(DataFiles files, IDictionary<string, double> phases)
    {
        var watch = Stopwatch.StartNew();
        List<CustomerRecord> customers;
        List<ProductRecord> products;
        List<TransactionRecord> transactions;
        using (var reader = CsvReader.Create(File.OpenRead(files.Customers)))
        {
            customers = reader.GetRecords<CustomerRecord>().ToList();
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Products)))
        {
            products = reader.GetRecords<ProductRecord>().ToList();
        }

        using (var reader = CsvReader.Create(File.OpenRead(files.Transactions)))
        {
            transactions = reader.GetRecords<TransactionRecord>().ToList();
        }

        phases["load"] = watch.Elapsed.TotalSeconds;
        var enriched = (
            from t in transactions
            join c in customers on t.CustomerId equals c.CustomerId
            join p in products on t.ProductId equals p.ProductId
            select new EnrichedRow(t.TxnId, t.OrderId, t.CustomerId, c.Segment, t.ProductId, p.Category, t.Qty, t.Ts, t.Qty * p.Price)).ToList();
        phases["enrich"] = watch.Elapsed.TotalSeconds - phases["load"];

        var revenue = enriched.Sum(e => e.Revenue);
        var orders = enriched.Select(e => e.OrderId).Distinct().LongCount();
        var figures = new JobFigures(
            enriched.Select(e => e.CustomerId).Distinct().LongCount(),
            enriched.Count,
            orders,
            enriched.Sum(e => (long)e.Qty),
            revenue,
            JobFigures.AverageOf(revenue, orders),
            Groups(enriched, e => e.Segment),
            Groups(enriched, e => e.Category),
            enriched
                .GroupBy(e => (e.ProductId, e.Category))
                .Select(g => new ProductFigures(g.Key.ProductId, g.Key.Category, g.Sum(e => e.Revenue), g.Sum(e => (long)e.Qty)))
                .OrderByDescending(p => p.Revenue).ThenBy(p => p.ProductId, StringComparer.Ordinal)
                .Take(10)
                .ToList());
        phases["kpis"] = watch.Elapsed.TotalSeconds - phases["load"] - phases["enrich"];
        return figures;
    }

    private static List<GroupFigures> Groups(List<EnrichedRow> rows, Func<EnrichedRow, string> key) =>
        rows.GroupBy(key)
            .Select(g => new GroupFigures(
                g.Key,
                g.Sum(e => e.Revenue),
                g.Sum(e => (long)e.Qty),
                g.Select(e => e.OrderId).Distinct().LongCount(),
                g.Select(e => e.CustomerId).Distinct().LongCount(),
                g.LongCount()))
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    private sealed record EnrichedRow(long TxnId, string OrderId, string CustomerId, string Segment, string ProductId, string Category, int Qty, DateTimeOffset Ts, decimal Revenue);
}

[CsvRecord]
internal sealed partial class CustomerRecord
{
    [CsvColumn("customer_id")]
    public string CustomerId { get; set; } = "";

    [CsvColumn("segment")]
    public string Segment { get; set; } = "";

    [CsvColumn("signup_date")]
    public DateOnly SignupDate { get; set; }
}

[CsvRecord]
internal sealed partial class ProductRecord
{
    [CsvColumn("product_id")]
    public string ProductId { get; set; } = "";

    [CsvColumn("category")]
    public string Category { get; set; } = "";

    [CsvColumn("price")]
    public decimal Price { get; set; }
}

[CsvRecord]
internal sealed partial class TransactionRecord
{
    [CsvColumn("txn_id")]
    public long TxnId { get; set; }

    [CsvColumn("order_id")]
    public string OrderId { get; set; } = "";

    [CsvColumn("customer_id")]
    public string CustomerId { get; set; } = "";

    [CsvColumn("product_id")]
    public string ProductId { get; set; } = "";

    [CsvColumn("qty")]
    public int Qty { get; set; }

    [CsvColumn("ts")]
    public DateTimeOffset Ts { get; set; }
}
