using CustomerAnalytics.Kpis;
using CustomerAnalytics.Sql.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests;

/// <summary>Time series, purchases and cohorts pushed down, equal to <see cref="CustomerKpiCalculator"/> on DuckDB and PostgreSQL.</summary>
public sealed class CustomerKpiEquivalenceTests
{
    [Fact]
    public async Task DuckDb_Seed_EqualsInMemory()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        await CustomerEquivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, CsvTables.Seed.Dataset());
    }

    [Fact]
    public async Task DuckDb_Generated100k_EqualsInMemory()
    {
        var tables = GeneratedData.Shared;
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        await CustomerEquivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, tables.Dataset());
    }

    [Fact]
    public async Task DuckDb_KeptOnlyOrders_EqualsInMemory()
    {
        var tables = KeptOrdersData.Write();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        await CustomerEquivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, tables.Dataset());
    }

    [Fact]
    public async Task DuckDb_Empty_PurchasesAreZeroAndSeriesEmpty_AsInMemory()
    {
        var tables = KeptOrdersData.WriteHeadersOnly();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
        var dataset = tables.Dataset();

        Assert.Equal(new PurchaseKpis(0, 0, 0, 0, 0, 0m, 0m, 0, 0m, 0), await kpis.Purchases().ExecuteAsync(connection));
        Assert.Equal(CustomerKpiCalculator.Purchases(dataset), await kpis.Purchases().ExecuteAsync(connection));
        Assert.Empty(await kpis.ByPeriod(new TimeSeriesOptions { TimeZone = CustomerEquivalence.Zones[1] }).ExecuteAsync(connection));
        Assert.Empty(await kpis.Cohorts().ExecuteAsync(connection));
        Assert.Empty(CustomerKpiCalculator.ByPeriod(dataset));
    }

    [PostgresFact]
    public async Task Postgres_Seed_EqualsInMemory()
    {
        await using var connection = await PostgresDatabase.OpenAsync(CsvTables.Seed, "ca_customer_seed");
        await CustomerEquivalence.AssertAllAsync(connection, PostgresDatabase.InSchema("ca_customer_seed"), SqlDialect.PostgreSql, CsvTables.Seed.Dataset());
    }

    [PostgresFact]
    public async Task Postgres_Generated100k_EqualsInMemory()
    {
        var tables = GeneratedData.Shared;
        await using var connection = await PostgresDatabase.OpenAsync(tables, "ca_customer_generated");
        await CustomerEquivalence.AssertAllAsync(connection, PostgresDatabase.InSchema("ca_customer_generated"), SqlDialect.PostgreSql, tables.Dataset());
    }

    [Fact]
    public async Task ByPeriod_OrderAnHourAfterMidnightOnTheDayDaylightSavingEnds_IsOnTheLocalDay()
    {
        // 2024-11-03 04:30 UTC is 00:30 EDT on 3 November in New York (23:30 on 2 November at the winter offset).
        var tables = SingleOrder("2024-11-03T04:30:00Z");
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);
        var options = new TimeSeriesOptions { Period = KpiPeriod.Day, TimeZone = CustomerEquivalence.Zones[1] };

        var periods = await kpis.ByPeriod(options).ExecuteAsync(connection);

        Assert.Equal("2024-11-03", Assert.Single(periods).Period);
        Equivalence.SameList(CustomerKpiCalculator.ByPeriod(tables.Dataset(), options), periods);
    }

    [Fact]
    public void ByPeriod_TimeZoneOffsets_AreOneParameterNotText()
    {
        var options = new TimeSeriesOptions { Period = KpiPeriod.IsoWeek, TimeZone = CustomerEquivalence.Zones[1] };

        var query = SqlKpis.Create(SqlSource.Default, SqlDialect.PostgreSql).ByPeriod(options);

        Assert.Contains("string_to_array(CAST($1 AS VARCHAR), ';')", query.ToSql(), StringComparison.Ordinal);
        var segments = Assert.IsType<string>(Assert.Single(query.Parameters));
        Assert.Contains(",-18000000000;", segments, StringComparison.Ordinal);
        Assert.Contains(",-14400000000;", segments, StringComparison.Ordinal);
    }

    [Fact]
    public void ByPeriod_Utc_IsAFixedOffsetParameter()
    {
        var query = SqlKpis.Create(SqlSource.Default, SqlDialect.DuckDb).ByPeriod();

        Assert.Equal([0L], query.Parameters.ToArray());
        Assert.DoesNotContain("zone_segments", query.ToSql(), StringComparison.Ordinal);
    }

    [Fact]
    public void ByPeriod_NoTimestampColumn_ThrowsNamingTheProperty()
    {
        var source = SqlSource.Default with { TransactionColumns = Loading.TransactionColumns.Default with { Timestamp = [] } };

        var error = Assert.Throws<InvalidOperationException>(() => SqlKpis.Create(source, SqlDialect.DuckDb).ByPeriod());

        Assert.Equal("The transactions relation transactions has no timestamp column: looked for  (ignoring case); the time-based KPIs need one. Name it in SqlSource.TransactionColumns.Timestamp.", error.Message);
    }

    [Fact]
    public void Rfm_AnalysisDate_IsADayNumberParameterAfterTheOffset()
    {
        var query = SqlKpis.Create(SqlSource.Default, SqlDialect.PostgreSql).Rfm(new RfmOptions { AnalysisDate = new DateOnly(2024, 6, 30) });

        Assert.Equal([0L, 739_066L], query.Parameters.ToArray());
        Assert.Contains("SELECT CAST($2 AS BIGINT) AS day", query.ToSql(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rfm_KeptOnlyOrders_IsTheHandCalculation()
    {
        // C1: purchases O1 (1 March) and O6 (7 March), revenue 5.00 + 9.99; C2: purchase O5 (5 March, 8.00) and the
        // return of 6 March (-2.50). Analysis date 8 March (the day after the last order): recency 1 and 3 days.
        var tables = KeptOrdersData.Write();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var rfm = await kpis.Rfm().ExecuteAsync(connection);

        Assert.Equal(new DateOnly(2024, 3, 8), rfm.AnalysisDate);
        Assert.Equal(
            [
                new CustomerRfm("C1", new DateOnly(2024, 3, 7), 1, 2, 14.99m, 3, 3, 3, RfmSegment.NeedAttention),
                new CustomerRfm("C2", new DateOnly(2024, 3, 5), 3, 1, 5.50m, 1, 1, 1, RfmSegment.Hibernating),
            ],
            rfm.Customers.ToArray());
    }

    [Fact]
    public async Task BtydSummary_KeptOnlyOrders_IsTheHandCalculation()
    {
        // Calibration ends on the last order day, 7 March. C1: first purchase 1 March, one repeat day (7 March, 9.99).
        // C2: first purchase 5 March, then only a return (6 March): no repeat day, recency 0, T 2 days, monetary 0.
        var tables = KeptOrdersData.Write();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var summary = await kpis.BtydSummary(new Lifetime.BtydSummaryOptions { TimeUnit = Lifetime.LifetimeTimeUnit.Days }).ExecuteAsync(connection);

        Assert.Equal(new DateOnly(2024, 3, 7), summary.CalibrationEnd);
        Assert.Equal(
            [new Lifetime.CustomerSummary("C1", 1, 6, 6, 9.99m, 0, 0m), new Lifetime.CustomerSummary("C2", 0, 0, 2, 0m, 0, 0m)],
            [summary[0], summary[1]]);
        Assert.Equal(2, summary.Count);
    }

    private static CsvTables SingleOrder(string timestamp)
    {
        var directory = TestFiles.Folder("single-order-" + timestamp.Replace(':', '-'));
        var tables = new CsvTables(Path.Combine(directory, "customers.csv"), Path.Combine(directory, "products.csv"), Path.Combine(directory, "transactions.csv"));
        TestFiles.Write(tables.Customers, "customer_id,segment\nC1,Consumer\n");
        TestFiles.Write(tables.Products, "product_id,category,price\nP1,Tea,2.50\n");
        TestFiles.Write(tables.Transactions, $"txn_id,customer_id,product_id,qty,ts,unit_price,order_id,line_total\n1,C1,P1,2,{timestamp},,O1,\n");
        return tables;
    }
}
