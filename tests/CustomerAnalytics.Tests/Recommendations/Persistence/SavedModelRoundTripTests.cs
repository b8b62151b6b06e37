using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Recommendations.Persistence;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations.Persistence;

/// <summary>A saved and loaded model answers exactly as the fitted one, for every strategy and every question.</summary>
public sealed class SavedModelRoundTripTests
{
    private static readonly ImplicitAlsOptions SmallAls = new() { Factors = 8, Iterations = 4, Seed = 7 };

    private static readonly Lazy<EnrichedDataset> SyntheticData = new(Synthetic);

    public static TheoryData<string> Strategies() =>
    [
        "popularity", "popularity-units", "popularity-buyers", "segment-affinity", "segment-affinity-2",
        "item-cooccurrence", "item-cooccurrence-order-lift", "implicit-als", "blended", "fallback", "fallback-of-blend",
    ];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Seed_LoadedModelAnswersExactlyAsFitted(string strategy)
    {
        var dataset = Seed.Dataset();
        var fitted = Recommender(strategy).Fit(dataset);

        var loaded = RoundTrip(fitted);

        AssertSameAnswers(fitted, loaded, dataset);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Synthetic_LoadedModelAnswersExactlyAsFitted(string strategy)
    {
        var dataset = SyntheticData.Value;
        var fitted = Recommender(strategy).Fit(dataset);

        var loaded = RoundTrip(fitted);

        // Every customer through RecommendAll (the parallel paths); single calls for a sample, and the cold start.
        foreach (var request in Requests(dataset))
        {
            Assert.Equal(Flat(fitted.RecommendAll(request)), Flat(loaded.RecommendAll(request)));
        }

        foreach (var customer in dataset.Customers.Where((_, i) => i % 997 == 0))
        {
            Assert.Equal(fitted.Recommend(customer.Id).ToArray(), loaded.Recommend(customer.Id).ToArray());
        }

        Assert.Equal(fitted.Recommend("NEVER-SEEN").ToArray(), loaded.Recommend("NEVER-SEEN").ToArray());
        if (fitted is IRelatedProductsModel related)
        {
            var loadedRelated = Assert.IsAssignableFrom<IRelatedProductsModel>(loaded);
            foreach (var product in dataset.Products)
            {
                Assert.Equal(related.RelatedTo(product.Id).ToArray(), loadedRelated.RelatedTo(product.Id).ToArray());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void SavingTheLoadedModel_GivesTheSameBytes(string strategy)
    {
        var fitted = Recommender(strategy).Fit(Seed.Dataset());
        var first = Bytes(fitted);

        var second = Bytes(RecommenderModelFile.Load(new MemoryStream(first)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Loaded_KeepsStrategyNameAndInterfaces()
    {
        var fitted = new FallbackRecommender(new ItemCooccurrenceRecommender(), new PopularityRecommender()).Fit(Seed.Dataset());

        var loaded = RoundTrip(fitted);

        Assert.Equal("fallback(item-cooccurrence, popularity)", loaded.StrategyName);
        Assert.IsAssignableFrom<IRelatedProductsModel>(RoundTrip(new ItemCooccurrenceRecommender().Fit(Seed.Dataset())));
        Assert.IsAssignableFrom<IRelatedProductsModel>(RoundTrip(new ImplicitAlsRecommender(SmallAls).Fit(Seed.Dataset())));
    }

    [Fact]
    public void Seed_PopularityFromFile_RecommendsAsDocumented()
    {
        // docs/recommenders.md: C001 (bought P100, P200, P400) is recommended P300; unknown customers get the whole list.
        var loaded = RoundTrip(new PopularityRecommender().Fit(Seed.Dataset()));

        Assert.Equal([new Recommendation("P300", 1, 499.0, "top seller: 1 unit, 499.00 revenue")], loaded.Recommend("C001").ToArray());
        Assert.Equal(["P200", "P300", "P100", "P400"], Ids(loaded.Recommend("NOBODY")));
    }

    internal static IRecommender Recommender(string strategy) => strategy switch
    {
        "popularity" => new PopularityRecommender(),
        "popularity-units" => new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Units }),
        "popularity-buyers" => new PopularityRecommender(new PopularityOptions { Measure = PopularityMeasure.Buyers }),
        "segment-affinity" => new SegmentAffinityRecommender(),
        "segment-affinity-2" => new SegmentAffinityRecommender(new SegmentAffinityOptions { MaxCategories = 2, FillMeasure = PopularityMeasure.Buyers }),
        "item-cooccurrence" => new ItemCooccurrenceRecommender(),
        "item-cooccurrence-order-lift" => new ItemCooccurrenceRecommender(new ItemCooccurrenceOptions { Scope = CooccurrenceScope.Order, Similarity = ItemSimilarity.Lift, HalfLifeDays = 30, Weight = AffinityWeight.Revenue }),
        "implicit-als" => new ImplicitAlsRecommender(SmallAls),
        "blended" => new BlendedRecommender(new WeightedRecommender(new ItemCooccurrenceRecommender(), 2), new WeightedRecommender(new PopularityRecommender(), 1)),
        "fallback" => new FallbackRecommender(new ItemCooccurrenceRecommender(), new SegmentAffinityRecommender(), new PopularityRecommender()),
        "fallback-of-blend" => new FallbackRecommender(
            new BlendedRecommender(new WeightedRecommender(new ImplicitAlsRecommender(SmallAls), 1), new WeightedRecommender(new ItemCooccurrenceRecommender(), 1)),
            new PopularityRecommender()),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    internal static IRecommenderModel RoundTrip(IRecommenderModel model) => RecommenderModelFile.Load(new MemoryStream(Bytes(model)));

    internal static byte[] Bytes(IRecommenderModel model)
    {
        var stream = new MemoryStream();
        RecommenderModelFile.Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>Every customer's list as values (CustomerRecommendations compares its items by reference).</summary>
    internal static List<(string Customer, int Rank, string Product, double Score, string Reason)> Flat(IEnumerable<CustomerRecommendations> all) =>
        [.. all.SelectMany(c => c.Items.Select(i => (c.CustomerId, i.Rank, i.ProductId, i.Score, i.Reason)).Prepend((c.CustomerId, 0, "", 0.0, "")))];

    private static RecommendationRequest[] Requests(EnrichedDataset dataset)
    {
        var products = dataset.Products.Select(p => p.Id).ToArray();
        return
        [
            RecommendationRequest.Default,
            new RecommendationRequest { Count = 3, ExcludePurchased = false },
            new RecommendationRequest { Count = 4, DeniedProductIds = Set(products[0], products[^1]) },
            new RecommendationRequest { Count = 2, AllowedProductIds = Set([.. products.Where((_, i) => i % 2 == 0)]) },
        ];
    }

    private static void AssertSameAnswers(IRecommenderModel fitted, IRecommenderModel loaded, EnrichedDataset dataset)
    {
        Assert.Equal(fitted.StrategyName, loaded.StrategyName);
        foreach (var request in Requests(dataset))
        {
            Assert.Equal(Flat(fitted.RecommendAll(request)), Flat(loaded.RecommendAll(request)));
            foreach (var customer in dataset.Customers.Select(c => c.Id).Append("UNKNOWN"))
            {
                Assert.Equal(fitted.Recommend(customer, request).ToArray(), loaded.Recommend(customer, request).ToArray());
            }
        }

        if (fitted is not IRelatedProductsModel related)
        {
            return;
        }

        var loadedRelated = Assert.IsAssignableFrom<IRelatedProductsModel>(loaded);
        foreach (var product in dataset.Products.Select(p => p.Id).Append("NO-SUCH-PRODUCT"))
        {
            Assert.Equal(related.RelatedTo(product).ToArray(), loadedRelated.RelatedTo(product).ToArray());
            Assert.Equal(related.RelatedToBasket([product]).ToArray(), loadedRelated.RelatedToBasket([product]).ToArray());
        }

        string[] basket = [.. dataset.Products.Take(2).Select(p => p.Id)];
        Assert.Equal(related.RelatedToBasket(basket).ToArray(), loadedRelated.RelatedToBasket(basket).ToArray());
        Assert.Equal(related.RelatedToBasket([]).ToArray(), loadedRelated.RelatedToBasket([]).ToArray());
    }
}
