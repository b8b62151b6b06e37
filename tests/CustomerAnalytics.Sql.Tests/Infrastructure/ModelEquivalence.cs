using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>Every baseline strategy fitted from the engine's statistics against the same strategy fitted from the in-memory dataset: the same lists and scores for every customer.</summary>
internal static class ModelEquivalence
{
    /// <summary>Popularity by each measure, and segment affinity with its defaults and with two categories and a buyers fill.</summary>
    public static (PopularityRecommender? Popularity, SegmentAffinityRecommender? Segment)[] Strategies { get; } =
    [
        (new PopularityRecommender(), null),
        (new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Units }), null),
        (new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Buyers }), null),
        (null, new SegmentAffinityRecommender()),
        (null, new SegmentAffinityRecommender(new SegmentAffinityOptions { MaxCategories = 2, FillMeasure = PopularityMeasure.Buyers })),
    ];

    public static async Task AssertAllAsync(DbConnection connection, SqlSource source, SqlDialect dialect, EnrichedDataset dataset)
    {
        var kpis = await SqlKpis.BindAsync(connection, source, dialect);
        var statistics = await kpis.ModelStatistics().ExecuteAsync(connection);
        Assert.Equal(dataset.Customers.Select(c => (c.Id, c.Segment)), statistics.Customers.Select(c => (c.Id, c.Segment)));
        Assert.Equal(dataset.Products.Select(p => (p.Id, p.Category, p.ListPrice)).Order(), statistics.Products.Select(p => (p.Id, p.Category, p.ListPrice)).Order());
        foreach (var (popularity, segment) in Strategies)
        {
            var expected = popularity?.Fit(dataset) ?? segment!.Fit(dataset);
            var actual = popularity?.Fit(statistics) ?? segment!.Fit(statistics);
            AssertSameAnswers(expected, actual, dataset);
            AssertSameAnswers(expected, RoundTrip(actual), dataset);
        }
    }

    /// <summary>The same lists for every customer (by default, with purchases kept, and with a product left out) and for a customer never seen.</summary>
    public static void AssertSameAnswers(IRecommenderModel expected, IRecommenderModel actual, EnrichedDataset dataset)
    {
        Assert.Equal(expected.StrategyName, actual.StrategyName);
        RecommendationRequest[] requests =
        [
            RecommendationRequest.Default,
            new() { Count = 8, ExcludePurchased = false },
            new() { Count = 3, DeniedProductIds = new HashSet<string>([dataset.Products[0].Id], StringComparer.Ordinal) },
        ];
        var recommended = 0;
        foreach (var request in requests)
        {
            var all = Flat(expected.RecommendAll(request));
            recommended += all.Count(r => r.Rank > 0);
            Assert.Equal(all, Flat(actual.RecommendAll(request)));
            Assert.Equal(expected.Recommend("NOBODY", request).ToArray(), actual.Recommend("NOBODY", request).ToArray());
        }

        Assert.NotEqual(0, recommended);
    }

    private static IRecommenderModel RoundTrip(IRecommenderModel model)
    {
        var stream = new MemoryStream();
        RecommenderModelFile.Save(model, stream);
        stream.Position = 0;
        return RecommenderModelFile.Load(stream);
    }

    /// <summary>Every customer's list as values (CustomerRecommendations compares its items by reference).</summary>
    private static List<(string Customer, int Rank, string Product, double Score, string Reason)> Flat(IEnumerable<CustomerRecommendations> all) =>
        [.. all.SelectMany(c => c.Items.Select(i => (c.CustomerId, i.Rank, i.ProductId, i.Score, i.Reason)).Prepend((c.CustomerId, 0, "", 0.0, "")))];
}
