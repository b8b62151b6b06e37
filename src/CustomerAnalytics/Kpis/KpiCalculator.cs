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

        // The guest holds the lines without a customer: counted in the totals, not as a customer.
        if (dataset.GuestCustomer >= 0 && seen[dataset.GuestCustomer])
        {
            distinct--;
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
        return Group(dataset, dataset.SegmentTable, dataset.CustomerColumn, dataset.CustomerSegmentTable);
    }

    /// <summary>Revenue, units, orders, customers and lines by product category, highest revenue first (ties by category).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One entry per category with at least one line.</returns>
    public static ImmutableArray<GroupKpi> ByCategory(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Group(dataset, dataset.CategoryTable, dataset.ProductColumn, dataset.ProductCategoryTable);
    }

    /// <summary>Revenue, units, orders and lines by customer, highest revenue first (ties by customer id).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One entry per customer with at least one line (<see cref="GroupKpi.Customers"/> is 1).</returns>
    public static ImmutableArray<GroupKpi> ByCustomer(EnrichedDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var ids = Array.ConvertAll(dataset.CustomerTable, c => c.Id);
        return Group(dataset, ids, dataset.CustomerColumn, null, skip: dataset.GuestCustomer);
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

        return RankProducts(dataset, rankBy, int.MaxValue);
    }

    /// <summary>The first <paramref name="count"/> of <see cref="Products"/>.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="count">How many products at most.</param>
    /// <param name="rankBy">The measure to rank by.</param>
    /// <returns>Up to <paramref name="count"/> products.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static ImmutableArray<ProductKpi> TopProducts(EnrichedDataset dataset, int count, ProductRanking rankBy = ProductRanking.Revenue)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Enum.IsDefined(rankBy))
        {
            throw new ArgumentOutOfRangeException(nameof(rankBy), rankBy, "Not a defined ranking.");
        }

        return RankProducts(dataset, rankBy, count);
    }

    /// <summary>The products with a line, ranked on the exact aggregates; records are made for the first <paramref name="count"/> only.</summary>
    private static ImmutableArray<ProductKpi> RankProducts(EnrichedDataset dataset, ProductRanking rankBy, int count)
    {
        // Orders and buyers are counted for the products returned only, unless they rank the products.
        var allDistinct = rankBy == ProductRanking.Buyers;
        var aggregate = GroupAggregates.Of(dataset, dataset.ProductTable.Length, dataset.ProductColumn, null, allDistinct);
        var sold = new List<int>();
        for (var p = 0; p < aggregate.Lines.Length; p++)
        {
            if (aggregate.Lines[p] > 0)
            {
                sold.Add(p);
            }
        }

        var products = dataset.ProductTable;
        Comparison<int> measure = rankBy switch
        {
            ProductRanking.Units => (a, b) => aggregate.Units[b].CompareTo(aggregate.Units[a]),
            ProductRanking.Buyers => (a, b) => aggregate.Customers[b].CompareTo(aggregate.Customers[a]),
            _ => (_, _) => 0,
        };
        sold.Sort((a, b) =>
        {
            var c = measure(a, b);
            if (c == 0)
            {
                c = aggregate.Revenue[b].CompareTo(aggregate.Revenue[a]);
            }

            return c != 0 ? c : string.CompareOrdinal(products[a].Id, products[b].Id);
        });
        var result = new ProductKpi[Math.Min(count, sold.Count)];
        if (!allDistinct)
        {
            var groupOfProduct = new int[products.Length];
            Array.Fill(groupOfProduct, -1);
            for (var i = 0; i < result.Length; i++)
            {
                groupOfProduct[sold[i]] = i;
            }

            var orders = new int[result.Length];
            var buyers = new int[result.Length];
            DistinctCounts.PerGroup(dataset.OrderColumn, dataset.OrderCount, dataset.ProductColumn, groupOfProduct, orders);
            DistinctCounts.PerGroup(dataset.CustomerColumn, dataset.CustomerTable.Length, dataset.ProductColumn, groupOfProduct, buyers);
            DistinctCounts.UncountGuest(dataset, dataset.ProductColumn, groupOfProduct, buyers);
            for (var i = 0; i < result.Length; i++)
            {
                aggregate.Orders[sold[i]] = orders[i];
                aggregate.Customers[sold[i]] = buyers[i];
            }
        }

        for (var i = 0; i < result.Length; i++)
        {
            var p = sold[i];
            result[i] = new ProductKpi(products[p].Id, dataset.CategoryTable[dataset.ProductCategoryTable[p]], Money.ToDecimal(aggregate.Revenue[p]), aggregate.Units[p], aggregate.Orders[p], aggregate.Customers[p]);
        }

        return [.. result];
    }

    /// <summary>
    /// Groups rows by <c>keyMap[keyColumn[row]]</c> (or <c>keyColumn[row]</c> without a map): the row column the
    /// group comes from is customer or product indexes, the map gives a customer's segment or a product's category.
    /// </summary>
    private static ImmutableArray<GroupKpi> Group(EnrichedDataset dataset, string[] keys, int[] keyColumn, int[]? keyMap, int skip = -1)
    {
        var aggregate = GroupAggregates.Of(dataset, keys.Length, keyColumn, keyMap);
        var result = new List<GroupKpi>();
        for (var k = 0; k < keys.Length; k++)
        {
            if (aggregate.Lines[k] > 0 && k != skip)
            {
                result.Add(new GroupKpi(keys[k], Money.ToDecimal(aggregate.Revenue[k]), aggregate.Units[k], aggregate.Orders[k], aggregate.Customers[k], aggregate.Lines[k]));
            }
        }

        result.Sort((a, b) => b.Revenue.CompareTo(a.Revenue) is var c && c != 0 ? c : string.CompareOrdinal(a.Key, b.Key));
        return [.. result];
    }
}
