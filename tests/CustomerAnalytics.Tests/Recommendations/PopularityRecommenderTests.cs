using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class PopularityRecommenderTests
{
    private static readonly IRecommenderModel Model = new PopularityRecommender().Fit(Seed.Dataset());

    [Fact]
    public void Name_IsPopularity()
    {
        var recommender = new PopularityRecommender();

        Assert.Equal("popularity", recommender.Name);
        Assert.Equal("popularity", Model.StrategyName);
        Assert.Equal(PopularityMeasure.Revenue, recommender.Options.Measure);
    }

    [Fact]
    public void Recommend_SeedC001ExcludingPurchased_OnlyP300()
    {
        var items = Model.Recommend("C001");

        Assert.Equal([new Recommendation("P300", 1, 499.0, "top seller: 1 unit, 499.00 revenue")], items.ToArray());
    }

    [Fact]
    public void Recommend_SeedC001NotExcludingPurchased_AllByRevenue()
    {
        var items = Model.Recommend("C001", new RecommendationRequest { ExcludePurchased = false });

        Assert.Equal(
            [
                new Recommendation("P200", 1, 796.0, "top seller: 4 units, 796.00 revenue"),
                new Recommendation("P300", 2, 499.0, "top seller: 1 unit, 499.00 revenue"),
                new Recommendation("P100", 3, 119.94, "top seller: 6 units, 119.94 revenue"),
                new Recommendation("P400", 4, 59.98, "top seller: 2 units, 59.98 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Recommend_ByUnits_RanksByNetQuantity()
    {
        var model = new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Units }).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { ExcludePurchased = false });

        Assert.Equal(["P100", "P200", "P400", "P300"], Ids(items));
        Assert.Equal([6.0, 4.0, 2.0, 1.0], items.Select(r => r.Score));
    }

    [Fact]
    public void Recommend_ByBuyers_RanksByDistinctBuyersTiesById()
    {
        var model = new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Buyers }).Fit(Seed.Dataset());

        var items = model.Recommend("C004", new RecommendationRequest { ExcludePurchased = false });

        // P100: C001, C002, C004; P200: C001, C003; P300 and P400 one buyer each, tied: by id.
        Assert.Equal(["P100", "P200", "P300", "P400"], Ids(items));
        Assert.Equal([3.0, 2.0, 1.0, 1.0], items.Select(r => r.Score));
        Assert.Equal("top seller: 3 buyers, 6 units, 119.94 revenue", items[0].Reason);
        Assert.Equal("top seller: 1 buyer, 1 unit, 499.00 revenue", items[2].Reason);
    }

    [Theory]
    [InlineData(PopularityMeasure.Revenue)]
    [InlineData(PopularityMeasure.Units)]
    [InlineData(PopularityMeasure.Buyers)]
    public void Recommend_TiedProducts_ByIdAndNeverNonPositive(PopularityMeasure measure)
    {
        var model = new PopularityRecommender(new PopularityOptions { Measure = measure }).Fit(Ties());

        var items = model.Recommend("X1", new RecommendationRequest { ExcludePurchased = false });

        // D was bought and returned (net 0 on every measure), E never sold: neither is recommended.
        Assert.Equal(["A", "B", "C"], Ids(items));
        Assert.Equal([1, 2, 3], items.Select(r => r.Rank));
    }

    [Fact]
    public void Recommend_ReturnedProduct_StillCountsAsPurchased()
    {
        var model = new PopularityRecommender().Fit(Ties());

        // X2 bought C and bought-then-returned D: both count as bought; A and B are left.
        Assert.Equal(["A", "B"], Ids(model.Recommend("X2")));
    }

    [Fact]
    public void Recommend_UnknownCustomer_WholePopularityList()
    {
        var items = Model.Recommend("nobody");

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(items));
    }

    [Fact]
    public void Fit_NullDataset_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PopularityRecommender().Fit((CustomerAnalytics.Enrichment.EnrichedDataset)null!));
    }

    [Fact]
    public void Constructor_UndefinedMeasure_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new PopularityRecommender(new PopularityOptions { Measure = (PopularityMeasure)7 }));

        Assert.Equal("Invalid PopularityOptions: Measure is not a defined measure (was 7).", error.Message);
    }
}
