using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

public sealed class ClvCalculatorTests
{
    /// <summary>
    /// r = α = b = 1, a = 2: for a customer with x = 0, T = 0, E[Y(t)] = 2(1 − ln(1+t)/t). Spend: p = 1, q = 2, γ = 10,
    /// population mean 10. Two periods of one week.
    /// </summary>
    [Theory]
    [InlineData(0.0, 9.01)]
    [InlineData(0.1, 7.96)]
    public void Compute_NewCustomer_HandCalculated(double rate, double clv)
    {
        var summary = BtydSummary.FromColumns(["a"], [0], [0], [0], [], LifetimeTimeUnit.Weeks);

        var result = ClvCalculator.Compute(summary, new BgNbdModel(1, 1, 2, 1), new GammaGammaModel(1, 2, 10), new ClvOptions { Periods = 2, PeriodDays = 7, DiscountRate = rate });

        var customer = Assert.Single(result.Customers);
        Assert.Equal((decimal)clv, customer.Clv);
        Assert.Equal(10.00m, customer.ExpectedAverageSpend);
        Assert.Equal(2 - Math.Log(3), customer.ExpectedPurchases, 1e-12);
        Assert.Equal(1.0, customer.ProbabilityAlive);
        Assert.Equal((decimal)clv, result.TotalClv);
        Assert.Equal(1, result.PopulationSpendCustomers);
    }

    [Fact]
    public void Compute_NonPositiveSpend_ValuedAtPopulationMeanAndCounted()
    {
        var summary = BtydSummary.FromColumns(["a", "b"], [2, 2], [3, 3], [5, 5], [-3m, 30m], LifetimeTimeUnit.Weeks);

        var result = ClvCalculator.Compute(summary, new BgNbdModel(1, 1, 2, 1), new GammaGammaModel(1, 2, 10));

        Assert.Equal(1, result.NonPositiveSpendCustomers);
        Assert.Equal(10.00m, result.Customers[0].ExpectedAverageSpend);
        Assert.Equal(23.33m, result.Customers[1].ExpectedAverageSpend);
        Assert.InRange(result.Customers[1].Clv - (result.Customers[0].Clv * 7 / 3), -0.02m, 0.02m);
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void Compute_Cdnow_PositiveAndOrdered()
    {
        var summary = Cdnow.Summary();

        var result = ClvCalculator.Compute(summary, BgNbdModel.Fit(summary), GammaGammaModel.Fit(summary));

        Assert.Equal(2357, result.Customers.Length);
        Assert.Equal(1411, result.PopulationSpendCustomers);
        Assert.All(result.Customers, c => Assert.True(c.Clv >= 0));
        Assert.Equal(summary.CustomerIds, result.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Compute_InvalidOptions_ListsAll()
    {
        var summary = BtydSummary.FromColumns(["a"], [0], [0], [1], [], LifetimeTimeUnit.Weeks);

        var error = Assert.Throws<ArgumentException>(() => ClvCalculator.Compute(summary, new BgNbdModel(1, 1, 2, 1), new GammaGammaModel(1, 2, 10), new ClvOptions { Periods = 0, PeriodDays = -1 }));

        Assert.Contains("Periods must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("PeriodDays must be a positive number of days", error.Message, StringComparison.Ordinal);
    }
}
