namespace CustomerAnalytics.Kpis;

/// <summary>The figures of one product.</summary>
/// <param name="ProductId">The product id.</param>
/// <param name="Category">The product's category.</param>
/// <param name="Revenue">Σ revenue of the product's lines.</param>
/// <param name="Units">Σ quantity of the product's lines.</param>
/// <param name="Orders">Distinct orders containing the product.</param>
/// <param name="Buyers">Distinct customers who bought the product.</param>
public sealed record ProductKpi(string ProductId, string Category, decimal Revenue, long Units, int Orders, int Buyers);
