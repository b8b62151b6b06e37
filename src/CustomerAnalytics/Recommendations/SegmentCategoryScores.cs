using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// What <see cref="SegmentAffinityRecommender"/> ranks by, per <see cref="SegmentAffinityOptions.Weight"/>: each segment's
/// Σ line value in each category and each product's Σ line value over the whole dataset (<see cref="RowAffinity"/>).
/// Revenue comes from the exact sums of <see cref="SalesStatistics"/>. Immutable once computed.
/// </summary>
internal sealed class SegmentCategoryScores
{
    private readonly SalesStatistics _statistics;
    private readonly double[] _segmentCategory;
    private readonly double[] _product;

    private SegmentCategoryScores(SalesStatistics statistics, double[] segmentCategory, double[] product)
    {
        _statistics = statistics;
        _segmentCategory = segmentCategory;
        _product = product;
    }

    /// <exception cref="InvalidOperationException"><paramref name="weight"/> is <see cref="AffinityWeight.Weight"/> and the dataset has no weights.</exception>
    public static SegmentCategoryScores Compute(SalesStatistics statistics, AffinityWeight weight)
    {
        var dataset = statistics.Dataset;
        if (weight == AffinityWeight.Revenue)
        {
            return new SegmentCategoryScores(
                statistics,
                Array.ConvertAll(statistics.SegmentCategoryRevenueUnits, units => (double)Money.ToDecimal(units)),
                Array.ConvertAll(statistics.ProductRevenueUnits, units => (double)Money.ToDecimal(units)));
        }

        // By weight every interaction counts, the sales and the other events (views, carts); same customers and products.
        dataset = weight == AffinityWeight.Weight ? dataset.Interactions : dataset;
        var rowAffinity = new RowAffinity(dataset, weight);
        var categoryCount = dataset.CategoryTable.Length;
        var segmentCategory = new double[dataset.SegmentTable.Length * categoryCount];
        var product = new double[dataset.ProductTable.Length];
        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var segmentOfCustomer = dataset.CustomerSegmentTable;
        var categoryOfProduct = dataset.ProductCategoryTable;
        for (var row = 0; row < products.Length; row++)
        {
            var value = rowAffinity.Of(row);
            var p = products[row];
            product[p] += value;
            segmentCategory[(segmentOfCustomer[customers[row]] * categoryCount) + categoryOfProduct[p]] += value;
        }

        return new SegmentCategoryScores(statistics, segmentCategory, product);
    }

    /// <summary>The segment's Σ value in the category.</summary>
    public double Of(int segment, int category) => _segmentCategory[(segment * _statistics.Dataset.CategoryTable.Length) + category];

    /// <summary>The segment's categories with a positive value, highest first, ties by category (ordinal).</summary>
    public int[] RankCategories(int segment)
    {
        var names = _statistics.Dataset.CategoryTable;
        return Rank(_segmentCategory.AsSpan(segment * names.Length, names.Length), c => names[c]);
    }

    /// <summary>The products with a positive value over the whole dataset, highest first, ties by product id (ordinal).</summary>
    public int[] RankProducts()
    {
        var products = _statistics.Dataset.ProductTable;
        return Rank(_product, p => products[p].Id);
    }

    private static int[] Rank(ReadOnlySpan<double> values, Func<int, string> name)
    {
        var result = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0)
            {
                result.Add(i);
            }
        }

        var copy = values.ToArray();
        result.Sort((a, b) => copy[b].CompareTo(copy[a]) is var c && c != 0 ? c : string.CompareOrdinal(name(a), name(b)));
        return [.. result];
    }
}
