using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// For each customer, the sorted, distinct indexes of the products it bought (at least one line with a positive
/// quantity; a later return does not undo that it was bought), stored compressed (one offsets array, one values
/// array). Immutable once built.
/// </summary>
internal sealed class CustomerPurchases
{
    private readonly int[] _offsets;
    private readonly int[] _products;

    private CustomerPurchases(int[] offsets, int[] products)
    {
        _offsets = offsets;
        _products = products;
    }

    /// <summary>The products a customer bought, sorted ascending.</summary>
    public ReadOnlySpan<int> Of(int customer) => _products.AsSpan(_offsets[customer], _offsets[customer + 1] - _offsets[customer]);

    /// <summary>
    /// Builds the purchases, and counts per product the customers whose net quantity of it is positive
    /// (<paramref name="netBuyers"/>).
    /// </summary>
    public static CustomerPurchases Build(EnrichedDataset dataset, out int[] netBuyers)
    {
        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var quantities = dataset.QuantityColumn;
        var customerCount = dataset.CustomerTable.Length;
        var productCount = dataset.ProductTable.Length;

        var rowsByCustomer = RowGroups.By(customers, customerCount);

        // Per customer: net quantity and "bought" flag per product, over the products it touched.
        netBuyers = new int[productCount];
        var offsets = new int[customerCount + 1];
        var bought = new List<int>(customers.Length);
        var lastSeenBy = new int[productCount];
        Array.Fill(lastSeenBy, -1);
        var net = new long[productCount];
        var positive = new bool[productCount];
        var touched = new List<int>();
        for (var c = 0; c < customerCount; c++)
        {
            touched.Clear();
            foreach (var row in rowsByCustomer.Of(c))
            {
                var p = products[row];
                if (lastSeenBy[p] != c)
                {
                    lastSeenBy[p] = c;
                    net[p] = 0;
                    positive[p] = false;
                    touched.Add(p);
                }

                net[p] += quantities[row];
                positive[p] |= quantities[row] > 0;
            }

            var start = bought.Count;
            foreach (var p in touched)
            {
                if (positive[p])
                {
                    bought.Add(p);
                }

                if (net[p] > 0)
                {
                    netBuyers[p]++;
                }
            }

            bought.Sort(start, bought.Count - start, Comparer<int>.Default);
            offsets[c + 1] = bought.Count;
        }

        return new CustomerPurchases(offsets, [.. bought]);
    }
}
