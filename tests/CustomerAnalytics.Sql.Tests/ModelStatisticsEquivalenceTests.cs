using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Sql.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests;

public sealed class ModelStatisticsEquivalenceTests
{
    /// <summary>The seed, the generated 100k set (unknown customers and products, unpriced lines, returns, ties) and the lines left out for every reason.</summary>
    public static TheoryData<string> DataSets() => ["seed", "generated", "kept"];

    [Theory]
    [MemberData(nameof(DataSets))]
    public async Task DuckDb_ModelsEqualInMemory(string dataSet)
    {
        var tables = Tables(dataSet);
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        await ModelEquivalence.AssertAllAsync(connection, SqlSource.Default, SqlDialect.DuckDb, tables.Dataset());
    }

    [Fact]
    public async Task DuckDb_Seed_StatisticsAreTheHandWorkedFigures()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var statistics = await kpis.ModelStatistics().ExecuteAsync(connection);
        var model = new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Buyers }).Fit(statistics);

        Assert.Equal(["C001", "C002", "C003", "C004"], statistics.Customers.Select(c => c.Id));
        Assert.Equal(
            [
                new Recommendation("P100", 1, 3.0, "top seller: 3 buyers, 6 units, 119.94 revenue"),
                new Recommendation("P200", 2, 2.0, "top seller: 2 buyers, 4 units, 796.00 revenue"),
                new Recommendation("P300", 3, 1.0, "top seller: 1 buyer, 1 unit, 499.00 revenue"),
                new Recommendation("P400", 4, 1.0, "top seller: 1 buyer, 2 units, 59.98 revenue"),
            ],
            model.Recommend("C004", new RecommendationRequest { ExcludePurchased = false }).ToArray());
        Assert.Equal(["P300"], new SegmentAffinityRecommender().Fit(statistics).Recommend("C003").Select(r => r.ProductId).Take(1));
    }

    [Fact]
    public async Task DuckDb_Empty_StatisticsHaveNoCustomersAndModelsRecommendNothing()
    {
        var tables = KeptOrdersData.WriteHeadersOnly();
        await using var connection = await DuckDbDatabase.OpenAsync(tables);
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb);

        var statistics = await kpis.ModelStatistics().ExecuteAsync(connection);

        Assert.Empty(statistics.Customers);
        Assert.Empty(statistics.Products);
        Assert.Empty(new PopularityRecommender().Fit(statistics).Recommend("NOBODY"));
    }

    [Fact]
    public void ToSql_BothDialects_OneStatementWithoutParametersReadingTheKeptLines()
    {
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            var query = SqlKpis.Create(SqlSource.Default, dialect).ModelStatistics();

            Assert.Empty(query.Parameters);
            Assert.Contains("kept AS (SELECT * FROM lines WHERE revenue IS NOT NULL)", query.ToSql(), StringComparison.Ordinal);
            Assert.Contains("GROUP BY customer_id, product_id", query.ToSql(), StringComparison.Ordinal);
            Assert.EndsWith(dialect == SqlDialect.DuckDb ? "ORDER BY s.kind, s.a, s.b" : "ORDER BY s.kind, s.a COLLATE \"C\", s.b COLLATE \"C\"", query.ToSql(), StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task Postgres_EveryDataSet_ModelsEqualInMemory()
    {
        foreach (var dataSet in new[] { "seed", "generated", "kept" })
        {
            var tables = Tables(dataSet);
            await using var connection = await PostgresDatabase.OpenAsync(tables, "ca_model_" + dataSet);
            await ModelEquivalence.AssertAllAsync(connection, PostgresDatabase.InSchema("ca_model_" + dataSet), SqlDialect.PostgreSql, tables.Dataset());
        }
    }

    private static CsvTables Tables(string dataSet) => dataSet switch
    {
        "seed" => CsvTables.Seed,
        "generated" => GeneratedData.Shared,
        _ => KeptOrdersData.Write(),
    };
}
