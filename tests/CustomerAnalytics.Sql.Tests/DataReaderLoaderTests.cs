using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Sql.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace CustomerAnalytics.Sql.Tests;

/// <summary>The DbDataReader loader on DuckDB (in process, typed columns: DECIMAL, TIMESTAMPTZ, DATE, INTEGER).</summary>
public sealed class DataReaderLoaderTests
{
    [Fact]
    public async Task Seed_RecordsFromDuckDb_EqualTheFileLoaders()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);

        var customers = Read(connection, "SELECT * FROM customers", r => DataReaderLoader.LoadCustomers(r, "db:customers"));
        var products = Read(connection, "SELECT * FROM products", r => DataReaderLoader.LoadProducts(r, "db:products"));
        var transactions = Read(connection, "SELECT * FROM transactions", r => DataReaderLoader.LoadTransactions(r, "db:transactions"));

        Assert.Equal<Customer>(CustomerLoader.Load(TestPathsSeed.Customers).Rows, customers.Rows);
        Assert.Equal<Product>(ProductLoader.Load(TestPathsSeed.Products).Rows, products.Rows);
        Assert.Equal<Transaction>(TransactionLoader.Load(TestPathsSeed.Transactions).Rows, transactions.Rows);
        Assert.Equal(new DateOnly(2024, 1, 10), customers.Rows[0].SignupDate);
        Assert.Equal(19.99m, products.Rows[0].ListPrice);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), transactions.Rows[0].Timestamp);
        Assert.Equal("db:transactions", transactions.Report.Source);
        Assert.Equal(7, transactions.Report.RowsLoaded);
    }

    [Fact]
    public async Task Seed_StreamedIntoABuilder_GivesTheDocumentedOverallKpis()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers(Read(connection, "SELECT * FROM customers", r => DataReaderLoader.LoadCustomers(r, "db:customers")).Rows)
            .AddProducts(Read(connection, "SELECT * FROM products", r => DataReaderLoader.LoadProducts(r, "db:products")).Rows);

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM transactions";
        await using var reader = await command.ExecuteReaderAsync();
        var report = await DataReaderLoader.LoadTransactionsIntoAsync(builder, reader, "db:transactions");
        var dataset = builder.Build();

        Assert.Equal(7, report.RowsLoaded);
        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), KpiCalculator.Overall(dataset));
    }

    [Fact]
    public async Task Strict_BadRows_ThrowOneErrorNamingSourceRowColumnAndValue()
    {
        await using var connection = await OpenAsync();
        var error = Assert.Throws<DataLoadException>(() => Read(connection, BadRows, r => DataReaderLoader.LoadTransactions(r, "db:bad")));

        Assert.Equal(2, error.TotalProblems);
        Assert.True(error.LenientModeWouldHelp);
        var empty = error.Diagnostics[0];
        Assert.Equal(("db:bad", 2L, "customer_id", "the customer id is empty"), (empty.Source, empty.Line, empty.Column, empty.Problem));
        var negative = error.Diagnostics[1];
        Assert.Equal(("db:bad", 3L, "unit_price", "-1.50", "the price is negative"), (negative.Source, negative.Line, negative.Column, negative.Value, negative.Problem));
    }

    [Fact]
    public async Task Lenient_BadRows_AreReportedAndTheGoodOnesKept()
    {
        await using var connection = await OpenAsync();
        var options = LoadOptions.Default with { Mode = LoadMode.Lenient };

        var result = Read(connection, BadRows, r => DataReaderLoader.LoadTransactions(r, "db:bad", options));

        Assert.Equal(new Transaction("T1", "C1", "P1", 2, new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), 9.99m, "O1"), Assert.Single(result.Rows));
        Assert.Equal((3L, 1L, 2L), (result.Report.RowsRead, result.Report.RowsLoaded, result.Report.RowsRejected));
        Assert.Equal([2L, 3L], result.Report.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public async Task MissingColumn_ThrowsNamingTheColumnMap()
    {
        await using var connection = await OpenAsync();
        var error = Assert.Throws<DataLoadException>(() => Read(connection, "SELECT 'C1' AS customer_id, 'P1' AS product_id, TIMESTAMPTZ '2024-03-01 10:00:00+00' AS ts", r => DataReaderLoader.LoadTransactions(r, "db:short")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("the required column 'qty' is missing; headers found: 'customer_id', 'product_id', 'ts'", diagnostic.Problem);
        Assert.Equal("Map your header: LoadOptions.TransactionColumns = TransactionColumns.Default with { Quantity = [\"your header\"] }.", diagnostic.Hint);
        Assert.False(error.LenientModeWouldHelp);
    }

    [Fact]
    public async Task ColumnMap_OtherColumnNames_AreFoundAsInAFile()
    {
        await using var connection = await OpenAsync();
        var options = LoadOptions.Default with { TransactionColumns = TransactionColumns.Default with { CustomerId = ["account"], Quantity = ["units"] } };

        var result = Read(connection, "SELECT 'C9' AS account, 'P1' AS product_id, 3 AS units, TIMESTAMPTZ '2024-03-01 10:00:00+00' AS ts", r => DataReaderLoader.LoadTransactions(r, "db:mapped", options));

        var row = Assert.Single(result.Rows);
        Assert.Equal(("C9", 3), (row.CustomerId, row.Quantity));
    }

    [Fact]
    public async Task TypedValues_AreReadExactly_AndAZonelessTimestampInTheSourceZone()
    {
        await using var connection = await OpenAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var options = LoadOptions.Default with { SourceTimeZone = zone };
        const string Sql = """
            SELECT 7::BIGINT AS txn_id, 'C1' AS customer_id, 'P1' AS product_id, 1::SMALLINT AS qty,
                   TIMESTAMP '2024-07-01 12:30:00' AS ts, 1234567.8912::DECIMAL(18, 4) AS unit_price, 42 AS order_id
            """;

        var row = Assert.Single(Read(connection, Sql, r => DataReaderLoader.LoadTransactions(r, "db:typed", options)).Rows);

        Assert.Equal(new Transaction("7", "C1", "P1", 1, new DateTimeOffset(2024, 7, 1, 12, 30, 0, TimeSpan.FromHours(2)), 1234567.8912m, "42"), row);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 10, 30, 0, TimeSpan.Zero), row.Timestamp.ToUniversalTime());
    }

    [Fact]
    public async Task TimestampWithTimeZone_KeepsItsInstant_WhateverTheSourceZone()
    {
        await using var connection = await OpenAsync();
        var options = LoadOptions.Default with { SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };
        const string Sql = "SELECT 'C1' AS customer_id, 'P1' AS product_id, 1 AS qty, TIMESTAMPTZ '2024-07-01 12:30:00+02' AS ts";

        var row = Assert.Single(Read(connection, Sql, r => DataReaderLoader.LoadTransactions(r, "db:tz", options)).Rows);

        Assert.Equal(new DateTime(2024, 7, 1, 10, 30, 0, DateTimeKind.Utc), row.Timestamp.UtcDateTime);
    }

    [Fact]
    public async Task TooManyDecimalPlaces_IsTheFileLoadersError_AndMoneyDecimalsRoundsIt()
    {
        await using var connection = await OpenAsync();
        const string Sql = "SELECT 'C1' AS customer_id, 'P1' AS product_id, 1 AS qty, TIMESTAMPTZ '2024-03-01 10:00:00+00' AS ts, 1.123456::DECIMAL(18, 6) AS unit_price";

        var error = Assert.Throws<DataLoadException>(() => Read(connection, Sql, r => DataReaderLoader.LoadTransactions(r, "db:precise")));
        var rounded = Read(connection, Sql, r => DataReaderLoader.LoadTransactions(r, "db:precise", LoadOptions.Default with { MoneyDecimals = 2 }));

        Assert.Equal(("unit_price", "1.123456", "more than 4 decimal places"), (error.Diagnostics[0].Column, error.Diagnostics[0].Value, error.Diagnostics[0].Problem));
        Assert.Equal(1.12m, Assert.Single(rounded.Rows).UnitPrice);
        Assert.Equal(1, rounded.Report.MoneyValuesRounded);
    }

    [Fact]
    public async Task OrderLines_FromOneQuery_FillTheThreeTables()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        const string Sql = """
            SELECT t.txn_id, t.customer_id, c.segment, t.product_id, p.category, t.qty, t.ts, p.price AS unit_price
            FROM transactions t JOIN customers c USING (customer_id) JOIN products p USING (product_id)
            """;
        var builder = new EnrichedDatasetBuilder();

        var report = Read(connection, Sql, r => DataReaderLoader.LoadOrderLinesInto(builder, r, "db:lines"));
        var dataset = builder.Build();

        Assert.Equal(7, report.RowsLoaded);
        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), KpiCalculator.Overall(dataset));
    }

    [Fact]
    public async Task Canceled_AsyncLoad_Throws()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM transactions";
        await using var reader = await command.ExecuteReaderAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DataReaderLoader.LoadTransactionsAsync(reader, "db:t", cancellationToken: new CancellationToken(canceled: true)));
    }

    /// <summary>Row 1 good, row 2 without a customer, row 3 with a negative price.</summary>
    private const string BadRows = """
        SELECT * FROM (VALUES
            ('T1', 'C1', 'P1', 2, TIMESTAMPTZ '2024-03-01 10:00:00+00', 9.99::DECIMAL(10, 2), 'O1'),
            ('T2', NULL, 'P1', 1, TIMESTAMPTZ '2024-03-02 10:00:00+00', 9.99::DECIMAL(10, 2), 'O2'),
            ('T3', 'C1', 'P2', 1, TIMESTAMPTZ '2024-03-03 10:00:00+00', -1.50::DECIMAL(10, 2), 'O3'))
            AS t(transaction_id, customer_id, product_id, qty, ts, unit_price, order_id)
        ORDER BY transaction_id
        """;

    private static async Task<DuckDBConnection> OpenAsync()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    private static T Read<T>(DbConnection connection, string sql, Func<DbDataReader, T> load)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return load(reader);
    }

    private static class TestPathsSeed
    {
        public static string Customers => CsvTables.Seed.Customers;

        public static string Products => CsvTables.Seed.Products;

        public static string Transactions => CsvTables.Seed.Transactions;
    }
}
