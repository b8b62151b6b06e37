// The internal state accessors the saved-model format reads and the constructors it rebuilds models with: one part
// of each partial class, kept here so the model files themselves change as little as possible.
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <content>The state of the purchases, for saved models.</content>
internal sealed partial class CustomerPurchases
{
    /// <summary>Customer c's products are <see cref="ProductIndexes"/>[Offsets[c] .. Offsets[c + 1]).</summary>
    internal int[] Offsets => _offsets;

    /// <summary>Every customer's products, in customer order.</summary>
    internal int[] ProductIndexes => _products;

    /// <summary>Purchases from saved state (as <see cref="Offsets"/> and <see cref="ProductIndexes"/> returned it).</summary>
    internal static CustomerPurchases FromState(int[] offsets, int[] products) => new(offsets, products);
}

/// <content>The state of a candidate list, for saved models.</content>
internal sealed partial class RankedCandidates
{
    /// <summary>The scores, one per candidate.</summary>
    internal double[] Scores => _scores;

    /// <summary>The reasons, one per candidate.</summary>
    internal string[] Reasons => _reasons;

    /// <summary>A list from saved state; the three arrays have one entry per candidate.</summary>
    internal static RankedCandidates FromState(int[] products, double[] scores, string[] reasons) => new(products, scores, reasons);
}

/// <content>The state of the affinities, for saved models.</content>
internal sealed partial class CustomerAffinities
{
    internal int[] Offsets => _offsets;

    internal int[] ProductIndexes => _products;

    internal double[] Values => _values;

    /// <summary>Affinities from saved state.</summary>
    internal static CustomerAffinities FromState(int[] offsets, int[] products, double[] values) => new(offsets, products, values);
}

/// <content>The state of the similarity matrix, for saved models.</content>
internal sealed partial class ItemSimilarityMatrix
{
    internal int[][] Neighbors => _neighbors;

    internal double[][] Similarities => _similarities;

    internal double[] Self => _self;

    internal int[] OccurrenceCounts => _occurrences;

    /// <summary>A matrix from saved state.</summary>
    internal static ItemSimilarityMatrix FromState(int[][] neighbors, double[][] similarities, double[] self, int[] occurrences, NeighborLimit limit) =>
        new(neighbors, similarities, self, occurrences, limit);
}

/// <content>The state of a sparse matrix, for saved models.</content>
internal sealed partial class SparseRows
{
    internal int[] Offsets => _offsets;

    internal int[] Columns => _columns;

    internal float[] Values => _values;
}

/// <content>The state of a factor matrix, for saved models.</content>
internal sealed partial class FactorMatrix
{
    private FactorMatrix(int rowCount, int factors, float[] data)
    {
        RowCount = rowCount;
        Factors = factors;
        _data = data;
    }

    /// <summary>The factors, row-major.</summary>
    internal float[] Data => _data;

    /// <summary>A matrix from saved state: <paramref name="data"/> holds rowCount × factors numbers, row-major.</summary>
    internal static FactorMatrix FromState(int rowCount, int factors, float[] data) => new(rowCount, factors, data);
}

/// <content>The state of a baseline model, for saved models.</content>
internal sealed partial class CandidateListModel
{
    /// <summary>A model from saved state.</summary>
    internal CandidateListModel(string strategyName, EnrichedDataset dataset, CustomerPurchases purchases, RankedCandidates[] lists, int[]? listOfCustomer, RankedCandidates fallback)
    {
        StrategyName = strategyName;
        _dataset = dataset;
        _purchases = purchases;
        _lists = lists;
        _listOfCustomer = listOfCustomer;
        _fallback = fallback;
    }

    internal EnrichedDataset Dataset => _dataset;

    internal CustomerPurchases Purchases => _purchases;

    internal RankedCandidates[] Lists => _lists;

    internal int[]? ListOfCustomer => _listOfCustomer;

    internal RankedCandidates Fallback => _fallback;
}

/// <content>The state of a co-occurrence model, for saved models.</content>
internal sealed partial class ItemCooccurrenceModel
{
    /// <summary>A model from saved state.</summary>
    internal ItemCooccurrenceModel(string name, EnrichedDataset dataset, CustomerPurchases purchases, CustomerAffinities affinities, ItemSimilarityMatrix similarity, RankedCandidates fallback)
    {
        StrategyName = name;
        _dataset = dataset;
        _purchases = purchases;
        _affinities = affinities;
        _similarity = similarity;
        _fallback = fallback;
        _ordinalRank = ProductOrder.OrdinalRanks(dataset.ProductTable);
        _pool = new(() => new Scratch(_dataset.ProductTable.Length));
        _occurrences = new(OccurrencesById);
    }

    internal EnrichedDataset Dataset => _dataset;

    internal CustomerPurchases Purchases => _purchases;

    internal CustomerAffinities Affinities => _affinities;

    internal ItemSimilarityMatrix Similarity => _similarity;

    internal RankedCandidates Fallback => _fallback;
}

/// <content>The state of an ALS model, for saved models.</content>
internal sealed partial class ImplicitAlsModel
{
    internal ImplicitAlsOptions Options => _options;

    internal EnrichedDataset Dataset => _dataset;

    internal CustomerPurchases Purchases => _purchases;

    internal SparseRows UserItems => _userItems;

    internal RankedCandidates Fallback => _fallback;
}
