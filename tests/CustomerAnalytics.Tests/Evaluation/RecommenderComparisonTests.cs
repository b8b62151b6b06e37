using System.Text;
using System.Text.Json;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Evaluation;

public sealed class RecommenderComparisonTests
{
    [Fact]
    public void Run_SeedTimeSplit_MatchesHandCalculation()
    {
        // Train: C001 {P100, P200}, C002 {P300}, C003 {P200}; truth: C001 P400, C002 P100, C004 P100.
        // Popularity by revenue on train: P200, P300, P100. C001 → [P300] (miss), C002 → [P200, P100] (hit at 2),
        // C004 → [P200, P300, P100] (hit at 3). Co-occurrence has nothing to add here and falls back to the same lists.
        var split = DatasetSplitter.ByTime(Seed.Dataset(), Seed.At("2024-03-04T00:00:00Z"));

        var table = RecommenderComparison.Run(split, [new PopularityRecommender(), new ItemCooccurrenceRecommender()], timeProvider: new SteppingTimeProvider());

        Assert.Equal(["popularity", "item-cooccurrence"], table.Results.Select(r => r.Strategy));
        foreach (var result in table.Results)
        {
            var m = result.Ranking;
            Assert.Equal(3, m.Customers);
            Assert.Equal(2.0 / 30, m.Precision, 1e-12);
            Assert.Equal(2.0 / 3, m.Recall, 1e-12);
            Assert.Equal(((Math.Log(2) / Math.Log(3)) + 0.5) / 3, m.Ndcg, 1e-12);
            Assert.Equal((0.5 + (1.0 / 3)) / 3, m.Map, 1e-12);
            Assert.Equal(2.0 / 3, m.HitRate, 1e-12);
            Assert.Equal((0.5 + (1.0 / 3)) / 3, m.Mrr, 1e-12);

            // Lists [P300], [P200, P100], [P200, P300, P100]; buyers in training P100 1, P200 2, P300 1 of 4 pairs.
            var b = result.BeyondAccuracy;
            Assert.Equal(1.0, b.CatalogCoverage);
            Assert.Equal(Math.Log2(3), b.DistributionalCoverage, 1e-12);
            Assert.Equal(10.0 / 6, b.Novelty, 1e-12);
            var pair = 1 / Math.Sqrt(2);
            Assert.Equal(((1 - pair) + (1 - (pair / 3))) / 2, b.IntraListDiversity, 1e-12);

            // The stepping clock advances one second per reading.
            Assert.Equal(TimeSpan.FromSeconds(1), result.FitTime);
            Assert.Equal(TimeSpan.FromSeconds(1), result.RecommendAllTime);
        }

        Assert.Equal(4, table.TrainRows);
        Assert.Equal(3, table.TestRows);
        Assert.Equal(3, table.TruthPairs);
    }

    [Fact]
    public void Run_IsDeterministic_ApartFromTimes()
    {
        var dataset = DatasetSplitterTests.Random(400, 60, 6_000, seed: 11);
        var split = DatasetSplitter.RandomPerCustomer(dataset, 0.25, seed: 3);
        IRecommender[] strategies = [new PopularityRecommender(), new SegmentAffinityRecommender(), new ItemCooccurrenceRecommender()];

        var first = RecommenderComparison.Run(split, strategies);
        var second = RecommenderComparison.Run(split, strategies);

        Assert.Equal(first.Results.Select(r => (r.Ranking, r.BeyondAccuracy)), second.Results.Select(r => (r.Ranking, r.BeyondAccuracy)));
        Assert.All(first.Results, r => Assert.Equal(first.Results[0].Ranking.Customers, r.Ranking.Customers));
    }

    [Fact]
    public void Run_NewProductTruth_ScoresOnlyProductsNewToTheCustomer()
    {
        var split = DatasetSplitter.ByTime(Seed.Dataset(), Seed.At("2024-03-04T00:00:00Z"));

        var table = RecommenderComparison.Run(split, [new PopularityRecommender()], ComparisonOptions.Default with { Truth = TruthSet.NewProducts });

        Assert.Equal(TruthSet.NewProducts, table.Truth);
        Assert.Equal(3, table.TruthPairs); // nothing in the test period was a repeat
    }

    [Fact]
    public void Writers_ProduceTheDocumentedFormats()
    {
        var table = Table();

        Assert.Equal(
            "Split: time cut-off X. k = 10; past purchases excluded; truth: every product bought in the test period; 100 training rows, 20 test rows, 15 truth pairs, 7 customers evaluated.\n\n"
            + "| strategy | precision@10 | recall@10 | NDCG@10 | MAP | MAP@10 | hit rate@10 | MRR@10 | catalog coverage | distributional coverage | novelty | diversity | fit ms | recommend-all ms |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + "| popularity | 0.1000 | 0.2000 | 0.3000 | 0.4000 | 0.5000 | 0.6000 | 0.7000 | 0.0100 | 1.5000 | 2.2500 | 0.1235 | 13 | 3 |\n",
            table.ToMarkdown());

        using var csv = new MemoryStream();
        table.WriteCsv(csv);
        Assert.Equal(
            "strategy,k,customers,precision,recall,ndcg,map,map_at_k,hit_rate,mrr,catalog_coverage,distributional_coverage,novelty,intra_list_diversity,fit_ms,recommend_all_ms\n"
            + "popularity,10,7,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.01,1.5,2.25,0.12345,12.5,3\n",
            Encoding.UTF8.GetString(csv.ToArray()));

        using var json = new MemoryStream();
        table.WriteJson(json);
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        Assert.Equal("time cut-off X", root.GetProperty("split").GetString());
        Assert.Equal("all", root.GetProperty("truth").GetString());
        Assert.True(root.GetProperty("exclude_purchased").GetBoolean());
        var row = root.GetProperty("strategies")[0];
        Assert.Equal("popularity", row.GetProperty("strategy").GetString());
        Assert.Equal(0.3, row.GetProperty("ndcg").GetDouble());
        Assert.Equal(0.5, row.GetProperty("map_at_k").GetDouble());
        Assert.Equal(12.5, row.GetProperty("fit_ms").GetDouble());
    }

    [Fact]
    public void Run_InvalidOptions_ListsEveryProblem()
    {
        var split = DatasetSplitter.ByTime(Seed.Dataset(), Seed.At("2024-03-04T00:00:00Z"));

        var ex = Assert.Throws<ArgumentException>(() => RecommenderComparison.Run(split, [], new ComparisonOptions { K = 0, Truth = (TruthSet)5 }));

        Assert.Contains("K must be positive (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Truth is not a defined truth set (was 5)", ex.Message, StringComparison.Ordinal);
    }

    private static ComparisonTable Table() => new()
    {
        Split = "time cut-off X",
        K = 10,
        ExcludePurchased = true,
        Truth = TruthSet.All,
        TrainRows = 100,
        TestRows = 20,
        TruthPairs = 15,
        Results =
        [
            new StrategyResult(
                "popularity",
                new RankingMetrics(10, 7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
                new BeyondAccuracyMetrics(0.01, 1.5, 2.25, 0.12345),
                TimeSpan.FromMilliseconds(12.5),
                TimeSpan.FromMilliseconds(3)),
        ],
    };

    /// <summary>A clock that moves one second forward each time it is read.</summary>
    private sealed class SteppingTimeProvider : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += TimeSpan.TicksPerSecond;
    }
}
