using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;

namespace RecommendationService.Hosting;

/// <summary>
/// Products related to a product: the best sellers (by revenue, <see cref="KpiCalculator.Products"/>) of the same
/// category, the product itself left out. Computed once per model.
/// </summary>
internal sealed class RelatedProducts
{
    /// <summary>The method name responses report.</summary>
    public const string Method = "same-category-best-sellers";

    private readonly Dictionary<string, ImmutableArray<ProductKpi>> _byCategory;

    public RelatedProducts(EnrichedDataset dataset)
    {
        _byCategory = KpiCalculator.Products(dataset)
            .GroupBy(p => p.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Up to <paramref name="count"/> products of <paramref name="category"/> other than <paramref name="productId"/>, best first.</summary>
    public ImmutableArray<RelatedProduct> For(string productId, string category, int count)
    {
        if (!_byCategory.TryGetValue(category, out var ranked))
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<RelatedProduct>(Math.Min(count, ranked.Length));
        foreach (var product in ranked)
        {
            if (result.Count == count)
            {
                break;
            }

            if (!string.Equals(product.ProductId, productId, StringComparison.Ordinal))
            {
                result.Add(new RelatedProduct(product.ProductId, result.Count + 1, (double)product.Revenue, $"best seller in the same category, {category}"));
            }
        }

        return result.ToImmutable();
    }
}

/// <summary>A product related to another.</summary>
/// <param name="ProductId">The related product.</param>
/// <param name="Rank">1 for the most related, then 2, 3, ….</param>
/// <param name="Score">The method's score (for same-category best sellers: the product's revenue).</param>
/// <param name="Reason">Why it is related.</param>
public sealed record RelatedProduct(string ProductId, int Rank, double Score, string Reason);
