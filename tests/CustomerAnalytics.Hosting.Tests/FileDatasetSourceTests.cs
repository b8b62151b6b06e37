using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Hosting.Tests;

/// <summary>The files source: the tool's files, columns and options, from configuration.</summary>
public sealed class FileDatasetSourceTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ca-hosting-");

    [Fact]
    public async Task DataDirectory_SeedLoadedWithAccountPerInput()
    {
        await using var host = await TestHost.StartAsync(CustomerAnalyticsOptionsTests.Settings(("DataDirectory", "samples/data")), files: true);

        var snapshot = host.Store.Current!;

        Assert.Equal("customers.csv, products.csv, transactions.csv", snapshot.Source);
        Assert.Equal((7, 4), (snapshot.Dataset.TransactionCount, snapshot.Dataset.Customers.Count));
        Assert.Equal(["customers", "products", "transactions"], snapshot.Account.Inputs.Select(i => i.Role));
        Assert.True(snapshot.Account.AddsUp());
    }

    [Fact]
    public async Task Columns_MapTheTransactionsFileOfThreeFiles()
    {
        CopySeed("customers.csv", "products.csv");
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "transactions.csv"), "line,household,item,units,day,sales_value\n1,C001,P100,2,2024-03-01,5.00\n2,C002,P200,1,2024-03-02,199.00\n");

        await using var host = await TestHost.StartAsync(
            CustomerAnalyticsOptionsTests.Settings(
                ("DataDirectory", _folder.FullName),
                ("Columns:id", "line"),
                ("Columns:customer", "household"),
                ("Columns:product", "item"),
                ("Columns:quantity", "units"),
                ("Columns:timestamp", "day"),
                ("Columns:total", "sales_value")),
            files: true);

        var dataset = host.Store.Current!.Dataset;
        Assert.Equal(2, dataset.TransactionCount);
        Assert.Equal(204.00m, CustomerAnalytics.Kpis.KpiCalculator.Overall(dataset).Revenue);
    }

    [Fact]
    public async Task OrderLines_WinOverDataDirectory()
    {
        var file = Path.Combine(_folder.FullName, "lines.csv");
        await File.WriteAllTextAsync(file, "order_id,customer_id,product_id,qty,ts,unit_price,segment,category\nO1,A,X,2,2024-01-05,1.50,Retail,Toys\nO1,A,Y,1,2024-01-05,10.00,Retail,Games\n");

        await using var host = await TestHost.StartAsync(CustomerAnalyticsOptionsTests.Settings(("DataDirectory", "samples/data"), ("OrderLinesPath", file)), files: true);

        Assert.Equal(("lines.csv", 2), (host.Store.Current!.Source, host.Store.Current.Dataset.TransactionCount));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FailedReload_FileNamesAndNoValuesUnlessDetailsEnabled(bool details)
    {
        CopySeed("customers.csv", "products.csv", "transactions.csv");
        await using var host = await TestHost.StartAsync(
            CustomerAnalyticsOptionsTests.Settings(("DataDirectory", _folder.FullName), ("Diagnostics:IncludeDetails", details ? "true" : "false")),
            files: true);
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "transactions.csv"), "txn_id,customer_id,product_id,qty,ts\n1,C001,P100,secret-42,2024-03-01\n");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Store.ReloadAsync());
        var health = await host.HealthAsync();
        var text = error.Message + health.Description + health.Data["source"];

        Assert.Equal(details, text.Contains(_folder.FullName, StringComparison.Ordinal));
        Assert.Equal(details, text.Contains("secret-42", StringComparison.Ordinal));
        if (!details)
        {
            Assert.Equal(
                "1 problem found while loading 'transactions.csv'. Load with LoadOptions { Mode = LoadMode.Lenient } to keep the good rows and get these as diagnostics.\n"
                + "  transactions.csv(2): error, column 'qty': not a whole number; expected a whole number such as 3, or -1 for a return.",
                error.Message.ReplaceLineEndings("\n"));
            Assert.Equal("customers.csv, products.csv, transactions.csv", health.Data["source"]);
        }
    }

    [Fact]
    public async Task NoData_StartFailsSayingWhatToSet()
    {
        await using var host = TestHost.Create(CustomerAnalyticsOptionsTests.Settings(("DataDirectory", " ")), files: true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Host.StartAsync());

        Assert.Equal(
            "No data configured: set CustomerAnalytics:DataDirectory (a folder with customers.csv, products.csv and transactions.csv), "
            + "the three file paths, or CustomerAnalytics:OrderLinesPath; or register an IDatasetSource of your own.",
            error.Message);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private void CopySeed(params string[] files)
    {
        foreach (var file in files)
        {
            File.Copy(Path.Combine(TestPaths.SampleData, file), Path.Combine(_folder.FullName, file));
        }
    }
}
