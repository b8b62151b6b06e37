using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

public sealed class GammaGammaModelTests
{
    [SharedDataFact(Cdnow.SamplePath)]
    public void Fit_CdnowRepeatBuyers_PublishedParameters()
    {
        var model = GammaGammaModel.Fit(Cdnow.Summary());

        // Fader, Hardie & Lee (2005), "RFM and CLV": p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers.
        Assert.Equal(946, model.Customers);
        Assert.Equal(0, model.ExcludedNonPositiveSpend);
        Assert.Equal(6.25, model.P, 6.25 * 0.01);
        Assert.Equal(3.74, model.Q, 3.74 * 0.01);
        Assert.Equal(15.44, model.Gamma, 15.44 * 0.01);
    }

    [Fact]
    public void ExpectedAverageSpend_HandCalculated()
    {
        var model = new GammaGammaModel(1, 2, 10);

        // p(γ + x m̄)/(px + q − 1) = (10 + 2·25)/(2 + 1) = 20; population mean pγ/(q − 1) = 10.
        Assert.Equal(20, model.ExpectedAverageSpend(2, 25m), 1e-12);
        Assert.Equal(10, model.ExpectedAverageSpend(0, 0m), 1e-12);
        Assert.Equal(10, model.ExpectedAverageSpend(3, -5m), 1e-12);
        Assert.Equal(10, model.MeanSpend, 1e-12);
    }

    [Fact]
    public void Fit_SimulatedWithNonPositiveSpend_RecoversParametersAndCountsExcluded()
    {
        // 2,000 repeat buyers drawn from the model (p = 6, q = 4, γ = 15; seeded), plus three whose returns cancel their spend.
        var random = new Random(20050101);
        var ids = new List<string>();
        var frequency = new List<int>();
        var monetary = new List<decimal>();
        for (var i = 0; i < 2000; i++)
        {
            var x = 1 + (i % 6);
            var nu = MathNet.Numerics.Distributions.Gamma.Sample(random, 4, 15);
            var total = 0.0;
            for (var j = 0; j < x; j++)
            {
                total += MathNet.Numerics.Distributions.Gamma.Sample(random, 6, nu);
            }

            ids.Add("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            frequency.Add(x);
            monetary.Add(Math.Round((decimal)(total / x), 4));
        }

        ids.AddRange(["r1", "r2", "r3"]);
        frequency.AddRange([1, 2, 3]);
        monetary.AddRange([0m, -5m, 0m]);
        var n = ids.Count;
        var summary = BtydSummary.FromColumns(ids, frequency.ToArray(), new double[n], Enumerable.Repeat(10.0, n).ToArray(), monetary.ToArray(), LifetimeTimeUnit.Weeks);

        var model = GammaGammaModel.Fit(summary);

        Assert.Equal(2000, model.Customers);
        Assert.Equal(3, model.ExcludedNonPositiveSpend);
        Assert.InRange(model.MeanSpend, 6 * 15 / 3.0 * 0.9, 6 * 15 / 3.0 * 1.1);
        Assert.InRange(model.P, 4.5, 8);
    }

    [Fact]
    public void Fit_NoPositiveRepeatSpend_ThrowsSayingWhy()
    {
        var summary = BtydSummary.FromColumns(["a", "b"], [0, 2], [0, 3], [5, 5], [0m, -1m], LifetimeTimeUnit.Weeks);

        var error = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit(summary));

        Assert.Contains("1 repeat buyers had none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_QAtMostOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaModel(1, 1, 1));
    }
}
