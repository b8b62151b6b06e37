using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Sql.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests;

public sealed class DuckDbEquivalenceTests
{
    [Fact]
    public async Task Seed_EveryKpi_EqualsInMemory()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        await Equivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, CsvTables.Seed.Dataset());
    }

    [Fact]
    public async Task Seed_Overall_IsTheDocumentedFigures()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var overall = await kpis.Overall().ExecuteAsync(connection);

        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), overall);
        Assert.Equal("1474.92", overall.Revenue.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Generated100k_EveryKpi_EqualsInMemory()
    {
        var tables = GeneratedData.Shared;
        await using var connection = await DuckDbDatabase.OpenAsync(tables, schema: "shop");
        var source = SqlSource.Default with
        {
            Customers = SqlRelation.Table("shop.customers"),
            Products = SqlRelation.Table("shop.products"),
            Transactions = SqlRelation.Table("shop.transactions"),
        };

        await Equivalence.AssertAllAsync(connection, source, SqlDialect.DuckDb, tables.Dataset());
    }

    [Fact]
    public async Task Seed_CustomersFromAQueryWithOtherColumnNames_EveryKpiEqualsInMemory()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var source = SqlSource.Default with
        {
            Customers = SqlRelation.FromQuery("SELECT customer_id AS account, segment AS tier FROM customers"),
            CustomerColumns = CustomerColumns.Default with { Id = ["account"], Segment = ["tier"] },
        };

        await Equivalence.AssertAllAsync(connection, source, SqlDialect.DuckDb, CsvTables.Seed.Dataset());
    }

    [Fact]
    public async Task KeptOnlyOrders_OrdersWithoutAKeptLine_AreNotCounted()
    {
        var tables = KeptOrdersData.Write();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var overall = await kpis.Overall().ExecuteAsync(connection);

        Assert.Equal(new OverallKpis(2, 4, 4, 6, 20.49m, 5.12m), overall);
        await Equivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, tables.Dataset());
    }

    [Fact]
    public async Task Empty_OverallIsZeroAndListsAreEmpty_AsInMemory()
    {
        var tables = KeptOrdersData.WriteHeadersOnly();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
        var dataset = tables.Dataset();

        var overall = await kpis.Overall().ExecuteAsync(connection);

        Assert.Equal(new OverallKpis(0, 0, 0, 0, 0m, 0m), overall);
        Assert.Equal(KpiCalculator.Overall(dataset), overall);
        Assert.Empty(await kpis.BySegment().ExecuteAsync(connection));
        Assert.Empty(await kpis.ByCustomer().ExecuteAsync(connection));
        Assert.Empty(await kpis.TopProducts(5).ExecuteAsync(connection));
        Assert.Empty(KpiCalculator.BySegment(dataset));
    }

    [Fact]
    public async Task ClosedConnection_IsOpenedForTheCallAndClosedAgain()
    {
        var file = Path.Combine(TestFiles.Folder("closed"), $"seed-{Environment.ProcessId}.duckdb");
        File.Delete(file);
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed, dataSource: file);
        await connection.CloseAsync();

        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
        var overall = await kpis.Overall().ExecuteAsync(connection);

        Assert.Equal(1474.92m, overall.Revenue);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        await connection.DisposeAsync();
        File.Delete(file);
    }
}
