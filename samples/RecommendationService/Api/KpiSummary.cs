using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Kpis;

namespace RecommendationService.Api;

/// <summary>The body of <c>GET /kpis/summary</c>.</summary>
/// <param name="ModelVersion">The snapshot the figures come from.</param>
/// <param name="FittedAt">When that snapshot was built (UTC).</param>
/// <param name="Overall">The headline figures.</param>
/// <param name="BySegment">Revenue by segment, highest first.</param>
/// <param name="ByCategory">Revenue by category, highest first.</param>
/// <param name="TopProducts">The ten products with the highest revenue.</param>
public sealed record KpiSummary(long ModelVersion, DateTimeOffset FittedAt, OverallKpis Overall, ImmutableArray<GroupKpi> BySegment, ImmutableArray<GroupKpi> ByCategory, ImmutableArray<ProductKpi> TopProducts)
{
    /// <summary>The figures of one snapshot.</summary>
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

/// <summary>The KPI summary of each snapshot, computed once on first request and dropped with its snapshot.</summary>
internal sealed class KpiSummaries
{
    private readonly ConditionalWeakTable<ModelSnapshot, KpiSummary> _summaries = [];

    public KpiSummary For(ModelSnapshot snapshot) => _summaries.GetValue(snapshot, KpiSummary.Of);
}
