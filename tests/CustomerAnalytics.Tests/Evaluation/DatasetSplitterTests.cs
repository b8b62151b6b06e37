using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Evaluation;

public sealed class DatasetSplitterTests
{
    [Fact]
    public void ByTime_Seed_TrainsBeforeTheCutOffAndTestsFromIt()
    {
        var split = DatasetSplitter.ByTime(Seed.Dataset(), Seed.At("2024-03-04T00:00:00Z"));

        Assert.Equal(["1", "2", "3", "4"], TransactionIds(split.Train));
        Assert.Equal(["5", "6", "7"], TransactionIds(split.Test));
        Assert.Equal(["5", "6", "7"], Enumerable.Range(0, split.Test.OrderCount).Select(split.Test.GetOrderId));
        Assert.Equal([new("C001", "P400"), new("C002", "P100"), new("C004", "P100")], split.Truth.ToArray());
        Assert.Equal(split.Truth.ToArray(), split.NewProductTruth.ToArray());
        Assert.Equal(4, split.Train.Customers.Count); // same customer table
        Assert.Equal("time cut-off 2024-03-04T00:00:00Z: train on rows before it, test on rows from it on", split.Description);
    }

    [Fact]
    public void ByTime_RepeatPurchase_IsInTruthButNotInNewProductTruth()
    {
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new("X", "S")])
            .AddProducts([new("A", "C", 1m), new("B", "C", 1m)])
            .AddTransactions(
            [
                new("1", "X", "A", 1, Seed.At("2024-01-01T00:00:00Z")),
                new("2", "X", "A", 1, Seed.At("2024-01-03T00:00:00Z")),
                new("3", "X", "B", 1, Seed.At("2024-01-03T00:00:00Z")),
                new("4", "X", "B", -1, Seed.At("2024-01-04T00:00:00Z")),
            ])
            .Build();

        var split = DatasetSplitter.ByTime(dataset, Seed.At("2024-01-02T00:00:00Z"));

        Assert.Equal([new("X", "A"), new("X", "B")], split.Truth.ToArray());
        Assert.Equal([new("X", "B")], split.NewProductTruth.ToArray());
    }

    [Fact]
    public void LeaveLastOrderOut_Seed_HoldsOutEachLastOrderOfCustomersWithSeveral()
    {
        var split = DatasetSplitter.LeaveLastOrderOut(Seed.Dataset());

        Assert.Equal(["6", "7"], TransactionIds(split.Test));
        Assert.Equal(["1", "2", "3", "4", "5"], TransactionIds(split.Train));
        Assert.Equal([new("C001", "P400"), new("C002", "P100")], split.Truth.ToArray());
    }

    [Fact]
    public void LeaveLastOrderOut_OrdersAtTheSameTime_HoldsOutTheGreaterOrderId()
    {
        var at = Seed.At("2024-01-01T00:00:00Z");
        var dataset = new EnrichedDatasetBuilder()
            .AddCustomers([new("Y", "S")])
            .AddProducts([new("A", "C", 1m), new("B", "C", 1m), new("D", "C", 1m)])
            .AddTransactions(
            [
                new("1", "Y", "B", 1, at, OrderId: "O2"),
                new("2", "Y", "A", 1, at, OrderId: "O1"),
                new("3", "Y", "D", 1, at, OrderId: "O2"),
            ])
            .Build();

        var split = DatasetSplitter.LeaveLastOrderOut(dataset);

        Assert.Equal([new("Y", "B"), new("Y", "D")], split.Truth.ToArray());
        Assert.Equal(["1", "3"], TransactionIds(split.Test));
        Assert.Equal("O2", split.Test.GetOrderId(0));
        Assert.Equal(1, split.Test.OrderCount);
    }

    [Fact]
    public void RandomPerCustomer_HoldsOutAQuarterOfEachCustomersProducts_Reproducibly()
    {
        var dataset = Random(300, 40, 3_000, seed: 5);

        var split = DatasetSplitter.RandomPerCustomer(dataset, 0.25, seed: 42);
        var again = DatasetSplitter.RandomPerCustomer(dataset, 0.25, seed: 42);
        var other = DatasetSplitter.RandomPerCustomer(dataset, 0.25, seed: 43);

        Assert.Equal(split.Truth.ToArray(), again.Truth.ToArray());
        Assert.Equal(TransactionIds(split.Train), TransactionIds(again.Train));
        Assert.NotEqual(split.Truth.ToArray(), other.Truth.ToArray());
        Assert.Equal(dataset.TransactionCount, split.Train.TransactionCount + split.Test.TransactionCount);
        var heldOut = split.Truth.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var group in dataset.Rows.Where(r => r.Quantity > 0).GroupBy(r => r.CustomerId))
        {
            var products = group.Select(r => r.ProductId).Distinct(StringComparer.Ordinal).Count();
            Assert.Equal(products / 4, heldOut.GetValueOrDefault(group.Key));
        }

        // Held-out products leave training entirely for that customer.
        Assert.Equal(split.Truth.ToArray(), split.NewProductTruth.ToArray());
        Assert.Equal("random per customer: 0.25 of each customer's products held out (rounded down), seed 42", split.Description);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void RandomPerCustomer_FractionOutsideOpenUnitInterval_Throws(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.RandomPerCustomer(Seed.Dataset(), fraction, 1));

    /// <summary>A seeded random dataset: customers C…, products P…, every line one unit at a distinct minute.</summary>
    internal static EnrichedDataset Random(int customers, int products, int lines, int seed)
    {
        var random = new Random(seed);
        var builder = new EnrichedDatasetBuilder();
        for (var c = 0; c < customers; c++)
        {
            builder.AddCustomer(new Customer($"C{c:D4}", $"S{c % 3}"));
        }

        for (var p = 0; p < products; p++)
        {
            builder.AddProduct(new Product($"P{p:D4}", $"K{p % 4}", 1m + (p % 7)));
        }

        var start = Seed.At("2024-01-01T00:00:00Z");
        for (var t = 0; t < lines; t++)
        {
            var product = (int)(products * Math.Pow(random.NextDouble(), 2));
            builder.AddTransaction(new Transaction(
                t.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"C{random.Next(customers):D4}",
                $"P{product:D4}",
                1,
                start.AddMinutes(t)));
        }

        return builder.Build();
    }

    private static string[] TransactionIds(EnrichedDataset dataset) =>
        [.. Enumerable.Range(0, dataset.TransactionCount).Select(dataset.GetTransactionId)];
}
