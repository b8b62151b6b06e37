using System.Globalization;
using System.IO.Compression;
using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

public class JsonLoadingTests
{
    private const string CustomersJson = """
        [
          {"customer_id": "C001", "segment": "Consumer", "signup_date": "2024-01-10"},
          {"customer_id": "C002", "segment": "SMB", "signup_date": "2024-02-15"},
          {"customer_id": "C003", "segment": "Enterprise", "signup_date": "2024-02-20"},
          {"customer_id": "C004", "segment": "Consumer", "signup_date": "2024-03-05"}
        ]
        """;

    private const string ProductsJson = """
        [{"product_id":"P100","category":"Accessories","price":19.99},
         {"product_id":"P200","category":"Software","price":199.00},
         {"product_id":"P300","category":"Hardware","price":499.00},
         {"product_id":"P400","category":"Accessories","price":29.99}]
        """;

    private const string TransactionsJsonLines = """
        {"txn_id":1,"customer_id":"C001","product_id":"P100","qty":2,"ts":"2024-03-01T10:00:00Z"}
        {"txn_id":2,"customer_id":"C001","product_id":"P200","qty":1,"ts":"2024-03-01T10:05:00Z"}
        {"txn_id":3,"customer_id":"C002","product_id":"P300","qty":1,"ts":"2024-03-02T09:15:00Z"}

        {"txn_id":4,"customer_id":"C003","product_id":"P200","qty":3,"ts":"2024-03-03T11:30:00Z"}
        {"txn_id":5,"customer_id":"C004","product_id":"P100","qty":1,"ts":"2024-03-04T12:00:00Z"}
        {"txn_id":6,"customer_id":"C001","product_id":"P400","qty":2,"ts":"2024-03-05T13:45:00Z"}
        {"txn_id":7,"customer_id":"C002","product_id":"P100","qty":3,"ts":"2024-03-06T14:10:00Z"}

        """;

    [Fact]
    public void Load_SeedAsJsonAndJsonLines_SameRowsAsTheCsv()
    {
        using var customers = LoaderTestData.Utf8(CustomersJson);
        using var products = new StringReader(ProductsJson);
        using var transactions = LoaderTestData.Utf8(TransactionsJsonLines);

        Assert.Equal(Seed.Customers, CustomerLoader.Load(customers, "customers.json", DataFormat.Auto).Rows);
        Assert.Equal(Seed.Products, ProductLoader.Load(products, "products", DataFormat.Json).Rows);
        Assert.Equal(Seed.Transactions, TransactionLoader.Load(transactions, "transactions.jsonl", DataFormat.Auto).Rows);
    }

    [Fact]
    public void LoadInto_SeedAsJsonLines_GivesTheSeedRevenue()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products);
        using var transactions = LoaderTestData.Utf8(TransactionsJsonLines);

        var report = TransactionLoader.LoadInto(builder, transactions, "transactions.ndjson", DataFormat.Auto);

        Assert.Equal((7L, 7L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        Assert.Equal(1474.92m, KpiCalculator.Overall(builder.Build()).Revenue);
    }

    [Fact]
    public void Load_JsonValues_EscapesNullsNumbersAndByteOrderMark()
    {
        var json = "\uFEFF[{\"id\":\"P\\u00e9\",\"category\":\"Caf\\u00e9 \\\"bar\\\"\",\"price\":null,\"name\":\"a\\nb\",\"extra\":{\"x\":[1,2]}}]";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var result = ProductLoader.Load(stream, "products.json", DataFormat.Auto, LoaderTestData.Lenient);

        // The nested "extra" value rejects the row: rows are flat.
        Assert.Empty(result.Rows);
        var problem = Assert.Single(result.Report.Diagnostics);
        Assert.Equal((1L, null, "the property 'extra' holds a nested object or array"), (problem.Line, problem.Column, problem.Problem));

        using var flat = new MemoryStream(Encoding.UTF8.GetBytes(json.Replace(",\"extra\":{\"x\":[1,2]}", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(new[] { new Product("Pé", "Café \"bar\"", null, "a\nb") }, ProductLoader.Load(flat, "products.json", DataFormat.Auto).Rows);
    }

    [Fact]
    public void Load_JsonArray_DiagnosticsGiveTheLineWhereTheObjectStarts()
    {
        const string Json = """
            [
              {"customer_id": "C1", "segment": "SMB"},
              {
                "customer_id": "",
                "segment": "SMB"
              },
              42,
              {"customer_id": "C3", "segment": "SMB", "signup_date": "soon"}
            ]
            """;
        using var stream = LoaderTestData.Utf8(Json);

        var result = CustomerLoader.Load(stream, "customers.json", DataFormat.Json, LoaderTestData.Lenient);

        Assert.Equal(new[] { new Customer("C1", "SMB") }, result.Rows);
        Assert.Equal(
            [(3L, "customer_id", "", "the customer id is empty"), (7L, null, null, "the array element is not an object"), (8L, "signup_date", "soon", "not a date")],
            result.Report.Diagnostics.Select(d => (d.Line, d.Column, d.Value, d.Problem)));
        Assert.Equal((4L, 1L, 3L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
    }

    /// <summary>
    /// Regression: the optional transaction id was added as a column the first object lacked, so every object
    /// without it was rejected as "the transaction id is empty" instead of being numbered.
    /// </summary>
    [Theory]
    [InlineData(DataFormat.JsonLines)]
    [InlineData(DataFormat.Json)]
    public void Load_JsonTransactionsWithoutIds_NumberedLikeCsv(DataFormat format)
    {
        const string Lines = """
            {"customer_id":"C001","product_id":"P100","qty":2,"ts":"2024-03-01T10:00:00Z"}
            {"customer_id":"C002","product_id":"P200","qty":1,"ts":"2024-03-02T10:00:00Z"}
            """;
        var json = format == DataFormat.Json ? "[" + Lines.ReplaceLineEndings(",\n") + "]" : Lines;

        var result = TransactionLoader.Load(new StringReader(json), "transactions", format);

        Assert.Equal(["1", "2"], result.Rows.Select(t => t.Id));
        Assert.Equal(["C001", "C002"], result.Rows.Select(t => t.CustomerId));
        Assert.Empty(result.Report.Diagnostics);
    }

    [Fact]
    public void Load_JsonLinesWithBrokenLine_LenientRejectsTheLineAndGoesOn()
    {
        const string Lines = "{\"customer_id\":\"C1\",\"segment\":\"SMB\"}\n{\"customer_id\":\"C2\",\"segment\":\n{\"customer_id\":\"C3\",\"segment\":\"SMB\"}\n[1]\n";
        using var stream = LoaderTestData.Utf8(Lines);

        var result = CustomerLoader.Load(stream, "customers.jsonl", DataFormat.Auto, LoaderTestData.Lenient);

        Assert.Equal(["C1", "C3"], result.Rows.Select(c => c.Id));
        Assert.Equal(2, result.Report.Diagnostics.Length);
        Assert.Equal(
            "customers.jsonl(2): error: malformed JSON at byte 31 of the line: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed; expected a JSON object whose values are strings, numbers, booleans or null.",
            result.Report.Diagnostics[0].ToString());
        Assert.Equal((4L, "the line does not hold a JSON object"), (result.Report.Diagnostics[1].Line, result.Report.Diagnostics[1].Problem));
    }

    [Fact]
    public void Load_BrokenJsonArray_ThrowsWithTheLine()
    {
        using var stream = LoaderTestData.Utf8("[\n{\"customer_id\":\"C1\",\"segment\":\"SMB\"},\n{\"customer_id\" \"C2\"}\n]");

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(stream, "customers.json", DataFormat.Json, LoaderTestData.Lenient));

        Assert.Equal(
            "customers.json(3): error: malformed JSON at byte 16 of the line: '\"' is invalid after a property name. Expected a ':'; expected a JSON array of objects. A syntax error ends the source in every mode; JSON Lines (one object per line) can reject a bad line and go on.",
            Assert.Single(error.Diagnostics).ToString());
    }

    /// <summary>Regression: once MaxReportedProblems row problems were listed, the source error that stopped the load was only counted, never shown.</summary>
    [Fact]
    public void Load_BrokenJsonArrayAfterTheListingLimit_StillListsTheSourceError()
    {
        using var stream = LoaderTestData.Utf8("[\n{\"customer_id\":\"C1\",\"segment\":\"\"},\n{\"customer_id\" \"C2\"}\n]");

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(stream, "customers.json", DataFormat.Json, LoaderTestData.Lenient with { MaxReportedProblems = 1 }));

        Assert.Equal(2, error.TotalProblems);
        Assert.Equal([(2L, "the segment is empty"), (3L, "malformed JSON at byte 16 of the line: '\"' is invalid after a property name. Expected a ':'")], error.Diagnostics.Select(d => (d.Line, d.Problem)));
        Assert.DoesNotContain("more (raise", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Regression: with MaxReportedProblems = 1 only the first of several missing required columns was named.</summary>
    [Fact]
    public void Load_SeveralMissingColumnsAboveTheListingLimit_NamesEach()
    {
        using var stream = LoaderTestData.Utf8("name\nAnn\n");

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(stream, "customers.csv", options: LoadOptions.Default with { MaxReportedProblems = 1 }));

        Assert.Equal(["customer_id", "segment"], error.Diagnostics.Select(d => d.Column));
    }

    [Fact]
    public void Load_JsonObjectInsteadOfArray_ThrowsAndSuggestsJsonLines()
    {
        using var stream = LoaderTestData.Utf8("{\"customer_id\":\"C1\",\"segment\":\"SMB\"}");

        var error = Assert.Throws<DataLoadException>(() => CustomerLoader.Load(stream, "customers.json", DataFormat.Json));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal((1L, "the JSON does not start with an array"), (problem.Line, problem.Problem));
        Assert.Contains("DataFormat.JsonLines", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LargeJsonReadInTinyChunks_EveryObjectAndLine()
    {
        var json = new StringBuilder("[\n");
        for (var i = 1; i <= 3000; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $"  {{\"customer_id\": \"C{i:D5}\",\n   \"segment\": \"S{i % 7}\", \"name\": \"{new string('x', i % 50)}\"}}{(i < 3000 ? "," : string.Empty)}\n");
        }

        json.Append(']');
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(json.ToString()), 7);

        var result = CustomerLoader.Load(stream, "customers.json", DataFormat.Json, LoaderTestData.Lenient with { MaxReportedProblems = 1 });

        Assert.Equal(3000, result.Rows.Length);
        Assert.Equal(new Customer("C02999", "S3", null, new string('x', 49)), result.Rows[2998]);
        Assert.Empty(result.Report.Diagnostics);
    }

    [Fact]
    public async Task LoadAsync_GzippedJsonLinesFile_SameRows()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(TransactionsJsonLines));
        }

        using var file = LoaderTestData.File("transactions.jsonl.gz", compressed.ToArray());

        var result = await TransactionLoader.LoadAsync(file.Path);

        Assert.Equal(Seed.Transactions, result.Rows);
    }

    [Fact]
    public async Task LoadAsync_CanceledToken_Throws()
    {
        using var stream = LoaderTestData.Utf8(CustomersJson);
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CustomerLoader.LoadAsync(stream, "customers.json", DataFormat.Json, null, canceled.Token));
    }

    [Fact]
    public async Task LoadAsync_TextReaderJson_SameRows()
    {
        using var reader = new StringReader(CustomersJson);

        var result = await CustomerLoader.LoadAsync(reader, "customers.json", DataFormat.Auto);

        Assert.Equal(Seed.Customers, result.Rows);
    }

    /// <summary>A stream that hands out at most a few bytes per read, to exercise buffer refills.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
