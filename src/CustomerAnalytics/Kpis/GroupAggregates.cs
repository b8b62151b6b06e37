using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Kpis;

/// <summary>The exact per-group sums and distinct counts behind <see cref="KpiCalculator"/>'s grouped results.</summary>
internal sealed class GroupAggregates(int groups)
{
    /// <summary>Σ revenue in money units, per group.</summary>
    public Int128[] Revenue { get; } = new Int128[groups];

    /// <summary>Σ quantity, per group.</summary>
    public long[] Units { get; } = new long[groups];

    /// <summary>The rows, per group.</summary>
    public int[] Lines { get; } = new int[groups];

    /// <summary>The distinct customers, the guest left out, per group.</summary>
    public int[] Customers { get; } = new int[groups];

    /// <summary>The distinct orders, per group.</summary>
    public int[] Orders { get; } = new int[groups];

    /// <summary>
    /// The sums of each group's rows, and unless <paramref name="distinct"/> is false its distinct customers (the guest
    /// left out) and orders; the group of a row is <c>keyMap[keyColumn[row]]</c>, or <c>keyColumn[row]</c> without a map.
    /// </summary>
    public static GroupAggregates Of(EnrichedDataset dataset, int groupCount, int[] keyColumn, int[]? keyMap, bool distinct = true)
    {
        var result = new GroupAggregates(groupCount);
        var quantities = dataset.QuantityColumn;
        var revenues = dataset.RevenueUnits;
        var revenue = result.Revenue;
        var units = result.Units;
        var lines = result.Lines;
        for (var row = 0; row < keyColumn.Length; row++)
        {
            var group = keyMap is null ? keyColumn[row] : keyMap[keyColumn[row]];
            revenue[group] += revenues[row];
            units[group] += quantities[row];
            lines[group]++;
        }

        if (!distinct)
        {
            return result;
        }

        // Distinct customers per group: a customer belongs to one segment, so when the group comes from the customer
        // it is enough to know which customers have a line.
        if (ReferenceEquals(keyColumn, dataset.CustomerColumn))
        {
            var seen = new bool[dataset.CustomerTable.Length];
            foreach (var customer in keyColumn)
            {
                seen[customer] = true;
            }

            for (var c = 0; c < seen.Length; c++)
            {
                if (seen[c] && !dataset.IsGuest(c))
                {
                    result.Customers[keyMap is null ? c : keyMap[c]]++;
                }
            }
        }
        else
        {
            DistinctCounts.PerGroup(dataset.CustomerColumn, dataset.CustomerTable.Length, keyColumn, keyMap, result.Customers);
            DistinctCounts.UncountGuest(dataset, keyColumn, keyMap, result.Customers);
        }

        DistinctCounts.PerGroup(dataset.OrderColumn, dataset.OrderCount, keyColumn, keyMap, result.Orders);
        return result;
    }
}
