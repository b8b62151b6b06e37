using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class GlobalRecommendationsTests
{
    [Fact]
    public void Compute_Seed_MatchesOriginalDemo()
    {
        var lists = GlobalRecommendations.Compute(Seed.Dataset());

        Assert.Equal(
            [
                new ProductRevenue("P200", "Software", 796.00m),
                new ProductRevenue("P300", "Hardware", 499.00m),
                new ProductRevenue("P100", "Accessories", 119.94m),
                new ProductRevenue("P400", "Accessories", 59.98m),
            ],
            lists.TopProducts.ToArray());
        Assert.Equal(
            [new CategoryRevenue("Software", 796.00m), new CategoryRevenue("Hardware", 499.00m), new CategoryRevenue("Accessories", 179.92m)],
            lists.TopCategories.ToArray());
        Assert.Equal(
            [
                new SegmentTopCategory("Consumer", "Software", 199.00m),
                new SegmentTopCategory("Enterprise", "Software", 597.00m),
                new SegmentTopCategory("SMB", "Hardware", 499.00m),
            ],
            lists.TopCategoryBySegment.ToArray());
    }

    [Fact]
    public void Compute_CountTwo_FirstTwoOfEach()
    {
        var lists = GlobalRecommendations.Compute(Seed.Dataset(), count: 2);

        Assert.Equal(["P200", "P300"], lists.TopProducts.Select(p => p.ProductId));
        Assert.Equal(["Software", "Hardware"], lists.TopCategories.Select(c => c.Category));
        Assert.Equal(3, lists.TopCategoryBySegment.Length);
    }

    [Fact]
    public void Compute_Ties_ByIdAndOnlyPositiveRevenue()
    {
        var lists = GlobalRecommendations.Compute(RecommendationData.Ties());

        Assert.Equal(["A", "B", "C"], lists.TopProducts.Select(p => p.ProductId));
        Assert.Equal([new CategoryRevenue("Cat", 30m)], lists.TopCategories.ToArray());
        Assert.Equal([new SegmentTopCategory("S", "Cat", 30m)], lists.TopCategoryBySegment.ToArray());
    }

    [Fact]
    public void Compute_EmptyDataset_EmptyLists()
    {
        var lists = GlobalRecommendations.Compute(new EnrichedDatasetBuilder().Build());

        Assert.Empty(lists.TopProducts);
        Assert.Empty(lists.TopCategories);
        Assert.Empty(lists.TopCategoryBySegment);
    }

    [Fact]
    public void Compute_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => GlobalRecommendations.Compute(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => GlobalRecommendations.Compute(Seed.Dataset(), -1));
    }
}
