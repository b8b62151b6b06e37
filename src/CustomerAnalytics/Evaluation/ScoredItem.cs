namespace CustomerAnalytics.Evaluation;

/// <summary>One prediction row: a product scored for a customer (higher is better).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Score">The score; each customer's rows are ranked by it, highest first.</param>
public readonly record struct ScoredItem(string CustomerId, string ProductId, double Score);
