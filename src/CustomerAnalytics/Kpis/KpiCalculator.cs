using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Kpis;

/// <summary>
/// The KPI calculators: pure functions of an <see cref="EnrichedDataset"/> that return immutable results.
/// Every ranked list is ordered by its measure, highest first, and ties are broken by key (ordinal), so results do
/// not depend on row order. Definitions and edge cases are in <c>docs/kpis.md</c>.
/// </summary>
public static class KpiCalculator
{
    /// <summary>
    /// The headline figures: customers = distinct customers with a line; transactions = lines; orders = distinct
    /// orders; units = Σ quantity; revenue = Σ revenue; average order value = revenue ÷ orders rounded to the cent.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The figures; all zero for an empty dataset.</returns>
    /// <example>On the seed sample: 4 customers, 7 transactions, 7 orders, 13 units, revenue 1474.92, average order value 210.70.</example>
    public static OverallKpis Overall(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var customers = dataset.CustomerColumn;
        var seen = new bool[dataset.CustomerTable.Length];
        var distinct = 0;
        long units = 0;
        Int128 revenue = 0;
        var quantities = dataset.QuantityColumn;
        var revenues = dataset.RevenueUnits;
        for (var row = 0; row < customers.Length; row++)
        {
            if (!seen[customers[row]])
            {
                seen[customers[row]] = true;
                distinct++;
            }

            units += quantities[row];
            revenue += revenues[row];
        }

        var total = Money.ToDecimal(revenue);
        var orders = dataset.OrderCount;
        var averageOrderValue = orders == 0 ? 0m : Math.Round(total / orders, 2, MidpointRounding.AwayFromZero);
        return new OverallKpis(distinct, dataset.TransactionCount, orders, units, total, averageOrderValue);
    }

    /// <summary>Revenue, units, orders, customers and lines by customer segment, highest revenue first (ties by segment).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One entry per segment with at least one line.</returns>
    public static ImmutableArray<GroupKpi> BySegment(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var segmentOfCustomer = dataset.CustomerSegmentTable;
        return Group(dataset, dataset.SegmentTable, row => segmentOfCustomer[dataset.CustomerColumn[row]]);
    }

    /// <summary>Revenue, units, orders, customers and lines by product category, highest revenue first (ties by category).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One entry per category with at least one line.</returns>
    public static ImmutableArray<GroupKpi> ByCategory(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var categoryOfProduct = dataset.ProductCategoryTable;
        return Group(dataset, dataset.CategoryTable, row => categoryOfProduct[dataset.ProductColumn[row]]);
    }

    /// <summary>Revenue, units, orders and lines by customer, highest revenue first (ties by customer id).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One entry per customer with at least one line (<see cref="GroupKpi.Customers"/> is 1).</returns>
    public static ImmutableArray<GroupKpi> ByCustomer(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var ids = dataset.CustomerTable.Select(c => c.Id).ToArray();
        return Group(dataset, ids, row => dataset.CustomerColumn[row]);
    }

    /// <summary>All products with at least one line, ranked by <paramref name="rankBy"/> (highest first), then revenue, then product id.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="rankBy">The measure to rank by.</param>
    /// <returns>The ranked products.</returns>
    public static ImmutableArray<ProductKpi> Products(EnrichedDataset dataset, ProductRanking rankBy = ProductRanking.Revenue)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!Enum.IsDefined(rankBy))
        {
            throw new ArgumentOutOfRangeException(nameof(rankBy), rankBy, "Not a defined ranking.");
        }

        var aggregate = Aggregate(dataset, dataset.ProductTable.Length, row => dataset.ProductColumn[row]);
        var result = new List<ProductKpi>();
        for (var p = 0; p < aggregate.Lines.Length; p++)
        {
            if (aggregate.Lines[p] > 0)
            {
                var product = dataset.ProductTable[p];
                result.Add(new ProductKpi(product.Id, dataset.CategoryTable[dataset.ProductCategoryTable[p]], Money.ToDecimal(aggregate.Revenue[p]), aggregate.Units[p], aggregate.Orders[p], aggregate.Customers[p]));
            }
        }

        Comparison<ProductKpi> measure = rankBy switch
        {
            ProductRanking.Units => (a, b) => b.Units.CompareTo(a.Units),
            ProductRanking.Buyers => (a, b) => b.Buyers.CompareTo(a.Buyers),
            _ => (_, _) => 0,
        };
        result.Sort((a, b) =>
        {
            var c = measure(a, b);
            if (c == 0)
            {
                c = b.Revenue.CompareTo(a.Revenue);
            }

            return c != 0 ? c : string.CompareOrdinal(a.ProductId, b.ProductId);
        });
        return [.. result];
    }

    /// <summary>The first <paramref name="count"/> of <see cref="Products"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="count">How many products at most.</param>
    /// <param name="rankBy">The measure to rank by.</param>
    /// <returns>Up to <paramref name="count"/> products.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static ImmutableArray<ProductKpi> TopProducts(EnrichedDataset dataset, int count, ProductRanking rankBy = ProductRanking.Revenue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var all = Products(dataset, rankBy);
        return all.Length <= count ? all : all[..count];
    }

    private static ImmutableArray<GroupKpi> Group(EnrichedDataset dataset, string[] keys, Func<int, int> keyOfRow)
    {
        var aggregate = Aggregate(dataset, keys.Length, keyOfRow);
        var result = new List<GroupKpi>();
        for (var k = 0; k < keys.Length; k++)
        {
            if (aggregate.Lines[k] > 0)
            {
                result.Add(new GroupKpi(keys[k], Money.ToDecimal(aggregate.Revenue[k]), aggregate.Units[k], aggregate.Orders[k], aggregate.Customers[k], aggregate.Lines[k]));
            }
        }

        result.Sort((a, b) => b.Revenue.CompareTo(a.Revenue) is var c && c != 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        return [.. result];
    }

    private static Aggregates Aggregate(EnrichedDataset dataset, int groupCount, Func<int, int> keyOfRow)
    {
        var result = new Aggregates(groupCount);
        var customers = dataset.CustomerColumn;
        var orders = dataset.OrderColumn;
        var quantities = dataset.QuantityColumn;
        var revenues = dataset.RevenueUnits;

        // Distinct customers and orders per group: a (group, id) pair is counted the first time it is seen.
        var customerPairs = new HashSet<long>();
        var orderPairs = new HashSet<long>();
        for (var row = 0; row < customers.Length; row++)
        {
            var key = keyOfRow(row);
            result.Revenue[key] += revenues[row];
            result.Units[key] += quantities[row];
            result.Lines[key]++;
            if (customerPairs.Add(((long)key << 32) | (uint)customers[row]))
            {
                result.Customers[key]++;
            }

            if (orderPairs.Add(((long)key << 32) | (uint)orders[row]))
            {
                result.Orders[key]++;
            }
        }

        return result;
    }

    private sealed class Aggregates(int groups)
    {
        public Int128[] Revenue { get; } = new Int128[groups];

        public long[] Units { get; } = new long[groups];

        public int[] Lines { get; } = new int[groups];

        public int[] Customers { get; } = new int[groups];

        public int[] Orders { get; } = new int[groups];
    }
}
