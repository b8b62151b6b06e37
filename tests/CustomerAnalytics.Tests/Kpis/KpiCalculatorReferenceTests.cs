using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Tests.Kpis;

/// <summary>
/// The calculators against the plain LINQ definition over the row view, on seeded random datasets that take each of
/// the distinct-count paths: orders whose lines are adjacent or scattered, at most 64 groups or more.
/// </summary>
public sealed class KpiCalculatorReferenceTests
{
    public static TheoryData<int, bool, int> Shapes => new()
    {
        { 1, false, 5 },
        { 2, true, 5 },
        { 3, false, 90 },
        { 4, true, 90 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Groups_RandomDataset_EqualLinqDefinition(int seed, bool scatterOrders, int categories)
    {
        var dataset = RandomDataset(seed, scatterOrders, categories);

        Assert.Equal(Reference(dataset, r => r.Segment), KpiCalculator.BySegment(dataset).ToArray());
        Assert.Equal(Reference(dataset, r => r.Category), KpiCalculator.ByCategory(dataset).ToArray());
        Assert.Equal(Reference(dataset, r => r.CustomerId), KpiCalculator.ByCustomer(dataset).ToArray());
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Products_RandomDataset_EqualLinqDefinition(int seed, bool scatterOrders, int categories)
    {
        var dataset = RandomDataset(seed, scatterOrders, categories);
        var expected = dataset.Rows
            .GroupBy(r => r.ProductId)
            .Select(g => new ProductKpi(
                g.Key,
                g.First().Category,
                g.Sum(r => r.Revenue),
                g.Sum(r => (long)r.Quantity),
                g.Select(r => r.OrderId).Distinct().Count(),
                g.Select(r => r.CustomerId).Distinct().Count()))
            .OrderByDescending(p => p.Units).ThenByDescending(p => p.Revenue).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(expected, KpiCalculator.Products(dataset, ProductRanking.Units).ToArray());
        Assert.Equal(expected.Take(7), KpiCalculator.TopProducts(dataset, 7, ProductRanking.Units).ToArray());
        Assert.Equal(
            expected.OrderByDescending(p => p.Revenue).ThenBy(p => p.ProductId, StringComparer.Ordinal).Take(5),
            KpiCalculator.TopProducts(dataset, 5).ToArray());
        Assert.Equal(
            expected.OrderByDescending(p => p.Buyers).ThenByDescending(p => p.Revenue).ThenBy(p => p.ProductId, StringComparer.Ordinal).Take(70),
            KpiCalculator.TopProducts(dataset, 70, ProductRanking.Buyers).ToArray());
    }

    private static GroupKpi[] Reference(EnrichedDataset dataset, Func<EnrichedTransaction, string> key) =>
        dataset.Rows
            .GroupBy(key)
            .Select(g => new GroupKpi(
                g.Key,
                g.Sum(r => r.Revenue),
                g.Sum(r => (long)r.Quantity),
                g.Select(r => r.OrderId).Distinct().Count(),
                g.Select(r => r.CustomerId).Distinct().Count(),
                g.Count()))
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();

    private static EnrichedDataset RandomDataset(int seed, bool scatterOrders, int categories)
    {
        var random = new Random(seed);
        var builder = new EnrichedDatasetBuilder();
        for (var c = 0; c < 40; c++)
        {
            builder.AddCustomer(new Customer($"C{c}", $"S{c % 4}"));
        }

        for (var p = 0; p < 120; p++)
        {
            builder.AddProduct(new Product($"P{p}", $"K{p % categories}", random.Next(1, 5000) / 100m));
        }

        var lines = new List<Transaction>();
        for (var order = 0; order < 300; order++)
        {
            var customer = $"C{random.Next(40)}";
            for (var line = random.Next(1, 5); line > 0; line--)
            {
                var quantity = random.Next(10) == 0 ? -1 : random.Next(1, 4);
                lines.Add(new Transaction($"{lines.Count + 1}", customer, $"P{random.Next(120)}", quantity, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), OrderId: $"O{order}"));
            }
        }

        if (scatterOrders)
        {
            lines = [.. lines.OrderBy(_ => random.Next())];
        }

        return builder.AddTransactions(lines).Build();
    }
}
