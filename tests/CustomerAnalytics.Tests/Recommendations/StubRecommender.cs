using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>
/// A test strategy with fixed answers per customer (product id → score). It honours Count and, unless told not to,
/// DeniedProductIds; it ignores the other request options.
/// </summary>
internal sealed class StubRecommender(string name, IReadOnlyDictionary<string, (string ProductId, double Score)[]> answers, bool honourDenied = true)
    : IRecommender
{
    public string Name => name;

    private IReadOnlyDictionary<string, (string ProductId, double Score)[]> Answers => answers;

    private bool HonourDenied => honourDenied;

    public IRecommenderModel Fit(EnrichedDataset dataset) => new Model(this, dataset);

    private sealed class Model(StubRecommender owner, EnrichedDataset dataset) : IRecommenderModel
    {
        public string StrategyName => owner.Name;

        public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
        {
            request ??= RecommendationRequest.Default;
            var items = owner.Answers.TryGetValue(customerId, out var found) ? found : [];
            return
            [
                .. items
                    .Where(i => !owner.HonourDenied || request.DeniedProductIds?.Contains(i.ProductId) != true)
                    .Take(request.Count)
                    .Select((i, rank) => new Recommendation(i.ProductId, rank + 1, i.Score, owner.Name)),
            ];
        }

        public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) =>
            [.. dataset.Customers.Select(c => new CustomerRecommendations(c.Id, Recommend(c.Id, request)))];
    }
}
