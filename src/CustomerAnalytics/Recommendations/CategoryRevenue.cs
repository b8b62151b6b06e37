namespace CustomerAnalytics.Recommendations;

/// <summary>A category and its revenue, as <see cref="GlobalRecommendations.TopCategories"/> lists it.</summary>
/// <param name="Category">The category.</param>
/// <param name="Revenue">Σ revenue of the category's lines, net of returns.</param>
public sealed record CategoryRevenue(string Category, decimal Revenue);
