using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class BlendedRecommenderTests
{
    private static BlendedRecommender PopularityAndSegment(double popularityWeight, double segmentWeight) =>
        new(new WeightedRecommender(new PopularityRecommender(), popularityWeight), new WeightedRecommender(new SegmentAffinityRecommender(), segmentWeight));

    [Fact]
    public void Name_ListsComponentsAndWeights()
    {
        var blend = PopularityAndSegment(1, 2.5);

        Assert.Equal("blended(popularity:1, segment-affinity:2.5)", blend.Name);
        Assert.Equal(blend.Name, blend.Fit(Seed.Dataset()).StrategyName);
    }

    [Fact]
    public void Recommend_EqualWeightsSeedC004_HandCalculated()
    {
        var items = PopularityAndSegment(1, 1).Fit(Seed.Dataset()).Recommend("C004", new RecommendationRequest { Count = 3 });

        // Popularity for C004: P200 796, P300 499, P400 59.98 → normalised 1, (499 − 59.98) / (796 − 59.98), 0.
        // Segment affinity: P200 199, P400 119.95, P300 0 → 1, 119.95 / 199, 0. Mean of the two.
        Assert.Equal(
            [
                new Recommendation("P200", 1, 1.0, "top seller: 4 units, 796.00 revenue"),
                new Recommendation("P400", 2, 119.95 / 199.0 / 2, "top seller in your segment's 2nd favourite category, Accessories"),
                new Recommendation("P300", 3, (499 - 59.98) / (796 - 59.98) / 2, "top seller: 1 unit, 499.00 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Recommend_PopularityWeighsMore_P300BeforeP400()
    {
        var items = PopularityAndSegment(3, 1).Fit(Seed.Dataset()).Recommend("C004");

        Assert.Equal(["P200", "P300", "P400"], Ids(items));
        Assert.Equal(3 * ((499 - 59.98) / (796 - 59.98)) / 4, items[1].Score);
        Assert.Equal(119.95 / 199.0 / 4, items[2].Score);
    }

    [Fact]
    public void Recommend_EqualScoresInOneComponent_NormalisedToOneTiesById()
    {
        var model = new BlendedRecommender(new WeightedRecommender(new PopularityRecommender(), 1)).Fit(Ties());

        var items = model.Recommend("X9");

        Assert.Equal(["A", "B", "C"], Ids(items));
        Assert.All(items, r => Assert.Equal(1.0, r.Score));
    }

    [Fact]
    public void Recommend_UnknownCustomer_BlendOfFallbacks()
    {
        var items = PopularityAndSegment(1, 1).Fit(Seed.Dataset()).Recommend("C999");

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(items));
        Assert.Equal([1.0, (499 - 59.98) / (796 - 59.98), (119.94 - 59.98) / (796 - 59.98), 0.0], items.Select(r => r.Score));
    }

    [Fact]
    public void Recommend_FiltersAndCount_PassedToComponents()
    {
        var model = PopularityAndSegment(1, 1).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { Count = 1, DeniedProductIds = Set("P200") });

        // Without P200: popularity P300 1, P400 0; segment affinity P400 1, P300 0. A tie at 0.5, broken by id.
        Assert.Equal([new Recommendation("P300", 1, 0.5, "top seller: 1 unit, 499.00 revenue")], items.ToArray());
        Assert.Empty(model.Recommend("C004", new RecommendationRequest { Count = 0 }));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(2, false)]
    [InlineData(0, true)]
    public void RecommendAll_Seed_EqualsRecommendPerCustomer(int count, bool excludePurchased)
    {
        var dataset = Seed.Dataset();
        var model = PopularityAndSegment(1, 2).Fit(dataset);
        var request = new RecommendationRequest { Count = count, ExcludePurchased = excludePurchased };

        var all = model.RecommendAll(request);

        Assert.Equal(dataset.Customers.Select(c => c.Id), all.Select(c => c.CustomerId));
        Assert.All(all, c => Assert.Equal(model.Recommend(c.CustomerId, request).ToArray(), c.Items.ToArray()));
    }

    [Fact]
    public void Constructor_InvalidWeights_ListsEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() => PopularityAndSegment(0, double.NaN));

        Assert.Equal(
            "Invalid blend: The weight of component 0 (popularity) must be finite and positive (was 0). "
            + "The weight of component 1 (segment-affinity) must be finite and positive (was NaN). (Parameter 'components')",
            error.Message);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new BlendedRecommender());
        Assert.Throws<ArgumentNullException>(() => new BlendedRecommender(null!));
        Assert.Throws<ArgumentNullException>(() => new BlendedRecommender(new WeightedRecommender(null!, 1)));
        Assert.Throws<ArgumentNullException>(() => PopularityAndSegment(1, 1).Fit(null!));
    }
}
