using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Cancellation;

/// <summary>Issue 14, "cancellation tokens": the join, every strategy's fit and batch, the lifetime fits and the
/// evaluation stop with <see cref="OperationCanceledException"/> when their token is cancelled.</summary>
public sealed class CancellationTests
{
    private static readonly CancellationToken Cancelled = new(canceled: true);

    public static TheoryData<string> Strategies => ["popularity", "segment-affinity", "item-cooccurrence", "als", "fallback", "blend"];

    [Fact]
    public void Build_CancelledToken_Throws()
    {
        var builder = new EnrichedDatasetBuilder().AddCustomers(Seed.Customers).AddProducts(Seed.Products).AddTransactions(Seed.Transactions);

        Assert.ThrowsAny<OperationCanceledException>(() => builder.Build(Cancelled));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Fit_CancelledToken_Throws(string strategy)
    {
        var recommender = Create(strategy);

        Assert.ThrowsAny<OperationCanceledException>(() => recommender.Fit(Seed.Dataset(), Cancelled));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void RecommendAll_CancelledToken_Throws(string strategy)
    {
        var model = Create(strategy).Fit(Seed.Dataset());

        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(RecommendationRequest.Default, Cancelled));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void FitAndRecommendAll_LiveToken_SameAsWithout(string strategy)
    {
        var recommender = Create(strategy);
        var dataset = Seed.Dataset();

        var withToken = recommender.Fit(dataset, CancellationToken.None).RecommendAll(RecommendationRequest.Default, new CancellationTokenSource().Token);
        var without = recommender.Fit(dataset).RecommendAll();

        Assert.Equal(Flat(without), Flat(withToken));
    }

    [Fact]
    public void BgNbdFit_CancelledToken_Throws()
    {
        var summary = BtydSummary.FromColumns(["a", "b", "c"], [0, 2, 7], [0, 30.43, 20], [38.86, 38.86, 30], [], LifetimeTimeUnit.Weeks);

        Assert.ThrowsAny<OperationCanceledException>(() => BgNbdModel.Fit(summary, cancellationToken: Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => BgNbdModel.TryFit(summary, cancellationToken: Cancelled));
    }

    [Fact]
    public void GammaGammaFit_CancelledToken_Throws()
    {
        var summary = BtydSummary.FromColumns(["a", "b", "c"], [1, 2, 3], [10, 20, 25], [30, 30, 30], [10, 20, 15], LifetimeTimeUnit.Weeks);

        Assert.ThrowsAny<OperationCanceledException>(() => GammaGammaModel.Fit(summary, cancellationToken: Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => GammaGammaModel.TryFit(summary, cancellationToken: Cancelled));
    }

    /// <summary>The comparison checks between strategies: cancelled during the first fit, the second is never fitted.</summary>
    [Fact]
    public void Comparison_CancelledDuringFirstStrategy_SecondNeverFitted()
    {
        using var source = new CancellationTokenSource();
        var first = new CancellingRecommender("first", source);
        var second = new CancellingRecommender("second", null);
        var split = DatasetSplitter.ByTime(Seed.Dataset(), Seed.At("2024-03-04T00:00:00Z"));

        Assert.ThrowsAny<OperationCanceledException>(() => RecommenderComparison.Run(split, [first, second], cancellationToken: source.Token));
        Assert.Equal((1, 0), (first.Fits, second.Fits));
    }

    private static IRecommender Create(string strategy) => strategy switch
    {
        "popularity" => new PopularityRecommender(),
        "segment-affinity" => new SegmentAffinityRecommender(),
        "item-cooccurrence" => new ItemCooccurrenceRecommender(),
        "als" => new ImplicitAlsRecommender(ImplicitAlsOptions.Default with { Factors = 2, Iterations = 2 }),
        "fallback" => new FallbackRecommender(new ItemCooccurrenceRecommender(), new PopularityRecommender()),
        _ => new BlendedRecommender(new WeightedRecommender(new PopularityRecommender(), 1), new WeightedRecommender(new SegmentAffinityRecommender(), 1)),
    };

    private static string[] Flat(IEnumerable<CustomerRecommendations> lists) =>
        [.. lists.SelectMany(l => l.Items.Select(i => $"{l.CustomerId} {i.Rank} {i.ProductId} {i.Score:R} {i.Reason}"))];

    /// <summary>Popularity that counts its fits and, when given a source, cancels it while fitting.</summary>
    private sealed class CancellingRecommender(string name, CancellationTokenSource? cancel) : IRecommender
    {
        public string Name => name;

        public int Fits { get; private set; }

        public IRecommenderModel Fit(EnrichedDataset dataset)
        {
            Fits++;
            cancel?.Cancel();
            return new PopularityRecommender().Fit(dataset);
        }
    }
}
