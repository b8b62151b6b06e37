using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The original demo's three "recommendation" lists, which are the same for every customer: the top products by
/// revenue, the top categories by revenue, and each segment's top category. Computed by the same code that ranks
/// <see cref="PopularityRecommender"/> (by revenue) and <see cref="SegmentAffinityRecommender"/>.
/// </summary>
/// <param name="TopProducts">The products with the highest revenue, highest first, ties by product id (ordinal); only
/// products with positive revenue.</param>
/// <param name="TopCategories">The categories with the highest revenue, highest first, ties by category (ordinal);
/// only categories with positive revenue.</param>
/// <param name="TopCategoryBySegment">For each segment (A→Z, ordinal) that has a category with positive revenue, its
/// category with the highest revenue (ties by category).</param>
public sealed record GlobalRecommendations(
    ImmutableArray<ProductRevenue> TopProducts,
    ImmutableArray<CategoryRevenue> TopCategories,
    ImmutableArray<SegmentTopCategory> TopCategoryBySegment)
{
    /// <summary>Computes the three lists.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="count">How many products and how many categories at most.</param>
    /// <returns>The lists; empty for an empty dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <example>On the seed sample: products P200 796.00 (Software), P300 499.00 (Hardware), P100 119.94
    /// (Accessories), P400 59.98 (Accessories); categories Software 796.00, Hardware 499.00, Accessories 179.92;
    /// Consumer → Software 199.00, Enterprise → Software 597.00, SMB → Hardware 499.00.</example>
    public static GlobalRecommendations Compute(EnrichedDataset dataset, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var statistics = SalesStatistics.Compute(dataset, withPurchases: false);
        var categories = dataset.CategoryTable;
        var categoryOfProduct = dataset.ProductCategoryTable;

        var products = statistics.RankProducts(PopularityMeasure.Revenue);
        var topProducts = products.Take(count)
            .Select(p => new ProductRevenue(dataset.ProductTable[p].Id, categories[categoryOfProduct[p]], statistics.RevenueOf(p)))
            .ToImmutableArray();

        var topCategories = statistics.RankCategories(out var categoryRevenue).Take(count)
            .Select(c => new CategoryRevenue(categories[c], Internal.Money.ToDecimal(categoryRevenue[c])))
            .ToImmutableArray();

        var bySegment = ImmutableArray.CreateBuilder<SegmentTopCategory>();
        for (var segment = 0; segment < dataset.SegmentTable.Length; segment++)
        {
            if (statistics.RankCategories(segment) is [var top, ..])
            {
                bySegment.Add(new SegmentTopCategory(dataset.SegmentTable[segment], categories[top], statistics.RevenueOf(segment, top)));
            }
        }

        return new GlobalRecommendations(topProducts, topCategories, bySegment.ToImmutable());
    }
}
