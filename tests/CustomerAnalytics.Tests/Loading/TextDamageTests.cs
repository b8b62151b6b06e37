using System.Text;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>Text that is damaged or ambiguous (not UTF-8, NUL bytes, a column or property twice) is reported, never passed silently.</summary>
public class TextDamageTests
{
    private static readonly byte[] Latin1Customers = Encoding.Latin1.GetBytes("customer_id,segment,name\nC1,Café,Zoë\nC2,SMB,Ann\n");

    private static LoadReport LoadCustomers(byte[] bytes, string name = "c.csv", LoadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        return CustomerLoader.Load(stream, name, DataFormat.Auto, options ?? LoaderTestData.Lenient).Report;
    }

    /// <summary>Regression: a Latin-1 file read as UTF-8 gave "Caf\uFFFD" without a word.</summary>
    [Fact]
    public void Load_Latin1TextReadAsUtf8_WarnsForEachValueAndLoadsTheRow()
    {
        using var stream = new MemoryStream(Latin1Customers);

        var result = CustomerLoader.Load(stream, "c.csv", DataFormat.Csv);

        Assert.Equal(2, result.Rows.Length);
        Assert.Equal(
            [
                "c.csv(2): warning, column 'segment', value 'Caf\uFFFD': the segment is not valid UTF-8 (each invalid byte reads as \uFFFD); expected text in UTF-8. Set LoadOptions.Encoding to the file's encoding (for example Encoding.Latin1).",
                "c.csv(2): warning, column 'name', value 'Zo\uFFFD': the name is not valid UTF-8 (each invalid byte reads as \uFFFD); expected text in UTF-8. Set LoadOptions.Encoding to the file's encoding (for example Encoding.Latin1).",
            ],
            result.Report.Diagnostics.Select(d => d.ToString()));
        Assert.All(result.Report.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    /// <summary>A strict load that fails lists its errors only: a warning is no reason it failed, nor a rejected row.</summary>
    [Fact]
    public void Load_StrictWithWarningsAndAnError_ExceptionListsTheErrorOnly()
    {
        var bytes = Encoding.Latin1.GetBytes("customer_id,segment\nC1,Café\nC2,\n");

        var error = Assert.Throws<DataLoadException>(() => LoadCustomers(bytes, options: LoadOptions.Default));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((3L, "the segment is empty", 1), (diagnostic.Line, diagnostic.Problem, error.TotalProblems));
    }

    [Fact]
    public void Load_Latin1WithEncodingOption_ReadsTheTextExactly()
    {
        using var stream = new MemoryStream(Latin1Customers);

        var result = CustomerLoader.Load(stream, "c.csv", DataFormat.Csv, LoadOptions.Default with { Encoding = Encoding.Latin1 });

        Assert.Equal(("Café", "Zoë"), (result.Rows[0].Segment, result.Rows[0].Name));
        Assert.Empty(result.Report.Diagnostics);
    }

    [Theory]
    [InlineData("c.json")]
    [InlineData("c.jsonl")]
    public void Load_Latin1JsonWithEncodingOption_ReadsTheTextExactly(string name)
    {
        var text = name.EndsWith(".json", StringComparison.Ordinal) ? "[{\"customer_id\":\"C1\",\"segment\":\"Café\"}]" : "{\"customer_id\":\"C1\",\"segment\":\"Café\"}\n";
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(text));

        var result = CustomerLoader.Load(stream, name, DataFormat.Auto, LoadOptions.Default with { Encoding = Encoding.Latin1 });

        Assert.Equal("Café", Assert.Single(result.Rows).Segment);
    }

    [Fact]
    public void LoadInto_Latin1FileLargeEnoughToCut_WithEncodingSameAsOneCore()
    {
        var rows = new StringBuilder("txn_id,customer_id,product_id,qty,ts,order_id\n");
        for (var i = 1; i <= 120_000; i++)
        {
            rows.Append(i).Append(",C00").Append(1 + (i % 4)).Append(",P").Append(100 * (1 + (i % 4))).Append(",1,2024-03-01,Ordre-é").Append(i / 3).Append('\n');
        }

        using var file = LoaderTestData.File("t.csv", Encoding.Latin1.GetBytes(rows.ToString()));
        var options = LoadOptions.Default with { Encoding = Encoding.Latin1 };
        var builder = new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products);

        var report = TransactionLoader.LoadInto(builder, file.Path, options with { MaxDegreeOfParallelism = 2 });
        var dataset = builder.Build();

        Assert.Equal((120_000L, 120_000L), (report.RowsRead, report.RowsLoaded));
        Assert.Equal("Ordre-é0", dataset.GetOrderId(0));
        Assert.Equal(40_001, dataset.OrderCount);
    }

    [Theory]
    [InlineData("customer_id,segment\nCaf\u00e9X,SMB\nC2,SMB\n", "the customer id is not valid UTF-8", "Set LoadOptions.Encoding to the file's encoding (for example Encoding.Latin1).")]
    [InlineData("customer_id,segment\nC\u00001,SMB\nC2,SMB\n", "the customer id holds a NUL byte", "A NUL byte in a text file is damage, or a file in UTF-16: set LoadOptions.Encoding (for example Encoding.Unicode).")]
    public void Load_IdNotUtf8OrWithNul_RejectsTheRow(string text, string problem, string hint)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var x = Array.IndexOf(bytes, (byte)'X');
        if (x >= 0)
        {
            bytes = [.. bytes[..(x - 2)], 0xE9, .. bytes[(x + 1)..]];
        }

        var report = LoadCustomers(bytes);

        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal((2L, "customer_id", problem, "an id in UTF-8 without NUL bytes", hint, DiagnosticSeverity.Error), (diagnostic.Line, diagnostic.Column, diagnostic.Problem, diagnostic.Expected, diagnostic.Hint, diagnostic.Severity));
    }

    [Theory]
    [InlineData("txn_id,customer_id,product_id,qty,ts,order_id\n1,C001,P1\u00000,1,2024-03-01,A\n2,C001,P100,1,2024-03-01,A\n", "product_id", "the product id holds a NUL byte")]
    [InlineData("txn_id,customer_id,product_id,qty,ts,order_id\n1,C001,P100,1,2024-03-01,A\u0000\n2,C001,P100,1,2024-03-01,A\n", "order_id", "the order id holds a NUL byte")]
    [InlineData("txn_id,customer_id,product_id,qty,ts,order_id\n1\u0000,C001,P100,1,2024-03-01,A\n2,C001,P100,1,2024-03-01,A\n", "txn_id", "the transaction id holds a NUL byte")]
    public void LoadAndLoadInto_TransactionIdsWithNul_RejectTheRow(string text, string column, string problem)
    {
        using var stream = LoaderTestData.Utf8(text);
        var loaded = TransactionLoader.Load(stream, "t.csv", DataFormat.Csv, LoaderTestData.Lenient).Report;
        using var again = LoaderTestData.Utf8(text);
        var into = TransactionLoader.LoadInto(new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products), again, "t.csv", DataFormat.Csv, LoaderTestData.Lenient);

        foreach (var report in new[] { loaded, into })
        {
            Assert.Equal((1L, 1L), (report.RowsLoaded, report.RowsRejected));
            Assert.Equal((2L, column, problem), (report.Diagnostics[0].Line, report.Diagnostics[0].Column, report.Diagnostics[0].Problem));
        }
    }

    /// <summary>Regression: a header naming a field twice used the first column without a word.</summary>
    [Theory]
    [InlineData("customer_id,segment,customer_id\nC1,SMB,C9\n", "columns 1 'customer_id' and 3 'customer_id' both name the customer field Id")]
    [InlineData("id,segment,customer_id\nC1,SMB,C9\n", "columns 1 'id' and 3 'customer_id' both name the customer field Id")]
    [InlineData("customer_id,Segment,segment \nC1,SMB,X\n", "columns 2 'Segment' and 3 'segment' both name the customer field Segment")]
    public void Load_HeaderNamingAFieldTwice_IsAnErrorNamingBothColumns(string text, string problem)
    {
        var error = Assert.Throws<DataLoadException>(() => LoadCustomers(Encoding.UTF8.GetBytes(text)));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((1L, problem), (diagnostic.Line, diagnostic.Problem));
        Assert.Equal("one column per field", diagnostic.Expected);
        Assert.StartsWith("Remove or rename one of them, or map the field to one header: LoadOptions.CustomerColumns = CustomerColumns.Default with { ", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnusedColumnTwice_Ignored()
    {
        Assert.Equal(1L, LoadCustomers(Encoding.UTF8.GetBytes("customer_id,segment,x,x\nC1,SMB,1,2\n"), options: LoadOptions.Default).RowsLoaded);
    }

    /// <summary>Regression: a property written twice in one object silently kept the last value.</summary>
    [Theory]
    [InlineData("[{\"customer_id\":\"C1\",\"segment\":\"SMB\"},\n{\"customer_id\":\"C2\",\"segment\":\"SMB\",\"segment\":\"Consumer\"}]", "c.json", "the property 'segment' appears twice in the object")]
    [InlineData("{\"customer_id\":\"C1\",\"segment\":\"SMB\"}\n{\"customer_id\":\"C2\",\"segment\":\"SMB\",\"customer_segment\":\"Consumer\"}", "c.jsonl", "the property 'customer_segment' appears twice in the object (as 'segment' and 'customer_segment')")]
    public void Load_JsonPropertyTwiceInOneObject_RejectsTheRow(string text, string name, string problem)
    {
        var report = LoadCustomers(Encoding.UTF8.GetBytes(text), name);

        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal((2L, problem, "each property once in an object"), (diagnostic.Line, diagnostic.Problem, diagnostic.Expected));
    }
}
