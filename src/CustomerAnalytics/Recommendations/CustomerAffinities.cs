using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Each customer's affinity to the products it bought, for <see cref="ItemCooccurrenceRecommender"/>:
/// a_ui = Σ over u's lines of i of weight × min(1, 0.5^((t0 − t) ÷ half-life)), kept where positive, products ascending, stored
/// compressed. Immutable once built.
/// </summary>
internal sealed partial class CustomerAffinities
{
    private readonly int[] _offsets;
    private readonly int[] _products;
    private readonly double[] _values;

    private CustomerAffinities(int[] offsets, int[] products, double[] values)
    {
        _offsets = offsets;
        _products = products;
        _values = values;
    }

    /// <summary>The products a customer has a positive affinity to, ascending.</summary>
    public ReadOnlySpan<int> ProductsOf(int customer) => _products.AsSpan(_offsets[customer], _offsets[customer + 1] - _offsets[customer]);

    /// <summary>The affinities matching <see cref="ProductsOf"/>.</summary>
    public ReadOnlySpan<double> ValuesOf(int customer) => _values.AsSpan(_offsets[customer], _offsets[customer + 1] - _offsets[customer]);

    public static CustomerAffinities Build(EnrichedDataset dataset, ItemCooccurrenceOptions options) =>
        Build(dataset, options.Weight, options.HalfLifeDays, options.ReferenceTime);

    /// <summary>The affinities by <paramref name="weight"/>, decayed by <paramref name="halfLifeDays"/> from <paramref name="referenceTime"/> (default: the latest timestamp) when set.</summary>
    /// <remarks>By <see cref="AffinityWeight.Weight"/> every interaction counts, the sales and the other events (<see cref="EnrichedDataset.Interactions"/>).</remarks>
    public static CustomerAffinities Build(EnrichedDataset dataset, AffinityWeight weight, double? halfLifeDays = null, DateTimeOffset? referenceTime = null)
    {
        if (weight == AffinityWeight.Weight)
        {
            dataset = dataset.Interactions;
        }

        var customers = dataset.CustomerColumn;
        var products = dataset.ProductColumn;
        var ticks = dataset.TicksColumn;
        var rowAffinity = new RowAffinity(dataset, weight);
        var customerCount = dataset.CustomerTable.Length;

        long reference = 0;
        if (halfLifeDays is not null)
        {
            reference = referenceTime?.UtcTicks ?? (ticks.Length == 0 ? 0 : ticks.Max());
        }

        var rowsByCustomer = RowGroups.By(customers, customerCount);
        var offsets = new int[customerCount + 1];
        var items = new List<int>();
        var values = new List<double>();
        var sum = new double[dataset.ProductTable.Length];
        var lastSeenBy = new int[dataset.ProductTable.Length];
        Array.Fill(lastSeenBy, -1);
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
                    sum[p] = 0;
                    touched.Add(p);
                }

                var value = rowAffinity.Of(row);
                if (halfLifeDays is { } halfLife)
                {
                    // As SAR: min(1, 0.5^((t0 − t) ÷ half-life)), so a line after t0 counts fully, not more.
                    value *= Math.Min(1.0, Math.Pow(0.5, (reference - ticks[row]) / (double)TimeSpan.TicksPerDay / halfLife));
                }

                sum[p] += value;
            }

            touched.Sort();
            foreach (var p in touched)
            {
                if (sum[p] > 0)
                {
                    items.Add(p);
                    values.Add(sum[p]);
                }
            }

            offsets[c + 1] = items.Count;
        }

        return new CustomerAffinities(offsets, [.. items], [.. values]);
    }
}
