using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class SegmentAffinityRecommenderTests
{
    private const string Favourite = "top seller in your segment's favourite category, ";
    private static readonly IRecommenderModel Model = new SegmentAffinityRecommender().Fit(Seed.Dataset());

    [Fact]
    public void Name_IsSegmentAffinity()
    {
        Assert.Equal("segment-affinity", new SegmentAffinityRecommender().Name);
        Assert.Equal("segment-affinity", Model.StrategyName);
    }

    [Fact]
    public void Recommend_SeedC004_SoftwareThenAccessoriesThenFill()
    {
        // Consumer (C001, C004): Software 199.00 (C001's P200); Accessories 39.98 + 59.98 + 19.99 = 119.95.
        // Accessories by overall revenue: P100 119.94, P400 59.98; C004 bought P100. Fill: P300 from popularity.
        var items = Model.Recommend("C004");

        Assert.Equal(
            [
                new Recommendation("P200", 1, 199.0, Favourite + "Software"),
                new Recommendation("P400", 2, 119.95, "top seller in your segment's 2nd favourite category, Accessories"),
                new Recommendation("P300", 3, 0.0, "top seller: 1 unit, 499.00 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Recommend_SeedC002_HardwareSegment()
    {
        // SMB (C002 only): Hardware 499.00, Accessories 59.97; C002 bought P300 and P100.
        var items = Model.Recommend("C002");

        Assert.Equal(
            [
                new Recommendation("P400", 1, 59.97, "top seller in your segment's 2nd favourite category, Accessories"),
                new Recommendation("P200", 2, 0.0, "top seller: 4 units, 796.00 revenue"),
            ],
            items.ToArray());
    }

    [Fact]
    public void Recommend_SeedC003NotExcludingPurchased_SoftwareThenPopularity()
    {
        var items = Model.Recommend("C003", new RecommendationRequest { ExcludePurchased = false });

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(items));
        Assert.Equal([597.0, 0.0, 0.0, 0.0], items.Select(r => r.Score));
        Assert.Equal(Favourite + "Software", items[0].Reason);
    }

    [Fact]
    public void Recommend_MaxCategoriesOne_RestFromFill()
    {
        var model = new SegmentAffinityRecommender(new SegmentAffinityOptions { MaxCategories = 1 }).Fit(Seed.Dataset());

        var items = model.Recommend("C004");

        Assert.Equal(["P200", "P300", "P400"], Ids(items));
        Assert.Equal("top seller: 2 units, 59.98 revenue", items[2].Reason);
    }

    [Fact]
    public void Recommend_FillByUnits_FillsInUnitsOrder()
    {
        var model = new SegmentAffinityRecommender(new SegmentAffinityOptions { FillMeasure = PopularityMeasure.Units }).Fit(Seed.Dataset());

        // Enterprise: Software (P200), then by units P100 6, P400 2, P300 1.
        Assert.Equal(["P100", "P400", "P300"], Ids(model.Recommend("C003")));
    }

    [Fact]
    public void Recommend_UnknownCustomer_PopularityWithItsScores()
    {
        var items = Model.Recommend("C999");

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(items));
        Assert.Equal([796.0, 499.0, 119.94, 59.98], items.Select(r => r.Score));
    }

    [Fact]
    public void Recommend_SegmentWithoutSales_FillOnly()
    {
        var dataset = new CustomerAnalytics.Enrichment.EnrichedDatasetBuilder()
            .AddCustomers([.. Seed.Customers, new("C005", "Public")])
            .AddProducts(Seed.Products)
            .AddTransactions(Seed.Transactions)
            .Build();

        var items = new SegmentAffinityRecommender().Fit(dataset).Recommend("C005");

        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(items));
        Assert.All(items, r => Assert.Equal(0.0, r.Score));
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryError()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new SegmentAffinityRecommender(new SegmentAffinityOptions { FillMeasure = (PopularityMeasure)9, MaxCategories = 0 }));

        Assert.Equal(
            "Invalid SegmentAffinityOptions: FillMeasure is not a defined measure (was 9). MaxCategories must be at least 1 (was 0).",
            error.Message);
    }

    [Fact]
    public void Fit_NullDataset_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new SegmentAffinityRecommender().Fit((CustomerAnalytics.Enrichment.EnrichedDataset)null!));
    }
}
