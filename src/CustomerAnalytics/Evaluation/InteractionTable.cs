using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Evaluation;

/// <summary>The training interactions seen from the products: for each product, the sorted distinct customers who interacted with it.</summary>
internal sealed class InteractionTable
{
    private readonly Baskets _customersOfProduct;

    private InteractionTable(Baskets customersOfProduct)
    {
        _customersOfProduct = customersOfProduct;
        for (var p = 0; p < customersOfProduct.Count; p++)
        {
            var buyers = customersOfProduct.Of(p).Length;
            Interactions += buyers;
            if (buyers > 0)
            {
                ProductsWithInteractions++;
            }
        }
    }

    /// <summary>The products index space (some may have no interaction).</summary>
    public int ProductCount => _customersOfProduct.Count;

    /// <summary>How many products have at least one interaction (the catalog of catalog coverage).</summary>
    public int ProductsWithInteractions { get; }

    /// <summary>The number of distinct (customer, product) interactions.</summary>
    public long Interactions { get; }

    /// <summary>The customers who interacted with a product, sorted ascending.</summary>
    public ReadOnlySpan<int> CustomersOf(int product) => _customersOfProduct.Of(product);

    /// <summary>Transposes per-customer sorted distinct product lists.</summary>
    public static InteractionTable FromCustomers(IReadOnlyList<int[]> productsOfCustomer, int productCount) =>
        new(Baskets.FromLists(productsOfCustomer).Transpose(productCount));
}
