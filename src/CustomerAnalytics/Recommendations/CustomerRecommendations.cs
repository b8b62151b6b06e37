using System.Collections.Immutable;

namespace CustomerAnalytics.Recommendations;

/// <summary>The recommendations for one customer, as a batch call returns them.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Items">The recommendations, best first.</param>
public sealed record CustomerRecommendations(string CustomerId, ImmutableArray<Recommendation> Items);
