using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Recommendations;

/// <summary>What one line adds by an <see cref="AffinityWeight"/>: the one definition every strategy's affinity reads.</summary>
internal readonly struct RowAffinity
{
    private readonly AffinityWeight _weight;
    private readonly int[] _quantities;
    private readonly long[] _revenues;
    private readonly float[]? _weights;

    /// <exception cref="InvalidOperationException"><paramref name="weight"/> is <see cref="AffinityWeight.Weight"/> and the dataset has no weights.</exception>
    public RowAffinity(EnrichedDataset dataset, AffinityWeight weight)
    {
        _weight = weight;
        _quantities = dataset.QuantityColumn;
        _revenues = dataset.RevenueUnits;
        _weights = weight == AffinityWeight.Weight ? dataset.WeightColumn ?? throw NoWeights("The affinity weight is AffinityWeight.Weight", "choose another AffinityWeight") : null;
    }

    /// <summary>The line's value: 1 per purchase line, its quantity, its revenue, or its weight (0 without one).</summary>
    public double Of(int row) => _weight switch
    {
        AffinityWeight.Units => _quantities[row],
        AffinityWeight.Revenue => (double)Money.ToDecimal(_revenues[row]),
        AffinityWeight.Weight => float.IsNaN(_weights![row]) ? 0 : _weights[row],
        _ => _quantities[row] > 0 ? 1 : 0,
    };

    /// <summary>The error of a weight asked of a dataset without weights: <paramref name="what"/> is the caller's option, <paramref name="otherwise"/> the other way out.</summary>
    public static InvalidOperationException NoWeights(string what, string otherwise) => new(
        what + " but the dataset has no weight column (EnrichedDataset.HasWeights is false). "
        + "Load the transactions with a weight or rating column (LoadOptions.TransactionColumns.Weight names it), or " + otherwise + ".");
}
