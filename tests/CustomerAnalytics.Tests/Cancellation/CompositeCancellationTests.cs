using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Cancellation;

/// <summary>Issue 14, in-loop cancellation: the fallback chain and the blend check their token inside their loops
/// (between parts while fitting, before each customer while recommending for all), so a token cancelled mid-way stops
/// them there with <see cref="OperationCanceledException"/>.</summary>
public sealed class CompositeCancellationTests
{
    [Fact]
    public void FallbackFit_CancelledDuringFirstPart_SecondNeverFitted()
    {
        using var source = new CancellationTokenSource();
        var first = new ScriptedRecommender("first") { OnFit = source.Cancel };
        var second = new ScriptedRecommender("second");

        Assert.ThrowsAny<OperationCanceledException>(() => new FallbackRecommender(first, second).Fit(Seed.Dataset(), source.Token));
        Assert.Equal((1, 0), (first.Fits, second.Fits));
    }

    [Fact]
    public void BlendFit_CancelledDuringFirstPart_SecondNeverFitted()
    {
        using var source = new CancellationTokenSource();
        var first = new ScriptedRecommender("first") { OnFit = source.Cancel };
        var second = new ScriptedRecommender("second");
        var blend = new BlendedRecommender(new WeightedRecommender(first, 1), new WeightedRecommender(second, 1));

        Assert.ThrowsAny<OperationCanceledException>(() => blend.Fit(Seed.Dataset(), source.Token));
        Assert.Equal((1, 0), (first.Fits, second.Fits));
    }

    /// <summary>The first part answers nobody, so every customer is completed from the second; it cancels on its first
    /// answer, and the chain stops before the next customer (5 answers without the check).</summary>
    [Fact]
    public void FallbackRecommendAll_CancelledWhileCompletingTheFirstCustomer_StopsBeforeTheNext()
    {
        using var source = new CancellationTokenSource();
        var empty = new ScriptedRecommender("empty") { Empty = true };
        var second = new ScriptedRecommender("second") { OnRecommend = source.Cancel };
        var model = new FallbackRecommender(empty, second).Fit(Seed.Dataset());

        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(RecommendationRequest.Default, source.Token));
        Assert.Equal(1, second.Recommends);
    }

    [Fact]
    public void FallbackRecommendAll_TokenReachesTheFirstPartsBatch()
    {
        using var source = new CancellationTokenSource();
        var first = new ScriptedRecommender("first") { OnRecommendAll = source.Cancel };
        var model = new FallbackRecommender(first, new ScriptedRecommender("second")).Fit(Seed.Dataset());

        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(RecommendationRequest.Default, source.Token));
        Assert.Equal(1, first.RecommendAlls);
    }

    /// <summary>Cancelled by the first component's batch, the blend does not ask the second for its batch.</summary>
    [Fact]
    public void BlendRecommendAll_CancelledDuringFirstBatch_SecondNeverAsked()
    {
        using var source = new CancellationTokenSource();
        var first = new ScriptedRecommender("first") { OnRecommendAll = source.Cancel };
        var second = new ScriptedRecommender("second");
        var model = new BlendedRecommender(new WeightedRecommender(first, 1), new WeightedRecommender(second, 1)).Fit(Seed.Dataset());

        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(RecommendationRequest.Default, source.Token));
        Assert.Equal((1, 0), (first.RecommendAlls, second.RecommendAlls));
    }

    /// <summary>The second component lists its customers in reverse, so the blend asks it customer by customer; it
    /// cancels on its first answer and the blend stops before the next customer.</summary>
    [Fact]
    public void BlendRecommendAll_CancelledMidWay_StopsBeforeTheNextCustomer()
    {
        using var source = new CancellationTokenSource();
        var second = new ScriptedRecommender("second") { Reversed = true, OnRecommend = source.Cancel };
        var model = new BlendedRecommender(new WeightedRecommender(new ScriptedRecommender("first"), 1), new WeightedRecommender(second, 1)).Fit(Seed.Dataset());

        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(RecommendationRequest.Default, source.Token));
        Assert.Equal(1, second.Recommends);
    }

    /// <summary>Popularity under another name that counts its calls and runs a hook in each: it may answer nobody
    /// (<see cref="Empty"/>) or list its batch in reverse customer order (<see cref="Reversed"/>).</summary>
    private sealed class ScriptedRecommender(string name) : IRecommender
    {
        private int _fits;
        private int _recommends;
        private int _recommendAlls;

        public string Name => name;

        public Action? OnFit { get; init; }

        public Action? OnRecommend { get; init; }

        public Action? OnRecommendAll { get; init; }

        public bool Empty { get; init; }

        public bool Reversed { get; init; }

        public int Fits => Volatile.Read(ref _fits);

        public int Recommends => Volatile.Read(ref _recommends);

        public int RecommendAlls => Volatile.Read(ref _recommendAlls);

        public IRecommenderModel Fit(EnrichedDataset dataset)
        {
            Interlocked.Increment(ref _fits);
            OnFit?.Invoke();
            return new Model(this, new PopularityRecommender().Fit(dataset));
        }

        private sealed class Model(ScriptedRecommender owner, IRecommenderModel inner) : IRecommenderModel
        {
            public string StrategyName => owner.Name;

            public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
            {
                Interlocked.Increment(ref owner._recommends);
                owner.OnRecommend?.Invoke();
                return owner.Empty ? [] : inner.Recommend(customerId, request);
            }

            public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null)
            {
                Interlocked.Increment(ref owner._recommendAlls);
                owner.OnRecommendAll?.Invoke();
                var all = inner.RecommendAll(request);
                var answers = owner.Empty ? [.. all.Select(a => a with { Items = [] })] : all;
                return owner.Reversed ? [.. answers.Reverse()] : answers;
            }
        }
    }
}
