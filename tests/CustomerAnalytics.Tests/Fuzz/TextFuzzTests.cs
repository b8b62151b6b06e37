using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Fuzz;

/// <summary>
/// Seeded mutations of small CSV, JSON and JSON Lines sources through every loader, strict and lenient: nothing but a
/// <see cref="DataLoadException"/> escapes, every row read is loaded or rejected, a strict load that succeeds rejected
/// nothing, and <c>Load</c>, <c>LoadInto</c> and their async twins give the same report (or the same exception).
/// </summary>
public class TextFuzzTests
{
    private const int Seed = 20_261_202;
    private const int DefaultMutationsPerSource = 200;

    private static readonly LoadOptions Strict = LoadOptions.Default with { MaxReportedProblems = 1_000 };
    private static readonly LoadOptions Lenient = Strict with { Mode = LoadMode.Lenient };
    private static readonly LoadOptions LenientLatin1 = Lenient with { Encoding = Encoding.Latin1 };

    public static TheoryData<string, string> Sources()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Tables.Keys)
        {
            foreach (var extension in new[] { ".csv", ".json", ".jsonl" })
            {
                data.Add(kind, extension);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Load_MutatedSource_OnlyDataLoadExceptionAndEveryRowAccountedFor(string kind, string extension)
    {
        var (header, rows) = Tables[kind];
        var original = Mutator.Render(header, rows, extension);
        var random = new Random(Seed ^ (kind + extension).GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995);
        var failures = new List<string>();
        for (var i = 0; i < MutationsPerSource() && failures.Count < 5; i++)
        {
            var input = Mutator.Mutate(original, random);
            var failure = Check(kind, "fuzz" + extension, input);
            if (failure is not null)
            {
                failures.Add($"mutation {i}: {failure}\n  input (base64): {Convert.ToBase64String(input)}\n  input (text): {Encoding.UTF8.GetString(input).ReplaceLineEndings("⏎")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>200 per source (2,400 in all), or <c>CA_FUZZ_MUTATIONS</c> for a longer hunt.</summary>
    private static int MutationsPerSource() =>
        int.TryParse(Environment.GetEnvironmentVariable("CA_FUZZ_MUTATIONS"), out var count) && count > 0 ? count : DefaultMutationsPerSource;

    /// <summary>One input through the loaders of its kind in both modes; the first failure, or <see langword="null"/>.</summary>
    internal static string? Check(string kind, string name, byte[] input)
    {
        // Every other input is also read as Latin-1, through the transcoding stream.
        foreach (var options in input.Length % 2 == 0 ? new[] { Strict, Lenient, LenientLatin1 } : [Strict, Lenient])
        {
            var outcomes = Loads(kind).Select(load => Run(load, name, input, options)).ToArray();
            foreach (var outcome in outcomes)
            {
                if (outcome.Unexpected is not null)
                {
                    return $"{options.Mode} ({options.Encoding.WebName}): {outcome.Unexpected}";
                }

                if (outcome.Report is { } report && report.RowsLoaded + report.RowsRejected != report.RowsRead)
                {
                    return $"{options.Mode}: read {report.RowsRead} != loaded {report.RowsLoaded} + rejected {report.RowsRejected}";
                }

                if (outcome.Report is { } strictReport && options.Mode == LoadMode.Strict && strictReport.RowsRejected > 0)
                {
                    return $"strict load succeeded with {strictReport.RowsRejected} rejected rows";
                }
            }

            if (outcomes.FirstOrDefault(o => o.Summary != outcomes[0].Summary) is { } other)
            {
                return $"{options.Mode}: the loads differ (Load, LoadInto, async twins)\n  first: {outcomes[0].Summary}\n  other: {other.Summary}";
            }
        }

        return null;
    }

    private static Outcome Run(Func<Stream, string, LoadOptions, LoadReport> load, string name, byte[] input, LoadOptions options)
    {
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            return new Outcome(load(stream, name, options), null, null);
        }
        catch (DataLoadException ex)
        {
            return new Outcome(null, ex, null);
        }
        catch (Exception ex)
        {
            return new Outcome(null, null, $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
        }
    }

    private static IEnumerable<Func<Stream, string, LoadOptions, LoadReport>> Loads(string kind) => kind switch
    {
        "customers" =>
        [
            (s, n, o) => CustomerLoader.Load(s, n, DataFormat.Auto, o).Report,
            (s, n, o) => CustomerLoader.LoadAsync(s, n, DataFormat.Auto, o).GetAwaiter().GetResult().Report,
        ],
        "products" =>
        [
            (s, n, o) => ProductLoader.Load(s, n, DataFormat.Auto, o).Report,
            (s, n, o) => ProductLoader.LoadAsync(s, n, DataFormat.Auto, o).GetAwaiter().GetResult().Report,
        ],
        "transactions" =>
        [
            (s, n, o) => TransactionLoader.Load(s, n, DataFormat.Auto, o).Report,
            (s, n, o) => TransactionLoader.LoadInto(SeedBuilder(), s, n, DataFormat.Auto, o),
            (s, n, o) => TransactionLoader.LoadIntoAsync(SeedBuilder(), s, n, DataFormat.Auto, o).GetAwaiter().GetResult(),
        ],
        _ =>
        [
            (s, n, o) => OrderLinesLoader.LoadInto(new EnrichedDatasetBuilder(), s, n, DataFormat.Auto, o),
            (s, n, o) => OrderLinesLoader.LoadIntoAsync(new EnrichedDatasetBuilder(), s, n, DataFormat.Auto, o).GetAwaiter().GetResult(),
        ],
    };

    private static EnrichedDatasetBuilder SeedBuilder() =>
        new EnrichedDatasetBuilder().AddCustomers(Infrastructure.Seed.Customers).AddProducts(Infrastructure.Seed.Products);

    private static readonly Dictionary<string, (string[] Header, string[][] Rows)> Tables = new()
    {
        ["customers"] = (["customer_id", "segment", "signup_date", "name"],
        [
            ["C001", "Consumer", "2024-01-10", "Ann"],
            ["C002", "SMB", "2024-02-15", "Bob, \"B\""],
            ["C003", "Enterprise", "", "Zoë"],
            ["C004", "Consumer", "2024-03-05", ""],
        ]),
        ["products"] = (["product_id", "category", "price", "name"],
        [
            ["P100", "Accessories", "19.99", "Cable"],
            ["P200", "Software", "199.00", "Suite\nPro"],
            ["P300", "Hardware", "499", ""],
            ["P400", "Accessories", "", "Case"],
        ]),
        ["transactions"] = (["txn_id", "customer_id", "product_id", "qty", "ts", "unit_price", "order_id", "line_total"],
        [
            ["1", "C001", "P100", "2", "2024-03-01T10:00:00Z", "", "A1", ""],
            ["2", "C001", "P200", "1", "2024-03-01 10:05:00", "150.5", "A1", ""],
            ["3", "C002", "P300", "-1", "2024-03-02", "", "", "-499"],
            ["4", "C003", "P200", "3", "2024-03-03T11:30:00.123+01:00", "", "7", ""],
        ]),
        ["order-lines"] = (["order_id", "product_id", "product_name", "qty", "ts", "unit_price", "customer_id", "segment", "category"],
        [
            ["536365", "85123A", "WHITE HANGING HEART", "6", "12/1/2010 8:26", "2.55", "17850", "United Kingdom", "Home"],
            ["536365", "71053", "WHITE METAL LANTERN", "6", "2010-12-01 08:26", "3.39", "17850", "United Kingdom", ""],
            ["C536379", "D", "Discount", "-1", "2010-12-01T09:41:00Z", "27.50", "14527", "United Kingdom", "Fees"],
            ["536381", "22139", "RETROSPOT", "2", "2010-12-01", "4.95", "", "France", "Toys"],
        ]),
    };

    private sealed record Outcome(LoadReport? Report, DataLoadException? Error, string? Unexpected)
    {
        /// <summary>What Load and LoadInto must agree on: the counts and diagnostics, or the exception's diagnostics.</summary>
        public string Summary => Report is { } report
            ? $"read {report.RowsRead}, loaded {report.RowsLoaded}, rejected {report.RowsRejected}: {string.Join(" | ", report.Diagnostics)}"
            : $"{Error?.TotalProblems} problems: {string.Join(" | ", Error?.Diagnostics ?? [])}";
    }
}
