using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// For each customer, the sorted, distinct indexes of the products it bought (at least one line with a positive
/// quantity; a later return does not undo that it was bought), stored compressed (one offsets array, one values
/// array). Immutable once built.
/// </summary>
internal sealed partial class CustomerPurchases
{
    /// <summary>Lines from which the per-customer pass runs in parallel.</summary>
    private const int ParallelThreshold = 200_000;

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
    /// (<paramref name="netBuyers"/>). The lines are first regrouped by customer (a counting sort that copies each
    /// line's product and quantity, so the per-customer pass reads memory in order); customers are then processed in
    /// parallel ranges.
    /// </summary>
    public static CustomerPurchases Build(EnrichedDataset dataset, out int[] netBuyers, int parallelThreshold = ParallelThreshold)
    {
        var customerCount = dataset.CustomerTable.Length;
        var productCount = dataset.ProductTable.Length;
        var lines = CustomerLines.Of(dataset);
        var parts = dataset.CustomerColumn.Length < parallelThreshold ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 8);
        var ranges = new Range[parts];
        for (var i = 0; i < parts; i++)
        {
            ranges[i] = new Range((int)((long)customerCount * i / parts), (int)((long)customerCount * (i + 1) / parts));
        }

        // counts[c + 1]: customer c's products bought, summed into offsets once every part is done.
        var counts = new int[customerCount + 1];
        var results = new PartPurchases[parts];
        if (parts == 1)
        {
            results[0] = lines.Buy(ranges[0], productCount, counts);
        }
        else
        {
            Parallel.For(0, parts, part => results[part] = lines.Buy(ranges[part], productCount, counts));
        }

        return Merge(results, ranges, counts, productCount, out netBuyers);
    }

    /// <summary>Concatenates the parts' products (in customer order) and sums their net buyers.</summary>
    private static CustomerPurchases Merge(PartPurchases[] results, Range[] ranges, int[] counts, int productCount, out int[] netBuyers)
    {
        var customerCount = counts.Length - 1;
        for (var c = 0; c < customerCount; c++)
        {
            counts[c + 1] += counts[c];
        }

        var all = new int[counts[customerCount]];
        netBuyers = new int[productCount];
        for (var part = 0; part < results.Length; part++)
        {
            CollectionsMarshal.AsSpan(results[part].Bought).CopyTo(all.AsSpan(counts[ranges[part].Start.Value]));
            var buyers = results[part].NetBuyers;
            for (var p = 0; p < productCount; p++)
            {
                netBuyers[p] += buyers[p];
            }
        }

        return new CustomerPurchases(counts, all);
    }

    /// <summary>One part's customers' products bought, in customer order, and per product its customers with a positive net quantity.</summary>
    private readonly record struct PartPurchases(List<int> Bought, int[] NetBuyers);

    /// <summary>
    /// The lines regrouped by customer (a counting sort that copies each line's product and quantity, so the
    /// per-customer pass reads memory in order): customer c's lines are [Offsets[c], Offsets[c + 1]).
    /// </summary>
    private sealed record CustomerLines(int[] Offsets, int[] Products, int[] Quantities)
    {
        public static CustomerLines Of(EnrichedDataset dataset)
        {
            var customers = dataset.CustomerColumn;
            var products = dataset.ProductColumn;
            var quantities = dataset.QuantityColumn;
            var customerCount = dataset.CustomerTable.Length;
            var lineOffsets = new int[customerCount + 1];
            foreach (var customer in customers)
            {
                lineOffsets[customer + 1]++;
            }

            for (var c = 0; c < customerCount; c++)
            {
                lineOffsets[c + 1] += lineOffsets[c];
            }

            var cursor = lineOffsets[..^1];
            var lineProducts = new int[customers.Length];
            var lineQuantities = new int[customers.Length];
            for (var row = 0; row < customers.Length; row++)
            {
                var at = cursor[customers[row]]++;
                lineProducts[at] = products[row];
                lineQuantities[at] = quantities[row];
            }

            return new CustomerLines(lineOffsets, lineProducts, lineQuantities);
        }

        /// <summary>The products bought by the customers of <paramref name="range"/>; their counts go to <paramref name="counts"/>[c + 1].</summary>
        public PartPurchases Buy(Range range, int productCount, int[] counts)
        {
            var (first, end) = (range.Start.Value, range.End.Value);
            var lineOffsets = Offsets;
            var lineProducts = Products;
            var lineQuantities = Quantities;
            var bought = new List<int>();
            var buyers = new int[productCount];
            var lastSeenBy = new int[productCount];
            Array.Fill(lastSeenBy, -1);
            var net = new long[productCount];
            var positive = new bool[productCount];
            var touched = new List<int>();
            for (var c = first; c < end; c++)
            {
                touched.Clear();
                for (var i = lineOffsets[c]; i < lineOffsets[c + 1]; i++)
                {
                    var p = lineProducts[i];
                    if (lastSeenBy[p] != c)
                    {
                        lastSeenBy[p] = c;
                        net[p] = 0;
                        positive[p] = false;
                        touched.Add(p);
                    }

                    net[p] += lineQuantities[i];
                    positive[p] |= lineQuantities[i] > 0;
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
                        buyers[p]++;
                    }
                }

                CollectionsMarshal.AsSpan(bought)[start..].Sort();
                counts[c + 1] = bought.Count - start;
            }

            return new PartPurchases(bought, buyers);
        }
    }
}
