using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Loading;

/// <summary>The optional weight (rating) column: loaded, checked, carried to the dataset and into the affinity.</summary>
public class WeightColumnTests
{
    // U1 rates A 5 and B 2, U2 rates A 4 and C 3 (and C again 1.5), U3 rates B 1 and C 4.
    private const string Ratings = """
        customer_id,product_id,qty,ts,rating
        U1,A,1,2024-01-01T00:00:00Z,5
        U1,B,1,2024-01-02T00:00:00Z,2
        U2,A,1,2024-01-03T00:00:00Z,4
        U2,C,1,2024-01-04T00:00:00Z,3
        U2,C,1,2024-01-05T00:00:00Z,1.5
        U3,B,1,2024-01-06T00:00:00Z,1
        U3,C,1,2024-01-07T00:00:00Z,4
        """;

    [Fact]
    public void LoadInto_RatingColumn_WeightsOnTheDatasetAndRevenueUnchanged()
    {
        var dataset = Load(Ratings);
        var unweighted = Load(WithoutRatings(Ratings));

        Assert.True(dataset.HasWeights);
        Assert.Equal([5f, 2f, 4f, 3f, 1.5f, 1f, 4f], dataset.Weights.ToArray());
        Assert.Equal(
            Enumerable.Range(0, unweighted.TransactionCount).Select(unweighted.GetRevenue),
            Enumerable.Range(0, dataset.TransactionCount).Select(dataset.GetRevenue));
    }

    [Fact]
    public void LoadInto_JsonWeightProperty_SameWeightsAsCsv()
    {
        const string Json = """
            [{"customer_id":"U1","product_id":"A","qty":1,"ts":"2024-01-01T00:00:00Z","weight":2.5},
             {"customer_id":"U2","product_id":"B","qty":1,"ts":"2024-01-02T00:00:00Z","weight":0}]
            """;
        var builder = NewBuilder();

        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(Json), "t.json", DataFormat.Json);

        Assert.Equal([2.5f, 0f], builder.Build().Weights.ToArray());
    }

    [Fact]
    public void LoadInto_NoWeightColumn_NoWeightsAndWeightAffinityRefused()
    {
        var dataset = Load(WithoutRatings(Ratings));

        Assert.False(dataset.HasWeights);
        Assert.True(dataset.Weights.IsEmpty);
        var error = Assert.Throws<InvalidOperationException>(() => CustomerAffinities.Build(dataset, AffinityWeight.Weight));
        Assert.Contains("LoadOptions.TransactionColumns.Weight", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "the weight is negative")]
    [InlineData("abc", "not a number")]
    [InlineData("Infinity", "the weight is not finite")]
    [InlineData("NaN", "the weight is not finite")]
    [InlineData("1e39", "the weight is too large")]
    [InlineData("1,5", "not a number")]
    public void LoadInto_BadWeight_RowRejectedNamingFileLineColumnValue(string value, string problem)
    {
        var text = Ratings.Replace("U2,A,1,2024-01-03T00:00:00Z,4", "U2,A,1,2024-01-03T00:00:00Z," + (value.Contains(',', StringComparison.Ordinal) ? "\"" + value + "\"" : value), StringComparison.Ordinal);
        var builder = NewBuilder();

        var report = TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "ratings.csv", options: LoaderTestData.Lenient);

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("ratings.csv", 4L, "rating", value, problem), (diagnostic.Source, diagnostic.Line, diagnostic.Column, diagnostic.Value, diagnostic.Problem));
        Assert.Equal("a number of 0 or more with '.' as the decimal point, such as 4.5", diagnostic.Expected);
        Assert.Equal([5f, 2f, 3f, 1.5f, 1f, 4f], builder.Build().Weights.ToArray());
    }

    [Fact]
    public void Build_WeightAffinity_IsTheSumOfTheCustomersWeights()
    {
        var dataset = Load(Ratings);

        var affinities = CustomerAffinities.Build(dataset, AffinityWeight.Weight);

        Assert.True(dataset.TryGetCustomerIndex("U2", out var u2));
        Assert.Equal(["A", "C"], affinities.ProductsOf(u2).ToArray().Select(p => dataset.Products[p].Id));
        Assert.Equal([4.0, 4.5], affinities.ValuesOf(u2).ToArray());
    }

    [Fact]
    public void Recommend_CooccurrenceByWeight_ScoresTheWeightedAffinity()
    {
        var dataset = Load(Ratings);
        var options = ItemCooccurrenceOptions.Default with { Weight = AffinityWeight.Weight, Similarity = ItemSimilarity.Cooccurrence };

        var items = new ItemCooccurrenceRecommender(options).Fit(dataset).Recommend("U1");

        // U1 {A: 5, B: 2}; C co-occurs once with A (U2) and once with B (U3): 5·1 + 2·1 = 7 (by purchases: 2).
        var item = Assert.Single(items);
        Assert.Equal(("C", 7.0, "because you bought A"), (item.ProductId, item.Score, item.Reason));
    }

    private static EnrichedDataset Load(string text)
    {
        var builder = NewBuilder();
        TransactionLoader.LoadInto(builder, LoaderTestData.Utf8(text), "ratings.csv");
        return builder.Build();
    }

    private static string WithoutRatings(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line[..line.LastIndexOf(',')]));

    private static EnrichedDatasetBuilder NewBuilder() => new EnrichedDatasetBuilder()
        .AddCustomers(new[] { "U1", "U2", "U3" }.Select(id => new Customer(id, "Basic")))
        .AddProducts(new[] { "A", "B", "C" }.Select(id => new Product(id, "Books", 10m)));
}
