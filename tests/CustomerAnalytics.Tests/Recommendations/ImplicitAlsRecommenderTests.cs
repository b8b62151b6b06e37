using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using static CustomerAnalytics.Tests.Recommendations.RecommendationData;

namespace CustomerAnalytics.Tests.Recommendations;

/// <summary>
/// Implicit ALS on a 3 × 3 shop: U1 bought A and B (1 unit each), U2 bought B (1) and C (2), U3 bought A (1). With
/// α = 1 the confidences c − 1 are the quantities: U1 {A: 1, B: 1}, U2 {B: 1, C: 2}, U3 {A: 1}.
/// </summary>
public sealed class ImplicitAlsRecommenderTests
{
    private static readonly DateTimeOffset Day0 = Seed.At("2024-01-01T00:00:00Z");

    private static readonly ImplicitAlsOptions Small = ImplicitAlsOptions.Default with { Factors = 2, CgSteps = 2, Iterations = 6, Regularization = 0.1 };

    [Fact]
    public void SolveRows_OneFactor_MatchesTheHandCalculatedLeastSquares()
    {
        // Fixed product factors y = (1, 2, 3), λ = 1: x_u = Σ_i c_ui y_i ÷ (Σ_all y² + λ + Σ_i (c_ui − 1) y_i²).
        var userItems = UserItems(Shop3(), 1.0);
        var items = new FactorMatrix(3, 1);
        (items.Row(0)[0], items.Row(1)[0], items.Row(2)[0]) = (1f, 2f, 3f);
        var users = new FactorMatrix(3, 1);
        users.FillRandom(new Random(7));
        var parallel = new ParallelOptions();

        AlsSolver.SolveRows(userItems, items, items.Gram(1.0, parallel), users, 1, parallel);

        Assert.Equal(6.0 / 20, users.Row(0)[0], 1e-6); // (2·1 + 2·2) ÷ (14 + 1 + 1 + 4)
        Assert.Equal(13.0 / 37, users.Row(1)[0], 1e-6); // (2·2 + 3·3) ÷ (14 + 1 + 4 + 2·9)
        Assert.Equal(2.0 / 16, users.Row(2)[0], 1e-6); // 2·1 ÷ (14 + 1 + 1)
    }

    [Fact]
    public void Fit_ThreeByThree_LossDecreasesEveryIteration()
    {
        var losses = new List<double>();

        new ImplicitAlsRecommender(Small).Fit(Shop3(), (_, loss) => losses.Add(loss), CancellationToken.None);

        Assert.Equal(6, losses.Count);
        for (var i = 1; i < losses.Count; i++)
        {
            Assert.True(losses[i] < losses[i - 1], $"loss rose at iteration {i + 1}: {losses[i - 1]} then {losses[i]}");
        }
    }

    [Fact]
    public void Fit_ThreeByThree_ProductFactorsAreTheClosedFormSolutionForTheFittedCustomerFactors()
    {
        // The last half-sweep solves the products with the customers fixed; with CgSteps = Factors it is exact.
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3(), null, CancellationToken.None);
        var itemUsers = UserItems(Shop3(), 1.0).Transpose(3);

        for (var i = 0; i < 3; i++)
        {
            var expected = ClosedForm(model.UserFactors, itemUsers.ColumnsOf(i), itemUsers.ValuesOf(i), 0.1);
            Assert.Equal(expected[0], model.ItemFactors.Row(i)[0], 1e-4);
            Assert.Equal(expected[1], model.ItemFactors.Row(i)[1], 1e-4);
        }
    }

    [Fact]
    public void SolveRows_FittedProductFactorsFixed_CustomerFactorsAreTheClosedFormSolution()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3(), null, CancellationToken.None);
        var userItems = UserItems(Shop3(), 1.0);
        var users = new FactorMatrix(3, 2);
        var parallel = new ParallelOptions();

        AlsSolver.SolveRows(userItems, model.ItemFactors, model.ItemFactors.Gram(0.1, parallel), users, 2, parallel);

        for (var u = 0; u < 3; u++)
        {
            var expected = ClosedForm(model.ItemFactors, userItems.ColumnsOf(u), userItems.ValuesOf(u), 0.1);
            Assert.Equal(expected[0], users.Row(u)[0], 1e-4);
            Assert.Equal(expected[1], users.Row(u)[1], 1e-4);
        }
    }

    [Fact]
    public void Fit_OneCoreOrTwo_SameFactorsAndRecommendations()
    {
        var dataset = Synthetic();
        var options = ImplicitAlsOptions.Default with { Factors = 8, Iterations = 3 };

        var one = new ImplicitAlsRecommender(options with { MaxDegreeOfParallelism = 1 }).Fit(dataset, null, CancellationToken.None);
        var two = new ImplicitAlsRecommender(options with { MaxDegreeOfParallelism = 2 }).Fit(dataset, null, CancellationToken.None);

        Assert.Equal(Flatten(one.UserFactors), Flatten(two.UserFactors));
        Assert.Equal(Flatten(one.ItemFactors), Flatten(two.ItemFactors));
        var listsOne = one.RecommendAll();
        var listsTwo = two.RecommendAll();
        Assert.Equal(40_000, listsOne.Length);
        Assert.Equal(listsOne.SelectMany(l => l.Items), listsTwo.SelectMany(l => l.Items));
    }

    [Fact]
    public void Fit_SameSeed_SameFactors_OtherSeed_OtherFactors()
    {
        var a = new ImplicitAlsRecommender(Small).Fit(Shop3(), null, CancellationToken.None);
        var b = new ImplicitAlsRecommender(Small).Fit(Shop3(), null, CancellationToken.None);
        var c = new ImplicitAlsRecommender(Small with { Seed = 7 }).Fit(Shop3(), null, CancellationToken.None);

        Assert.Equal(Flatten(a.ItemFactors), Flatten(b.ItemFactors));
        Assert.NotEqual(Flatten(a.ItemFactors), Flatten(c.ItemFactors));
    }

    [Fact]
    public void Recommend_UnknownCustomer_GetsThePopularityList()
    {
        var dataset = Shop3();
        var model = new ImplicitAlsRecommender(Small).Fit(dataset);

        var items = model.Recommend("nobody");

        Assert.Equal(new PopularityRecommender().Fit(dataset).Recommend("nobody").ToArray(), items.ToArray());
        Assert.Equal(["C", "B", "A"], Ids(items));
    }

    [Fact]
    public void Recommend_CustomerWithNothingBought_GetsPopularity()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3(withReturner: true));

        var items = model.Recommend("U4");

        // U4 bought A and returned it: no affinity, so popularity, without A (bought once, so excluded).
        Assert.Equal(["C", "B"], Ids(items));
        Assert.StartsWith("top seller", items[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_ExcludesPurchasedByDefault_AndSaysBoughtBeforeWhenAllowed()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3());

        var excluded = model.Recommend("U1");
        var allowed = model.Recommend("U1", RecommendationRequest.Default with { ExcludePurchased = false });

        Assert.Equal(["C"], Ids(excluded));
        Assert.Equal("customers with tastes like yours bought it; nearest to your B", excluded[0].Reason);
        Assert.Equal(3, allowed.Length);
        Assert.Equal(["A", "B", "C"], Ids(allowed).Order(StringComparer.Ordinal));
        Assert.All(allowed.Where(r => r.ProductId != "C"), r => Assert.Equal("you bought it before", r.Reason));
        Assert.Equal([1, 2, 3], allowed.Select(r => r.Rank));
        Assert.True(allowed[0].Score >= allowed[1].Score && allowed[1].Score >= allowed[2].Score);
    }

    [Fact]
    public void Recommend_Filters_AllowAndDeny()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3());
        var all = RecommendationRequest.Default with { ExcludePurchased = false };

        Assert.Equal(["A", "C"], Ids(model.Recommend("U1", all with { DeniedProductIds = Set("B") })).Order(StringComparer.Ordinal));
        Assert.Equal(["B"], Ids(model.Recommend("U1", all with { AllowedProductIds = Set("B", "Z") })));
        Assert.Single(model.Recommend("U1", all with { Count = 1 }));
        Assert.Empty(model.Recommend("U1", all with { Count = 0 }));
    }

    [Fact]
    public void RelatedTo_RanksByCosineOfProductFactors_NeverItself()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3());

        var related = model.RelatedTo("A");
        var unknown = model.RelatedTo("Z");

        Assert.Equal(["B", "C"], Ids(related).Order(StringComparer.Ordinal));
        Assert.All(related, r => Assert.Equal("bought by customers like those who bought A", r.Reason));
        Assert.All(related, r => Assert.InRange(r.Score, -1.0001, 1.0001));
        Assert.Equal(["C", "B", "A"], Ids(unknown));
    }

    [Fact]
    public void RelatedToBasket_FoldsTheBasketInAsACustomer()
    {
        var model = new ImplicitAlsRecommender(Small).Fit(Shop3());

        var items = model.RelatedToBasket(["A", "B", "Z"]);

        Assert.Equal(["C"], Ids(items));
        Assert.StartsWith("customers with tastes like yours bought it", items[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["C", "B", "A"], Ids(model.RelatedToBasket(["Z"])));
    }

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new ImplicitAlsRecommender().Fit(Shop3(), cancel.Token));
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var options = ImplicitAlsOptions.Default with { Factors = 0, Regularization = double.NaN, Alpha = -1, Iterations = 0, CgSteps = 0, MaxDegreeOfParallelism = 0 };

        var error = Assert.Throws<ArgumentException>(() => new ImplicitAlsRecommender(options));

        Assert.Equal(
            "Invalid ImplicitAlsOptions: Factors must be 1 to 1024 (was 0). Regularization must be finite and positive, such as 0.01 (was NaN). "
            + "Alpha must be finite and positive, such as 1 (was -1). Iterations must be 1 to 1000 (was 0). CgSteps must be 1 to 1024 (was 0). "
            + "MaxDegreeOfParallelism must be at least 1, or null for every core (was 0).",
            error.Message);
    }

    private static EnrichedDataset Shop3(bool withReturner = false)
    {
        var builder = new EnrichedDatasetBuilder()
            .AddCustomers([new("U1", "S"), new("U2", "S"), new("U3", "S")])
            .AddProducts([new("A", "Cat", 1m), new("B", "Cat", 2m), new("C", "Cat", 3m)])
            .AddTransactions(
            [
                new("1", "U1", "A", 1, Day0),
                new("1", "U1", "B", 1, Day0),
                new("2", "U2", "B", 1, Day0),
                new("2", "U2", "C", 2, Day0),
                new("3", "U3", "A", 1, Day0),
            ]);
        if (withReturner)
        {
            builder.AddCustomer(new("U4", "S"));
            builder.AddTransactions([new("4", "U4", "A", 1, Day0), new("5", "U4", "A", -1, Day0.AddDays(1))]);
        }

        return builder.Build();
    }

    private static SparseRows UserItems(EnrichedDataset dataset, double alpha) =>
        SparseRows.FromAffinities(CustomerAffinities.Build(dataset, AffinityWeight.Units), dataset.CustomerTable.Length, alpha);

    /// <summary>(FᵀF + λI + Σ_k e_k f_k f_kᵀ)⁻¹ Σ_k (1 + e_k) f_k for two factors, by Cramer's rule in double precision.</summary>
    private static double[] ClosedForm(FactorMatrix fixedFactors, ReadOnlySpan<int> rows, ReadOnlySpan<float> extra, double lambda)
    {
        double a = lambda, b = 0, d = lambda, r0 = 0, r1 = 0;
        for (var i = 0; i < fixedFactors.RowCount; i++)
        {
            var f = fixedFactors.Row(i);
            a += (double)f[0] * f[0];
            b += (double)f[0] * f[1];
            d += (double)f[1] * f[1];
        }

        for (var k = 0; k < rows.Length; k++)
        {
            var f = fixedFactors.Row(rows[k]);
            a += extra[k] * (double)f[0] * f[0];
            b += extra[k] * (double)f[0] * f[1];
            d += extra[k] * (double)f[1] * f[1];
            r0 += (1 + extra[k]) * (double)f[0];
            r1 += (1 + extra[k]) * (double)f[1];
        }

        var det = (a * d) - (b * b);
        return [((d * r0) - (b * r1)) / det, ((a * r1) - (b * r0)) / det];
    }

    private static float[] Flatten(FactorMatrix m) => [.. Enumerable.Range(0, m.RowCount).SelectMany(r => m.Row(r).ToArray())];
}
