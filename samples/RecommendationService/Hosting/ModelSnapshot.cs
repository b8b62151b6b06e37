using CustomerAnalytics.Artifacts;
using System.Collections.Frozen;
using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Recommendations;

namespace RecommendationService.Hosting;

/// <summary>
/// Everything the service answers from, built together from one dataset and swapped as a whole: the dataset, one
/// fitted model per strategy, the KPI summary and the related-products lists. Immutable; a request reads one snapshot.
/// </summary>
internal sealed class ModelSnapshot
{
    private ModelSnapshot(long version, DateTimeOffset fittedAt, string source, EnrichedDataset dataset, RunAccount account, FrozenDictionary<string, IRecommenderModel> models, KpiSummary summary, IRelatedProductsModel related)
    {
        Version = version;
        FittedAt = fittedAt;
        Source = source;
        Dataset = dataset;
        Account = account;
        Models = models;
        Summary = summary;
        Related = related;
    }

    public long Version { get; }

    public DateTimeOffset FittedAt { get; }

    public string Source { get; }

    public EnrichedDataset Dataset { get; }

    /// <summary>Every input row of the dataset accounted for (read, loaded, rejected, kept, left out by reason).</summary>
    public RunAccount Account { get; }

    public FrozenDictionary<string, IRecommenderModel> Models { get; }

    public KpiSummary Summary { get; }

    /// <summary>Answers "customers who bought X also bought": the first registered strategy whose model can
    /// (item co-occurrence by default), else an <see cref="ItemCooccurrenceRecommender"/> fitted for the purpose.</summary>
    public IRelatedProductsModel Related { get; }

    public static ModelSnapshot Create(long version, DateTimeOffset fittedAt, string source, EnrichedDataset dataset, RunAccount account, IEnumerable<IRecommender> recommenders)
    {
        var models = new Dictionary<string, IRecommenderModel>(StringComparer.Ordinal);
        foreach (var recommender in recommenders)
        {
            if (!models.TryAdd(recommender.Name, recommender.Fit(dataset)))
            {
                throw new InvalidOperationException($"Two recommenders are named '{recommender.Name}'; strategy names must be unique.");
            }
        }

        var summary = new KpiSummary(
            version,
            fittedAt,
            KpiCalculator.Overall(dataset),
            KpiCalculator.BySegment(dataset),
            KpiCalculator.ByCategory(dataset),
            KpiCalculator.TopProducts(dataset, 10));
        var related = models.Values.OfType<IRelatedProductsModel>().FirstOrDefault() ?? new ItemCooccurrenceRecommender().Fit(dataset);
        return new ModelSnapshot(version, fittedAt, source, dataset, account, models.ToFrozenDictionary(StringComparer.Ordinal), summary, related);
    }
}

/// <summary>The body of <c>GET /kpis/summary</c>.</summary>
/// <param name="ModelVersion">The snapshot the figures come from.</param>
/// <param name="FittedAt">When that snapshot was built (UTC).</param>
/// <param name="Overall">The headline figures.</param>
/// <param name="BySegment">Revenue by segment, highest first.</param>
/// <param name="ByCategory">Revenue by category, highest first.</param>
/// <param name="TopProducts">The ten products with the highest revenue.</param>
public sealed record KpiSummary(long ModelVersion, DateTimeOffset FittedAt, OverallKpis Overall, ImmutableArray<GroupKpi> BySegment, ImmutableArray<GroupKpi> ByCategory, ImmutableArray<ProductKpi> TopProducts);
