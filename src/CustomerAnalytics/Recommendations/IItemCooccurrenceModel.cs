using System.Collections.Frozen;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A model fitted by <see cref="ItemCooccurrenceRecommender"/>: recommendations and related products, plus what SAR
/// exposes of its similarity: each product's occurrence count (the diagonal c_ii) and whether the similarity was truncated.
/// </summary>
public interface IItemCooccurrenceModel : IRelatedProductsModel
{
    /// <summary>
    /// c_ii per product id: the customers (or orders, per <see cref="ItemCooccurrenceOptions.Scope"/>) with a
    /// positive-quantity line of the product, whatever <see cref="ItemCooccurrenceOptions.MinimumSupport"/> is (SAR's
    /// <c>item_frequencies</c> zeroes counts below its threshold; here they are kept). Products never bought count 0.
    /// </summary>
    FrozenDictionary<string, int> ItemOccurrences { get; }

    /// <summary>The neighbours each product keeps; <see langword="null"/> when every neighbour is kept, as SAR does.</summary>
    int? NeighborLimit { get; }

    /// <summary>
    /// One sentence: the similarity, the scope, the catalogue size and the neighbours kept, saying when and why the
    /// similarity is truncated (<see cref="ItemCooccurrenceOptions.MaxNeighbors"/> set, or the full similarity over
    /// <see cref="ItemCooccurrenceOptions.SimilarityMemoryBudgetBytes"/>).
    /// </summary>
    string Description { get; }
}
