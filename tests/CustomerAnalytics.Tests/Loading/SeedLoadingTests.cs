using System.IO.Compression;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Loading;

public class SeedLoadingTests
{
    [Fact]
    public void CustomerLoader_Load_SampleCsv_ReadsTheFourCustomers()
    {
        var result = CustomerLoader.Load(TestPaths.SampleCustomers);

        Assert.Equal(Infrastructure.Seed.Customers, result.Rows);
        Assert.Equal(new LoadReport(TestPaths.SampleCustomers, 4, 4, 0, []), result.Report with { Diagnostics = [] });
        Assert.Empty(result.Report.Diagnostics);
    }

    [Fact]
    public void ProductLoader_Load_SampleCsv_ReadsTheFourProducts()
    {
        var result = ProductLoader.Load(TestPaths.SampleProducts);

        Assert.Equal(Infrastructure.Seed.Products, result.Rows);
        Assert.Equal(4, result.Report.RowsLoaded);
    }

    [Fact]
    public void TransactionLoader_Load_SampleCsv_ReadsTheSevenTransactions()
    {
        var result = TransactionLoader.Load(TestPaths.SampleTransactions);

        Assert.Equal(Infrastructure.Seed.Transactions, result.Rows);
        Assert.Equal(7, result.Report.RowsRead);
        Assert.Equal(7, result.Report.RowsLoaded);
        Assert.Equal(0, result.Report.RowsRejected);
    }

    [Fact]
    public void LoadInto_SampleCsv_GivesTheSeedRevenue()
    {
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers(CustomerLoader.Load(TestPaths.SampleCustomers).Rows)
            .AddProducts(ProductLoader.Load(TestPaths.SampleProducts).Rows);

        var report = TransactionLoader.LoadInto(builder, TestPaths.SampleTransactions);
        var overall = KpiCalculator.Overall(builder.Build());

        Assert.Equal(7, report.RowsLoaded);
        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), overall);
    }

    [Fact]
    public async Task LoadAsync_SampleCsv_SameRowsAsLoad()
    {
        var customers = await CustomerLoader.LoadAsync(TestPaths.SampleCustomers);
        var products = await ProductLoader.LoadAsync(TestPaths.SampleProducts);
        var transactions = await TransactionLoader.LoadAsync(TestPaths.SampleTransactions);

        Assert.Equal(Infrastructure.Seed.Customers, customers.Rows);
        Assert.Equal(Infrastructure.Seed.Products, products.Rows);
        Assert.Equal(Infrastructure.Seed.Transactions, transactions.Rows);
    }

    [Fact]
    public async Task LoadIntoAsync_SampleCsv_GivesTheSeedRevenue()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomers(Infrastructure.Seed.Customers).AddProducts(Infrastructure.Seed.Products);

        var report = await TransactionLoader.LoadIntoAsync(builder, TestPaths.SampleTransactions);

        Assert.Equal(7, report.RowsLoaded);
        Assert.Equal(1474.92m, KpiCalculator.Overall(builder.Build()).Revenue);
    }

    [Fact]
    public void Load_GzippedFile_ReadThroughGzipByExtension()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            using var source = File.OpenRead(TestPaths.SampleCustomers);
            source.CopyTo(gzip);
        }

        using var file = LoaderTestData.File("customers.csv.gz", compressed.ToArray());
        var result = CustomerLoader.Load(file.Path);

        Assert.Equal(Infrastructure.Seed.Customers, result.Rows);
    }

    [Fact]
    public void Load_TextReader_ReadsRows()
    {
        using var reader = new StringReader("product_id,category,price,name\nP1,Books,12.5,\"Dune, the novel\"\n");

        var result = ProductLoader.Load(reader, "inline");

        Assert.Equal(new[] { new Product("P1", "Books", 12.50m, "Dune, the novel") }, result.Rows);
    }

    [Fact]
    public void Load_Stream_LeavesItOpen()
    {
        using var stream = LoaderTestData.Utf8("customer_id,segment\nC1,SMB\n");

        var result = CustomerLoader.Load(stream, "inline.csv");

        Assert.Equal(new[] { new Customer("C1", "SMB") }, result.Rows);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void OrderLinesLoader_LoadInto_FillsTheThreeTables()
    {
        const string Csv = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            "536365","85123A","WHITE HANGING HEART",6,"2010-12-01 08:26:00",2.55,17850,"United Kingdom"
            "536365","71053","WHITE METAL LANTERN",6,"2010-12-01 08:26:00",3.39,17850,"United Kingdom"
            "536366","85123A","",2,"2010-12-01 08:28:00",2.55,,"United Kingdom"
            "C536379","71053","WHITE METAL LANTERN",-1,"2010-12-01 09:41:00",3.39,14527,"France"
            """;
        var builder = new EnrichedDatasetBuilder();
        using var stream = LoaderTestData.Utf8(Csv);

        var report = OrderLinesLoader.LoadInto(builder, stream, "retail.csv", options: LoaderTestData.Lenient with { TransactionColumns = TransactionColumns.OnlineRetail });
        var dataset = builder.Build();

        Assert.Equal((4L, 3L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsRejected));
        var problem = Assert.Single(report.Diagnostics);
        Assert.Equal((4L, "CustomerID", "the customer id is empty"), (problem.Line, problem.Column, problem.Problem));
        Assert.Equal([new Customer("17850", "United Kingdom"), new Customer("14527", "France")], dataset.Customers);
        Assert.Equal([new Product("85123A", "Unknown", null, "WHITE HANGING HEART"), new Product("71053", "Unknown", null, "WHITE METAL LANTERN")], dataset.Products);
        Assert.Equal(2, dataset.OrderCount);
        Assert.Equal(15.30m + 20.34m - 3.39m, KpiCalculator.Overall(dataset).Revenue);
    }
}
