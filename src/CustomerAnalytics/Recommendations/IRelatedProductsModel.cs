using System.Collections.Immutable;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A fitted model that also answers "customers who bought this also bought": products related to one product, or to
/// an ad-hoc basket (the path for a customer the model has never seen). Immutable and thread-safe.
/// </summary>
public interface IRelatedProductsModel : IRecommenderModel
{
    /// <summary>The products most related to one product, best first; the product itself is never listed.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="request">How many, and the allow and deny lists; <see langword="null"/> for <see cref="RecommendationRequest.Default"/>.</param>
    /// <returns>Up to <see cref="RecommendationRequest.Count"/> products, ranks 1, 2, …; a product the model has never
    /// seen sold gets the model's fallback (popularity).</returns>
    ImmutableArray<Recommendation> RelatedTo(string productId, RecommendationRequest? request = null);

    /// <summary>
    /// The products most related to a basket, each basket product with affinity 1, best first. The basket's products
    /// are left out unless <see cref="RecommendationRequest.ExcludePurchased"/> is off. Unknown products are ignored; a
    /// basket with no known product gets the fallback (popularity).
    /// </summary>
    /// <param name="productIds">The basket's products.</param>
    /// <param name="request">What to recommend; <see langword="null"/> for <see cref="RecommendationRequest.Default"/>.</param>
    /// <returns>Up to <see cref="RecommendationRequest.Count"/> products, ranks 1, 2, ….</returns>
    ImmutableArray<Recommendation> RelatedToBasket(IEnumerable<string> productIds, RecommendationRequest? request = null);
}
