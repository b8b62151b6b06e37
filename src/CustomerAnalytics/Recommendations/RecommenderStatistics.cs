using System.Collections.Immutable;
using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// What <see cref="PopularityRecommender"/> and <see cref="SegmentAffinityRecommender"/> fit from, without the
/// transactions: the products with their sales, the customers with the products they bought, and the revenue of each
/// segment in each category. Computed from an <see cref="EnrichedDataset"/> (<see cref="Compute"/>) or given as
/// figures computed elsewhere, for example by a database (<see cref="Create"/>); a model fitted from either is the same
/// as one fitted from the dataset. Immutable and thread-safe; see <c>docs/sql.md</c> ("Model statistics").
/// </summary>
/// <remarks>
/// Statistics from figures have no guest customer (<see cref="EnrichedDataset.GuestCustomer"/>): every customer given
/// is one to recommend to.
/// </remarks>
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

    /// <summary>Statistics from figures computed elsewhere (for example by <c>SqlKpis.ModelStatistics()</c>).</summary>
    /// <param name="products">Every product with its sales; a product may have none (all zero).</param>
    /// <param name="customers">Every customer with the products it bought, in the order recommendations list them.</param>
    /// <param name="segmentCategories">The revenue of each segment in each category; a pair not listed has none.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A product id, customer id or (segment, category) pair repeats; a purchase
    /// names a product not in <paramref name="products"/>; a pair names a segment no customer has or a category no
    /// product has; a revenue has more than four decimal places; or a product's buyers are negative or more than the customers. The message
    /// names the argument, the item's position and its value.</exception>
    public static RecommenderStatistics Create(IEnumerable<ProductSales> products, IEnumerable<CustomerProducts> customers, IEnumerable<SegmentCategoryRevenue> segmentCategories)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(segmentCategories);
        var productList = products.ToArray();
        var customerList = customers.ToArray();
        var pairs = segmentCategories.ToArray();
        var productIndex = IndexOf(productList, p => p.Product.Id, nameof(products), "product id");
        IndexOf(customerList, c => c.Customer.Id, nameof(customers), "customer id");
        IndexOf(pairs, s => s.Segment + "', '" + s.Category, nameof(segmentCategories), "(segment, category) pair");
        var (categories, productCategories) = Table(productList, p => p.Product.Category);
        var (segments, customerSegments) = Table(customerList, c => c.Customer.Segment);
        var catalog = new EnrichedDataset(
            [.. customerList.Select(c => c.Customer)], customerSegments, [.. productList.Select(p => p.Product)], productCategories, segments, categories,
            [], [], [], [], [], [], null, IdColumn.Texts([]), IdColumn.Texts([]), [], EmptyReport());
        return new(new SalesStatistics(
            catalog,
            ProductRevenue(productList),
            Array.ConvertAll(productList, p => p.Units),
            Buyers(productList, customerList.Length),
            SegmentCategoryUnits(pairs, segments, categories),
            Purchases(customerList, productIndex)));
    }

    private static Dictionary<string, int> IndexOf<T>(T[] items, Func<T, string> key, string parameter, string what)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentNullException(parameter, string.Create(CultureInfo.InvariantCulture, $"{parameter}[{i}] is null; give every item."));
            }

            if (!index.TryAdd(key(items[i]), i))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The {what} '{key(items[i])}' repeats in {parameter} (at {index[key(items[i])]} and {i}); give each once."), parameter);
            }
        }

        return index;
    }

    /// <summary>The distinct values (ordinal order, as the dataset keeps segments and categories) and each item's index among them.</summary>
    private static (string[] Values, int[] IndexOfItem) Table<T>(T[] items, Func<T, string> value)
    {
        var values = items.Select(value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (values, Array.ConvertAll(items, item => Array.BinarySearch(values, value(item), StringComparer.Ordinal)));
    }

    private static Int128[] ProductRevenue(ProductSales[] products)
    {
        var revenue = new Int128[products.Length];
        for (var p = 0; p < products.Length; p++)
        {
            revenue[p] = Units(products[p].Revenue, string.Create(CultureInfo.InvariantCulture, $"of product '{products[p].Product.Id}' (products[{p}])"), nameof(products));
        }

        return revenue;
    }

    /// <summary>Every product's buyers, checked to be between 0 and the number of customers.</summary>
    private static int[] Buyers(ProductSales[] products, int customerCount)
    {
        var buyers = new int[products.Length];
        for (var p = 0; p < products.Length; p++)
        {
            buyers[p] = products[p].Buyers >= 0 && products[p].Buyers <= customerCount ? products[p].Buyers : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The buyers of product '{products[p].Product.Id}' (products[{p}]) are {products[p].Buyers}, outside 0 to {customerCount} (the number of customers given); count each customer once."), nameof(products));
        }

        return buyers;
    }

    private static Int128[] SegmentCategoryUnits(SegmentCategoryRevenue[] segmentCategories, string[] segments, string[] categories)
    {
        var units = new Int128[segments.Length * categories.Length];
        for (var i = 0; i < segmentCategories.Length; i++)
        {
            var segment = Array.BinarySearch(segments, segmentCategories[i].Segment, StringComparer.Ordinal);
            var category = Array.BinarySearch(categories, segmentCategories[i].Category, StringComparer.Ordinal);
            if (segment < 0 || category < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"segmentCategories[{i}] names {(segment < 0 ? $"the segment '{segmentCategories[i].Segment}', which no customer has" : $"the category '{segmentCategories[i].Category}', which no product has")}; list only segments of the customers and categories of the products given."), nameof(segmentCategories));
            }

            units[(segment * categories.Length) + category] = Units(segmentCategories[i].Revenue, string.Create(CultureInfo.InvariantCulture, $"of segment '{segmentCategories[i].Segment}' in category '{segmentCategories[i].Category}' (segmentCategories[{i}])"), nameof(segmentCategories));
        }

        return units;
    }

    /// <summary>Each customer's distinct purchased products as sorted product indexes.</summary>
    private static CustomerPurchases Purchases(CustomerProducts[] customers, Dictionary<string, int> productIndex)
    {
        var offsets = new int[customers.Length + 1];
        var bought = new List<int>();
        for (var c = 0; c < customers.Length; c++)
        {
            var start = bought.Count;
            var ids = customers[c].PurchasedProductIds;
            foreach (var id in ids.IsDefault ? [] : ids.Distinct(StringComparer.Ordinal))
            {
                bought.Add(id is not null && productIndex.TryGetValue(id, out var p) ? p : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Customer '{customers[c].Customer.Id}' (customers[{c}]) bought the product '{id}', which is not in products; list every purchased product in products."), nameof(customers)));
            }

            bought.Sort(start, bought.Count - start, null);
            offsets[c + 1] = bought.Count;
        }

        return CustomerPurchases.FromState(offsets, [.. bought]);
    }

    /// <summary>A revenue in the dataset's money units (exact to four decimal places).</summary>
    private static Int128 Units(decimal revenue, string what, string parameter)
    {
        var scaled = Math.Abs(revenue) <= decimal.MaxValue / Money.Factor ? revenue * Money.Factor : 0.5m;
        return decimal.Truncate(scaled) == scaled ? (Int128)scaled : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"The revenue {revenue} {what} has more than {Money.Scale} decimal places or is too large; round it to {Money.Scale} decimal places."), parameter);
    }

    private static EnrichmentReport EmptyReport() => new()
    {
        TransactionsRead = 0,
        TransactionsKept = 0,
        Counts = ImmutableSortedDictionary<EnrichmentIssueKind, int>.Empty,
        Issues = [],
    };
}
