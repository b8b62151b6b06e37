namespace CustomerAnalytics.Recommendations.Persistence;

/// <summary>The kind of a saved model: which model type its payload rebuilds (byte 10 of the file, <c>docs/saved-models.md</c>).</summary>
public enum SavedModelKind
{
    /// <summary>A baseline model served from precomputed candidate lists: <see cref="PopularityRecommender"/> and <see cref="SegmentAffinityRecommender"/>.</summary>
    CandidateList = 1,

    /// <summary>An <see cref="ItemCooccurrenceRecommender"/> model.</summary>
    ItemCooccurrence = 2,

    /// <summary>An <see cref="ImplicitAlsRecommender"/> model.</summary>
    ImplicitAls = 3,

    /// <summary>A <see cref="BlendedRecommender"/> model, with its components' models inside.</summary>
    Blended = 4,

    /// <summary>A <see cref="FallbackRecommender"/> model, with its chain's models inside.</summary>
    Fallback = 5,
}
