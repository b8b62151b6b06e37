using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// For each customer, the sorted, distinct indexes of the products it bought (at least one line with a positive
/// quantity; a later return does not undo that it was bought), stored compressed (one offsets array, one values
/// array). Immutable once built.
/// </summary>
internal sealed class CustomerPurchases
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
        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var quantities = dataset.QuantityColumn;
        var customerCount = dataset.CustomerTable.Length;
        var productCount = dataset.ProductTable.Length;

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

        var parts = customers.Length < parallelThreshold ? 1 : Math.Clamp(Environment.ProcessorCount, 1, 8);
        var ranges = new Range[parts];
        var results = new (List<int> Bought, int[] NetBuyers)[parts];
        var counts = new int[customerCount + 1];
        for (var i = 0; i < parts; i++)
        {
            ranges[i] = new Range((int)((long)customerCount * i / parts), (int)((long)customerCount * (i + 1) / parts));
        }

        void Process(int part)
        {
            var (first, end) = (ranges[part].Start.Value, ranges[part].End.Value);
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

            results[part] = (bought, buyers);
        }

        if (parts == 1)
        {
            Process(0);
        }
        else
        {
            Parallel.For(0, parts, Process);
        }

        for (var c = 0; c < customerCount; c++)
        {
            counts[c + 1] += counts[c];
        }

        var all = new int[counts[customerCount]];
        netBuyers = new int[productCount];
        for (var part = 0; part < parts; part++)
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
}
