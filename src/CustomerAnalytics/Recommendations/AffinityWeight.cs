namespace CustomerAnalytics.Recommendations;

/// <summary>What each of a customer's lines adds to its affinity to the product (<see cref="ItemCooccurrenceOptions.Weight"/>, <see cref="ImplicitAlsOptions.Weight"/>, <see cref="SegmentAffinityOptions.Weight"/>).</summary>
public enum AffinityWeight
{
    /// <summary>1 per line with a positive quantity (returns add nothing).</summary>
    Purchases = 0,

    /// <summary>The line's quantity (returns subtract).</summary>
    Units = 1,

    /// <summary>The line's revenue in currency units (returns subtract).</summary>
    Revenue = 2,

    /// <summary>
    /// The line's loaded weight (a rating or an event type's weight, <see cref="Loading.TransactionColumns.Weight"/>);
    /// a line without one adds nothing. Fitting with it needs a dataset with <see cref="Enrichment.EnrichedDataset.HasWeights"/>.
    /// </summary>
    Weight = 3,
}
