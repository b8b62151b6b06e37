using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Sql.Tests.Infrastructure;
using Npgsql;

namespace CustomerAnalytics.Sql.Tests;

/// <summary>The DbDataReader loader on PostgreSQL through Npgsql (NUMERIC, timestamptz, DATE, INTEGER); skipped without a server.</summary>
public sealed class PostgresDataReaderLoaderTests
{
    [PostgresFact]
    public async Task Seed_RecordsFromPostgres_EqualTheFileLoaders()
    {
        await using var connection = await PostgresDatabase.OpenAsync(CsvTables.Seed, "reader_seed");

        var customers = await ReadAsync(connection, "SELECT * FROM reader_seed.customers ORDER BY customer_id", r => DataReaderLoader.LoadCustomersAsync(r, "pg:customers"));
        var products = await ReadAsync(connection, "SELECT * FROM reader_seed.products ORDER BY product_id", r => DataReaderLoader.LoadProductsAsync(r, "pg:products"));
        var transactions = await ReadAsync(connection, "SELECT * FROM reader_seed.transactions ORDER BY txn_id::int", r => DataReaderLoader.LoadTransactionsAsync(r, "pg:transactions"));

        Assert.Equal<Customer>(CustomerLoader.Load(CsvTables.Seed.Customers).Rows, customers.Rows);
        Assert.Equal<Product>(ProductLoader.Load(CsvTables.Seed.Products).Rows, products.Rows);
        Assert.Equal<Transaction>(TransactionLoader.Load(CsvTables.Seed.Transactions).Rows, transactions.Rows);
    }

    [PostgresFact]
    public async Task Seed_StreamedIntoABuilder_GivesTheDocumentedOverallKpis()
    {
        await using var connection = await PostgresDatabase.OpenAsync(CsvTables.Seed, "reader_builder");
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers((await ReadAsync(connection, "SELECT * FROM reader_builder.customers", r => DataReaderLoader.LoadCustomersAsync(r, "pg:customers"))).Rows)
            .AddProducts((await ReadAsync(connection, "SELECT * FROM reader_builder.products", r => DataReaderLoader.LoadProductsAsync(r, "pg:products"))).Rows);

        var report = await ReadAsync(connection, "SELECT * FROM reader_builder.transactions", r => DataReaderLoader.LoadTransactionsIntoAsync(builder, r, "pg:transactions"));

        Assert.Equal(7, report.RowsLoaded);
        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), KpiCalculator.Overall(builder.Build()));
    }

    [PostgresFact]
    public async Task Strict_NullCustomer_IsReportedWithRowAndColumn()
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        const string Sql = """
            SELECT * FROM (VALUES ('C1', 'P1', 1, TIMESTAMPTZ '2024-03-01 10:00:00+00'), (NULL, 'P1', 1, TIMESTAMPTZ '2024-03-02 10:00:00+00'))
                AS t(customer_id, product_id, qty, ts)
            """;

        var error = await Assert.ThrowsAsync<DataLoadException>(() => ReadAsync(connection, Sql, r => DataReaderLoader.LoadTransactionsAsync(r, "pg:bad")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(("pg:bad", 2L, "customer_id", "the customer id is empty"), (diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Problem));
    }

    private static async Task<T> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, Task<T>> load)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await load(reader);
    }
}
