using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Benchmarks.Evaluate;

/// <summary>A strategy under another name, so that variants of one strategy can share a comparison table.</summary>
internal sealed class NamedRecommender(string name, IRecommender inner) : IRecommender
{
    public string Name => name;

    public IRecommenderModel Fit(EnrichedDataset dataset) => inner.Fit(dataset);
}
