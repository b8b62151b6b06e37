namespace CustomerAnalytics.Recommendations;

/// <summary>
/// How <see cref="ItemCooccurrenceRecommender"/> turns co-occurrence counts into item similarity; c_ij is the count of
/// customers (or orders) with both i and j, c_ii the count with i.
/// </summary>
public enum ItemSimilarity
{
    /// <summary>Jaccard: c_ij ÷ (c_ii + c_jj − c_ij).</summary>
    Jaccard = 0,

    /// <summary>The raw count c_ij.</summary>
    Cooccurrence = 1,

    /// <summary>Lift: c_ij ÷ (c_ii · c_jj).</summary>
    Lift = 2,

    /// <summary>Cosine: c_ij ÷ √(c_ii · c_jj).</summary>
    Cosine = 3,
}
