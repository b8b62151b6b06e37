using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Sql;
using DuckDB.NET.Data;

// A host that consumes CustomerAnalytics.Sql by version: the same three lines in DuckDB and in memory, the same KPIs.
await using var connection = new DuckDBConnection("Data Source=:memory:");
await connection.OpenAsync();
using (var command = connection.CreateCommand())
{
    command.CommandText = """
        CREATE TABLE customers (customer_id VARCHAR PRIMARY KEY, segment VARCHAR);
        CREATE TABLE products (product_id VARCHAR PRIMARY KEY, category VARCHAR, price DECIMAL(18,2));
        CREATE TABLE transactions (txn_id VARCHAR, customer_id VARCHAR, product_id VARCHAR, qty INTEGER, ts TIMESTAMPTZ);
        INSERT INTO customers VALUES ('C1', 'Retail'), ('C2', 'Wholesale');
        INSERT INTO products VALUES ('P1', 'Tea', 4.50), ('P2', 'Coffee', 12.00);
        INSERT INTO transactions VALUES ('1', 'C1', 'P1', 2, '2024-05-01 09:00:00Z'), ('2', 'C2', 'P2', 10, '2024-05-01 10:00:00Z'), ('3', 'C9', 'P1', 1, '2024-05-02 10:00:00Z');
        """;
    await command.ExecuteNonQueryAsync();
}

var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
var overall = await kpis.Overall().ExecuteAsync(connection);
var segments = await kpis.BySegment().ExecuteAsync(connection);

var dataset = new EnrichedDatasetBuilder()
    .AddCustomers([new Customer("C1", "Retail"), new Customer("C2", "Wholesale")])
    .AddProducts([new Product("P1", "Tea", 4.50m), new Product("P2", "Coffee", 12.00m)])
    .AddTransactions([
        new Transaction("1", "C1", "P1", 2, DateTimeOffset.Parse("2024-05-01T09:00:00Z", CultureInfo.InvariantCulture)),
        new Transaction("2", "C2", "P2", 10, DateTimeOffset.Parse("2024-05-01T10:00:00Z", CultureInfo.InvariantCulture)),
        new Transaction("3", "C9", "P1", 1, DateTimeOffset.Parse("2024-05-02T10:00:00Z", CultureInfo.InvariantCulture)),
    ])
    .Build();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb: customers={overall.Customers} transactions={overall.Transactions} revenue={overall.Revenue}"));
return overall == KpiCalculator.Overall(dataset) && segments.SequenceEqual(KpiCalculator.BySegment(dataset)) && overall.Revenue == 129.00m ? 0 : 1;
