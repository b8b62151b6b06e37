using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

public sealed class BgNbdModelTests
{
    private static readonly Lazy<BgNbdModel> CdnowFit = new(() => BgNbdModel.Fit(Cdnow.Summary()));

    [SharedDataFact(Cdnow.SamplePath)]
    public void Fit_CdnowSample_PublishedParameters()
    {
        var model = CdnowFit.Value;

        Assert.Equal(0.2426, model.R, 0.2426 * 1e-3);
        Assert.Equal(4.4135, model.Alpha, 4.4135 * 1e-3);
        Assert.Equal(0.7929, model.A, 0.7929 * 1e-3);
        Assert.Equal(2.4258, model.B, 2.4258 * 1e-3);
        Assert.Equal(-9582.43, model.LogLikelihood, 9582.43 * 1e-3);
        Assert.Equal(2357, model.Customers);
        Assert.Equal(LifetimeTimeUnit.Weeks, model.TimeUnit);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void LogLikelihoodOf_PublishedParameters_PublishedValue()
    {
        var model = new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);

        Assert.Equal(-9582.43, model.LogLikelihoodOf(Cdnow.Summary()), 0.05);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void ConditionalExpectedPurchases_PaperExample()
    {
        // Fader, Hardie & Lee (2005), section 5: x = 2, tₓ = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
        var expected = CdnowFit.Value.ConditionalExpectedPurchases(39, 2, 30.43, 38.86);

        Assert.Equal(1.226, expected, 0.0005);
    }

    [Fact]
    public void ProbabilityAlive_HandCalculated()
    {
        var model = new BgNbdModel(1, 1, 1, 1);

        // 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) = 1 / (1 + 1 · (3/2)²) = 1/3.25.
        Assert.Equal(1 / 3.25, model.ProbabilityAlive(1, 1, 2), 1e-15);
        Assert.Equal(1.0, model.ProbabilityAlive(0, 0, 10));
    }

    [Fact]
    public void ProbabilityAlive_HugeFrequency_ZeroNotNaN()
    {
        var model = new BgNbdModel(0.25, 4, 0.8, 2.4);

        Assert.Equal(0.0, model.ProbabilityAlive(5000, 1, 100));
        Assert.Equal(0.0, model.ConditionalExpectedPurchases(10, 5000, 1, 100));
    }

    [Fact]
    public void ExpectedPurchases_ClosedForm()
    {
        // r = α = b = 1, a = 2, t = 1: 2 · (1 − ½ · ₂F₁(1, 1; 2; ½)) with ₂F₁(1, 1; 2; z) = −ln(1−z)/z = 2 ln 2.
        var model = new BgNbdModel(1, 1, 2, 1);

        Assert.Equal(2 * (1 - Math.Log(2)), model.ExpectedPurchases(1), 1e-14);
        Assert.Equal(0.0, model.ExpectedPurchases(0));
    }

    [Fact]
    public void ConditionalExpectedPurchases_NewCustomerWithTZero_EqualsExpectedPurchases()
    {
        var model = new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);

        Assert.Equal(model.ExpectedPurchases(39), model.ConditionalExpectedPurchases(39, 0, 0, 0), 1e-12);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOneAndZeroIsNbd()
    {
        var model = new BgNbdModel(1, 1, 2, 3);

        // P(X(t) = 0) = (α/(α+t))^r = ½ for r = α = t = 1.
        Assert.Equal(0.5, model.ProbabilityOfPurchases(0, 1), 1e-15);
        Assert.Equal(1.0, Enumerable.Range(0, 400).Sum(n => model.ProbabilityOfPurchases(n, 1)), 1e-9);
        Assert.Equal(model.ExpectedPurchases(1), Enumerable.Range(0, 400).Sum(n => n * model.ProbabilityOfPurchases(n, 1)), 1e-9);
    }

    [Fact]
    public void Batch_EqualsScalar()
    {
        var model = new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);
        var summary = BtydSummary.FromColumns(["a", "b", "c"], [0, 2, 7], [0, 30.43, 20], [38.86, 38.86, 30], [], LifetimeTimeUnit.Weeks);

        Assert.Equal([1.0, model.ProbabilityAlive(2, 30.43, 38.86), model.ProbabilityAlive(7, 20, 30)], model.ProbabilityAlive(summary).ToArray());
        Assert.Equal(model.ConditionalExpectedPurchases(10, 7, 20, 30), model.ConditionalExpectedPurchases(summary, 10)[2]);
    }

    [Fact]
    public void Batch_OtherUnit_Throws()
    {
        var model = new BgNbdModel(1, 1, 1, 1, LifetimeTimeUnit.Days);
        var summary = BtydSummary.FromColumns(["a"], [0], [0], [1], [], LifetimeTimeUnit.Weeks);

        Assert.Throws<ArgumentException>(() => model.ProbabilityAlive(summary));
    }

    [Fact]
    public void Constructor_NonPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(0, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(1, double.NaN, 1, 1));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    public void Log2F1_ClosedForm(double z)
    {
        Assert.Equal(Math.Log(-Math.Log(1 - z) / z), Hypergeometric.Log2F1(1, 1, 2, z), 1e-12);
    }

    [Fact]
    public void Log2F1_BeyondDoubleRange_StaysFinite()
    {
        // ₂F₁(a, b; b; z) = (1 − z)^(−a): for a = 5000, z = ½ that is 2^5000, far beyond double.MaxValue.
        Assert.Equal(5000 * Math.Log(2), Hypergeometric.Log2F1(5000, 7, 7, 0.5), 1e-9 * 5000);
    }

    [Fact]
    public void LogLikelihoodOf_ManyDistinctRows_EqualsNaiveSumPerCustomer()
    {
        // 60,000 customers, about 40,000 distinct (x, tₓ, T): the compressed, chunked-parallel sum equals the textbook
        // per-customer sum.
        var n = 60_000;
        var (x, tx, t) = SyntheticCustomers.Columns(n, seed: 7);
        var summary = SyntheticCustomers.Summary(x, tx, t);
        var model = new BgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);
        double r = model.R, alpha = model.Alpha, a = model.A, b = model.B, naive = 0;
        for (var i = 0; i < n; i++)
        {
            var head = MathNet.Numerics.SpecialFunctions.GammaLn(r + x[i]) - MathNet.Numerics.SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha))
                + MathNet.Numerics.SpecialFunctions.BetaLn(a, b + x[i]) - MathNet.Numerics.SpecialFunctions.BetaLn(a, b);
            var survive = Math.Pow(alpha + t[i], -(r + x[i]));
            var die = x[i] > 0 ? a / (b + x[i] - 1) * Math.Pow(alpha + tx[i], -(r + x[i])) : 0;
            naive += head + Math.Log(survive + die);
        }

        var compressed = model.LogLikelihoodOf(summary);

        Assert.Equal(naive, compressed, Math.Abs(naive) * 1e-12);
        Assert.Equal(compressed, model.LogLikelihoodOf(summary));
    }
}
