using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using static CustomerAnalytics.Tests.Recommendations.Persistence.SavedModelRoundTripTests;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>
/// <see cref="ItemCooccurrenceRecommender"/> against SAR's definitions (Microsoft Recommenders, sar_singlenode.py):
/// C = Uᵀ·U over binary user × item hits, C below the threshold zeroed, item frequencies the diagonal of C, Jaccard
/// c_ij ÷ (c_ii + c_jj − c_ij), lift c_ij ÷ (c_ii · c_jj), cosine c_ij ÷ √(c_ii · c_jj), affinity Σ rating ×
/// min(1, 0.5^((T − t) ÷ half-life)) with T the latest timestamp, scores affinity · similarity over the full matrix.
/// Fixture (<see cref="RecommendationData.CooccurrenceShop"/>), by hand: U1 {A day 0, B day 10}, U2 {A, B, C}, U3 {B, C},
/// U4 {A ×3 units, D}; E is never bought.
/// C: c_AA = 3, c_BB = 3, c_CC = 2, c_DD = 1, c_AB = 2, c_AC = 1, c_AD = 1, c_BC = 2, c_BD = c_CD = 0.
/// </summary>
public sealed class SarFidelityTests
{
    [Fact]
    public void ItemOccurrences_AreTheDiagonal_EvenBelowTheSupport()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MinimumSupport = 2 }).Fit(CooccurrenceShop());

        // U4's 3 units of A count one customer; D (1 customer) keeps its count although it is below the support.
        Assert.Equal(
            new Dictionary<string, int> { ["A"] = 3, ["B"] = 3, ["C"] = 2, ["D"] = 1, ["E"] = 0 },
            model.ItemOccurrences.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public void ItemOccurrences_OrderScope_CountOrders()
    {
        // One customer, A in two orders: one customer, two orders.
        var dataset = new EnrichedDatasetBuilder().AddCustomers([new("U", "S")]).AddProducts([new("A", "K", 1m)])
            .AddTransactions([new("1", "U", "A", 1, CooccurrenceDay0, OrderId: "1"), new("2", "U", "A", 1, CooccurrenceDay0, OrderId: "2")]).Build();

        Assert.Equal(2, new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Scope = CooccurrenceScope.Order }).Fit(dataset).ItemOccurrences["A"]);
        Assert.Equal(1, new ItemCooccurrenceRecommender().Fit(dataset).ItemOccurrences["A"]);
    }

    [Theory]
    [InlineData(ItemSimilarity.Jaccard, 2.0 / 4, 1.0 / 3, 1.0 / 4)] // s_AB = 2/(3+3−2), s_AD = 1/(3+1−1), s_AC = 1/(3+2−1)
    [InlineData(ItemSimilarity.Lift, 2.0 / 9, 1.0 / 3, 1.0 / 6)] // 2/(3·3), 1/(3·1), 1/(3·2)
    [InlineData(ItemSimilarity.Cosine, 2.0 / 3, 0.57735026918962573, 0.40824829046386302)] // 2/√9, 1/√3, 1/√6
    [InlineData(ItemSimilarity.Cooccurrence, 2.0, 1.0, 1.0)]
    public void RelatedTo_IsTheRowOfSarsSimilarity(ItemSimilarity similarity, double ab, double ad, double ac)
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { Similarity = similarity }).Fit(CooccurrenceShop());

        var row = model.RelatedTo("A").ToDictionary(r => r.ProductId, r => r.Score);

        Assert.Equal(3, row.Count); // B, C, D; E never co-occurs
        Assert.Equal(ab, row["B"], 1e-15);
        Assert.Equal(ad, row["D"], 1e-15);
        Assert.Equal(ac, row["C"], 1e-15);
    }

    [Fact]
    public void TimeDecay_IsCappedAtOne_AsSar()
    {
        // T = day 5, half-life 10: a_A = 0.5^(5/10) = √½; B (day 10, after T) counts min(1, 0.5^(−½)) = 1, not √2.
        var options = ItemCooccurrenceOptions.Default with { HalfLifeDays = 10, ReferenceTime = CooccurrenceDay0.AddDays(5) };

        var items = new ItemCooccurrenceRecommender(options).Fit(CooccurrenceShop()).Recommend("U1");

        // C = a_A · s_AC + a_B · s_BC = √½ / 4 + 2/3; D = a_A · s_AD = √½ / 3.
        Assert.Equal(["C", "D"], Ids(items));
        Assert.Equal((Math.Sqrt(0.5) / 4) + (2.0 / 3), items[0].Score, 1e-15);
        Assert.Equal(Math.Sqrt(0.5) / 3, items[1].Score, 1e-15);
    }

    [Fact]
    public void Default_KeepsEveryNeighbour_AndSaysSo()
    {
        var model = new ItemCooccurrenceRecommender().Fit(CooccurrenceShop());

        Assert.Null(model.NeighborLimit);
        Assert.Equal("item-cooccurrence: Jaccard similarity by customer over 5 products; every neighbour is kept, as SAR does.", model.Description);
    }

    [Theory]
    [InlineData(240L, null)] // 12 bytes × 5 × 4 pairs: exactly fits
    [InlineData(239L, 3)] // ⌊239 ÷ (12 × 5)⌋
    [InlineData(60L, 1)]
    [InlineData(1L, 1)] // at least one neighbour
    public void MemoryBudget_DecidesTheNeighboursKept(long budget, int? expected)
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { SimilarityMemoryBudgetBytes = budget }).Fit(CooccurrenceShop());

        Assert.Equal(expected, model.NeighborLimit);
    }

    [Fact]
    public void OverTheBudget_KeepsTheTopN_AndTheDescriptionSaysWhy()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { SimilarityMemoryBudgetBytes = 60 }).Fit(CooccurrenceShop());

        // A keeps B only, B keeps C only: U1 {A, B} reaches C through B and no longer reaches D.
        Assert.Equal(["C"], Ids(model.Recommend("U1")));
        Assert.Equal(
            "item-cooccurrence: Jaccard similarity by customer over 5 products; each product keeps only its 1 most similar products: every pair would take 240 bytes, over SimilarityMemoryBudgetBytes = 60. Raise SimilarityMemoryBudgetBytes to keep every neighbour, as SAR does.",
            model.Description);
    }

    [Fact]
    public void MaxNeighbors_Set_IsStatedInTheDescription()
    {
        var model = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { MaxNeighbors = 200, Similarity = ItemSimilarity.Lift, Scope = CooccurrenceScope.Order }).Fit(CooccurrenceShop());

        Assert.Equal(200, model.NeighborLimit);
        Assert.Equal("item-cooccurrence: Lift similarity by order over 5 products; each product keeps its 200 most similar products (MaxNeighbors = 200).", model.Description);
    }

    [Fact]
    public void SavedModel_KeepsOccurrencesLimitAndDescription()
    {
        var fitted = new ItemCooccurrenceRecommender(ItemCooccurrenceOptions.Default with { SimilarityMemoryBudgetBytes = 60 }).Fit(CooccurrenceShop());

        var loaded = Assert.IsAssignableFrom<IItemCooccurrenceModel>(RoundTrip(fitted));

        Assert.Equal(fitted.ItemOccurrences.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.ItemOccurrences.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(1, loaded.NeighborLimit);
        Assert.Equal(fitted.Description, loaded.Description);
        Assert.Null(Assert.IsAssignableFrom<IItemCooccurrenceModel>(RoundTrip(new ItemCooccurrenceRecommender().Fit(CooccurrenceShop()))).NeighborLimit);
    }

    [Fact]
    public void Options_InvalidBudget_SaysWhatIsAllowed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ItemCooccurrenceRecommender(new ItemCooccurrenceOptions { SimilarityMemoryBudgetBytes = 0 }));

        Assert.Equal("Invalid ItemCooccurrenceOptions: SimilarityMemoryBudgetBytes must be positive (was 0).", ex.Message);
    }
}
