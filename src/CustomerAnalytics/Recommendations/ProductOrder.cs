using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>The ordinal order of product ids, by which every ranked list breaks ties.</summary>
internal static class ProductOrder
{
    /// <summary>For each product index, its position when the products are sorted by id (ordinal).</summary>
    public static int[] OrdinalRanks(Product[] products)
    {
        var ordinalRank = new int[products.Length];
        var byId = Enumerable.Range(0, products.Length).ToArray();
        Array.Sort(byId, (a, b) => string.CompareOrdinal(products[a].Id, products[b].Id));
        for (var r = 0; r < byId.Length; r++)
        {
            ordinalRank[byId[r]] = r;
        }

        return ordinalRank;
    }
}
