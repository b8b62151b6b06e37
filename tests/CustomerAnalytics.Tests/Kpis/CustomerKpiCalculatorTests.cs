using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Kpis;

public sealed class CustomerKpiCalculatorTests
{
    /// <summary>
    /// A: 2 units on 2024-01-30 (O1) and 1 on 2024-02-05 (O2); B: 3 units on 2024-02-01 (O3) and a return of 1 the
    /// same day (O4); C: 1 unit on 2024-04-10 (O5). Every unit costs 10.00.
    /// </summary>
    internal static EnrichedDataset Shop() => new EnrichedDatasetBuilder()
        .AddCustomer(new Customer("A", "S"))
        .AddCustomer(new Customer("B", "S"))
        .AddCustomer(new Customer("C", "S"))
        .AddCustomer(new Customer("D", "S"))
        .AddProduct(new Product("P", "X", 10m))
        .AddTransaction(new Transaction("1", "A", "P", 2, Seed.At("2024-01-30T10:00:00Z"), OrderId: "O1"))
        .AddTransaction(new Transaction("2", "A", "P", 1, Seed.At("2024-02-05T10:00:00Z"), OrderId: "O2"))
        .AddTransaction(new Transaction("3", "B", "P", 2, Seed.At("2024-02-01T10:00:00Z"), OrderId: "O3"))
        .AddTransaction(new Transaction("4", "B", "P", 1, Seed.At("2024-02-01T09:00:00Z"), OrderId: "O3"))
        .AddTransaction(new Transaction("5", "B", "P", -1, Seed.At("2024-02-01T12:00:00Z"), OrderId: "O4"))
        .AddTransaction(new Transaction("6", "C", "P", 1, Seed.At("2024-04-10T23:30:00Z"), OrderId: "O5"))
        .Build();

    [Fact]
    public void ByPeriod_Months_HandCalculated()
    {
        var series = CustomerKpiCalculator.ByPeriod(Shop());

        PeriodKpi[] expected =
            [
                new PeriodKpi("2024-01", new DateOnly(2024, 1, 1), 20.00m, 1, 0, 2, 1, 1, 0, 20.00m, 2, 20.00m, 0),
                new PeriodKpi("2024-02", new DateOnly(2024, 2, 1), 30.00m, 2, 1, 3, 2, 1, 1, 15.00m, 1.5, 15.00m, 0.5),
                new PeriodKpi("2024-03", new DateOnly(2024, 3, 1), 0.00m, 0, 0, 0, 0, 0, 0, 0m, 0, 0m, 0),
                new PeriodKpi("2024-04", new DateOnly(2024, 4, 1), 10.00m, 1, 0, 1, 1, 1, 0, 10.00m, 1, 10.00m, 0),
            ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], series[i]);
        }

        Assert.Equal(expected.Length, series.Length);
    }

    [Fact]
    public void ByPeriod_Days_EmptyDaysAreZeros()
    {
        var series = CustomerKpiCalculator.ByPeriod(Shop(), TimeSeriesOptions.Default with { Period = KpiPeriod.Day });

        Assert.Equal(72, series.Length);
        Assert.Equal("2024-01-30", series[0].Period);
        Assert.Equal("2024-04-10", series[^1].Period);
        Assert.Equal((0m, 0, 0), (series[1].Revenue, series[1].Orders, series[1].ActiveCustomers));
        Assert.Equal((20.00m, 1, 1, 1), (series[2].Revenue, series[2].Orders, series[2].Returns, series[2].NewCustomers));
        Assert.Equal(60.00m, series.Sum(p => p.Revenue));
    }

    [Fact]
    public void ByPeriod_IsoWeeks_LabelledByIsoYearAndMondayStart()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddProduct(new Product("P", "X", 1m))
            .AddTransaction(new Transaction("1", "A", "P", 1, Seed.At("2024-12-29T12:00:00Z")))
            .AddTransaction(new Transaction("2", "A", "P", 1, Seed.At("2025-01-05T12:00:00Z")))
            .Build();

        var series = CustomerKpiCalculator.ByPeriod(dataset, TimeSeriesOptions.Default with { Period = KpiPeriod.IsoWeek });

        Assert.Equal(
            [("2024-W52", new DateOnly(2024, 12, 23), 1, 0), ("2025-W01", new DateOnly(2024, 12, 30), 1, 1)],
            series.Select(p => (p.Period, p.Start, p.ActiveCustomers, p.ReturningCustomers)));
    }

    [Fact]
    public void ByPeriod_TimeZone_MovesOrdersToLocalDays()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var inTokyo = CustomerKpiCalculator.ByPeriod(Shop(), TimeSeriesOptions.Default with { TimeZone = tokyo });
        var inNewYork = CustomerKpiCalculator.ByPeriod(Shop(), TimeSeriesOptions.Default with { Period = KpiPeriod.Day, TimeZone = newYork });

        // 2024-04-10T23:30Z is 2024-04-11 08:30 in Tokyo; still April.
        Assert.Equal(["2024-01", "2024-02", "2024-03", "2024-04"], inTokyo.Select(p => p.Period));

        // 2024-02-01T09:00Z is 04:00 in New York (EST, UTC-5): O3 starts on 2024-02-01 there too; C's order is on 2024-04-10 (EDT).
        Assert.Equal("2024-04-10", inNewYork[^1].Period);
        Assert.Equal(1, inNewYork.Single(p => p.Period == "2024-02-01").Orders);
    }

    [Fact]
    public void ByPeriod_Empty_NoPeriods()
    {
        Assert.Empty(CustomerKpiCalculator.ByPeriod(new EnrichedDatasetBuilder().Build()));
    }

    [Fact]
    public void ByPeriod_InvalidPeriod_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerKpiCalculator.ByPeriod(Shop(), TimeSeriesOptions.Default with { Period = (KpiPeriod)9 }));

        Assert.Contains("Period", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Purchases_HandCalculated()
    {
        var kpis = CustomerKpiCalculator.Purchases(Shop());

        Assert.Equal(new PurchaseKpis(3, 1, 4, 1, 6, 60.00m, 15.00m, 1.5, 20.00m, 1.0 / 3), kpis);
    }

    [Fact]
    public void Purchases_ReturnOnly_NotACustomer()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddProduct(new Product("P", "X", 10m))
            .AddTransaction(new Transaction("1", "A", "P", -1, Seed.At("2024-01-01T00:00:00Z")))
            .Build();

        var kpis = CustomerKpiCalculator.Purchases(dataset);

        Assert.Equal(new PurchaseKpis(0, 0, 0, 1, -1, -10.00m, 0m, 0, 0m, 0), kpis);
    }

    [Fact]
    public void Purchases_Empty_AllZero()
    {
        Assert.Equal(new PurchaseKpis(0, 0, 0, 0, 0, 0.00m, 0m, 0, 0m, 0), CustomerKpiCalculator.Purchases(new EnrichedDatasetBuilder().Build()));
    }

    [Fact]
    public void Cohorts_HandCalculated()
    {
        var cells = CustomerKpiCalculator.Cohorts(Shop());

        // Cohort 2024-01: A (bought again in February). Cohort 2024-02: B (its return the same day reduces revenue).
        // Cohort 2024-04: C. Every cohort runs to April, the last month with an order.
        Assert.Equal(
            [
                ("2024-01", 1, 0, 1, 1.0, 20.00m), ("2024-01", 1, 1, 1, 1.0, 10.00m), ("2024-01", 1, 2, 0, 0.0, 0.00m), ("2024-01", 1, 3, 0, 0.0, 0.00m),
                ("2024-02", 1, 0, 1, 1.0, 20.00m), ("2024-02", 1, 1, 0, 0.0, 0.00m), ("2024-02", 1, 2, 0, 0.0, 0.00m),
                ("2024-04", 1, 0, 1, 1.0, 10.00m),
            ],
            cells.Select(c => (c.Cohort, c.CohortSize, c.MonthsSinceAcquisition, c.ActiveCustomers, c.RetentionRate, c.Revenue)));
        Assert.Equal(new DateOnly(2024, 2, 1), cells[4].CohortStart);
    }

    [Fact]
    public void Cohorts_TwoCustomersOneReturns_RateIsHalf()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("A", "S"))
            .AddCustomer(new Customer("B", "S"))
            .AddProduct(new Product("P", "X", 5m))
            .AddTransaction(new Transaction("1", "A", "P", 1, Seed.At("2024-01-01T00:00:00Z")))
            .AddTransaction(new Transaction("2", "B", "P", 1, Seed.At("2024-01-31T00:00:00Z")))
            .AddTransaction(new Transaction("3", "B", "P", 2, Seed.At("2024-03-01T00:00:00Z")))
            .AddTransaction(new Transaction("4", "B", "P", 1, Seed.At("2024-03-02T00:00:00Z")))
            .Build();

        var cells = CustomerKpiCalculator.Cohorts(dataset);

        Assert.Equal(
            [(0, 2, 1.0, 10.00m), (1, 0, 0.0, 0.00m), (2, 1, 0.5, 15.00m)],
            cells.Select(c => (c.MonthsSinceAcquisition, c.ActiveCustomers, c.RetentionRate, c.Revenue)));
    }

    [Fact]
    public void Cohorts_Empty_NoCells()
    {
        Assert.Empty(CustomerKpiCalculator.Cohorts(new EnrichedDatasetBuilder().Build()));
    }
}
