using DuckDB.NET.Data;

namespace CustomerAnalytics.Cli.Tests;

/// <summary>samples/data as a DuckDB database file with the tables customers, products and transactions, typed as the loaders read them.</summary>
internal static class SampleDuckDb
{
    public static readonly string Data = Path.Combine(CustomerAnalytics.Tests.Infrastructure.TestPaths.RepositoryRoot, "samples", "data");

    public static async Task WriteAsync(string database)
    {
        await using var connection = new DuckDBConnection("Data Source=" + database);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $$"""
            CREATE TABLE customers AS SELECT * FROM read_csv('{{Data}}/customers.csv', header = true, columns = {'customer_id': 'VARCHAR', 'segment': 'VARCHAR', 'signup_date': 'DATE'});
            CREATE TABLE products AS SELECT * FROM read_csv('{{Data}}/products.csv', header = true, columns = {'product_id': 'VARCHAR', 'category': 'VARCHAR', 'price': 'DECIMAL(18,2)'});
            CREATE TABLE transactions AS SELECT * FROM read_csv('{{Data}}/transactions.csv', header = true, columns = {'txn_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'product_id': 'VARCHAR', 'qty': 'INTEGER', 'ts': 'TIMESTAMPTZ'});
            """;
        await command.ExecuteNonQueryAsync();
    }
}
