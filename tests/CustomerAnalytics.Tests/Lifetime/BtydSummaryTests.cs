using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Lifetime;

public sealed class BtydSummaryTests
{
    [SharedDataFact(Cdnow.SamplePath)]
    public void Create_CdnowSample_MatchesPublishedSummaryRowByRow()
    {
        var summary = Cdnow.Summary();
        var published = Cdnow.PublishedSummary();

        Assert.Equal(2357, summary.Count);
        Assert.Equal(946, summary.RepeatBuyers);
        Assert.Equal(2457, summary.Frequency.Sum());
        Assert.Equal(0, summary.CustomersFirstSeenInHoldout);
        Assert.Equal(published.Count, summary.Count);
        for (var i = 0; i < summary.Count; i++)
        {
            var (frequency, recency, t) = published[summary.CustomerIds[i]];
            Assert.Equal(frequency, summary.Frequency[i]);
            Assert.Equal(recency, summary.Recency[i], 0.0051);
            Assert.Equal(t, summary.T[i], 0.0051);
        }
    }

    [SharedDataFact(Cdnow.SamplePath)]
    public void Create_CdnowSample_FirstCustomer()
    {
        // Customer 1 (master 00004): 1997-01-01 29.33, 01-18 29.73, 08-02 14.96; 12-12 26.48 is after the calibration.
        var first = Cdnow.Summary()[0];

        Assert.Equal("1", first.CustomerId);
        Assert.Equal(2, first.Frequency);
        Assert.Equal(213 / 7.0, first.Recency, 1e-12);
        Assert.Equal(272 / 7.0, first.T, 1e-12);
        Assert.Equal(22.345m, first.MonetaryValue);
    }

    /// <summary>
    /// A buys 10.00 twice on day 1, 20.00 on day 3, returns 5.00 on day 5 and buys 30.00 on day 12 (holdout);
    /// B buys first on day 12 (holdout only); C buys once on day 2. Calibration ends on day 10, observation on day 14.
    /// </summary>
    [Fact]
    public void Create_HoldoutAndReturns_HandCalculated()
    {
        var day = new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddCustomer(new Customer("B", "S"))
            .AddCustomer(new Customer("C", "S"))
            .AddProduct(new Product("P", "X", 10m))
            .AddTransaction(new Transaction("1", "A", "P", 1, day))
            .AddTransaction(new Transaction("2", "A", "P", 1, day.AddHours(2)))
            .AddTransaction(new Transaction("3", "A", "P", 2, day.AddDays(2)))
            .AddTransaction(new Transaction("4", "A", "P", -1, day.AddDays(4), UnitPrice: 5m))
            .AddTransaction(new Transaction("5", "A", "P", 3, day.AddDays(11)))
            .AddTransaction(new Transaction("6", "B", "P", 1, day.AddDays(11)))
            .AddTransaction(new Transaction("7", "C", "P", 1, day.AddDays(1)))
            .AddTransaction(new Transaction("8", "C", "P", 1, day.AddDays(20)))
            .Build();

        var summary = BtydSummary.Create(dataset, new BtydSummaryOptions
        {
            CalibrationEnd = new DateOnly(2024, 1, 10),
            ObservationEnd = new DateOnly(2024, 1, 14),
            TimeUnit = LifetimeTimeUnit.Days,
        });

        Assert.Equal(2, summary.Count);
        Assert.Equal(1, summary.CustomersFirstSeenInHoldout);
        Assert.Equal(4.0, summary.DurationHoldout);
        Assert.Equal(new CustomerSummary("A", 1, 2, 9, 15.00m, 1, 30.00m), summary[0]);
        Assert.Equal(new CustomerSummary("C", 0, 0, 8, 0m, 0, 0m), summary[1]);
        Assert.Equal(1, summary.RepeatBuyers);
    }

    [Fact]
    public void Create_Weeks_DividesDaysBySeven()
    {
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddProduct(new Product("P", "X", 10m))
            .AddTransaction(new Transaction("1", "A", "P", 1, day))
            .AddTransaction(new Transaction("2", "A", "P", 1, day.AddDays(7)))
            .AddTransaction(new Transaction("3", "A", "P", 1, day.AddDays(14)))
            .Build();

        var summary = BtydSummary.Create(dataset, BtydSummaryOptions.Default with { CalibrationEnd = new DateOnly(2024, 1, 29) });

        Assert.Equal(new CustomerSummary("A", 2, 2, 4, 10.00m, 0, 0m), summary[0]);
        Assert.Null(summary.ObservationEnd);
    }

    [Fact]
    public void Create_ObservationBeforeCalibration_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BtydSummary.Create(Seed.Dataset(), new BtydSummaryOptions { CalibrationEnd = new DateOnly(2024, 3, 5), ObservationEnd = new DateOnly(2024, 3, 1) }));

        Assert.Contains("ObservationEnd (2024-03-01) is before CalibrationEnd (2024-03-05)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromColumns_RecencyAboveT_ListsTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => BtydSummary.FromColumns(["a", "b"], [1, 0], [2.0, 0.0], [1.0, 3.0], [], LifetimeTimeUnit.Weeks));

        Assert.Contains("row 0 ('a': frequency 1, recency 2, T 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TimeZone_PeriodsAreLocalDays()
    {
        // 10:00Z and 20:00Z on 2024-01-01 are one UTC day, but 19:00 on Jan 1 and 05:00 on Jan 2 in Tokyo.
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddProduct(new Product("P", "X", 10m))
            .AddTransaction(new Transaction("1", "A", "P", 1, Seed.At("2024-01-01T10:00:00Z")))
            .AddTransaction(new Transaction("2", "A", "P", 1, Seed.At("2024-01-01T20:00:00Z")))
            .Build();
        var options = new BtydSummaryOptions { CalibrationEnd = new DateOnly(2024, 1, 8), TimeUnit = LifetimeTimeUnit.Days };

        var utc = BtydSummary.Create(dataset, options);
        var tokyo = BtydSummary.Create(dataset, options with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo") });

        Assert.Equal(new CustomerSummary("A", 0, 0, 7, 0m, 0, 0m), utc[0]);
        Assert.Equal(new CustomerSummary("A", 1, 1, 7, 10.00m, 0, 0m), tokyo[0]);
    }
}
