namespace CustomerAnalytics.Recommendations;

/// <summary>What counts as "bought together" in <see cref="ItemCooccurrenceRecommender"/>.</summary>
public enum CooccurrenceScope
{
    /// <summary>c_ij is the number of customers who bought both i and j, at any time.</summary>
    Customer = 0,

    /// <summary>c_ij is the number of orders that contain both i and j.</summary>
    Order = 1,
}
