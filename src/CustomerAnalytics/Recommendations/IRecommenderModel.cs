using System.Collections.Immutable;

namespace CustomerAnalytics.Recommendations;

/// <summary>A fitted recommender: immutable, and safe to call from many threads at once.</summary>
public interface IRecommenderModel
{
    /// <summary>The name of the strategy that fitted the model.</summary>
    string StrategyName { get; }

    /// <summary>
    /// Recommends products for one customer. A customer the model has never seen gets the model's documented
    /// fallback (popularity, unless the strategy says otherwise), never an exception.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="request">What to recommend; <see langword="null"/> for <see cref="RecommendationRequest.Default"/>.</param>
    /// <returns>Up to <see cref="RecommendationRequest.Count"/> recommendations, best first, ranks 1, 2, ….</returns>
    ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null);

    /// <summary>Recommends for every customer of the dataset the model was fitted on, in the dataset's customer order.</summary>
    /// <param name="request">What to recommend; <see langword="null"/> for <see cref="RecommendationRequest.Default"/>.</param>
    /// <returns>One entry per customer.</returns>
#pragma warning disable RS0027 // The overload with a token is a default interface method: implementers keep this one unchanged.
    ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null);
#pragma warning restore RS0027

    /// <summary>Recommends for every customer as <see cref="RecommendAll(RecommendationRequest?)"/> does, checking
    /// <paramref name="cancellationToken"/> between chunks of customers (the library's models; a model that does not
    /// implement this overload is checked before it starts).</summary>
    /// <param name="request">The request every customer gets; <see langword="null"/> for <see cref="RecommendationRequest.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One entry per customer.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return RecommendAll(request);
    }
}
