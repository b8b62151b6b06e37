namespace CustomerAnalytics.Recommendations;

/// <summary>A strategy and its weight in a <see cref="BlendedRecommender"/>.</summary>
/// <param name="Recommender">The strategy.</param>
/// <param name="Weight">Its weight: finite and positive. Only the ratio between weights matters.</param>
public sealed record WeightedRecommender(IRecommender Recommender, double Weight);
