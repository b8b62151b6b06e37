using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Enrichment;

public sealed class OrderFactsTests
{
    [Fact]
    public void OrderFacts_AskedTwice_SameInstance()
    {
        var dataset = Seed.Dataset();

        Assert.Same(dataset.OrderFacts, dataset.OrderFacts);
    }

    [Fact]
    public async Task OrderFacts_AskedFromManyThreadsAtOnce_OneInstance()
    {
        var dataset = Seed.Dataset();
        using var start = new Barrier(8);

        var seen = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return dataset.OrderFacts;
            }))
            .ToArray();
        var facts = await Task.WhenAll(seen);

        Assert.Single(facts.Distinct());
    }

    [Fact]
    public void OrderFacts_AfterEveryCustomerAnalysis_TheOneTheyShared()
    {
        var dataset = Seed.Dataset();
        var facts = dataset.OrderFacts;

        CustomerKpiCalculator.ByPeriod(dataset);
        CustomerKpiCalculator.Purchases(dataset);
        CustomerKpiCalculator.Cohorts(dataset);
        RfmCalculator.Compute(dataset);
        BtydSummary.Create(dataset);

        Assert.Same(facts, dataset.OrderFacts);
        Assert.Same(facts.LocalDays(TimeZoneInfo.Utc), facts.LocalDays(TimeZoneInfo.Utc));
    }

    [Fact]
    public void OrderFacts_Seed_OneEntryPerOrder()
    {
        var facts = Seed.Dataset().OrderFacts;

        // The seed's seven lines have no order id: each is its own order.
        Assert.Equal(7, facts.Count);
        Assert.Equal([0, 0, 1, 2, 3, 0, 1], facts.Customer);
        Assert.Equal([2L, 1, 1, 3, 1, 2, 3], facts.Units);
        Assert.Equal([399_800L, 1_990_000, 4_990_000, 5_970_000, 199_900, 599_800, 599_700], facts.RevenueUnits);
        Assert.Equal([738945, 738945, 738946, 738947, 738948, 738949, 738950], facts.LocalDays(TimeZoneInfo.Utc));
    }

    [Fact]
    public void LocalDays_AnotherZone_DaysOfThatZone()
    {
        var facts = Seed.Dataset().OrderFacts;
        var plus14 = TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14");

        var east = facts.LocalDays(plus14);

        // 10:00Z and later is the next day at UTC+14; order 3 (09:15Z on 2 March) stays on its day.
        Assert.Equal([738946, 738946, 738946, 738948, 738949, 738950, 738951], east);
        Assert.Same(east, facts.LocalDays(plus14));
        Assert.Equal(738945, facts.LocalDays(TimeZoneInfo.Utc)[0]);
    }
}
