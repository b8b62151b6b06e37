using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Kpis;

public sealed class KpiCalculatorTests
{
    [Fact]
    public void Overall_Seed_MatchesOriginalFigures()
    {
        var overall = KpiCalculator.Overall(Seed.Dataset());

        Assert.Equal(new OverallKpis(4, 7, 7, 13, 1474.92m, 210.70m), overall);
    }

    [Fact]
    public void BySegment_Seed_HighestFirst()
    {
        var segments = KpiCalculator.BySegment(Seed.Dataset());

        Assert.Equal(
            [("Enterprise", 597.00m), ("SMB", 558.97m), ("Consumer", 318.95m)],
            segments.Select(s => (s.Key, s.Revenue)));
        Assert.Equal(new GroupKpi("Consumer", 318.95m, 6, 4, 2, 4), segments[2]);
    }

    [Fact]
    public void ByCategory_Seed_HighestFirst()
    {
        var categories = KpiCalculator.ByCategory(Seed.Dataset());

        Assert.Equal(
            [("Software", 796.00m), ("Hardware", 499.00m), ("Accessories", 179.92m)],
            categories.Select(c => (c.Key, c.Revenue)));
    }

    [Fact]
    public void ByCustomer_Seed_HighestFirst()
    {
        var customers = KpiCalculator.ByCustomer(Seed.Dataset());

        Assert.Equal(
            [("C003", 597.00m), ("C002", 558.97m), ("C001", 298.96m), ("C004", 19.99m)],
            customers.Select(c => (c.Key, c.Revenue)));
    }

    [Fact]
    public void TopProducts_Seed_ByRevenue()
    {
        var top = KpiCalculator.TopProducts(Seed.Dataset(), 10);

        Assert.Equal(
            [
                new ProductKpi("P200", "Software", 796.00m, 4, 2, 2),
                new ProductKpi("P300", "Hardware", 499.00m, 1, 1, 1),
                new ProductKpi("P100", "Accessories", 119.94m, 6, 3, 3),
                new ProductKpi("P400", "Accessories", 59.98m, 2, 1, 1),
            ],
            top.ToArray());
    }

    [Fact]
    public void TopProducts_ByUnits_RanksUnitsThenRevenue()
    {
        var top = KpiCalculator.TopProducts(Seed.Dataset(), 2, ProductRanking.Units);

        Assert.Equal(["P100", "P200"], top.Select(p => p.ProductId));
    }

    [Fact]
    public void TopProducts_Ties_BrokenByProductIdOrdinal()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C", "S"))
            .AddProducts([new Product("b", "X", 5m), new Product("B", "X", 5m), new Product("a", "X", 5m)])
            .AddTransactions(
            [
                new Transaction("1", "C", "b", 1, Seed.At("2024-01-01T00:00:00Z")),
                new Transaction("2", "C", "B", 1, Seed.At("2024-01-01T00:00:00Z")),
                new Transaction("3", "C", "a", 1, Seed.At("2024-01-01T00:00:00Z")),
            ])
            .Build();

        Assert.Equal(["B", "a", "b"], KpiCalculator.TopProducts(dataset, 3).Select(p => p.ProductId));
    }

    [Fact]
    public void Overall_Empty_AllZero()
    {
        var empty = new EnrichedDatasetBuilder().Build();

        Assert.Equal(new OverallKpis(0, 0, 0, 0, 0m, 0m), KpiCalculator.Overall(empty));
        Assert.Empty(KpiCalculator.BySegment(empty));
    }

    [Fact]
    public void Overall_Orders_CountDistinctOrderIds()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomer(new Customer("C", "S"))
            .AddProduct(new Product("P", "X", 10m))
            .AddTransactions(
            [
                new Transaction("1", "C", "P", 1, Seed.At("2024-01-01T00:00:00Z"), OrderId: "O1"),
                new Transaction("2", "C", "P", 2, Seed.At("2024-01-01T00:00:00Z"), OrderId: "O1"),
                new Transaction("3", "C", "P", 1, Seed.At("2024-01-02T00:00:00Z")),
            ])
            .Build();

        var overall = KpiCalculator.Overall(dataset);

        Assert.Equal(2, overall.Orders);
        Assert.Equal(20.00m, overall.AverageOrderValue);
    }
}
