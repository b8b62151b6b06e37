using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Hosting.Tests.Infrastructure;

/// <summary>Popularity under the name <c>counting</c>, counting its fits.</summary>
public sealed class CountingRecommender : IRecommender
{
    private int _fits;

    public string Name => "counting";

    public int Fits => Volatile.Read(ref _fits);

    public IRecommenderModel Fit(EnrichedDataset dataset)
    {
        Interlocked.Increment(ref _fits);
        return new PopularityRecommender().Fit(dataset);
    }
}
