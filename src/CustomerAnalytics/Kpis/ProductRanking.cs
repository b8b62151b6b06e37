namespace CustomerAnalytics.Kpis;

/// <summary>What products are ranked by.</summary>
public enum ProductRanking
{
    /// <summary>Σ revenue, highest first.</summary>
    Revenue = 0,

    /// <summary>Σ units, highest first.</summary>
    Units = 1,

    /// <summary>Distinct buyers, highest first.</summary>
    Buyers = 2,
}
