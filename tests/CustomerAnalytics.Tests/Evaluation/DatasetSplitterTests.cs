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

    [Theory]
    [InlineData(1, 0.75, 0)]
    [InlineData(2, 0.75, 1)]
    [InlineData(3, 0.75, 2)]
    [InlineData(4, 0.75, 3)]
    [InlineData(5, 0.75, 3)]
    [InlineData(10, 0.75, 7)]
    [InlineData(5, 0.8, 4)]
    [InlineData(10, 0.7, 7)]
    [InlineData(3, 0.5, 1)]
    public void TrainCount_AsRecommendersRankOverCount_KeepsTheRanksAtOrBelowTheRatio(int n, double ratio, int expected) =>
        Assert.Equal(expected, DatasetSplitter.TrainCount(n, ratio));

    [Fact]
    public void StratifiedPerCustomer_Fixture_HoldsOutNMinusFloorOfThreeQuartersPerCustomer()
    {
        // Per customer n distinct products; Recommenders trains on the ranks k with k/n ≤ 0.75:
        // A: n = 1 → trains 0, holds out its only product; B: n = 2 → 1 / 1; C: n = 4 → 3 / 1; D: n = 5 → 3 / 2.
        var dataset = Fixture();

        var split = DatasetSplitter.StratifiedPerCustomer(dataset, 0.25, seed: 7);

        var heldOut = split.Truth.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 1, ["D"] = 2 }, heldOut);
        Assert.Equal([new("A", "P1")], split.Truth.Where(t => t.CustomerId == "A"));
        Assert.Equal(["A1"], TransactionIds(split.Test).Where(id => id.StartsWith('A')));

        // Both lines of a held-out product leave training; every line is on exactly one side.
        Assert.Equal(split.Truth.ToArray(), split.NewProductTruth.ToArray());
        Assert.Equal(dataset.TransactionCount, split.Train.TransactionCount + split.Test.TransactionCount);
        Assert.Equal(TransactionIds(split.Test), TransactionIds(DatasetSplitter.StratifiedPerCustomer(dataset, 0.25, seed: 7).Test));

        // Seed 7 with new Random(7): the products held out (a pinned regression value; the counts above are by hand).
        Assert.Equal(["A1", "B2", "C3", "D1", "D3"], TransactionIds(split.Test));
        Assert.Equal(
            "stratified per customer (as Recommenders' python_stratified_split, ratio 0.75): each customer's products in a random order, the first ⌊0.75 × n⌋ train, the rest are held out, seed 7",
            split.Description);
    }

    [Fact]
    public void RandomPerCustomer_Fixture_RoundsTheHeldOutCountDownUnlikeStratified()
    {
        // ⌊0.25 n⌋: A (n = 1) and B (2) hold out nothing, C (4) and D (5) one each; stratified holds out 1, 1, 1, 2.
        var split = DatasetSplitter.RandomPerCustomer(Fixture(), 0.25, seed: 7);

        Assert.Equal(["C", "D"], split.Truth.Select(t => t.CustomerId));
    }

    [Fact]
    public void ChronologicalPerCustomer_Fixture_HoldsOutTheLastLinesOfEachCustomer()
    {
        // Lines per customer, time order, train while k/n ≤ 0.75: A (n = 1) → test A1; B (2) → train B1, test B2;
        // C (4; C4 and C3 share a time, C4 is listed first) → train C1, C2, C4, test C3; D (6) → train 4 (4/6 ≤ 0.75 < 5/6),
        // test its last two by time, D5 and D6 (listed D6 first).
        var dataset = Fixture();

        var split = DatasetSplitter.ChronologicalPerCustomer(dataset, 0.25);

        Assert.Equal(["A1", "B2", "C3", "D6", "D5"], TransactionIds(split.Test));
        Assert.Equal(["B1", "C1", "C2", "C4", "D1", "D2", "D3", "D4"], TransactionIds(split.Train));

        // D's last two lines: D5 buys P2 again (a repeat, in the truth only), D6 buys P5 new.
        Assert.Equal([new("A", "P1"), new("B", "P2"), new("C", "P3"), new("D", "P2"), new("D", "P5")], split.Truth.ToArray());
        Assert.Equal([new("A", "P1"), new("B", "P2"), new("C", "P3"), new("D", "P5")], split.NewProductTruth.ToArray());
        Assert.Equal(
            "chronological per customer (as Recommenders' python_chrono_split, ratio 0.75): each customer's lines in time order, the first ⌊0.75 × n⌋ train, the later ones are held out",
            split.Description);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void StratifiedAndChronological_FractionOutsideOpenUnitInterval_Throw(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.StratifiedPerCustomer(Seed.Dataset(), fraction, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.ChronologicalPerCustomer(Seed.Dataset(), fraction));
    }

    /// <summary>
    /// Four customers: A one line; B two products; C four products, its last two lines at one time with C4 listed
    /// first; D six lines of five products (P2 twice), listed out of time order.
    /// </summary>
    private static EnrichedDataset Fixture()
    {
        var day = Seed.At("2024-01-01T00:00:00Z");
        return new EnrichedDatasetBuilder()
            .AddCustomers([new("A", "S"), new("B", "S"), new("C", "S"), new("D", "S")])
            .AddProducts([new("P1", "K", 1m), new("P2", "K", 1m), new("P3", "K", 1m), new("P4", "K", 1m), new("P5", "K", 1m)])
            .AddTransactions(
            [
                new("A1", "A", "P1", 1, day),
                new("B1", "B", "P1", 1, day.AddDays(1)),
                new("B2", "B", "P2", 1, day.AddDays(2)),
                new("C1", "C", "P1", 1, day.AddDays(1)),
                new("C2", "C", "P2", 1, day.AddDays(2)),
                new("C4", "C", "P4", 1, day.AddDays(3)),
                new("C3", "C", "P3", 1, day.AddDays(3)),
                new("D6", "D", "P5", 1, day.AddDays(6)),
                new("D1", "D", "P1", 1, day.AddDays(1)),
                new("D2", "D", "P2", 1, day.AddDays(2)),
                new("D3", "D", "P3", 1, day.AddDays(3)),
                new("D4", "D", "P4", 1, day.AddDays(4)),
                new("D5", "D", "P2", 1, day.AddDays(5)),
            ])
            .Build();
    }

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
