using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>A product and what it sold, as <see cref="RecommenderStatistics"/> holds it. Every figure is net of returns.</summary>
/// <param name="Product">The product (id, category, list price, name).</param>
/// <param name="Revenue">Σ revenue of the product's lines (returns subtract).</param>
/// <param name="Units">Σ quantity of the product's lines (returns subtract).</param>
/// <param name="Buyers">Distinct customers whose net quantity of the product is positive.</param>
public sealed record ProductSales(Product Product, decimal Revenue, long Units, int Buyers);
