using CustomerAnalytics.Kpis;
using CustomerAnalytics.Sql.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests;

public sealed class PostgresEquivalenceTests
{
    [PostgresFact]
    public async Task Seed_EveryKpi_EqualsInMemory()
    {
        await using var connection = await PostgresDatabase.OpenAsync(CsvTables.Seed, "ca_seed");
        await Equivalence.AssertAllAsync(connection, InSchema("ca_seed"), SqlDialect.PostgreSql, CsvTables.Seed.Dataset());
    }

    [PostgresFact]
    public async Task Generated100k_EveryKpi_EqualsInMemory()
    {
        var tables = GeneratedData.Shared;
        await using var connection = await PostgresDatabase.OpenAsync(tables, "ca_generated");
        await Equivalence.AssertAllAsync(connection, InSchema("ca_generated"), SqlDialect.PostgreSql, tables.Dataset());
    }

    [PostgresFact]
    public async Task KeptOnlyOrders_OrdersWithoutAKeptLine_AreNotCounted()
    {
        var tables = KeptOrdersData.Write();
        await using var connection = await PostgresDatabase.OpenAsync(tables, "ca_kept");
        var kpis = await SqlKpis.BindAsync(connection, InSchema("ca_kept"), SqlDialect.PostgreSql);

        Assert.Equal(new OverallKpis(2, 4, 4, 6, 20.49m, 5.12m), await kpis.Overall().ExecuteAsync(connection));
        await Equivalence.AssertAllAsync(connection, InSchema("ca_kept"), SqlDialect.PostgreSql, tables.Dataset());
    }

    private static SqlSource InSchema(string schema) => PostgresDatabase.InSchema(schema);
}
