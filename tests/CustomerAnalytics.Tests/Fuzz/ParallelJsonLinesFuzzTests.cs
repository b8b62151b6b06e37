using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Loading;
using static CustomerAnalytics.Tests.Fuzz.ParallelLoadFuzzTests;

namespace CustomerAnalytics.Tests.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of JSON Lines loaded in parts (issue 11): on mutated files — broken objects, stray quotes
/// and braces, CR, CR LF, blank lines, renamed properties, most of them next to where the cuts fall; UUID customers,
/// SKU products, SO- orders — the parts give exactly what one core gives (rows, dataset, report, diagnostics and their
/// lines, the strict exception), plain and gzip (truncated too), transactions and order lines.
/// </summary>
public class ParallelJsonLinesFuzzTests
{
    [Theory]
    [InlineData(41, LoadMode.Lenient)]
    [InlineData(42, LoadMode.Strict)]
    public void TryLoadInto_MutatedJsonLines_SameAsOneCore(int seed, LoadMode mode)
    {
        var random = new Random(seed);
        var customers = Enumerable.Range(0, 40).Select(_ => Uuid(random)).ToArray();
        var baseline = Encoding.UTF8.GetBytes(Transactions(random, customers, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        var inParts = Run(
            30,
            i => LoaderTestData.File("t.jsonl", i == 0 ? baseline : Mutate(random, baseline, cuts: 4)),
            () => Builder(customers),
            (b, path) => TransactionLoader.LoadInto(b, path, options with { MaxDegreeOfParallelism = 1 }),
            (b, path) => ParallelCsvLoad.TryLoadInto(b, path, options, minimumBytes: 0),
            $"seed {seed}");
        Assert.True(inParts >= 10, $"only {inParts} of 30 cases loaded in parts");
    }

    [Theory]
    [InlineData(43, LoadMode.Lenient)]
    [InlineData(44, LoadMode.Strict)]
    public void TryLoadInto_MutatedGzipJsonLines_SameAsOneCore(int seed, LoadMode mode)
    {
        // Inflated in blocks of 4 KiB, so about forty parts; one case in four truncated after compressing.
        var random = new Random(seed);
        var customers = Enumerable.Range(0, 40).Select(_ => Uuid(random)).ToArray();
        var baseline = Encoding.UTF8.GetBytes(Transactions(random, customers, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        var inParts = Run(
            24,
            i =>
            {
                var gzip = Gzip(i == 0 ? baseline : Mutate(random, baseline, cuts: 20));
                return LoaderTestData.File("t.jsonl.gz", i % 4 == 3 ? gzip[..random.Next(gzip.Length / 4, gzip.Length - 1)] : gzip);
            },
            () => Builder(customers),
            (b, path) => TransactionLoader.LoadInto(b, path, options with { MaxDegreeOfParallelism = 1 }),
            (b, path) => ParallelCsvLoad.TryLoadInto(b, path, options, minimumBytes: 0, gzipBlockBytes: 4096),
            $"seed {seed}",
            truncated: i => i % 4 == 3);
        Assert.True(inParts >= 6, $"only {inParts} of 24 cases loaded in parts");
    }

    [Theory]
    [InlineData(45, LoadMode.Lenient)]
    [InlineData(46, LoadMode.Strict)]
    public void TryLoadInto_MutatedJsonLinesOrderLines_SameAsOneCore(int seed, LoadMode mode)
    {
        var random = new Random(seed);
        var baseline = Encoding.UTF8.GetBytes(OrderLines(random, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        var inParts = Run(
            30,
            i => LoaderTestData.File("lines.ndjson", i == 0 ? baseline : Mutate(random, baseline, cuts: 4)),
            () => new EnrichedDatasetBuilder(),
            (b, path) => OrderLinesLoader.LoadInto(b, path, options with { MaxDegreeOfParallelism = 1 }),
            (b, path) => ParallelCsvLoad.TryLoadInto(b, path, options, minimumBytes: 0, parsing: PartParsing.OrderLines) is { } report ? BuilderLoad.KeepGuest(b, options, report) : null,
            $"seed {seed}");
        Assert.True(inParts >= 8, $"only {inParts} of 30 cases loaded in parts");
    }

    [Fact]
    public void TryLoadInto_PartWhoseFirstObjectNamesOtherProperties_LeftToOneCore()
    {
        // The second part's first object lacks "order_id": bound alone, it would read that part without orders.
        var text = new StringBuilder();
        for (var row = 1; row <= 200; row++)
        {
            var order = row == 101 ? string.Empty : $"\"order_id\":\"SO-{row:D9}\",";
            text.Append(CultureInfo.InvariantCulture, $"{{\"txn_id\":\"TX-{row:D7}\",{order}\"customer_id\":\"C0001\",\"product_id\":\"P01\",\"qty\":1,\"ts\":\"2024-01-02T10:00:00Z\"}}\n");
        }

        var content = Encoding.UTF8.GetBytes(text.ToString());
        var half = content.AsSpan().IndexOf("{\"txn_id\":\"TX-0000101\""u8);
        using var file = LoaderTestData.File("t.jsonl", content);
        var options = LoadOptions.Default with { MaxDegreeOfParallelism = 2 };

        // The cut falls after the line feed that follows the middle byte: exactly at row 101 when the middle is in row 100.
        Assert.InRange(content.Length / 2, content.AsSpan(0, half - 1).LastIndexOf((byte)'\n') + 1, half - 1);
        Assert.Null(ParallelCsvLoad.TryLoadInto(new EnrichedDatasetBuilder(), file.Path, options, minimumBytes: 0));
    }

    /// <summary>
    /// Loads each case on one core and in parts and asserts the same outcome; the unmutated case 0 must load in parts,
    /// a truncated one must not. Returns how many cases loaded in parts.
    /// </summary>
    private static int Run(int count, Func<int, LoaderTestData.TempFile> content, Func<EnrichedDatasetBuilder> create, Func<EnrichedDatasetBuilder, string, LoadReport?> oneCore, Func<EnrichedDatasetBuilder, string, LoadReport?> parallel, string because, Func<int, bool>? truncated = null)
    {
        var inParts = 0;
        for (var i = 0; i < count; i++)
        {
            using var file = content(i);
            var expected = Outcome.Of(b => oneCore(b, file.Path), create);
            var actual = Outcome.Of(b => parallel(b, file.Path), create);
            if (actual.Report is null && actual.Error is null)
            {
                Assert.False(i == 0, "the unmutated file was left to one core");
                continue;
            }

            Assert.False(truncated?.Invoke(i) ?? false, $"case {i}: a truncated stream was loaded in parts");
            inParts++;
            Outcome.AssertSame(expected, actual, $"{because}, case {i}");
        }

        return inParts;
    }

    private static EnrichedDatasetBuilder Builder(string[] customers) => new EnrichedDatasetBuilder()
        .AddCustomers(customers.Select((id, i) => new Customer(id, i % 3 == 0 ? "Gold" : "Basic")))
        .AddProducts(Enumerable.Range(1, 30).Select(i => new Product(Sku(i), i % 2 == 0 ? "Books" : "Games", 1.5m + i)));

    /// <summary>One to three mutations, most within a few hundred bytes of a cut.</summary>
    private static byte[] Mutate(Random random, byte[] baseline, int cuts)
    {
        var bytes = new List<byte>(baseline);
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            var near = bytes.Count * (1 + random.Next(cuts - 1)) / cuts;
            var at = random.Next(4) == 0 ? random.Next(bytes.Count) : Math.Clamp(near + random.Next(-300, 300), 0, bytes.Count - 1);
            byte[] insert = random.Next(9) switch
            {
                0 => "\""u8.ToArray(),
                1 => "{"u8.ToArray(),
                2 => "}"u8.ToArray(),
                3 => "\r"u8.ToArray(),
                4 => "\r\n"u8.ToArray(),
                5 => "\n\n  \n"u8.ToArray(),
                6 => "x"u8.ToArray(),
                7 => "\n"u8.ToArray(),
                _ => [],
            };
            if (insert.Length == 0)
            {
                bytes.RemoveAt(at);
            }
            else
            {
                bytes.InsertRange(at, insert);
            }
        }

        if (random.Next(3) == 0)
        {
            // Every line break a CR LF.
            return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString([.. bytes]).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        return [.. bytes];
    }

    private static string Transactions(Random random, string[] customers, int rows)
    {
        var text = new StringBuilder();
        for (var row = 1; row <= rows; row++)
        {
            var customer = customers[random.Next(customers.Length)];
            var order = random.Next(60) == 0 ? $"SO-{row / 2}" : $"SO-{row / 2:D9}";
            var quantity = random.Next(150) == 0 ? "\"x\"" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            var note = random.Next(40) == 0 ? "12\\\" vinyl, \\u00e9" : "ok";
            text.Append(CultureInfo.InvariantCulture, $"{{\"txn_id\":\"TX-{row:D7}\",\"order_id\":\"{order}\",\"customer_id\":\"{customer}\",\"product_id\":\"{Sku(1 + random.Next(30))}\",\"qty\":{quantity},\"ts\":\"2024-01-{1 + random.Next(28):D2}T10:00:00Z\",\"note\":\"{note}\"}}\n");
            if (random.Next(100) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string OrderLines(Random random, int rows)
    {
        var text = new StringBuilder();
        for (var row = 1; row <= rows; row++)
        {
            var customer = random.Next(60) == 0 ? string.Empty : $"C{1 + random.Next(40):D4}";
            // Every object names the same properties (a part whose first object names others is left to one core).
            var name = random.Next(3) == 0 ? $",\"customer_name\":\"Name {random.Next(5)}\"" : ",\"customer_name\":null";
            var product = random.Next(30) + 1;
            var quantity = random.Next(200) == 0 ? "\"x\"" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{{\"order_id\":\"SO-{1000 + row / 3:D9}\",\"customer_id\":\"{customer}\"{name},\"segment\":\"S{random.Next(3)}\",\"product_id\":\"{Sku(product)}\",\"category\":\"Cat{product % 4}\",\"qty\":{quantity},\"ts\":\"2024-01-{1 + random.Next(28):D2}T10:00:00Z\",\"unit_price\":{1 + random.Next(9)}.50}}\n");
        }

        return text.ToString();
    }
}
