namespace CustomerAnalytics.Recommendations;

/// <summary>A product and its revenue, as <see cref="GlobalRecommendations.TopProducts"/> lists it.</summary>
/// <param name="ProductId">The product id.</param>
/// <param name="Category">The product's category.</param>
/// <param name="Revenue">Σ revenue of the product's lines, net of returns.</param>
public sealed record ProductRevenue(string ProductId, string Category, decimal Revenue);
