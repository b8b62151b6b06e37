using CustomerAnalytics.Recommendations;
using static CustomerAnalytics.Tests.Recommendations.Persistence.SavedModelRoundTripTests;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>
/// EASE by hand on <see cref="RecommendationData.CooccurrenceShop"/> with λ = 2: bought products A, B, C, D (E never),
/// XᵀX = [[3,2,1,1],[2,3,2,0],[1,2,2,0],[1,0,0,1]]; P = (XᵀX + 2I)⁻¹ and B_ij = −P_ij ÷ P_jj, exactly (rational arithmetic):
/// row A (0, 18/53, 3/58, 16/67), row B (3/8, 0, 11/29, −6/67), row C (1/16, 22/53, 0, −1/67), row D (1/3, −6/53, −1/58, 0).
/// </summary>
public sealed class EaseRecommenderTests
{
    private static readonly EaseOptions Lambda2 = new() { Lambda = 2 };

    [Fact]
    public void RelatedTo_IsTheRowOfB_PositiveWeightsOnly()
    {
        var model = new EaseRecommender(Lambda2).Fit(CooccurrenceShop());

        var a = model.RelatedTo("A");
        var c = model.RelatedTo("C");

        Assert.Equal(["B", "D", "C"], Ids(a));
        Assert.Equal([18.0 / 53, 16.0 / 67, 3.0 / 58], a.Select(r => r.Score), new Tolerance(1e-12));
        Assert.Equal(["B", "A"], Ids(c)); // B_CD = −1/67 is not listed
        Assert.Equal([22.0 / 53, 1.0 / 16], c.Select(r => r.Score), new Tolerance(1e-12));
    }

    [Fact]
    public void Recommend_SumsTheRowsOfWhatWasBought_WithTheLargestContributorAsReason()
    {
        var model = new EaseRecommender(Lambda2).Fit(CooccurrenceShop());

        var u1 = model.Recommend("U1"); // {A, B}
        var u4 = model.Recommend("U4"); // {A, D}

        // U1: C = 3/58 + 11/29 = 25/58 (B contributes most), D = 16/67 − 6/67 = 10/67 (A).
        Assert.Equal(["C", "D"], Ids(u1));
        Assert.Equal([25.0 / 58, 10.0 / 67], u1.Select(r => r.Score), new Tolerance(1e-12));
        Assert.Equal(["because you bought B", "because you bought A"], u1.Select(r => r.Reason));

        // U4: B = 18/53 − 6/53 = 12/53, C = 3/58 − 1/58 = 1/29; binary X: A's 3 units count once.
        Assert.Equal(["B", "C"], Ids(u4));
        Assert.Equal([12.0 / 53, 1.0 / 29], u4.Select(r => r.Score), new Tolerance(1e-12));
    }

    [Fact]
    public void TwoProducts_MatchTheClosedForm()
    {
        // With two products B_XY = c_XY ÷ (c_XX + λ) and B_YX = c_XY ÷ (c_YY + λ): X bought by U1..U3, Y by U1.
        var dataset = new CustomerAnalytics.Enrichment.EnrichedDatasetBuilder()
            .AddCustomers([new("U1", "S"), new("U2", "S"), new("U3", "S")]).AddProducts([new("X", "K", 1m), new("Y", "K", 1m)])
            .AddTransactions([new("1", "U1", "X", 1, CooccurrenceDay0), new("2", "U1", "Y", 1, CooccurrenceDay0), new("3", "U2", "X", 1, CooccurrenceDay0), new("4", "U3", "X", 1, CooccurrenceDay0)])
            .Build();

        var model = new EaseRecommender(Lambda2).Fit(dataset);

        Assert.Equal(1.0 / 5, model.Recommend("U2").Single().Score, 1e-15);
        Assert.Equal(1.0 / 3, model.RelatedTo("Y").Single().Score, 1e-15);
    }

    [Fact]
    public void Exclusion_AndFilters_AreHonoured()
    {
        var model = new EaseRecommender(Lambda2).Fit(CooccurrenceShop());

        var all = model.Recommend("U1", RecommendationRequest.Default with { ExcludePurchased = false });
        var denied = model.Recommend("U1", RecommendationRequest.Default with { DeniedProductIds = Set("C") });

        // With purchases: A = B_BA = 3/8, B = B_AB = 18/53 (the diagonal of B is 0).
        Assert.Equal(["C", "A", "B", "D"], Ids(all));
        Assert.Equal([25.0 / 58, 3.0 / 8, 18.0 / 53, 10.0 / 67], all.Select(r => r.Score), new Tolerance(1e-12));
        Assert.Equal(["D"], Ids(denied));
    }

    [Fact]
    public void UnknownOrEmptyCustomer_GetsPopularity()
    {
        var model = new EaseRecommender(Lambda2).Fit(CooccurrenceShop());

        var unknown = model.Recommend("NEW");

        Assert.Equal(["B", "C", "A", "D"], Ids(unknown)); // revenue: B 60, C 60, A 50, D 5
        Assert.Equal("top seller: 3 units, 60.00 revenue", unknown[0].Reason);
        Assert.Equal(Ids(unknown), Ids(model.Recommend("U5")));
    }

    [Fact]
    public void Model_ExposesCountsAndDescription()
    {
        var model = new EaseRecommender().Fit(CooccurrenceShop());

        Assert.Equal(3, model.ItemOccurrences["A"]);
        Assert.Equal(0, model.ItemOccurrences["E"]);
        Assert.Null(model.NeighborLimit);
        Assert.Equal("ease: B = I − P·diagMat(1/diag(P)), P = (XᵀX + λI)⁻¹ with λ = 500 over the 4 bought products of 5; every weight is kept.", model.Description);
    }

    [Fact]
    public void Fit_IsTheSameOnOneCoreAndOnEvery()
    {
        var dataset = Synthetic();

        var one = new EaseRecommender(new EaseOptions { MaxDegreeOfParallelism = 1 }).Fit(dataset);
        var every = new EaseRecommender().Fit(dataset);

        Assert.Equal(Flat(one.RecommendAll()), Flat(every.RecommendAll()));
        Assert.Equal(one.RelatedTo("Q000").ToArray(), every.RelatedTo("Q000").ToArray());
    }

    [Fact]
    public void Fit_OverMaxProducts_SaysWhereTheLimitIs()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EaseRecommender(new EaseOptions { MaxProducts = 3 }).Fit(CooccurrenceShop()));

        Assert.Equal(
            "EASE cannot fit 4 bought products: it holds item × item matrices of about 20 bytes a pair (0.0 GB here) and EaseOptions.MaxProducts is 3. Use item co-occurrence or ALS for this catalogue, fit on fewer products, or raise MaxProducts (at most 40,000) if the machine has the memory.",
            ex.Message);
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new EaseRecommender().Fit(CooccurrenceShop(), cancelled.Token));
    }

    [Fact]
    public void SavedModel_AnswersAsFitted()
    {
        var dataset = CooccurrenceShop();
        var fitted = new EaseRecommender(Lambda2).Fit(dataset);

        var loaded = Assert.IsAssignableFrom<IItemCooccurrenceModel>(RoundTrip(fitted));

        Assert.Equal("ease", loaded.StrategyName);
        Assert.Equal(Flat(fitted.RecommendAll()), Flat(loaded.RecommendAll()));
        Assert.Equal(fitted.RelatedTo("A").ToArray(), loaded.RelatedTo("A").ToArray());
        Assert.Equal(fitted.Description, loaded.Description);
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EaseRecommender(new EaseOptions { Lambda = 0, MaxProducts = 40_001, MaxDegreeOfParallelism = 0 }));

        Assert.Equal(
            "Invalid EaseOptions: Lambda must be finite and positive (was 0). MaxProducts must be 1 to 40,000 (was 40001). MaxDegreeOfParallelism must be at least 1, or null for every core (was 0).",
            ex.Message);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
