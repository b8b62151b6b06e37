using System.Runtime.InteropServices;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// Takes the joined rows apart into the sales and the events that are not sales (staged with their weight's sign bit
/// set, <see cref="EventTypeWeights"/>): the dataset returned holds the sales, and every row stays reachable as its
/// <see cref="EnrichedDataset.Interactions"/> for the recommenders.
/// </summary>
internal static class SaleRows
{
    /// <summary>The dataset of the sales with <paramref name="all"/> as its interactions, or <paramref name="all"/> when every row is a sale.</summary>
    public static EnrichedDataset Split(EnrichedDataset all)
    {
        var weights = all.WeightColumn;
        if (weights is null || !weights.Any(EventTypeWeights.IsNonSale))
        {
            return all;
        }

        var sales = new List<int>(weights.Length);
        for (var row = 0; row < weights.Length; row++)
        {
            if (EventTypeWeights.IsNonSale(weights[row]))
            {
                weights[row] = EventTypeWeights.WeightOf(weights[row]);
            }
            else
            {
                sales.Add(row);
            }
        }

        return all.SelectRows(CollectionsMarshal.AsSpan(sales), interactions: all);
    }
}
