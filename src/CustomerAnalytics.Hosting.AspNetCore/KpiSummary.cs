using System.Collections.Immutable;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Hosting.AspNetCore;

/// <summary>The body of <c>GET /kpis/summary</c>. Money is written rounded to the cent (<c>1474.92</c>, <c>199.00</c>)
/// and <see cref="FittedAt"/> in UTC with a <c>Z</c>, as <c>/health</c> writes it.</summary>
/// <param name="ModelVersion">The snapshot the figures come from.</param>
/// <param name="FittedAt">When that snapshot was built (UTC).</param>
/// <param name="Overall">The headline figures.</param>
/// <param name="BySegment">Revenue by segment, highest first.</param>
/// <param name="ByCategory">Revenue by category, highest first.</param>
/// <param name="TopProducts">The ten products with the highest revenue.</param>
public sealed record KpiSummary(long ModelVersion, DateTimeOffset FittedAt, OverallKpis Overall, ImmutableArray<GroupKpi> BySegment, ImmutableArray<GroupKpi> ByCategory, ImmutableArray<ProductKpi> TopProducts)
{
    /// <summary>The figures of one snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>Its summary (exact amounts: the endpoint rounds them as it writes them).</returns>
    public static KpiSummary Of(ModelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var dataset = snapshot.Dataset;
        return new KpiSummary(
            snapshot.Version,
            snapshot.FittedAt,
            KpiCalculator.Overall(dataset),
            KpiCalculator.BySegment(dataset),
            KpiCalculator.ByCategory(dataset),
            KpiCalculator.TopProducts(dataset, 10));
    }
}
