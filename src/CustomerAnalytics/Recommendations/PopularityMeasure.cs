namespace CustomerAnalytics.Recommendations;

/// <summary>What <see cref="PopularityRecommender"/> ranks products by. Every measure is net of returns.</summary>
public enum PopularityMeasure
{
    /// <summary>Σ revenue of the product's lines (returns subtract), highest first.</summary>
    Revenue = 0,

    /// <summary>Σ quantity of the product's lines (returns subtract), highest first.</summary>
    Units = 1,

    /// <summary>Distinct customers whose net quantity of the product is positive, highest first.</summary>
    Buyers = 2,
}
