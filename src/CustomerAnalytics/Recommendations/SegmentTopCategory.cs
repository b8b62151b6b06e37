namespace CustomerAnalytics.Recommendations;

/// <summary>A segment's top category by revenue, as <see cref="GlobalRecommendations.TopCategoryBySegment"/> lists it.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Category">The category the segment spent most on (ties by category, ordinal).</param>
/// <param name="Revenue">Σ revenue of the segment's lines in that category, net of returns.</param>
public sealed record SegmentTopCategory(string Segment, string Category, decimal Revenue);
