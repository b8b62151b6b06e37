using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;
using CustomerAnalytics.Tests.Loading;

namespace CustomerAnalytics.Tests.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of the parallel CSV load (issue 10): on mutated files — quotes inserted or removed,
/// literal quotes, quoted values of many lines, CR, LF, CR LF, separators, truncations, most of them next to where the
/// cuts fall — the load on several cores gives exactly what one core gives: rows, dataset, report, diagnostics (text
/// and lines) and, in strict mode, the exception's text; only <see cref="DataLoadException"/> escapes.
/// </summary>
public class ParallelLoadFuzzTests
{
    private const string Header = "txn_id,order_id,customer_id,product_id,qty,ts,note\n";

    [Theory]
    [InlineData(1, LoadMode.Lenient)]
    [InlineData(2, LoadMode.Strict)]
    [InlineData(3, LoadMode.Lenient)]
    public void TryLoadInto_MutatedFiles_SameAsOneCore(int seed, LoadMode mode)
    {
        // Small files cut into four parts (the 4 MiB threshold only decides when parts pay): many cases per second.
        var random = new Random(seed);
        var baseline = Encoding.UTF8.GetBytes(Transactions(random, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        var inParts = 0;
        for (var i = 0; i < 40; i++)
        {
            var content = Mutate(random, baseline, cuts: 4);
            using var file = LoaderTestData.File("t.csv", content);
            var oneCore = Outcome.Of(b => TransactionLoader.LoadInto(b, file.Path, options with { MaxDegreeOfParallelism = 1 }));
            var parallel = Outcome.Of(b => ParallelCsvLoad.TryLoadInto(b, file.Path, options, minimumBytes: 0));
            if (parallel.Report is null && parallel.Error is null)
            {
                continue; // left to the one-core load, which is then the answer
            }

            inParts++;
            Outcome.AssertSame(oneCore, parallel, $"seed {seed}, case {i}");
        }

        // The suite must exercise the parallel path, not only its fallback.
        Assert.True(inParts >= 10, $"only {inParts} of 40 cases loaded in parts");
    }

    [Theory]
    [InlineData(11, LoadMode.Lenient)]
    [InlineData(12, LoadMode.Strict)]
    public async Task LoadInto_MutatedFilesOfFourMebibytes_SameAsOneCore(int seed, LoadMode mode)
    {
        // Files large enough to be cut by the public overloads (sync and async) on two cores.
        var random = new Random(seed);
        var baseline = Encoding.UTF8.GetBytes(Transactions(random, rows: 95_000));
        Assert.True(baseline.Length >= ParallelCsvLoad.MinimumBytes);
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 2 };
        for (var i = 0; i < 2; i++)
        {
            var content = Mutate(random, baseline, cuts: 2);
            using var file = LoaderTestData.File("t.csv", content);
            var oneCore = Outcome.Of(b => TransactionLoader.LoadInto(b, file.Path, options with { MaxDegreeOfParallelism = 1 }));
            var parallel = i % 2 == 0
                ? Outcome.Of(b => TransactionLoader.LoadInto(b, file.Path, options))
                : await Outcome.OfAsync(b => TransactionLoader.LoadIntoAsync(b, file.Path, options));
            Outcome.AssertSame(oneCore, parallel, $"seed {seed}, case {i}");
        }
    }

    [Theory]
    [InlineData(21, LoadMode.Lenient)]
    [InlineData(22, LoadMode.Strict)]
    public void TryLoadInto_MutatedOrderLines_SameAsOneCore(int seed, LoadMode mode)
    {
        // Order lines: each part keeps the customers and products it names (first segment or category, first name
        // given), joined in file order; the tables, rows and report equal one core's.
        var random = new Random(seed);
        var baseline = Encoding.UTF8.GetBytes(OrderLines(random, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4, KeepGuestLines = seed % 2 == 1 };
        var inParts = 0;
        for (var i = 0; i < 30; i++)
        {
            var content = i == 0 ? baseline : Mutate(random, baseline, cuts: 4);
            using var file = LoaderTestData.File("lines.csv", content);
            var oneCore = Outcome.Of(b => OrderLinesLoader.LoadInto(b, file.Path, options with { MaxDegreeOfParallelism = 1 }), Empty);
            var parallel = Outcome.Of(b => ParallelCsvLoad.TryLoadInto(b, file.Path, options, minimumBytes: 0, parsing: PartParsing.OrderLines) is { } report ? BuilderLoad.KeepGuest(b, options, report) : null, Empty);
            if (parallel.Report is null && parallel.Error is null)
            {
                continue;
            }

            inParts++;
            Outcome.AssertSame(oneCore, parallel, $"seed {seed}, case {i}");
        }

        Assert.True(inParts >= 8, $"only {inParts} of 30 cases loaded in parts");
    }

    [Theory]
    [InlineData(31, LoadMode.Lenient)]
    [InlineData(32, LoadMode.Strict)]
    public void TryLoadInto_MutatedFilesWithRealisticIds_SameAsOneCore(int seed, LoadMode mode)
    {
        // Ids as real systems write them (issue 11): UUID customers in lower and upper case (a mixed-case spelling of a
        // known id is another, unknown id), SKU products, SO- order numbers mostly of one width with some of another
        // width and some plain text, so the compact forms of the id tables and their fallback to text are both used.
        var random = new Random(seed);
        var customers = Enumerable.Range(0, 40).Select(_ => Uuid(random)).ToArray();
        var baseline = Encoding.UTF8.GetBytes(RealisticTransactions(random, customers, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        EnrichedDatasetBuilder Create() => new EnrichedDatasetBuilder()
            .AddCustomers(customers.Select((id, i) => new Customer(i % 4 == 0 ? id.ToUpperInvariant() : id, i % 3 == 0 ? "Gold" : "Basic")))
            .AddProducts(Enumerable.Range(1, 30).Select(i => new Product(Sku(i), i % 2 == 0 ? "Books" : "Games", 1.5m + i)));
        var inParts = 0;
        for (var i = 0; i < 30; i++)
        {
            var content = i == 0 ? baseline : Mutate(random, baseline, cuts: 4);
            using var file = LoaderTestData.File("t.csv", content);
            var oneCore = Outcome.Of(b => TransactionLoader.LoadInto(b, file.Path, options with { MaxDegreeOfParallelism = 1 }), Create);
            var parallel = Outcome.Of(b => ParallelCsvLoad.TryLoadInto(b, file.Path, options, minimumBytes: 0), Create);
            if (parallel.Report is null && parallel.Error is null)
            {
                continue;
            }

            inParts++;
            Outcome.AssertSame(oneCore, parallel, $"seed {seed}, case {i}");
            if (i == 0 && mode == LoadMode.Lenient)
            {
                // The ids come back as written, whatever form the tables keep them in.
                Assert.Equal(Create().Build().Customers.Select(c => c.Id), parallel.Dataset!.Customers.Select(c => c.Id).Take(40));
            }
        }

        Assert.True(inParts >= 8, $"only {inParts} of 30 cases loaded in parts");
    }

    [Theory]
    [InlineData(31, LoadMode.Lenient)]
    [InlineData(32, LoadMode.Strict)]
    public void TryLoadInto_MutatedGzipFiles_SameAsOneCore(int seed, LoadMode mode)
    {
        // Gzip CSV, inflated in blocks of 4 KiB (so a file of 1200 rows has about twenty parts), mutated before
        // compressing as the plain files are, and one case in four truncated after compressing (issue 10): the parts
        // give what one core gives, or leave the file to it.
        var random = new Random(seed);
        var baseline = Encoding.UTF8.GetBytes(Transactions(random, rows: 1200));
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 4 };
        var inParts = 0;
        for (var i = 0; i < 24; i++)
        {
            var gzip = Gzip(i == 0 ? baseline : Mutate(random, baseline, cuts: 20));
            var truncated = i % 4 == 3;
            using var file = LoaderTestData.File("t.csv.gz", truncated ? gzip[..random.Next(gzip.Length / 4, gzip.Length - 1)] : gzip);
            var oneCore = Outcome.Of(b => TransactionLoader.LoadInto(b, file.Path, options with { MaxDegreeOfParallelism = 1 }));
            var parallel = Outcome.Of(b => ParallelCsvLoad.TryLoadInto(b, file.Path, options, minimumBytes: 0, gzipBlockBytes: 4096));
            if (parallel.Report is null && parallel.Error is null)
            {
                Assert.False(i == 0, "the unmutated file was left to one core");
                continue;
            }

            Assert.False(truncated, $"case {i}: a truncated stream was loaded in parts");
            inParts++;
            Outcome.AssertSame(oneCore, parallel, $"seed {seed}, case {i}");
        }

        Assert.True(inParts >= 6, $"only {inParts} of 24 cases loaded in parts");
    }

    internal static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>One to three mutations, most within a few hundred bytes of a cut.</summary>
    private static byte[] Mutate(Random random, byte[] baseline, int cuts)
    {
        var bytes = new List<byte>(baseline);
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++)
        {
            var near = bytes.Count * (1 + random.Next(cuts - 1)) / cuts;
            var at = random.Next(4) == 0 ? random.Next(bytes.Count) : Math.Clamp(near + random.Next(-400, 400), 0, bytes.Count - 1);
            switch (random.Next(10))
            {
                case 0: bytes.Insert(at, (byte)'"'); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.Insert(at, (byte)'\r'); break;
                case 3: bytes.InsertRange(at, "\r\n"u8.ToArray()); break;
                case 4: bytes.Insert(at, (byte)','); break;
                case 5: bytes.InsertRange(at, "12\" vinyl"u8.ToArray()); break;
                case 6:
                    // A quoted value of many lines, starting at the start of a field or anywhere.
                    var lines = string.Concat(Enumerable.Repeat("line, \"\"q\"\"\n", 1 + random.Next(300)));
                    bytes.InsertRange(LineStart(bytes, at) + (random.Next(2) == 0 ? 0 : 3), Encoding.UTF8.GetBytes($"\"{lines}\","));
                    break;
                case 7: bytes.RemoveRange(at, bytes.Count - at); break;
                case 8: bytes[at] = (byte)'\n'; break;
                default:
                    var quote = bytes.IndexOf((byte)'"', at);
                    if (quote >= 0)
                    {
                        bytes.RemoveAt(quote);
                    }

                    break;
            }

            if (bytes.Count < 100)
            {
                bytes = [.. baseline];
            }
        }

        return [.. bytes];
    }

    private static int LineStart(List<byte> bytes, int at)
    {
        var i = at;
        while (i > 0 && bytes[i - 1] != (byte)'\n')
        {
            i--;
        }

        return i;
    }

    /// <summary>Rows with a note column that holds plain text, literal quotes and quoted values (some of several lines).</summary>
    private static string Transactions(Random random, int rows)
    {
        var text = new StringBuilder(Header);
        for (var row = 1; row <= rows; row++)
        {
            var note = random.Next(40) switch
            {
                0 => "12\" vinyl",
                1 => "\"gift, wrapped\"",
                2 => "\"two\nlines\"",
                3 => "\"said \"\"hi\"\"\"",
                _ => "ok",
            };
            var quantity = random.Next(200) == 0 ? "x" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{row},{1000 + row / 2},C{1 + random.Next(40):D4},P{1 + random.Next(30):D2},{quantity},2024-01-{1 + random.Next(28):D2}T10:00:00Z,{note}\n");
        }

        return text.ToString();
    }

    /// <summary>Transactions with UUID customers, SKU products and SO- order numbers (see the test that uses them).</summary>
    private static string RealisticTransactions(Random random, string[] customers, int rows)
    {
        var text = new StringBuilder(Header);
        for (var row = 1; row <= rows; row++)
        {
            var c = random.Next(customers.Length);
            var customer = random.Next(50) == 0 ? MixedCase(customers[c]) : c % 4 == 0 ? customers[c].ToUpperInvariant() : customers[c];
            var order = random.Next(60) switch
            {
                0 => $"SO-{row / 2}",
                1 => $"web-{row / 2}",
                _ => $"SO-{row / 2:D9}",
            };
            var quantity = random.Next(200) == 0 ? "x" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            var note = random.Next(40) == 0 ? "12\" vinyl" : "ok";
            text.Append(CultureInfo.InvariantCulture, $"TX-{row:D7},{order},{customer},{Sku(1 + random.Next(30))},{quantity},2024-01-{1 + random.Next(28):D2}T10:00:00Z,{note}\n");
        }

        return text.ToString();
    }

    internal static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private static string MixedCase(string id) => string.Concat(id.Select((ch, i) => i % 2 == 0 ? char.ToUpperInvariant(ch) : ch));

    internal static string Sku(int i) => string.Create(CultureInfo.InvariantCulture, $"SKU-{77000 + (i * 37)}-{i * 7 % 1000:D3}");

    /// <summary>Order lines whose customers and products recur across the file, names given on some lines only, some customers missing.</summary>
    private static string OrderLines(Random random, int rows)
    {
        var text = new StringBuilder("order_id,customer_id,customer_name,segment,product_id,product_name,category,qty,ts,unit_price\n");
        for (var row = 1; row <= rows; row++)
        {
            var customer = random.Next(60) == 0 ? string.Empty : $"C{1 + random.Next(40):D4}";
            var customerName = random.Next(3) == 0 ? $"Name {random.Next(5)}" : string.Empty;
            var segment = random.Next(4) == 0 ? string.Empty : $"S{random.Next(3)}";
            var product = random.Next(30) + 1;
            var productName = random.Next(4) == 0 ? string.Empty : $"\"Item, {random.Next(3)}\"";
            var quantity = random.Next(200) == 0 ? "x" : (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"SO-{1000 + row / 3},{customer},{customerName},{segment},P{product:D2},{productName},Cat{product % 4},{quantity},2024-01-{1 + random.Next(28):D2}T10:00:00Z,{1 + random.Next(9)}.50\n");
        }

        return text.ToString();
    }

    private static EnrichedDatasetBuilder Empty() => new();

    internal static EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder()
        .AddCustomers(Enumerable.Range(1, 40).Select(i => new Customer($"C{i:D4}", i % 3 == 0 ? "Gold" : "Basic")))
        .AddProducts(Enumerable.Range(1, 30).Select(i => new Product($"P{i:D2}", i % 2 == 0 ? "Books" : "Games", 1.5m + i)));

    /// <summary>What a load gave: its report and dataset, or the exception's text.</summary>
    internal sealed record Outcome(LoadReport? Report, EnrichedDataset? Dataset, string? Error)
    {
        public static Outcome Of(Func<EnrichedDatasetBuilder, LoadReport?> load, Func<EnrichedDatasetBuilder>? create = null)
        {
            var builder = (create ?? NewBuilder)();
            try
            {
                var report = load(builder);
                return new Outcome(report, report is null ? null : builder.Build(), null);
            }
            catch (DataLoadException ex)
            {
                return new Outcome(null, null, ex.Message);
            }
        }

        public static async Task<Outcome> OfAsync(Func<EnrichedDatasetBuilder, Task<LoadReport>> load)
        {
            var builder = NewBuilder();
            try
            {
                var report = await load(builder);
                return new Outcome(report, builder.Build(), null);
            }
            catch (DataLoadException ex)
            {
                return new Outcome(null, null, ex.Message);
            }
        }

        public static void AssertSame(Outcome expected, Outcome actual, string because)
        {
            if (expected.Error != actual.Error)
            {
                var lines = (expected.Error ?? string.Empty).Split('\n').Zip((actual.Error ?? string.Empty).Split('\n')).FirstOrDefault(pair => pair.First != pair.Second);
                Assert.Fail($"{because}: one core threw {lines.First ?? expected.Error ?? "nothing"}\nin parts {lines.Second ?? actual.Error ?? "nothing"}");
            }

            if (expected.Report is null || actual.Report is null)
            {
                Assert.Equal(expected.Report is null, actual.Report is null);
                return;
            }

            Assert.True(expected.Report.RowsRead == expected.Report.RowsLoaded + expected.Report.RowsRejected, because);
            Assert.Equal(
                (expected.Report.RowsRead, expected.Report.RowsLoaded, expected.Report.RowsRejected),
                (actual.Report.RowsRead, actual.Report.RowsLoaded, actual.Report.RowsRejected));
            var first = expected.Report.Diagnostics.Zip(actual.Report.Diagnostics).FirstOrDefault(pair => pair.First != pair.Second);
            Assert.True(first == default, $"{because}: one core said {first.First}\nin parts {first.Second}");
            Assert.Equal(expected.Report.Diagnostics.Select(d => d.ToString()), actual.Report.Diagnostics.Select(d => d.ToString()));
            DatasetAssert.Same(expected.Dataset!, actual.Dataset!);
        }
    }
}
