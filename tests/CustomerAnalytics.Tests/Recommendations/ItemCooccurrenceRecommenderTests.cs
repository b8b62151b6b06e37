using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>
/// Hand-calculated examples. Purchases (customer scope): U1 {A, B}, U2 {A, B, C}, U3 {B, C}, U4 {A ×3, D}; U5 buys
/// nothing. Counts: c_AA = 3, c_BB = 3, c_CC = 2, c_DD = 1; c_AB = 2, c_AC = 1, c_AD = 1, c_BC = 2, c_BD = c_CD = 0.
/// Jaccard: s_AB = 2/4, s_AC = 1/4, s_AD = 1/3, s_BC = 2/3.
/// </summary>
public sealed class ItemCooccurrenceRecommenderTests
{
    private static readonly DateTimeOffset Day0 = Seed.At("2024-01-01T00:00:00Z");

    [Fact]
    public void Recommend_Jaccard_ScoresAffinityTimesSimilarity_WithLargestContributorAsReason()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        var items = model.Recommend("U1");

        // C: 1·s_AC + 1·s_BC = 1/4 + 2/3 (B contributes most); D: 1·s_AD = 1/3.
        Assert.Equal(["C", "D"], Ids(items));
        Assert.Equal((1.0 / 4) + (2.0 / 3), items[0].Score, 1e-12);
        Assert.Equal(1.0 / 3, items[1].Score, 1e-12);
        Assert.Equal("because you bought B", items[0].Reason);
        Assert.Equal("because you bought A", items[1].Reason);
        Assert.Equal([1, 2], items.Select(i => i.Rank));
    }

    [Fact]
    public void Reasons_NameProductsByNameWhereTheDataHasNames()
    {
        // Issue 14: B has a name, A has none (blank), so A is named by its id.
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop([new("A", "K", 10m, " "), new("B", "K", 20m, "WHITE HANGING HEART T-LIGHT HOLDER"), new("C", "K", 30m), new("D", "K", 5m), new("E", "K", 1m)]));

        var items = model.Recommend("U1");
        var related = ((IRelatedProductsModel)model).RelatedTo("B");

        Assert.Equal(["because you bought WHITE HANGING HEART T-LIGHT HOLDER", "because you bought A"], items.Select(i => i.Reason));
        Assert.Equal(["often bought with WHITE HANGING HEART T-LIGHT HOLDER", "often bought with WHITE HANGING HEART T-LIGHT HOLDER"], related.Select(i => i.Reason));
    }

    [Theory]
    [InlineData(ItemSimilarity.Jaccard, "C", 0.9166666666666666, "D", 0.3333333333333333)]
    [InlineData(ItemSimilarity.Cooccurrence, "C", 3.0, "D", 1.0)] // C: c_AC + c_BC = 1 + 2; D: c_AD = 1
    [InlineData(ItemSimilarity.Lift, "C", 0.5, "D", 0.3333333333333333)] // C: 1/(3·2) + 2/(3·2); D: 1/(3·1)
    [InlineData(ItemSimilarity.Cosine, "C", 1.2247448713915890, "D", 0.5773502691896258)] // C: 1/√6 + 2/√6; D: 1/√3
    public void Recommend_EachSimilarity_MatchesHandCalculation(ItemSimilarity similarity, string first, double firstScore, string second, double secondScore)
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Similarity = similarity }).Fit(CooccurrenceShop());

        var items = model.Recommend("U1");

        Assert.Equal([first, second], Ids(items));
        Assert.Equal(firstScore, items[0].Score, 1e-12);
        Assert.Equal(secondScore, items[1].Score, 1e-12);
    }

    [Fact]
    public void Recommend_Lift_FavoursRarePartners()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Similarity = ItemSimilarity.Lift }).Fit(CooccurrenceShop());

        var items = model.Recommend("U4");

        // U4 {A, D}: B = 1·2/(3·3); C = 1·1/(3·2).
        Assert.Equal(["B", "C"], Ids(items));
        Assert.Equal(2.0 / 9, items[0].Score, 1e-12);
        Assert.Equal(1.0 / 6, items[1].Score, 1e-12);
    }

    [Fact]
    public void Recommend_TimeDecay_HalvesAffinityPerHalfLife()
    {
        // U1 bought A on day 0 and B on day 10 (the latest time, t0): with a 10-day half-life a_A = 0.5, a_B = 1.
        var options = ItemCooccurrenceOptions.Default with { HalfLifeDays = 10 };

        var items = new ItemCooccurrenceRecommender(options).Fit(CooccurrenceShop()).Recommend("U1");

        Assert.Equal(["C", "D"], Ids(items));
        Assert.Equal((0.5 / 4) + (2.0 / 3), items[0].Score, 1e-12);
        Assert.Equal(0.5 / 3, items[1].Score, 1e-12);
    }

    [Fact]
    public void Recommend_TimeDecay_ExplicitReferenceTime()
    {
        // t0 = day 20: a_A = 0.5² = 0.25, a_B = 0.5.
        var options = ItemCooccurrenceOptions.Default with { HalfLifeDays = 10, ReferenceTime = Day0.AddDays(20) };

        var items = new ItemCooccurrenceRecommender(options).Fit(CooccurrenceShop()).Recommend("U1");

        Assert.Equal((0.25 / 4) + (0.5 * 2 / 3), items[0].Score, 1e-12);
    }

    [Theory]
    [InlineData(AffinityWeight.Purchases, 0.5, 0.25)]
    [InlineData(AffinityWeight.Units, 1.5, 0.75)] // a_A = 3 units
    [InlineData(AffinityWeight.Revenue, 15.0, 7.5)] // a_A = 30.00 revenue
    public void Recommend_AffinityWeight_ScalesScores(AffinityWeight weight, double scoreB, double scoreC)
    {
        var items = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Weight = weight }).Fit(CooccurrenceShop()).Recommend("U4");

        // U4 {A, D}: B = a_A · 1/2, C = a_A · 1/4; D's only neighbour is A, already bought.
        Assert.Equal(["B", "C"], Ids(items));
        Assert.Equal(scoreB, items[0].Score, 1e-12);
        Assert.Equal(scoreC, items[1].Score, 1e-12);
    }

    [Fact]
    public void Recommend_ExcludePurchasedOff_AddsSelfSimilarityForReplenishables()
    {
        var items = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop()).Recommend("U1", RecommendationRequest.Default with { ExcludePurchased = false });

        // A: 1·s_AA + 1·s_BA = 1.5; B: 1.5 (tie: A first by id); C: 11/12; D: 1/3.
        Assert.Equal(["A", "B", "C", "D"], Ids(items));
        Assert.Equal(1.5, items[0].Score, 1e-12);
        Assert.Equal(1.5, items[1].Score, 1e-12);
        Assert.Equal("you bought it before", items[0].Reason);
    }

    [Fact]
    public void Recommend_MinimumSupport_DropsRarePairs()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MinimumSupport = 2 }).Fit(CooccurrenceShop());

        // s_AC and s_AD go (each seen once): U1 gets C by B only; U4 gets B by A only.
        Assert.Equal(["C"], Ids(model.Recommend("U1")));
        Assert.Equal(2.0 / 3, model.Recommend("U1")[0].Score, 1e-12);
        Assert.Equal(["B"], Ids(model.Recommend("U4")));
    }

    [Fact]
    public void Recommend_MaxNeighbors_KeepsOnlyTheMostSimilar()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MaxNeighbors = 1 }).Fit(CooccurrenceShop());

        // A keeps B only, B keeps C only: U1 {A, B} reaches C through B and no longer reaches D.
        Assert.Equal(["C"], Ids(model.Recommend("U1")));
        Assert.Equal(2.0 / 3, model.Recommend("U1")[0].Score, 1e-12);
    }

    [Fact]
    public void Recommend_OrderScope_CountsOrdersNotCustomers()
    {
        // Orders: 1 {A, B} by U1; 2 {A, B} and 3 {C} by U2; 4 {B, C} by U3. Per order c_AA = 2, c_BB = 3, c_CC = 2,
        // c_AB = 2, c_BC = 1, c_AC = 0.
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new("U1", "S"), new("U2", "S"), new("U3", "S")])
            .AddProducts([new("A", "K", 1m), new("B", "K", 1m), new("C", "K", 1m)])
            .AddTransactions(
            [
                new("1", "U1", "A", 1, Day0, OrderId: "1"),
                new("2", "U1", "B", 1, Day0, OrderId: "1"),
                new("3", "U2", "A", 1, Day0, OrderId: "2"),
                new("4", "U2", "B", 1, Day0, OrderId: "2"),
                new("5", "U2", "C", 1, Day0, OrderId: "3"),
                new("6", "U3", "B", 1, Day0, OrderId: "4"),
                new("7", "U3", "C", 1, Day0, OrderId: "4"),
            ])
            .Build();

        var byOrder = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Scope = CooccurrenceScope.Order }).Fit(dataset).Recommend("U1");
        var byCustomer = new ItemCooccurrenceRecommender().Fit(dataset).Recommend("U1");

        Assert.Equal(1.0 / (3 + 2 - 1), byOrder.Single().Score, 1e-12); // C via B only
        Assert.Equal((1.0 / (2 + 2 - 1)) + (2.0 / (3 + 2 - 2)), byCustomer.Single().Score, 1e-12); // C via A (U2) and B (U2, U3)
    }

    [Fact]
    public void Recommend_RequestFilters_AndCount_AreHonoured()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        Assert.Equal(["D"], Ids(model.Recommend("U1", RecommendationRequest.Default with { DeniedProductIds = Set("C") })));
        Assert.Equal(["D"], Ids(model.Recommend("U1", RecommendationRequest.Default with { AllowedProductIds = Set("D", "E") })));
        Assert.Equal(["C"], Ids(model.Recommend("U1", RecommendationRequest.Default with { Count = 1 })));
        Assert.Empty(model.Recommend("U1", RecommendationRequest.Default with { Count = 0 }));
    }

    [Fact]
    public void Recommend_UnknownOrEmptyCustomer_GetsPopularity()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        // Revenue: B 60, C 60, A 50, D 5 (E never sold).
        var unknown = model.Recommend("NEW");
        Assert.Equal(["B", "C", "A", "D"], Ids(unknown));
        Assert.Equal("top seller: 3 units, 60.00 revenue", unknown[0].Reason);
        Assert.Equal(Ids(unknown), Ids(model.Recommend("U5")));
    }

    [Fact]
    public void RelatedTo_Product_ListsItsNeighboursButNeverItself()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        var related = model.RelatedTo("A", RecommendationRequest.Default with { ExcludePurchased = false });

        Assert.Equal(["B", "D", "C"], Ids(related));
        Assert.Equal([0.5, 1.0 / 3, 0.25], related.Select(r => r.Score));
        Assert.All(related, r => Assert.Equal("often bought with A", r.Reason));
        Assert.Equal(["B", "C", "A", "D"], Ids(model.RelatedTo("unknown"))); // cold start: popularity
    }

    [Fact]
    public void RelatedToBasket_ScoresTheBasketLikeACustomer()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        var related = model.RelatedToBasket(["B", "C", "not-a-product"]);

        // Like U3 {B, C}: A = s_AB + s_AC = 3/4, largest from B; D scores 0.
        Assert.Equal(["A"], Ids(related));
        Assert.Equal(0.75, related[0].Score, 1e-12);
        Assert.Equal("often bought with B", related[0].Reason);
        Assert.Equal(["B", "C", "A", "D"], Ids(model.RelatedToBasket([])));
        var again = model.RelatedToBasket(["B"], RecommendationRequest.Default with { ExcludePurchased = false });
        Assert.Equal("already in your basket", again[0].Reason);
    }

    [Fact]
    public void Fallback_ChainWithPopularity_FillsShortLists()
    {
        var chain = new FallbackRecommender(new ItemCooccurrenceRecommender(), new PopularityRecommender()).Fit(CooccurrenceShop());

        // U3 {B, C}: co-occurrence gives A only; popularity adds D (B, C bought; A listed; E never sold).
        var items = chain.Recommend("U3", RecommendationRequest.Default with { Count = 3 });

        Assert.Equal(["A", "D"], Ids(items));
        Assert.Equal("because you bought B", items[0].Reason);
        Assert.Equal("fallback(item-cooccurrence, popularity)", chain.StrategyName);
    }

    [Fact]
    public void RecommendAll_MatchesRecommend_AndIsDeterministic()
    {
        // More customers than one parallel work item (512), so the batch runs on several threads.
        var dataset = Evaluation.DatasetSplitterTests.Random(3_000, 120, 20_000, seed: 9);
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { HalfLifeDays = 30 }).Fit(dataset);

        var all = model.RecommendAll();
        var again = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { HalfLifeDays = 30 }).Fit(dataset).RecommendAll();

        Assert.Equal(dataset.Customers.Count, all.Length);
        for (var c = 0; c < all.Length; c += 97)
        {
            Assert.Equal(model.Recommend(all[c].CustomerId).ToArray(), all[c].Items.ToArray());
        }

        Assert.True(all.Select(a => a.Items).SequenceEqual(again.Select(a => a.Items), new ItemsComparer()));
    }

    [Fact]
    public void Fit_EmptyDataset_RecommendsNothing()
    {
        var model = new ItemCooccurrenceRecommender().Fit(new EnrichedDatasetBuilder().Build());

        Assert.Empty(model.RecommendAll());
        Assert.Empty(model.Recommend("anyone"));
        Assert.Empty(model.RelatedTo("anything"));
    }

    [Fact]
    public void Recommend_ConcurrentCallers_GetTheSameAnswers()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());
        var expected = Ids(model.Recommend("U1"));

        var answers = new string[64][];
        Parallel.For(0, answers.Length, i => answers[i] = Ids(i % 2 == 0 ? model.Recommend("U1") : model.RelatedToBasket(["A", "B"])));

        Assert.All(answers, a => Assert.Equal(expected, a)); // the basket {A, B} is U1's purchases
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var options = new ItemCooccurrenceOptions { HalfLifeDays = 0, MinimumSupport = 0, MaxNeighbors = 0, Similarity = (ItemSimilarity)9 };

        var ex = Assert.Throws<ArgumentException>(() => new ItemCooccurrenceRecommender(options));

        Assert.Contains("HalfLifeDays must be finite and positive", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumSupport must be at least 1 (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxNeighbors must be at least 1, or null for every neighbour within SimilarityMemoryBudgetBytes (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Similarity is not a defined similarity (was 9)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_SeedSample_MatchesTheDocumentedExample()
    {
        // P100: C001, C002, C004; P200: C001, C003 → Jaccard 1 / (3 + 2 − 1). C003 {P200} gets P100 at 0.25 (and P400 at 1/2).
        var items = new ItemCooccurrenceRecommender().Fit(Seed.Dataset()).Recommend("C003");

        Assert.Equal(["P400", "P100"], Ids(items));
        Assert.Equal(0.5, items[0].Score, 1e-12);
        Assert.Equal(0.25, items[1].Score, 1e-12);
        Assert.Equal("because you bought P200", items[1].Reason);
    }

    private sealed class ItemsComparer : IEqualityComparer<System.Collections.Immutable.ImmutableArray<Recommendation>>
    {
        public bool Equals(System.Collections.Immutable.ImmutableArray<Recommendation> x, System.Collections.Immutable.ImmutableArray<Recommendation> y) => x.SequenceEqual(y);

        public int GetHashCode(System.Collections.Immutable.ImmutableArray<Recommendation> obj) => obj.Length;
    }
}
