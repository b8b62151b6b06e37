namespace CustomerAnalytics.Recommendations;

/// <summary>One recommended product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Rank">1 for the best recommendation, then 2, 3, ….</param>
/// <param name="Score">The strategy's score (higher is better); its scale is the strategy's own, documented with it.</param>
/// <param name="Reason">A short human-readable reason, such as <c>top seller in your segment's favourite category, Software</c>.</param>
public sealed record Recommendation(string ProductId, int Rank, double Score, string Reason);
