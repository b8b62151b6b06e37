using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class FallbackRecommenderTests
{
    private static readonly StubRecommender Sparse = new("sparse", new Dictionary<string, (string, double)[]>
    {
        ["C004"] = [("P300", 5.0)],
        ["C001"] = [("P300", 7.0), ("P200", 6.0), ("P100", 5.0)],
    });

    [Fact]
    public void Name_ListsTheChain()
    {
        var chain = new FallbackRecommender(Sparse, new PopularityRecommender());

        Assert.Equal("fallback(sparse, popularity)", chain.Name);
        Assert.Equal("fallback(sparse, popularity)", chain.Fit(Seed.Dataset()).StrategyName);
        Assert.Equal(2, chain.Recommenders.Length);
    }

    [Fact]
    public void Recommend_FirstShort_FilledFromNextSkippingDuplicates()
    {
        var model = new FallbackRecommender(Sparse, new PopularityRecommender()).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { Count = 3 });

        // Sparse gives P300; popularity for C004 (bought P100), without P300: P200, P400.
        Assert.Equal(
            [
                new Recommendation("P300", 1, 5.0, "sparse"),
                new Recommendation("P200", 2, 796.0, "top seller: 4 units, 796.00 revenue"),
                new Recommendation("P400", 3, 59.98, "top seller: 2 units, 59.98 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Recommend_FirstFills_NextNotNeeded()
    {
        var model = new FallbackRecommender(Sparse, new PopularityRecommender()).Fit(Seed.Dataset());

        var items = model.Recommend("C001", new RecommendationRequest { Count = 2 });

        Assert.Equal(["P300", "P200"], Ids(items));
        Assert.All(items, r => Assert.Equal("sparse", r.Reason));
    }

    [Fact]
    public void Recommend_LaterModelIgnoresDenied_DuplicatesStillSkipped()
    {
        var careless = new StubRecommender("careless", new Dictionary<string, (string, double)[]>
        {
            ["C004"] = [("P300", 1.0), ("P300", 1.0), ("P400", 0.5)],
        }, honourDenied: false);
        var model = new FallbackRecommender(Sparse, careless, new PopularityRecommender()).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { Count = 3 });

        // careless is asked for 2: it answers P300 (listed already, skipped) and P300 again; popularity then gives P200.
        Assert.Equal(["P300", "P200", "P400"], Ids(items));
        Assert.Equal(["sparse", "top seller: 4 units, 796.00 revenue", "top seller: 2 units, 59.98 revenue"], items.Select(r => r.Reason));
        Assert.Equal([1, 2, 3], items.Select(r => r.Rank));
    }

    [Fact]
    public void Recommend_CallerDenied_KeptForLaterModels()
    {
        var model = new FallbackRecommender(Sparse, new PopularityRecommender()).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { DeniedProductIds = Set("P200") });

        Assert.Equal(["P300", "P400"], Ids(items));
    }

    [Fact]
    public void Recommend_UnknownCustomer_FromFallback()
    {
        var model = new FallbackRecommender(Sparse, new SegmentAffinityRecommender()).Fit(Seed.Dataset());

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(model.Recommend("C999")));
    }

    [Fact]
    public void Recommend_CountZero_Empty()
    {
        var model = new FallbackRecommender(Sparse, new PopularityRecommender()).Fit(Seed.Dataset());

        Assert.Empty(model.Recommend("C004", new RecommendationRequest { Count = 0 }));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void RecommendAll_Seed_EqualsRecommendPerCustomer(int count, bool excludePurchased)
    {
        var dataset = Seed.Dataset();
        var model = new FallbackRecommender(Sparse, new SegmentAffinityRecommender(new SegmentAffinityOptions { MaxCategories = 1 }), new PopularityRecommender()).Fit(dataset);
        var request = new RecommendationRequest { Count = count, ExcludePurchased = excludePurchased };

        var all = model.RecommendAll(request);

        Assert.Equal(dataset.Customers.Select(c => c.Id), all.Select(c => c.CustomerId));
        Assert.All(all, c => Assert.Equal(model.Recommend(c.CustomerId, request).ToArray(), c.Items.ToArray()));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new FallbackRecommender());
        Assert.Throws<ArgumentNullException>(() => new FallbackRecommender(null!));
        Assert.Throws<ArgumentNullException>(() => new FallbackRecommender(new PopularityRecommender(), null!));
        Assert.Throws<ArgumentNullException>(() => new FallbackRecommender(new PopularityRecommender()).Fit(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FallbackRecommender(new PopularityRecommender()).Fit(Seed.Dataset()).Recommend("C001", new RecommendationRequest { Count = -1 }));
    }
}
