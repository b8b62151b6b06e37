using System.IO.Compression;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Loading;

namespace CustomerAnalytics.Tests.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of gzip sources for every loader (issue 10): truncations at random offsets, a removed or
/// partial trailer, flipped bytes, data that is not gzip, members split at random places. Only
/// <see cref="DataLoadException"/> escapes; a load that succeeds accounts for every row (loaded + rejected = read)
/// and gives exactly what the intact file gives; a stream cut short, or not gzip, never loads, in either mode.
/// </summary>
public class GzipFuzzTests
{
    private static readonly string[] Customers = ["customers.csv.gz", "customer_id,segment\n", "C{0},Basic\n"];
    private static readonly string[] CustomerLines = ["customers.jsonl.gz", string.Empty, "{{\"customer_id\":\"C{0}\",\"segment\":\"Gold\"}}\n"];
    private static readonly string[] Products = ["products.csv.gz", "product_id,category,price\n", "P{0},Books,1.50\n"];
    private static readonly string[] Transactions = ["transactions.csv.gz", "txn_id,customer_id,product_id,qty,ts\n", "{0},C1,P1,2,2024-01-01\n"];
    private static readonly string[] OrderLines = ["lines.csv.gz", "order_id,customer_id,product_id,qty,ts,unit_price,segment,category\n", "O{0},C{0},P1,1,2024-01-01,2.50,Basic,Books\n"];

    public static TheoryData<string, int> Loaders => new()
    {
        { "CustomerLoader.Load", 1 },
        { "CustomerLoader.Load (JSON Lines)", 2 },
        { "ProductLoader.Load", 3 },
        { "TransactionLoader.Load", 4 },
        { "TransactionLoader.LoadInto", 5 },
        { "OrderLinesLoader.LoadInto", 6 },
    };

    [Theory]
    [MemberData(nameof(Loaders))]
    public void Load_MutatedGzip_OnlyDataLoadExceptionAndNeverADifferentAnswer(string loader, int seed)
    {
        var (name, header, row, load) = Target(loader);
        var random = new Random(seed);
        var text = header + string.Concat(Enumerable.Range(1, 3000).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, row, i)));
        var intact = Gzip(Encoding.UTF8.GetBytes(text));
        using var original = LoaderTestData.File(name, intact);
        var expected = load(original.Path, LoaderTestData.Lenient);
        Assert.Equal((3000L, 3000L), (expected.RowsRead, expected.RowsLoaded));

        for (var i = 0; i < 40; i++)
        {
            var (content, mustFail) = Mutate(random, intact, text);
            using var file = LoaderTestData.File(name, content);
            foreach (var mode in new[] { LoadMode.Strict, LoadMode.Lenient })
            {
                LoadReport report;
                try
                {
                    report = load(file.Path, LoadOptions.Default with { Mode = mode });
                }
                catch (DataLoadException ex)
                {
                    Assert.Contains(file.Path, ex.Message, StringComparison.Ordinal);
                    continue;
                }

                // Anything else escaping fails the test by itself.
                Assert.False(mustFail, $"{loader}, case {i}, {mode}: a stream cut short or not gzip loaded {report.RowsLoaded} rows");
                Assert.Equal(report.RowsRead, report.RowsLoaded + report.RowsRejected);
                Assert.Equal((expected.RowsRead, expected.RowsLoaded, expected.RowsRejected), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
            }
        }
    }

    /// <summary>A damaged copy, and whether it must fail (cut short, or not gzip at all).</summary>
    private static (byte[] Content, bool MustFail) Mutate(Random random, byte[] intact, string text)
    {
        switch (random.Next(6))
        {
            case 0:
                return (intact[..random.Next(1, intact.Length)], true);
            case 1:
                return (intact[..^(1 + random.Next(8))], true);
            case 2:
                var flipped = (byte[])intact.Clone();
                for (var n = 1 + random.Next(3); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                // A flip in the header's time, flags or OS byte may leave the data intact: then it must load as before.
                return (flipped, false);
            case 3:
                return (Encoding.UTF8.GetBytes(text), true);
            case 4:
                // Two members, split anywhere in the text: the same rows.
                var bytes = Encoding.UTF8.GetBytes(text);
                var split = random.Next(1, bytes.Length);
                return ([.. Gzip(bytes[..split]), .. Gzip(bytes[split..])], false);
            default:
                var members = Gzip(Encoding.UTF8.GetBytes(text));
                return ([.. members, .. intact[..random.Next(1, intact.Length)]], true);
        }
    }

    private static (string Name, string Header, string Row, Func<string, LoadOptions, LoadReport> Load) Target(string loader) => loader switch
    {
        "CustomerLoader.Load" => (Customers[0], Customers[1], Customers[2], (p, o) => CustomerLoader.Load(p, o).Report),
        "CustomerLoader.Load (JSON Lines)" => (CustomerLines[0], CustomerLines[1], CustomerLines[2], (p, o) => CustomerLoader.Load(p, o).Report),
        "ProductLoader.Load" => (Products[0], Products[1], Products[2], (p, o) => ProductLoader.Load(p, o).Report),
        "TransactionLoader.Load" => (Transactions[0], Transactions[1], Transactions[2], (p, o) => TransactionLoader.Load(p, o).Report),
        "TransactionLoader.LoadInto" => (Transactions[0], Transactions[1], Transactions[2], (p, o) => TransactionLoader.LoadInto(NewBuilder(), p, o)),
        _ => (OrderLines[0], OrderLines[1], OrderLines[2], (p, o) => OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), p, o)),
    };

    private static EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder()
        .AddCustomers([new Customer("C1", "Basic")])
        .AddProducts([new Product("P1", "Books", 1.5m)]);

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
