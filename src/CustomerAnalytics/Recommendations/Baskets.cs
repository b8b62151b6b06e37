using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Groups of products bought together (per customer or per order), each sorted and distinct, stored compressed (one
/// offsets array, one values array). Immutable once built.
/// </summary>
internal sealed class Baskets
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    private Baskets(int[] offsets, int[] items)
    {
        _offsets = offsets;
        _items = items;
    }

    /// <summary>The number of baskets.</summary>
    public int Count => _offsets.Length - 1;

    /// <summary>The items of a basket, sorted ascending.</summary>
    public ReadOnlySpan<int> Of(int basket) => _items.AsSpan(_offsets[basket], _offsets[basket + 1] - _offsets[basket]);

    /// <summary>One basket per customer: what it bought (<see cref="CustomerPurchases"/>).</summary>
    public static Baskets PerCustomer(CustomerPurchases purchases, int customerCount)
    {
        var offsets = new int[customerCount + 1];
        for (var c = 0; c < customerCount; c++)
        {
            offsets[c + 1] = offsets[c] + purchases.Of(c).Length;
        }

        var items = new int[offsets[customerCount]];
        for (var c = 0; c < customerCount; c++)
        {
            purchases.Of(c).CopyTo(items.AsSpan(offsets[c]));
        }

        return new Baskets(offsets, items);
    }

    /// <summary>Baskets from lists of sorted distinct items.</summary>
    public static Baskets FromLists(IReadOnlyList<int[]> lists)
    {
        var offsets = new int[lists.Count + 1];
        for (var b = 0; b < lists.Count; b++)
        {
            offsets[b + 1] = offsets[b] + lists[b].Length;
        }

        var items = new int[offsets[lists.Count]];
        for (var b = 0; b < lists.Count; b++)
        {
            lists[b].CopyTo(items, offsets[b]);
        }

        return new Baskets(offsets, items);
    }

    /// <summary>One basket per order: its products with a positive-quantity line.</summary>
    public static Baskets PerOrder(EnrichedDataset dataset)
    {
        var orders = dataset.OrderColumn;
        var products = dataset.ProductColumn;
        var quantities = dataset.QuantityColumn;
        var orderCount = dataset.OrderCount;
        var rowsByOrder = RowGroups.By(orders, orderCount);
        var offsets = new int[orderCount + 1];
        var items = new List<int>(orders.Length);
        var lastSeenIn = new int[dataset.ProductTable.Length];
        Array.Fill(lastSeenIn, -1);
        for (var o = 0; o < orderCount; o++)
        {
            var start = items.Count;
            foreach (var row in rowsByOrder.Of(o))
            {
                if (quantities[row] > 0 && lastSeenIn[products[row]] != o)
                {
                    lastSeenIn[products[row]] = o;
                    items.Add(products[row]);
                }
            }

            items.Sort(start, items.Count - start, Comparer<int>.Default);
            offsets[o + 1] = items.Count;
        }

        return new Baskets(offsets, [.. items]);
    }

    /// <summary>The transpose: for each item, the sorted baskets that contain it.</summary>
    public Baskets Transpose(int itemCount)
    {
        var offsets = new int[itemCount + 1];
        foreach (var item in _items)
        {
            offsets[item + 1]++;
        }

        for (var i = 0; i < itemCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var cursor = offsets[..^1];
        var baskets = new int[_items.Length];
        for (var b = 0; b < Count; b++)
        {
            foreach (var item in Of(b))
            {
                baskets[cursor[item]++] = b;
            }
        }

        return new Baskets(offsets, baskets);
    }
}
