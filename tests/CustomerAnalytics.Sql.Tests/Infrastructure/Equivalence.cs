using System.Collections.Immutable;
using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>Every pushed-down KPI against the in-memory calculator on the same data: records equal to the cent, lists equal in order.</summary>
internal static class Equivalence
{
    public static async Task AssertAllAsync(DbConnection connection, SqlSource source, SqlDialect dialect, EnrichedDataset dataset)
    {
        var kpis = await SqlKpis.BindAsync(connection, source, dialect);
        Assert.Equal(ExpectedOverall(dataset), await kpis.Overall().ExecuteAsync(connection));
        SameList(KpiCalculator.BySegment(dataset), await kpis.BySegment().ExecuteAsync(connection));
        SameList(KpiCalculator.ByCategory(dataset), await kpis.ByCategory().ExecuteAsync(connection));
        SameList(KpiCalculator.ByCustomer(dataset), await kpis.ByCustomer().ExecuteAsync(connection));
        foreach (var rankBy in Enum.GetValues<ProductRanking>())
        {
            SameList(KpiCalculator.Products(dataset, rankBy), await kpis.Products(rankBy).ExecuteAsync(connection));
            SameList(KpiCalculator.TopProducts(dataset, 10, rankBy), await kpis.TopProducts(10, rankBy).ExecuteAsync(connection));
        }

        Assert.Empty(await kpis.TopProducts(0).ExecuteAsync(connection));
    }

    /// <summary>The same records in the same order (an <see cref="ImmutableArray{T}"/> compares by reference, so as arrays).</summary>
    public static void SameList<T>(ImmutableArray<T> expected, ImmutableArray<T> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    /// <summary>
    /// The in-memory overall figures with orders counted over kept lines only (distinct orders among the dataset's rows),
    /// the definition the SQL implements; until the in-memory count follows it, an order whose every line was left out
    /// would still be counted there.
    /// </summary>
    public static OverallKpis ExpectedOverall(EnrichedDataset dataset)
    {
        var overall = KpiCalculator.Overall(dataset);
        var orders = dataset.OrderIndexes.ToArray().Distinct().Count();
        return overall with
        {
            Orders = orders,
            AverageOrderValue = orders == 0 ? 0m : Math.Round(overall.Revenue / orders, 2, MidpointRounding.AwayFromZero),
        };
    }
}
