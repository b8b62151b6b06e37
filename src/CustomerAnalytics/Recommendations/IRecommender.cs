using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A recommendation strategy. <see cref="Fit"/> learns from a dataset once and returns an immutable model that serves
/// any number of concurrent callers.
/// </summary>
public interface IRecommender
{
    /// <summary>The strategy's name, as reports and artifacts show it (for example <c>popularity</c>).</summary>
    string Name { get; }

    /// <summary>Learns from a dataset.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <returns>The fitted model: immutable and thread-safe.</returns>
    IRecommenderModel Fit(EnrichedDataset dataset);
}
