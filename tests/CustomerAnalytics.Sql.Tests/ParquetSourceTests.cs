using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Sql.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace CustomerAnalytics.Sql.Tests;

/// <summary>Parquet files, written by DuckDB's <c>COPY … TO</c> from the seed, read back through <see cref="ParquetSource"/>.</summary>
public sealed class ParquetSourceTests
{
    [Fact]
    public async Task Seed_WrittenAsParquet_LoadsTheSameRecordsAndKpis()
    {
        var folder = TestFiles.Folder("parquet-" + Guid.NewGuid().ToString("N"));
        await using (var writer = await DuckDbDatabase.OpenAsync(CsvTables.Seed))
        {
            foreach (var (table, _) in CsvTables.Seed.Files())
            {
                await DuckDbDatabase.ExecuteAsync(writer, $"COPY (SELECT * FROM {table} ORDER BY 1) TO '{Path.Combine(folder, table + ".parquet")}' (FORMAT parquet)");
            }
        }

        await using var duckDb = new DuckDBConnection("Data Source=:memory:");
        var customers = await ParquetSource.LoadCustomersAsync(duckDb, Path.Combine(folder, "customers.parquet"));
        var products = await ParquetSource.LoadProductsAsync(duckDb, Path.Combine(folder, "products.parquet"));
        var builder = new EnrichedDatasetBuilder().AddCustomers(customers.Rows).AddProducts(products.Rows);
        var report = await ParquetSource.LoadTransactionsIntoAsync(builder, duckDb, Path.Combine(folder, "transactions.parquet"));

        Assert.Equal<Customer>(CustomerLoader.Load(CsvTables.Seed.Customers).Rows, customers.Rows);
        Assert.Equal<Product>(ProductLoader.Load(CsvTables.Seed.Products).Rows, products.Rows);
        Assert.Equal((7L, Path.Combine(folder, "transactions.parquet")), (report.RowsLoaded, report.Source));
        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), KpiCalculator.Overall(builder.Build()));
    }

    [Fact]
    public async Task BadRow_InAParquetFile_IsReportedWithThePathAndRow()
    {
        var path = Path.Combine(TestFiles.Folder("parquet-bad"), Guid.NewGuid().ToString("N") + ".parquet");
        await using var duckDb = new DuckDBConnection("Data Source=:memory:");
        await duckDb.OpenAsync();
        await DuckDbDatabase.ExecuteAsync(duckDb, $"COPY (SELECT * FROM (VALUES ('C1', 'P1', 1, TIMESTAMPTZ '2024-03-01 10:00:00+00'), ('C2', 'P1', NULL, TIMESTAMPTZ '2024-03-02 10:00:00+00')) AS t(customer_id, product_id, qty, ts)) TO '{path}' (FORMAT parquet)");

        var error = await Assert.ThrowsAsync<DataLoadException>(() => ParquetSource.LoadTransactionsIntoAsync(new EnrichedDatasetBuilder(), duckDb, path));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((path, 2L, "qty", "the quantity is empty"), (diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Problem));
    }
}
