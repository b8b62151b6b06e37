using System.Globalization;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

public class ParallelCsvLoadTests
{
    private static readonly LoadOptions OneCore = LoaderTestData.Lenient with { MaxDegreeOfParallelism = 1 };
    private static readonly LoadOptions FourCores = LoaderTestData.Lenient with { MaxDegreeOfParallelism = 4 };

    [Fact]
    public void TryLoadInto_LenientFileWithBadRows_SameDatasetAndReportAsOneCore()
    {
        // 3,000 lines: orders of 1–3 lines that run across the cuts, a customer id without a customer record, a return
        // every 50 lines, and bad rows in every quarter (line = 1 + row number).
        var (text, badLines) = Transactions(rows: 3000, withIds: true, badEvery: 700);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(text));

        var (_, report) = LoadInPartsAsOnOneCore(file.Path, badLines);

        Assert.Equal((3000L, 3000L - badLines.Length), (report.RowsRead, report.RowsLoaded));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryLoadInto_CleanFile_SameDatasetAsOneCore(bool endsWithLineBreak)
    {
        // Every row good: the parts fill their regions of the shared columns exactly, which the dataset then keeps.
        var (text, _) = Transactions(rows: 2500, withIds: true, badEvery: 0);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(endsWithLineBreak ? text : text.TrimEnd('\n')));

        var (sequential, _) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        var report = ParallelCsvLoad.TryLoadInto(builder, file.Path, FourCores, minimumBytes: 0);

        Assert.NotNull(report);
        Assert.Equal((2500L, 2500L), (report.RowsRead, report.RowsLoaded));
        DatasetAssert.Same(sequential, builder.Build());
    }

    [Fact]
    public void TryLoadInto_WeightColumn_SameWeightsAsOneCore()
    {
        // A weight column added to every line (row mod 7, halves), bad rows included: the parts carry the weights.
        var (text, badLines) = Transactions(rows: 3000, withIds: true, badEvery: 700);
        var lines = text.TrimEnd('\n').Split('\n');
        var weighted = string.Join('\n', lines.Select((line, i) => line + (i == 0 ? ",weight" : "," + ((i % 7) / 2.0).ToString(CultureInfo.InvariantCulture)))) + "\n";
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(weighted));

        var (parallel, _) = LoadInPartsAsOnOneCore(file.Path, badLines);

        Assert.True(parallel.HasWeights);
        Assert.Equal(0.5f, parallel.Weights[0]);
    }

    [Fact]
    public void TryLoadInto_EventTypeColumn_SameSalesAndInteractionsAsOneCore()
    {
        // An event type on every line (view, cart, purchase by turns), bad rows included: the parts carry which rows are sales.
        var (text, badLines) = Transactions(rows: 3000, withIds: true, badEvery: 700);
        var types = new[] { "view", "cart", "purchase" };
        var lines = text.TrimEnd('\n').Split('\n');
        var typed = string.Join('\n', lines.Select((line, i) => line + (i == 0 ? ",event_type" : "," + types[i % 3]))) + "\n";
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(typed));

        var (parallel, _) = LoadInPartsAsOnOneCore(file.Path, badLines);

        // Rows 2, 5, 8, … are purchases (weight 5): the sales, a third of what was kept.
        var kept = parallel.Interactions.Weights.ToArray();
        Assert.Equal(kept.Count(w => w == 5f), parallel.TransactionCount);
        Assert.InRange(parallel.TransactionCount, (kept.Length / 3) - 2, (kept.Length / 3) + 2);
        Assert.All(parallel.Weights.ToArray(), w => Assert.Equal(5f, w));
    }

    [Fact]
    public void TryLoadInto_NoIdColumn_RowsNumberedAcrossPartsAsOnOneCore()
    {
        var (text, badLines) = Transactions(rows: 2000, withIds: false, badEvery: 900);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(text));

        var (sequential, _) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        Assert.NotNull(ParallelCsvLoad.TryLoadInto(builder, file.Path, FourCores, minimumBytes: 0));
        var parallel = builder.Build();

        // Row n of the file is transaction n; the rejected rows' numbers (900 and 1800) stay unused.
        var ids = Enumerable.Range(0, parallel.TransactionCount).Select(i => long.Parse(parallel.GetTransactionId(i), CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([901L, 1801L], badLines);
        Assert.DoesNotContain(900L, ids);
        Assert.DoesNotContain(1800L, ids);
        Assert.Equal((1L, 2000L), (ids[0], ids[^1]));
        Assert.True(ids.Zip(ids.Skip(1)).All(pair => pair.First < pair.Second));
        DatasetAssert.Same(sequential, parallel);
    }

    [Fact]
    public void TryLoadInto_StrictWithABadRowInTheLastPart_ThrowsNamingTheFileLine()
    {
        var (text, _) = Transactions(rows: 2000, withIds: true, badEvery: 0);
        var lines = text.Split('\n');
        lines[1901] = "1901,901,C0001,P01,lots,2024-01-01T00:00:00Z";
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var error = Assert.Throws<DataLoadException>(() => ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, LoadOptions.Default with { MaxDegreeOfParallelism = 4 }, minimumBytes: 0));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal((1902L, "qty", "lots"), (problem.Line, problem.Column, problem.Value));
    }

    [Fact]
    public void TryLoadInto_UnknownCustomers_JoinIssuesNameTheFileLineAsOnOneCore()
    {
        // Row n (transaction n) is on line n + 1; the join places each issue by the line its part read it on.
        var (text, _) = Transactions(rows: 3000, withIds: true, badEvery: 0);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(text));

        var (sequential, _) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        Assert.NotNull(ParallelCsvLoad.TryLoadInto(builder, file.Path, FourCores, minimumBytes: 0));
        var parallel = builder.Build();

        static (string?, long, string?)[] Places(EnrichedDataset dataset) =>
            [.. dataset.Report.Issues.Where(i => i.Kind == EnrichmentIssueKind.UnknownCustomer).Select(i => (i.Source, i.Line, i.TransactionId))];
        var places = Places(parallel);
        Assert.NotEmpty(places);
        Assert.Equal(Places(sequential), places);
        Assert.All(places, p => Assert.Equal((file.Path, long.Parse(p.Item3!, CultureInfo.InvariantCulture) + 1), (p.Item1, p.Item2)));
    }

    [Fact]
    public void TryLoadInto_CarriageReturnLineFeeds_LinesCountedAsCsvHelperCountsThem()
    {
        var (text, badLines) = Transactions(rows: 1500, withIds: true, badEvery: 400);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var report = ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores, minimumBytes: 0);

        Assert.NotNull(report);
        Assert.Equal(badLines, report.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void TryLoadInto_QuotedValueSpanningACut_LeftToTheOneCoreLoad()
    {
        // A quoted product id holding 2,000 line breaks fills the middle of the file, where the cuts fall.
        var (text, _) = Transactions(rows: 400, withIds: true, badEvery: 0);
        var lines = text.Split('\n').ToList();
        lines.Insert(200, "9999,9999,C0001,\"P" + new string('\n', 2000) + "\",1,2024-01-01T00:00:00Z");
        var content = string.Join('\n', lines);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(content));

        var parts = ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores, minimumBytes: 0);
        var (sequential, oneCoreReport) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        var report = TransactionLoader.LoadInto(builder, file.Path, FourCores);

        Assert.Null(parts);
        Assert.Equal(oneCoreReport with { Diagnostics = [] }, report with { Diagnostics = [] });
        Assert.Equal(401, report.RowsLoaded);
        DatasetAssert.Same(sequential, builder.Build());
    }

    [Theory]
    [InlineData(LoadMode.Lenient)]
    [InlineData(LoadMode.Strict)]
    public void LoadInto_LiteralQuoteBeforeAQuotedValueSpanningTheCut_SameAsOneCore(LoadMode mode)
    {
        // Regression (issue 10, finding 3): a quote inside an unquoted field is literal (12" vinyl), so an even number
        // of quotes before a cut no longer means "outside quotes": the quoted note that spans 3,000 lines across the cut
        // was read, on two cores, as 3,002 rows of its own (3,003 rejected, strict mode threw).
        var content = LiteralQuoteThenLongQuotedNote(rows: 198_820, noteLines: 3000, out var noteRow);
        using var file = LoaderTestData.File("t.csv", content);
        var options = LoadOptions.Default with { Mode = mode, MaxDegreeOfParallelism = 2 };

        var (sequential, oneCoreReport) = LoadOneCore(file.Path, options with { MaxDegreeOfParallelism = 1 });
        var builder = NewBuilder();
        var report = TransactionLoader.LoadInto(builder, file.Path, options);

        Assert.Equal((198_820L, 198_820L, 0L), (oneCoreReport.RowsRead, oneCoreReport.RowsLoaded, oneCoreReport.RowsRejected));
        Assert.Equal((198_820L, 198_820L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.True(noteRow > 0);
        DatasetAssert.Same(sequential, builder.Build());
    }

    [Fact]
    public void TryLoadInto_CutInsideAQuotedValueSpanningLines_MovedPastItAndLoadedInParts()
    {
        // Issue 10, finding 3: the file loads exactly, and on every core: the cut that falls inside the 3,000-line note
        // is moved past it (the quote that closes it shows where), so the parts need not fall back to one core.
        var content = LiteralQuoteThenLongQuotedNote(rows: 198_820, noteLines: 3000, out _);
        using var file = LoaderTestData.File("t.csv", content);
        var twoCores = LoaderTestData.Lenient with { MaxDegreeOfParallelism = 2 };

        var (sequential, oneCoreReport) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        var report = ParallelCsvLoad.TryLoadInto(builder, file.Path, twoCores);

        Assert.NotNull(report);
        Assert.Equal((198_820L, 0L), (report.RowsRead, report.RowsRejected));
        Assert.Equal(oneCoreReport.Diagnostics.ToArray(), report.Diagnostics.ToArray());
        DatasetAssert.Same(sequential, builder.Build());
    }

    [Fact]
    public void TryLoadInto_LiteralQuotesInUnquotedFields_StillLoadsInPartsAsOnOneCore()
    {
        // One literal quote (an odd count before every cut) and one quoted value on one line: every cut is still sound.
        var (text, badLines) = Transactions(rows: 3000, withIds: false, badEvery: 700);
        var lines = text.Split('\n');
        lines[5] = lines[5].Replace("P", "12\"P", StringComparison.Ordinal);
        var fields = lines[2500].Split(',');
        fields[1] = "\"" + fields[1] + "\"";
        lines[2500] = string.Join(',', fields);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var (sequential, oneCoreReport) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();
        var report = ParallelCsvLoad.TryLoadInto(builder, file.Path, FourCores, minimumBytes: 0);

        Assert.NotNull(report);
        Assert.Equal(oneCoreReport.Diagnostics.ToArray(), report.Diagnostics.ToArray());
        Assert.Equal((3000L, (long)badLines.Length), (report.RowsRead, report.RowsRejected));
        DatasetAssert.Same(sequential, builder.Build());
    }

    [Fact]
    public void TryLoadInto_LinesNamedInADiagnosticOfALaterPart_SameTextAsOneCore()
    {
        // Found by the fuzz suite: "lines 797–799 were read as one value" counted from the part's start (one core:
        // 2353–2355). Here a quote in the last part is never closed, so its field runs to the end of the file.
        var (text, _) = Transactions(rows: 3000, withIds: true, badEvery: 0);
        var lines = text.Split('\n');
        lines[2800] = lines[2800].Replace(",P", ",\"P\n", StringComparison.Ordinal);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var (_, oneCoreReport) = LoadOneCore(file.Path, OneCore);
        var report = ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores, minimumBytes: 0) ?? LoadOneCore(file.Path, OneCore).Report;

        var problem = Assert.Single(oneCoreReport.Diagnostics);
        Assert.Equal((2801L, "a quoted field is never closed, so lines 2801–3002 were read as one value"), (problem.Line, problem.Problem));
        Assert.Equal(oneCoreReport.Diagnostics.ToArray(), report.Diagnostics.ToArray());
    }

    [Fact]
    public void TryLoadInto_SmallFileOrOneCore_LeftToTheOneCoreLoad()
    {
        var (text, _) = Transactions(rows: 100, withIds: true, badEvery: 0);
        using var file = LoaderTestData.File("t.csv", Encoding.UTF8.GetBytes(text));

        Assert.Null(ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores));
        Assert.Null(ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, OneCore, minimumBytes: 0));
        Assert.Null(ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores with { Separator = null }, minimumBytes: 0));
    }

    [Fact]
    public async Task LoadIntoAsync_LargeFile_SameDatasetAsOneCoreAndCancellable()
    {
        var (text, _) = Transactions(rows: 2000, withIds: true, badEvery: 600);
        var bytes = Encoding.UTF8.GetBytes(text);
        // Above ParallelCsvLoad.MinimumBytes: the text repeated, its header kept once.
        var body = bytes.AsSpan(bytes.AsSpan().IndexOf((byte)'\n') + 1).ToArray();
        var content = new List<byte>(bytes);
        while (content.Count < ParallelCsvLoad.MinimumBytes)
        {
            content.AddRange(body);
        }

        using var file = LoaderTestData.File("t.csv", [.. content]);
        var (sequential, oneCoreReport) = LoadOneCore(file.Path, OneCore);
        var builder = NewBuilder();

        var report = await TransactionLoader.LoadIntoAsync(builder, file.Path, FourCores);

        Assert.NotNull(ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, FourCores));
        Assert.True(oneCoreReport.RowsRejected > LoadOptions.Default.MaxReportedProblems);
        Assert.Equal(oneCoreReport.Diagnostics.ToArray(), report.Diagnostics.ToArray());
        Assert.Equal((oneCoreReport.RowsRead, oneCoreReport.RowsLoaded), (report.RowsRead, report.RowsLoaded));
        DatasetAssert.Same(sequential, builder.Build());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TransactionLoader.LoadIntoAsync(NewBuilder(), file.Path, FourCores, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void LoadInto_ReadProgress_ReportsEveryByteOfTheFileOnce(int cores)
    {
        var (text, _) = Transactions(rows: 1500, withIds: true, badEvery: 0);
        var bytes = Encoding.UTF8.GetBytes(text);
        using var file = LoaderTestData.File("t.csv", bytes);
        var progress = new ByteCounter();
        var options = LoaderTestData.Lenient with { MaxDegreeOfParallelism = cores, ReadProgress = progress };

        var report = cores == 1 ? TransactionLoader.LoadInto(NewBuilder(), file.Path, options) : ParallelCsvLoad.TryLoadInto(NewBuilder(), file.Path, options, minimumBytes: 0);

        Assert.Equal(1500, report?.RowsLoaded);
        Assert.Equal(bytes.Length, progress.Total);
    }

    [Fact]
    public void Validate_MaxDegreeOfParallelismBelowOne_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => (LoadOptions.Default with { MaxDegreeOfParallelism = 0 }).Validate());

        Assert.Contains("MaxDegreeOfParallelism must be at least 1", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Adds up the bytes reported, from any thread.</summary>
    private sealed class ByteCounter : IProgress<long>
    {
        private long _total;

        public long Total => Interlocked.Read(ref _total);

        public void Report(long value) => Interlocked.Add(ref _total, value);
    }

    /// <summary>
    /// A file of more than 4 MiB whose rows 10 and 190,000 have an unquoted note with a literal quote (12" vinyl), and
    /// whose row in the middle of the file has a quoted note of <paramref name="noteLines"/> lines (the cut falls
    /// inside it); the file holds an even number of quotes, as does the text before the cut.
    /// </summary>
    private static byte[] LiteralQuoteThenLongQuotedNote(int rows, int noteLines, out int noteRow)
    {
        var text = new StringBuilder("txn_id,customer_id,product_id,qty,ts,note\n");
        noteRow = 101_200; // 10 KB before the middle of the file, where two cores cut it
        for (var row = 1; row <= rows; row++)
        {
            var note = row is 10 or 190_000 ? "12\" vinyl" : row == noteRow ? "\"" + string.Concat(Enumerable.Repeat("a gift,\n", noteLines)) + "wrapped\"" : "ok";
            text.Append(CultureInfo.InvariantCulture, $"{row},C{1 + (row % 40):D4},P{1 + (row % 30):D2},1,2024-01-01,{note}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder()
        .AddCustomers(Enumerable.Range(1, 40).Select(i => new Customer($"C{i:D4}", i % 3 == 0 ? "Gold" : "Basic")))
        .AddProducts(Enumerable.Range(1, 30).Select(i => new Product($"P{i:D2}", i % 2 == 0 ? "Books" : "Games", 1.5m + i)));

    /// <summary>Loads in parts on four cores, asserting the same diagnostics, counts and dataset as one core.</summary>
    private static (EnrichedDataset Dataset, LoadReport Report) LoadInPartsAsOnOneCore(string path, long[] badLines)
    {
        var (sequential, oneCoreReport) = LoadOneCore(path, OneCore);
        var builder = NewBuilder();
        var report = ParallelCsvLoad.TryLoadInto(builder, path, FourCores, minimumBytes: 0);
        var parallel = builder.Build();

        Assert.NotNull(report);
        Assert.Equal(badLines, report.Diagnostics.Select(d => d.Line));
        Assert.Equal(oneCoreReport.Diagnostics.ToArray(), report.Diagnostics.ToArray());
        Assert.Equal((oneCoreReport.RowsRead, oneCoreReport.RowsLoaded, (long)badLines.Length), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        DatasetAssert.Same(sequential, parallel);
        return (parallel, report);
    }

    private static (EnrichedDataset Dataset, LoadReport Report) LoadOneCore(string path, LoadOptions options)
    {
        var builder = NewBuilder();
        var report = TransactionLoader.LoadInto(builder, path, options);
        return (builder.Build(), report);
    }

    /// <summary>
    /// Transactions in orders of 1–3 lines; customer C0041 has no record (an unknown customer); every 50th line a
    /// return; every <paramref name="badEvery"/>th row a quantity that is not a number. Returns the bad rows' lines.
    /// </summary>
    private static (string Text, long[] BadLines) Transactions(int rows, bool withIds, int badEvery)
    {
        var text = new StringBuilder(withIds ? "txn_id,order_id,customer_id,product_id,qty,ts\n" : "order_id,customer_id,product_id,qty,ts\n");
        var bad = new List<long>();
        var order = 1000;
        for (var row = 1; row <= rows; row++)
        {
            if (row % 3 != 2)
            {
                order++;
            }

            var quantity = badEvery > 0 && row % badEvery == 0 ? "x" : row % 50 == 0 ? "-1" : (1 + (row % 4)).ToString(CultureInfo.InvariantCulture);
            if (quantity == "x")
            {
                bad.Add(row + 1);
            }

            if (withIds)
            {
                text.Append(CultureInfo.InvariantCulture, $"{row},");
            }

            var customer = 1 + (order * 7 % 41);
            var timestamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(order * 37);
            text.Append(CultureInfo.InvariantCulture, $"{order},C{customer:D4},P{1 + (row * 11 % 30):D2},{quantity},{timestamp:yyyy-MM-ddTHH:mm:ssZ}\n");
        }

        return (text.ToString(), [.. bad]);
    }
}
