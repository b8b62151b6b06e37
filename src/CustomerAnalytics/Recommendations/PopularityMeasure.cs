namespace CustomerAnalytics.Recommendations;

/// <summary>What <see cref="PopularityRecommender"/> ranks products by. Every sales measure is net of returns.</summary>
public enum PopularityMeasure
{
    /// <summary>Σ revenue of the product's lines (returns subtract), highest first.</summary>
    Revenue = 0,

    /// <summary>Σ quantity of the product's lines (returns subtract), highest first.</summary>
    Units = 1,

    /// <summary>Distinct customers whose net quantity of the product is positive, highest first.</summary>
    Buyers = 2,

    /// <summary>
    /// Σ loaded weight of the product's lines (a rating or an event type's weight, <see cref="Loading.TransactionColumns.Weight"/>;
    /// a line without one adds nothing), highest first. Fitting with it needs a dataset with
    /// <see cref="Enrichment.EnrichedDataset.HasWeights"/>.
    /// </summary>
    Weight = 3,
}
