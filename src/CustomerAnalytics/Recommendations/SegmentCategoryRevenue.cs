namespace CustomerAnalytics.Recommendations;

/// <summary>What one segment's customers spent in one category, as <see cref="RecommenderStatistics"/> holds it.</summary>
/// <param name="Segment">The segment (as the customers carry it).</param>
/// <param name="Category">The category (as the products carry it).</param>
/// <param name="Revenue">Σ revenue of the lines of the segment's customers in the category's products (returns subtract).</param>
public sealed record SegmentCategoryRevenue(string Segment, string Category, decimal Revenue);
