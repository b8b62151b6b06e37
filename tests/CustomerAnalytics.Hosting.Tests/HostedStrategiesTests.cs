using CustomerAnalytics.Hosting.Tests.Infrastructure;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Options;
using static CustomerAnalytics.Hosting.Tests.CustomerAnalyticsOptionsTests;

namespace CustomerAnalytics.Hosting.Tests;

/// <summary>The hosted store offers every strategy the tool offers: <c>als</c> and <c>ease</c> with their options,
/// chosen by <c>Recommender:Strategies</c> or <c>Recommender:Strategy</c>.</summary>
public sealed class HostedStrategiesTests
{
    private static readonly RecommendationRequest Request = RecommendationRequest.Default with { Count = 3, ExcludePurchased = false };

    [Fact]
    public async Task Default_ThreeLibraryStrategies_AlsAndEaseNotFitted()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal(["counting", "popularity", "segment-affinity", "item-cooccurrence"], host.Store.Strategies);
        Assert.Equal(["counting", "item-cooccurrence", "popularity", "segment-affinity"], host.Store.Current!.Strategies.ToArray());
    }

    [Fact]
    public async Task Strategies_AlsAndEaseListed_FittedWithTheirOptions()
    {
        await using var host = await TestHost.StartAsync(Settings(
            ("Recommender:Strategies:0", "als"),
            ("Recommender:Strategies:1", "ease"),
            ("Recommender:AlsFactors", "3"),
            ("Recommender:AlsIterations", "2"),
            ("Recommender:AlsAlpha", "4"),
            ("Recommender:Lambda", "2")));
        var snapshot = host.Store.Current!;

        // The listed two, the default strategy (item-cooccurrence) added, the host's own "counting".
        Assert.Equal(["als", "counting", "ease", "item-cooccurrence"], snapshot.Strategies.ToArray());
        var als = new ImplicitAlsRecommender(ImplicitAlsOptions.Default with { Factors = 3, Iterations = 2, Alpha = 4 }).Fit(snapshot.Dataset);
        var ease = new EaseRecommender(EaseOptions.Default with { Lambda = 2 }).Fit(snapshot.Dataset);
        Assert.Equal(Scores(als), Scores(snapshot.Models["als"]));
        Assert.Equal(Scores(ease), Scores(snapshot.Models["ease"]));
        // The options matter: the defaults answer otherwise.
        Assert.NotEqual(Scores(new ImplicitAlsRecommender().Fit(snapshot.Dataset)), Scores(snapshot.Models["als"]));
        Assert.NotEqual(Scores(new EaseRecommender().Fit(snapshot.Dataset)), Scores(snapshot.Models["ease"]));
    }

    [Fact]
    public async Task Strategy_Ease_FittedWithoutBeingListed()
    {
        await using var host = await TestHost.StartAsync(Settings(("Recommender:Strategy", "ease")));

        Assert.Equal(["counting", "ease", "item-cooccurrence", "popularity", "segment-affinity"], host.Store.Current!.Strategies.ToArray());
    }

    [Fact]
    public async Task Strategies_OnlyPopularity_TheOthersNotFitted()
    {
        await using var host = await TestHost.StartAsync(Settings(("Recommender:Strategy", "popularity"), ("Recommender:Strategies:0", "popularity")));

        Assert.Equal(["counting", "popularity"], host.Store.Current!.Strategies.ToArray());
    }

    [Fact]
    public async Task Strategies_UnknownAndTwiceWithBadAlsAndEaseOptions_StartFailsNamingEveryKey()
    {
        await using var host = TestHost.Create(Settings(
            ("Recommender:Strategies:0", "als"),
            ("Recommender:Strategies:1", "alss"),
            ("Recommender:Strategies:2", "als"),
            ("Recommender:Lambda", "0"),
            ("Recommender:AlsFactors", "2000"),
            ("Recommender:AlsIterations", "0"),
            ("Recommender:AlsRegularization", "-1"),
            ("Recommender:AlsAlpha", "0")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Equal(
            "Invalid CustomerAnalytics settings: CustomerAnalytics:Recommender:Strategies lists 'alss', which is not one of the library's strategies "
            + "popularity, segment-affinity, item-cooccurrence, als, ease (register your own strategies as IRecommender singletons instead); "
            + "CustomerAnalytics:Recommender:Strategies lists 'als' twice; "
            + "CustomerAnalytics:Recommender:Lambda must be finite and positive (was 0); "
            + "CustomerAnalytics:Recommender:AlsFactors must be 1 to 1024 (was 2000); "
            + "CustomerAnalytics:Recommender:AlsIterations must be 1 to 1000 (was 0); "
            + "CustomerAnalytics:Recommender:AlsRegularization must be finite and positive (was -1); "
            + "CustomerAnalytics:Recommender:AlsAlpha must be finite and positive (was 0).",
            error.Message);
        Assert.Equal(0, host.Source.Loads);
    }

    [Fact]
    public void StrategiesToFit_ListedOrderThenDefaultStrategy()
    {
        var options = new CustomerAnalyticsRecommenderOptions { Strategies = ["ease", "popularity"], Strategy = "als" };

        Assert.Equal(["ease", "popularity", "als"], options.StrategiesToFit());
        Assert.Equal(["popularity", "segment-affinity", "item-cooccurrence"], new CustomerAnalyticsRecommenderOptions().StrategiesToFit());
        Assert.Equal(["popularity", "segment-affinity", "item-cooccurrence"], new CustomerAnalyticsRecommenderOptions { Strategy = "counting" }.StrategiesToFit());
    }

    private static string[] Scores(IRecommenderModel model) =>
        [.. new[] { "C001", "C002", "C003", "C004", "C005" }.SelectMany(c => model.Recommend(c, Request).Select(r => $"{c}:{r.ProductId}:{r.Score:R}"))];
}
