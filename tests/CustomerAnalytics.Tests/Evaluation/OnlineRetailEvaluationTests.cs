using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Evaluation;

/// <summary>The real-data comparison of docs/recommender-quality.md, on Online Retail with the 2011-09-01 cut-off.</summary>
public sealed class OnlineRetailEvaluationTests
{
    private const string File = "online-retail/online_retail.csv.gz";

    [SharedDataFact(File)]
    public void Run_OnlineRetailTimeSplit_CooccurrenceBeatsPopularity_WithTheDocumentedFigures()
    {
        var options = LoadOptions.Default with
        {
            Mode = LoadMode.Lenient,
            TransactionColumns = TransactionColumns.OnlineRetail,
            SourceTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
        };
        var builder = new EnrichedDatasetBuilder();
        OrderLinesLoader.LoadInto(builder, TestPaths.Shared(File.Split('/')), options);
        var split = DatasetSplitter.ByTime(builder.Build(), new DateTimeOffset(2011, 9, 1, 0, 0, 0, TimeSpan.Zero));

        var table = RecommenderComparison.Run(
            split,
            [new PopularityRecommender(), new ItemCooccurrenceRecommender(), new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MaxNeighbors = 200 })]);

        Assert.Equal((232_053, 174_776, 131_889), (table.TrainRows, table.TestRows, table.TruthPairs));
        var popularity = table.Results[0].Ranking;
        var everyNeighbour = table.Results[1].Ranking;
        var top200 = table.Results[2].Ranking;
        Assert.Equal(2_974, everyNeighbour.Customers);
        Assert.Equal(0.0455, popularity.Precision, 1e-4);
        Assert.Equal(0.0529, popularity.Ndcg, 1e-4);

        // The table's row (measured with 200 neighbours), and the default since SAR's every-neighbour rule.
        Assert.Equal(0.0806, top200.Precision, 1e-4);
        Assert.Equal(0.0916, top200.Ndcg, 1e-4);
        Assert.Equal(0.0840, everyNeighbour.Precision, 1e-4);
        Assert.Equal(0.0956, everyNeighbour.Ndcg, 1e-4);
    }
}
