using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>The products of an ad-hoc basket that a dataset knows, for <see cref="IRelatedProductsModel.RelatedToBasket"/>.</summary>
internal static class BasketProducts
{
    /// <summary>The distinct indexes of the known products, ascending; unknown ids are ignored.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="productIds"/> or one of its ids is <see langword="null"/>.</exception>
    public static int[] KnownIndexes(EnrichedDataset dataset, IEnumerable<string> productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var basket = new SortedSet<int>();
        foreach (var id in productIds)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(productIds));
            if (dataset.TryGetProductIndex(id, out var product))
            {
                basket.Add(product);
            }
        }

        return [.. basket];
    }
}
