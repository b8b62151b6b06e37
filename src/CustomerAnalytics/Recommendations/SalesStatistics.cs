using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The figures every baseline recommender and <see cref="GlobalRecommendations"/> rank by, computed in one pass over
/// the dataset's columns (plus one grouping of the rows by customer): per product revenue, units, net buyers and loaded weight, per
/// segment × category revenue, and what each customer bought. Immutable once computed.
/// </summary>
internal sealed class SalesStatistics
{
    private readonly CustomerPurchases? _purchases;
    private readonly int[]? _productBuyers;

    private SalesStatistics(EnrichedDataset dataset, bool withPurchases)
    {
        Dataset = dataset;
        var productCount = dataset.ProductTable.Length;
        var categoryCount = dataset.CategoryTable.Length;
        ProductRevenueUnits = new Int128[productCount];
        ProductUnits = new long[productCount];
        SegmentCategoryRevenueUnits = new Int128[dataset.SegmentTable.Length * categoryCount];
        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var quantities = dataset.QuantityColumn;
        var revenues = dataset.RevenueUnits;
        var segmentOfCustomer = dataset.CustomerSegmentTable;
        var categoryOfProduct = dataset.ProductCategoryTable;
        for (var row = 0; row < products.Length; row++)
        {
            var product = products[row];
            ProductRevenueUnits[product] += revenues[row];
            ProductUnits[product] += quantities[row];
            SegmentCategoryRevenueUnits[(segmentOfCustomer[customers[row]] * categoryCount) + categoryOfProduct[product]] += revenues[row];
        }

        ProductWeights = WeightsOf(dataset.Interactions, productCount);
        if (withPurchases)
        {
            _purchases = CustomerPurchases.Build(dataset, out var buyers);
            _productBuyers = buyers;
        }
    }

    /// <summary>Figures given as they are (from <see cref="RecommenderStatistics"/>), over a dataset without rows.</summary>
    internal SalesStatistics(EnrichedDataset catalog, Int128[] productRevenueUnits, long[] productUnits, int[] productBuyers, Int128[] segmentCategoryRevenueUnits, CustomerPurchases purchases)
    {
        Dataset = catalog;
        ProductRevenueUnits = productRevenueUnits;
        ProductUnits = productUnits;
        SegmentCategoryRevenueUnits = segmentCategoryRevenueUnits;
        _productBuyers = productBuyers;
        _purchases = purchases;
    }

    public EnrichedDataset Dataset { get; }

    /// <summary>Σ revenue units per product.</summary>
    public Int128[] ProductRevenueUnits { get; }

    /// <summary>Σ quantity per product.</summary>
    public long[] ProductUnits { get; }

    /// <summary>Σ loaded weight per product over <see cref="EnrichedDataset.Interactions"/> (a line without one adds nothing), or <see langword="null"/> when the dataset has no weights.</summary>
    public double[]? ProductWeights { get; }

    /// <summary>Customers whose net quantity of the product is positive, per product.</summary>
    public int[] ProductBuyers => _productBuyers ?? throw new InvalidOperationException("Computed without purchases.");

    /// <summary>Σ revenue units per (segment, category), at <c>segment × categoryCount + category</c>.</summary>
    public Int128[] SegmentCategoryRevenueUnits { get; }

    /// <summary>What each customer bought.</summary>
    public CustomerPurchases Purchases => _purchases ?? throw new InvalidOperationException("Computed without purchases.");

    /// <summary>Computes the figures; <paramref name="withPurchases"/> adds <see cref="Purchases"/> and <see cref="ProductBuyers"/>.</summary>
    public static SalesStatistics Compute(EnrichedDataset dataset, bool withPurchases = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new SalesStatistics(dataset, withPurchases);
    }

    /// <summary>A product's revenue as a decimal.</summary>
    public decimal RevenueOf(int product) => Money.ToDecimal(ProductRevenueUnits[product]);

    /// <summary>The revenue of a segment in a category as a decimal.</summary>
    public decimal RevenueOf(int segment, int category) =>
        Money.ToDecimal(SegmentCategoryRevenueUnits[(segment * Dataset.CategoryTable.Length) + category]);

    /// <summary>Products whose <paramref name="measure"/> is positive, highest first, ties by product id (ordinal).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="measure"/> is <see cref="PopularityMeasure.Weight"/> and the dataset has no weights.</exception>
    public int[] RankProducts(PopularityMeasure measure)
    {
        if (measure == PopularityMeasure.Weight && ProductWeights is null)
        {
            throw RowAffinity.NoWeights("The popularity measure is PopularityMeasure.Weight", "choose another PopularityMeasure");
        }

        var result = new List<int>();
        for (var p = 0; p < ProductRevenueUnits.Length; p++)
        {
            if (IsPositive(measure, p))
            {
                result.Add(p);
            }
        }

        var ids = Dataset.ProductTable;
        result.Sort((a, b) =>
        {
            var c = CompareDescending(measure, a, b);
            return c != 0 ? c : string.CompareOrdinal(ids[a].Id, ids[b].Id);
        });
        return [.. result];
    }

    /// <summary>A segment's categories with positive revenue, highest revenue first, ties by category (ordinal).</summary>
    public int[] RankCategories(int segment)
    {
        var categoryCount = Dataset.CategoryTable.Length;
        var revenue = SegmentCategoryRevenueUnits.AsSpan(segment * categoryCount, categoryCount).ToArray();
        return RankCategories(revenue);
    }

    /// <summary>All categories with positive revenue, highest revenue first, ties by category (ordinal).</summary>
    public int[] RankCategories(out Int128[] revenue)
    {
        var categoryCount = Dataset.CategoryTable.Length;
        revenue = new Int128[categoryCount];
        for (var i = 0; i < SegmentCategoryRevenueUnits.Length; i++)
        {
            revenue[i % categoryCount] += SegmentCategoryRevenueUnits[i];
        }

        return RankCategories(revenue);
    }

    /// <summary>A product's measure as a score.</summary>
    public double ScoreOf(PopularityMeasure measure, int product) => measure switch
    {
        PopularityMeasure.Units => ProductUnits[product],
        PopularityMeasure.Buyers => ProductBuyers[product],
        PopularityMeasure.Weight => ProductWeights![product],
        _ => (double)RevenueOf(product),
    };

    private int[] RankCategories(Int128[] revenue)
    {
        var result = new List<int>();
        for (var c = 0; c < revenue.Length; c++)
        {
            if (revenue[c] > 0)
            {
                result.Add(c);
            }
        }

        var names = Dataset.CategoryTable;
        result.Sort((a, b) => revenue[b].CompareTo(revenue[a]) is var c && c != 0 ? c : string.CompareOrdinal(names[a], names[b]));
        return [.. result];
    }

    /// <summary>Σ weight per product over every interaction (the sales and the other events), or <see langword="null"/> without weights.</summary>
    private static double[]? WeightsOf(EnrichedDataset interactions, int productCount)
    {
        if (!interactions.HasWeights)
        {
            return null;
        }

        var sums = new double[productCount];
        var affinity = new RowAffinity(interactions, AffinityWeight.Weight);
        var products = interactions.ProductColumn;
        for (var row = 0; row < products.Length; row++)
        {
            sums[products[row]] += affinity.Of(row);
        }

        return sums;
    }

    private bool IsPositive(PopularityMeasure measure, int p) => measure switch
    {
        PopularityMeasure.Units => ProductUnits[p] > 0,
        PopularityMeasure.Buyers => ProductBuyers[p] > 0,
        PopularityMeasure.Weight => ProductWeights![p] > 0,
        _ => ProductRevenueUnits[p] > 0,
    };

    private int CompareDescending(PopularityMeasure measure, int a, int b) => measure switch
    {
        PopularityMeasure.Units => ProductUnits[b].CompareTo(ProductUnits[a]),
        PopularityMeasure.Buyers => ProductBuyers[b].CompareTo(ProductBuyers[a]),
        PopularityMeasure.Weight => ProductWeights![b].CompareTo(ProductWeights[a]),
        _ => ProductRevenueUnits[b].CompareTo(ProductRevenueUnits[a]),
    };
}
