using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>Three CSV files (customers, products, transactions) loaded the same way into memory and into each database.</summary>
internal sealed record CsvTables(string Customers, string Products, string Transactions)
{
    /// <summary>The seed sample bundled with the repository.</summary>
    public static CsvTables Seed { get; } = new(TestPaths.SampleCustomers, TestPaths.SampleProducts, TestPaths.SampleTransactions);

    /// <summary>The SQL type of each column the test files have: ids as text, money as exact decimals.</summary>
    public static string SqlType(string column, SqlDialect dialect) => column switch
    {
        "qty" => "INTEGER",
        "price" or "unit_price" or "line_total" => dialect == SqlDialect.DuckDb ? "DECIMAL(18,2)" : "NUMERIC(18,2)",
        "signup_date" => "DATE",
        "ts" => "TIMESTAMPTZ",
        _ => "VARCHAR",
    };

    /// <summary>The columns of a file, from its header.</summary>
    public static string[] Columns(string path) => File.ReadLines(path).First().Split(',');

    /// <summary>The in-memory dataset: the file loaders and the builder with default options (unknown references rejected).</summary>
    public EnrichedDataset Dataset() => new EnrichedDatasetBuilder()
        .AddCustomers(CustomerLoader.Load(Customers).Rows)
        .AddProducts(ProductLoader.Load(Products).Rows)
        .AddTransactions(TransactionLoader.Load(Transactions).Rows)
        .Build();

    /// <summary>The (table, file) pairs.</summary>
    public IEnumerable<(string Table, string Path)> Files() => [("customers", Customers), ("products", Products), ("transactions", Transactions)];
}
