using System.Globalization;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Evaluation;

public sealed class RankingEvaluatorTests
{
    // Microsoft Recommenders' own unit-test data (tests/unit/recommenders/evaluation/test_python_evaluation.py).
    private static readonly int[] Users = [1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1];
    private static readonly int[] TrueItems = [3, 1, 4, 5, 6, 7, 2, 5, 6, 8, 9, 10, 11, 12, 13, 14, 1, 2];
    private static readonly int[] Ratings = [3, 5, 5, 3, 3, 1, 5, 5, 5, 4, 4, 3, 3, 3, 2, 1, 5, 4];
    private static readonly int[] PredictedItems = [12, 10, 3, 5, 11, 13, 4, 10, 7, 13, 1, 3, 5, 2, 11, 14, 3, 10];
    private static readonly double[] Scores = [12, 14, 13, 12, 11, 10, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 14, 13];

    [Fact]
    public void Evaluate_RecommendersGoldenData_MatchesPublishedValues()
    {
        var metrics = RankingEvaluator.Evaluate(Truth(), Predictions());

        Assert.Equal(3, metrics.Customers);
        Assert.Equal(10, metrics.K);
        Assert.Equal(0.26666, metrics.Precision, 1e-4);
        Assert.Equal(0.37777, metrics.Recall, 1e-4);
        Assert.Equal(0.38172, metrics.Ndcg, 1e-4);
        Assert.Equal(0.23613, metrics.Map, 1e-4);

        // The same to the last digits, from the formulas by hand: hits at ranks {1}, {3}, {2,4,7,8,9,10}.
        Assert.Equal(8.0 / 30, metrics.Precision, 1e-12);
        Assert.Equal(((1.0 / 3) + (1.0 / 5) + (6.0 / 10)) / 3, metrics.Recall, 1e-12);
        Assert.Equal(0.38172659753071586, metrics.Ndcg, 1e-12);
        Assert.Equal(0.23613756613756612, metrics.Map, 1e-12);
        Assert.Equal(metrics.Map, metrics.MapAtK, 1e-12); // no customer has more than 10 relevant items
        Assert.Equal(1.0, metrics.HitRate);
        Assert.Equal((1 + (1.0 / 3) + (1.0 / 2)) / 3, metrics.Mrr, 1e-12);
    }

    [Fact]
    public void Evaluate_TruthAgainstItself_IsPerfectButPrecisionIsBoundedByListLength()
    {
        var asPredictions = Users.Select((u, i) => new ScoredItem(Id(u), Id(TrueItems[i]), Ratings[i]));

        var metrics = RankingEvaluator.Evaluate(Truth(), asPredictions);

        Assert.Equal(0.6, metrics.Precision, 1e-12); // (3 + 5 + 10) / (3 × 10)
        Assert.Equal(1.0, metrics.Recall, 1e-12);
        Assert.Equal(1.0, metrics.Ndcg, 1e-12);
        Assert.Equal(1.0, metrics.Map, 1e-12);
        Assert.Equal(1.0, metrics.MapAtK, 1e-12);
    }

    [Fact]
    public void EvaluateLists_SameRankingAsRows_GivesTheSameMetrics()
    {
        var lists = Predictions()
            .GroupBy(p => p.CustomerId)
            .Select(g => new CustomerRecommendations(
                g.Key,
                [.. g.OrderByDescending(p => p.Score).Select((p, i) => new Recommendation(p.ProductId, i + 1, p.Score, "test"))]));

        Assert.Equal(RankingEvaluator.Evaluate(Truth(), Predictions()), RankingEvaluator.EvaluateLists(Truth(), lists));
    }

    [Fact]
    public void Evaluate_Log2Discount_GivesTheSameBinaryNdcg()
    {
        var natural = RankingEvaluator.Evaluate(Truth(), Predictions());
        var log2 = RankingEvaluator.Evaluate(Truth(), Predictions(), RankingMetricsOptions.Default with { Discount = DiscountLogarithm.Base2 });

        Assert.Equal(natural.Ndcg, log2.Ndcg, 1e-12);
    }

    [Fact]
    public void Evaluate_CustomersOnlyInTruthOrOnlyInPredictions_AreNotCounted()
    {
        var truth = Truth().Append(new RelevantItem("9", "1"));
        var predictions = Predictions().Append(new ScoredItem("8", "1", 1));

        var metrics = RankingEvaluator.Evaluate(truth, predictions);

        Assert.Equal(RankingEvaluator.Evaluate(Truth(), Predictions()), metrics);
    }

    [Fact]
    public void EvaluateLists_EmptyListOfAKnownCustomer_CountsAsNoHit()
    {
        var lists = new[]
        {
            new CustomerRecommendations("a", [new Recommendation("x", 1, 1, "r")]),
            new CustomerRecommendations("b", []),
        };
        var truth = new[] { new RelevantItem("a", "x"), new RelevantItem("b", "y") };

        var metrics = RankingEvaluator.EvaluateLists(truth, lists, RankingMetricsOptions.Default with { K = 1 });

        Assert.Equal(2, metrics.Customers);
        Assert.Equal(0.5, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(0.5, metrics.HitRate);
    }

    [Fact]
    public void Evaluate_RepeatedPredictionAndTruthRows_CountOnce_TiesKeepInputOrder()
    {
        var truth = new[] { new RelevantItem("a", "x"), new RelevantItem("a", "x"), new RelevantItem("a", "z") };
        var predictions = new[]
        {
            new ScoredItem("a", "y", 5), // tie with x: input order puts y first
            new ScoredItem("a", "x", 5),
            new ScoredItem("a", "x", 4), // repeat: ignored
            new ScoredItem("a", "z", 3),
        };

        var metrics = RankingEvaluator.Evaluate(truth, predictions, RankingMetricsOptions.Default with { K = 3 });

        // Ranked y, x, z: hits at 2 and 3 of 2 relevant items.
        Assert.Equal(2.0 / 3, metrics.Precision, 1e-12);
        Assert.Equal(1.0, metrics.Recall, 1e-12);
        Assert.Equal(((1.0 / 2) + (2.0 / 3)) / 2, metrics.Map, 1e-12);
        Assert.Equal(0.5, metrics.Mrr, 1e-12);
        var dcg = (1 / Math.Log(3)) + (1 / Math.Log(4));
        var ideal = (1 / Math.Log(2)) + (1 / Math.Log(3));
        Assert.Equal(dcg / ideal, metrics.Ndcg, 1e-12);
    }

    [Fact]
    public void Evaluate_MapAtK_DividesByMinOfRelevantAndK()
    {
        var truth = new[] { new RelevantItem("a", "1"), new RelevantItem("a", "2"), new RelevantItem("a", "3") };
        var predictions = new[] { new ScoredItem("a", "1", 2), new ScoredItem("a", "9", 1) };

        var metrics = RankingEvaluator.Evaluate(truth, predictions, RankingMetricsOptions.Default with { K = 2 });

        Assert.Equal(1.0 / 3, metrics.Map, 1e-12);
        Assert.Equal(1.0 / 2, metrics.MapAtK, 1e-12);
    }

    [Fact]
    public void Evaluate_NoCommonCustomers_IsAllZero()
    {
        var metrics = RankingEvaluator.Evaluate([new RelevantItem("a", "1")], [new ScoredItem("b", "1", 1)]);

        Assert.Equal(new RankingMetrics(10, 0, 0, 0, 0, 0, 0, 0, 0), metrics);
    }

    [Fact]
    public void Evaluate_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RankingEvaluator.Evaluate([], [], new RankingMetricsOptions { K = 0, Discount = (DiscountLogarithm)7 }));

        Assert.Contains("K must be positive (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Discount is not a defined logarithm (was 7)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBeyondAccuracy_HandCalculatedExample()
    {
        // Training: A bought 1, 2; B bought 1, 3; C bought 2. Buyers: 1 → 2, 2 → 2, 3 → 1; 5 interactions.
        var train = new[] { new RelevantItem("A", "1"), new RelevantItem("A", "2"), new RelevantItem("B", "1"), new RelevantItem("B", "3"), new RelevantItem("C", "2") };
        var lists = new[]
        {
            new CustomerRecommendations("A", [new Recommendation("3", 1, 1, "r")]),
            new CustomerRecommendations("B", [new Recommendation("2", 1, 1, "r")]),
            new CustomerRecommendations("C", [new Recommendation("1", 1, 1, "r"), new Recommendation("3", 2, 1, "r")]),
        };

        var metrics = RankingEvaluator.EvaluateBeyondAccuracy(train, lists);

        Assert.Equal(1.0, metrics.CatalogCoverage); // 3 of 3 products recommended
        Assert.Equal(1.5, metrics.DistributionalCoverage, 1e-12); // shares ½, ¼, ¼
        var novelty = ((2 * -Math.Log2(1.0 / 5)) + (2 * -Math.Log2(2.0 / 5))) / 4;
        Assert.Equal(novelty, metrics.Novelty, 1e-12);
        Assert.Equal(1 - (1 / Math.Sqrt(2)), metrics.IntraListDiversity, 1e-12); // only C's list has a pair: (1, 3)
    }

    [Fact]
    public void EvaluateBeyondAccuracy_UnknownProduct_CountsForCoverageButHasNoNoveltyOrSimilarity()
    {
        var train = new[] { new RelevantItem("A", "1"), new RelevantItem("B", "2") };
        var lists = new[] { new CustomerRecommendations("A", [new Recommendation("2", 1, 1, "r"), new Recommendation("new", 2, 1, "r")]) };

        var metrics = RankingEvaluator.EvaluateBeyondAccuracy(train, lists, k: 10);

        Assert.Equal(1.0, metrics.CatalogCoverage); // 2 distinct recommended ÷ 2 training products
        Assert.Equal(1.0, metrics.DistributionalCoverage, 1e-12);
        Assert.Equal(-Math.Log2(0.5) / 2, metrics.Novelty, 1e-12);
        Assert.Equal(1.0, metrics.IntraListDiversity, 1e-12);
    }

    [Fact]
    public void Evaluate_ManyRows_IsDeterministic()
    {
        var random = new Random(7);
        var truth = Enumerable.Range(0, 20_000).Select(i => new RelevantItem(Id(i % 5_000), Id(random.Next(300)))).ToArray();
        var predictions = Enumerable.Range(0, 100_000).Select(i => new ScoredItem(Id(i % 6_000), Id(random.Next(300)), random.Next(50))).ToArray();

        var first = RankingEvaluator.Evaluate(truth, predictions);
        var second = RankingEvaluator.Evaluate(truth, predictions);

        Assert.Equal(first, second);
        Assert.Equal(5_000, first.Customers);
    }

    private static IEnumerable<RelevantItem> Truth() => Users.Select((u, i) => new RelevantItem(Id(u), Id(TrueItems[i])));

    private static IEnumerable<ScoredItem> Predictions() => Users.Select((u, i) => new ScoredItem(Id(u), Id(PredictedItems[i]), Scores[i]));

    private static string Id(int value) => value.ToString(CultureInfo.InvariantCulture);
}
