using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// What <see cref="PopularityRecommender"/> fits from, without the transactions: the products with their sales and
/// the customers with the products they bought. Computed from an <see cref="EnrichedDataset"/>
/// (<see cref="Compute"/>) or given as figures computed elsewhere, for example by a database
/// (<see cref="Create"/>); a model fitted from either is the same as one fitted from the dataset. Immutable and
/// thread-safe; see <c>docs/recommenders.md</c>.
/// </summary>
public sealed class RecommenderStatistics
{
    private RecommenderStatistics(SalesStatistics sales) => Sales = sales;

    /// <summary>The customers, in the order <see cref="IRecommenderModel.RecommendAll(RecommendationRequest?)"/> lists them.</summary>
    public IReadOnlyList<Customer> Customers => Sales.Dataset.CustomerTable;

    /// <summary>The products, in the order they were given.</summary>
    public IReadOnlyList<Product> Products => Sales.Dataset.ProductTable;

    /// <summary>The figures and the row-less dataset (customers, products, purchases) the models keep.</summary>
    internal SalesStatistics Sales { get; }

    /// <summary>The statistics of a dataset: its customers and products in its order, their sales and purchases.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public static RecommenderStatistics Compute(EnrichedDataset dataset) => new(SalesStatistics.Compute(dataset));

    /// <summary>Statistics from figures computed elsewhere (for example by <c>SqlModelStatistics</c>).</summary>
    /// <param name="products">Every product with its sales; a product may have none (all zero).</param>
    /// <param name="customers">Every customer with the products it bought, in the order recommendations list them.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException">A product or customer id repeats, a purchase names a product not in
    /// <paramref name="products"/>, or a revenue has more than four decimal places.</exception>
    public static RecommenderStatistics Create(IEnumerable<ProductSales> products, IEnumerable<CustomerProducts> customers)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(customers);
        var productList = products.ToArray();
        var customerList = customers.ToArray();
        var productIndex = IndexOf(productList, p => p.Product.Id, nameof(products), "product");
        IndexOf(customerList, c => c.Customer.Id, nameof(customers), "customer");
        var (categories, productCategories) = Table(productList, p => p.Product.Category);
        var (segments, customerSegments) = Table(customerList, c => c.Customer.Segment);
        var revenue = new Int128[productList.Length];
        for (var p = 0; p < productList.Length; p++)
        {
            revenue[p] = TryUnits(productList[p].Revenue, out var scaledRevenue) ? scaledRevenue : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The revenue {productList[p].Revenue} of product '{productList[p].Product.Id}' (products[{p}]) has more than {Money.Scale} decimal places; round it to {Money.Scale}."), nameof(products));
        }

        var offsets = new int[customerList.Length + 1];
        var bought = new List<int>();
        for (var c = 0; c < customerList.Length; c++)
        {
            var start = bought.Count;
            foreach (var id in customerList[c].PurchasedProductIds.Distinct(StringComparer.Ordinal))
            {
                bought.Add(productIndex.TryGetValue(id, out var p) ? p : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Customer '{customerList[c].Customer.Id}' (customers[{c}]) bought product '{id}', which is not in products; list every purchased product in products."), nameof(customers)));
            }

            bought.Sort(start, bought.Count - start, null);
            offsets[c + 1] = bought.Count;
        }

        var report = new EnrichmentReport { TransactionsRead = 0, TransactionsKept = 0, Counts = ImmutableSortedDictionary<EnrichmentIssueKind, int>.Empty, Issues = [] };
        var catalog = new EnrichedDataset([.. customerList.Select(c => c.Customer)], customerSegments, [.. productList.Select(p => p.Product)], productCategories, segments, categories, [], [], [], [], [], [], null, IdColumn.Texts([]), IdColumn.Texts([]), [], report);
        var units = Array.ConvertAll(productList, p => p.Units);
        var buyers = Array.ConvertAll(productList, p => p.Buyers);
        return new(new SalesStatistics(catalog, revenue, units, buyers, new Int128[segments.Length * categories.Length], CustomerPurchases.FromState(offsets, [.. bought])));
    }

    private static Dictionary<string, int> IndexOf<T>(T[] items, Func<T, string> id, string parameter, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(items[i], parameter);
            if (!index.TryAdd(id(items[i]), i))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The {what} id '{id(items[i])}' repeats in {parameter} (at {index[id(items[i])]} and {i}); give each {what} once."), parameter);
            }
        }

        return index;
    }

    /// <summary>The distinct values (ordinal order) and each item's index among them.</summary>
    private static (string[] Values, int[] IndexOfItem) Table<T>(T[] items, Func<T, string> value)
    {
        var values = items.Select(value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (values, Array.ConvertAll(items, item => Array.BinarySearch(values, value(item), StringComparer.Ordinal)));
    }

    private static bool TryUnits(decimal revenue, out Int128 units)
    {
        var scaled = revenue * Money.Factor;
        units = decimal.Truncate(scaled) == scaled ? (Int128)scaled : 0;
        return decimal.Truncate(scaled) == scaled;
    }
}
