using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A recommendation strategy. <see cref="Fit(EnrichedDataset)"/> learns from a dataset once and returns an immutable model that serves
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

    /// <summary>Fits the strategy as <see cref="Fit(EnrichedDataset)"/> does, checking <paramref name="cancellationToken"/>
    /// in the fit's long loops (the library's item co-occurrence and ALS strategies; the others, single passes, before
    /// and after).</summary>
    /// <param name="dataset">The data to learn from.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted, immutable model.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IRecommenderModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = Fit(dataset);
        cancellationToken.ThrowIfCancellationRequested();
        return model;
    }
}
