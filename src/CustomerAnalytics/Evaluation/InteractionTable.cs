namespace CustomerAnalytics.Evaluation;

/// <summary>The training interactions seen from the products: for each product, the sorted distinct customers who interacted with it.</summary>
internal sealed class InteractionTable
{
    private readonly int[] _offsets;
    private readonly int[] _customers;

    private InteractionTable(int[] offsets, int[] customers)
    {
        _offsets = offsets;
        _customers = customers;
        for (var p = 0; p + 1 < offsets.Length; p++)
        {
            if (offsets[p + 1] > offsets[p])
            {
                ProductsWithInteractions++;
            }
        }
    }

    /// <summary>The products index space (some may have no interaction).</summary>
    public int ProductCount => _offsets.Length - 1;

    /// <summary>How many products have at least one interaction (the catalog of catalog coverage).</summary>
    public int ProductsWithInteractions { get; }

    /// <summary>The number of distinct (customer, product) interactions.</summary>
    public long Interactions => _customers.Length;

    /// <summary>The customers who interacted with a product, sorted ascending.</summary>
    public ReadOnlySpan<int> CustomersOf(int product) => _customers.AsSpan(_offsets[product], _offsets[product + 1] - _offsets[product]);

    /// <summary>Transposes per-customer sorted distinct product lists.</summary>
    public static InteractionTable FromCustomers(IReadOnlyList<int[]> productsOfCustomer, int productCount) =>
        Transpose(productsOfCustomer.Count, productCount, c => productsOfCustomer[c]);

    /// <summary>Transposes per-customer sorted distinct product lists given by <paramref name="productsOf"/>.</summary>
    public static InteractionTable Transpose(int customerCount, int productCount, Func<int, int[]> productsOf)
    {
        var offsets = new int[productCount + 1];
        var lists = new int[customerCount][];
        for (var c = 0; c < customerCount; c++)
        {
            lists[c] = productsOf(c);
            foreach (var p in lists[c])
            {
                offsets[p + 1]++;
            }
        }

        for (var p = 0; p < productCount; p++)
        {
            offsets[p + 1] += offsets[p];
        }

        var cursor = offsets[..^1];
        var customers = new int[offsets[productCount]];
        for (var c = 0; c < customerCount; c++)
        {
            foreach (var p in lists[c])
            {
                customers[cursor[p]++] = c;
            }
        }

        return new InteractionTable(offsets, customers);
    }
}
