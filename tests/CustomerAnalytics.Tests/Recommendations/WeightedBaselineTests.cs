using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Loading;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>Popularity and segment affinity ranked by the loaded weight (a rating or an event's weight).</summary>
public sealed class WeightedBaselineTests
{
    private const string Favourite = "top seller in your segment's favourite category, ";
    private const string Second = "top seller in your segment's 2nd favourite category, ";

    // Books A, B at 10.00; Games C, D at 50.00. U1, U2 are Basic, U3 is Pro. One unit a line.
    // Weights per product: A 5 + 1 = 6, B 4.5, C 1, D 2 + 5 = 7.
    // Basic: Books 5 + 4.5 = 9.5, Games 1 + 2 = 3 (revenue: Books 20.00, Games 100.00). Pro: Books 1, Games 5.
    private const string Ratings = """
        customer_id,product_id,qty,ts,rating
        U1,A,1,2024-01-01T00:00:00Z,5
        U1,C,1,2024-01-02T00:00:00Z,1
        U2,B,1,2024-01-03T00:00:00Z,4.5
        U2,D,1,2024-01-04T00:00:00Z,2
        U3,A,1,2024-01-05T00:00:00Z,1
        U3,D,1,2024-01-06T00:00:00Z,5
        """;

    private static readonly EnrichedDataset Dataset = Load(Ratings);

    [Fact]
    public void Recommend_PopularityByWeight_RanksBySumOfWeights()
    {
        var model = new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Weight }).Fit(Dataset);

        // D 7, A 6, B 4.5, C 1; U1 bought A and C.
        Assert.Equal(
            [
                new Recommendation("D", 1, 7.0, "most popular: weight 7, 2 units, 100.00 revenue"),
                new Recommendation("B", 2, 4.5, "most popular: weight 4.5, 1 unit, 10.00 revenue"),
            ],
            model.Recommend("U1").ToArray());
    }

    [Fact]
    public void Recommend_PopularityByRevenue_IgnoresTheWeights()
    {
        var model = new PopularityRecommender().Fit(Dataset);

        // D 100.00, C 50.00, A 20.00, B 10.00.
        Assert.Equal(["D", "B"], model.Recommend("U1").Select(r => r.ProductId));
    }

    // U1 (Basic, bought A and C) by each weight. By weight: Books 9.5 (A 6, B 4.5), then Games 3 (D 7, C 1). By revenue:
    // Games 100.00 (D 100.00, C 50.00), then Books 20.00 (A 20.00, B 10.00). By purchases: Books 2 lines, Games 2
    // lines (a tie, by name: Books first), within Games D 2 lines, C 1. The fill (by revenue) adds nothing new.
    public static TheoryData<AffinityWeight, Recommendation[]> SegmentLists => new()
    {
        { AffinityWeight.Weight, [new("B", 1, 9.5, Favourite + "Books"), new("D", 2, 3.0, Second + "Games")] },
        { AffinityWeight.Revenue, [new("D", 1, 100.0, Favourite + "Games"), new("B", 2, 20.0, Second + "Books")] },
        { AffinityWeight.Purchases, [new("B", 1, 2.0, Favourite + "Books"), new("D", 2, 2.0, Second + "Games")] },
    };

    [Theory]
    [MemberData(nameof(SegmentLists))]
    public void Recommend_SegmentAffinityByWeight_FavouriteCategoryByTheChosenValue(AffinityWeight weight, Recommendation[] expected)
    {
        var model = new SegmentAffinityRecommender(new SegmentAffinityOptions { Weight = weight }).Fit(Dataset);

        Assert.Equal(expected, model.Recommend("U1").ToArray());
    }

    [Fact]
    public void Recommend_SegmentAffinityByWeight_OtherSegmentByItsOwnWeights()
    {
        var model = new SegmentAffinityRecommender(new SegmentAffinityOptions { Weight = AffinityWeight.Weight }).Fit(Dataset);

        // Pro (U3, bought A and D): Games 5 (D bought, C 1), then Books 1 (A bought, B 4.5).
        Assert.Equal(
            [
                new Recommendation("C", 1, 5.0, Favourite + "Games"),
                new Recommendation("B", 2, 1.0, Second + "Books"),
            ],
            model.Recommend("U3").ToArray());
    }

    [Fact]
    public void Fit_WeightWithoutWeightColumn_SaysWhichOptionAndHowToLoadOne()
    {
        var unweighted = Load(string.Join('\n', Ratings.Split('\n').Select(line => line[..line.LastIndexOf(',')])));

        var popularity = Assert.Throws<InvalidOperationException>(
            () => new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Weight }).Fit(unweighted));
        var segment = Assert.Throws<InvalidOperationException>(
            () => new SegmentAffinityRecommender(new SegmentAffinityOptions { Weight = AffinityWeight.Weight }).Fit(unweighted));

        Assert.StartsWith("The popularity measure is PopularityMeasure.Weight but the dataset has no weight column", popularity.Message, StringComparison.Ordinal);
        Assert.StartsWith("The affinity weight is AffinityWeight.Weight but the dataset has no weight column", segment.Message, StringComparison.Ordinal);
        Assert.Contains("LoadOptions.TransactionColumns.Weight", segment.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedSegmentWeight_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new SegmentAffinityOptions { Weight = (AffinityWeight)9 }.Validate());

        Assert.Equal("Invalid SegmentAffinityOptions: Weight is not a defined weight (was 9).", error.Message);
    }

    private static EnrichedDataset Load(string text)
    {
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers([new Customer("U1", "Basic"), new Customer("U2", "Basic"), new Customer("U3", "Pro")])
            .AddProducts([new Product("A", "Books", 10m), new Product("B", "Books", 10m), new Product("C", "Games", 50m), new Product("D", "Games", 50m)]);
        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "ratings.csv");
        return builder.Build();
    }
}
