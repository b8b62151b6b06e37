using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Kpis;

public sealed class RfmCalculatorTests
{
    /// <summary>
    /// Analysis date 2024-02-01. A: 5 purchases of 10.00, last 01-31. B: 4 purchases of 20.00, last 01-30. C: one of
    /// 10.00 on 01-15. D: two orders of 30.00 on 01-01. E: one of 10.00 on 2023-12-01 and its return on 01-10.
    /// F: only after the analysis date.
    /// </summary>
    internal static EnrichedDataset Shop()
    {
        var builder = new EnrichedDatasetBuilder().AddProduct(new Product("P", "X", 10m));
        foreach (var id in new[] { "F", "E", "D", "C", "B", "A" })
        {
            builder.AddCustomer(new Customer(id, "S"));
        }

        var n = 0;
        void Buy(string customer, string date, int quantity) =>
            builder.AddTransaction(new Transaction((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), customer, "P", quantity, Seed.At(date + "T12:00:00Z")));
        foreach (var day in new[] { "31", "30", "29", "28", "27" })
        {
            Buy("A", "2024-01-" + day, 1);
        }

        foreach (var day in new[] { "30", "20", "10", "05" })
        {
            Buy("B", "2024-01-" + day, 2);
        }

        Buy("C", "2024-01-15", 1);
        Buy("D", "2024-01-01", 3);
        Buy("D", "2024-01-01", 3);
        Buy("E", "2023-12-01", 1);
        Buy("E", "2024-01-10", -1);
        Buy("F", "2024-02-05", 1);
        return builder.Build();
    }

    [Fact]
    public void Compute_HandCalculated_ScoresAndSegments()
    {
        var result = RfmCalculator.Compute(Shop(), RfmOptions.Default with { AnalysisDate = new DateOnly(2024, 2, 1) });

        Assert.Equal(new DateOnly(2024, 2, 1), result.AnalysisDate);
        Assert.Equal(
            [
                new CustomerRfm("A", new DateOnly(2024, 1, 31), 1, 5, 50.00m, 5, 5, 3, RfmSegment.Champions),
                new CustomerRfm("B", new DateOnly(2024, 1, 30), 2, 4, 80.00m, 4, 4, 5, RfmSegment.Loyal),
                new CustomerRfm("C", new DateOnly(2024, 1, 15), 17, 1, 10.00m, 3, 1, 2, RfmSegment.AboutToSleep),
                new CustomerRfm("D", new DateOnly(2024, 1, 1), 31, 2, 60.00m, 2, 3, 4, RfmSegment.AtRisk),
                new CustomerRfm("E", new DateOnly(2023, 12, 1), 62, 1, 0.00m, 1, 1, 1, RfmSegment.Hibernating),
            ],
            result.Customers.ToArray());
        Assert.Equal("553", result.Customers[0].Score);
    }

    [Fact]
    public void Compute_SegmentSummary_CountsAndRevenueInSegmentOrder()
    {
        var result = RfmCalculator.Compute(Shop(), RfmOptions.Default with { AnalysisDate = new DateOnly(2024, 2, 1) });

        Assert.Equal(Enum.GetValues<RfmSegment>(), result.Segments.Select(s => s.Segment));
        Assert.Equal(new RfmSegmentSummary(RfmSegment.Champions, 1, 0.2, 50.00m, 0.25), result.Segments[0]);
        Assert.Equal(new RfmSegmentSummary(RfmSegment.Loyal, 1, 0.2, 80.00m, 0.4), result.Segments[1]);
        Assert.Equal(new RfmSegmentSummary(RfmSegment.New, 0, 0, 0.00m, 0), result.Segments[3]);
        Assert.Equal(200.00m, result.Segments.Sum(s => s.Revenue));
        Assert.Equal(5, result.Segments.Sum(s => s.Customers));
    }

    [Fact]
    public void Compute_NoAnalysisDate_DayAfterLastOrder()
    {
        var result = RfmCalculator.Compute(Shop());

        Assert.Equal(new DateOnly(2024, 2, 6), result.AnalysisDate);
        Assert.Equal(6, result.Customers.Length);
        Assert.Equal((1, 5), (result.Customers.Single(c => c.CustomerId == "F").Recency, result.Customers.Single(c => c.CustomerId == "F").RecencyScore));
    }

    [Fact]
    public void Compute_RowOrderDoesNotMatter()
    {
        var dataset = Shop();
        var reversed = new EnrichedDatasetBuilder().AddCustomers(dataset.Customers.Reverse()).AddProducts(dataset.Products)
            .AddTransactions(dataset.Rows.Reverse().Select(r => new Transaction(r.TransactionId, r.CustomerId, r.ProductId, r.Quantity, r.Timestamp)))
            .Build();

        Assert.Equal(RfmCalculator.Compute(dataset).Customers.ToArray(), RfmCalculator.Compute(reversed).Customers.ToArray());
    }

    [Fact]
    public void Compute_Empty_NoCustomersAllSegmentsZero()
    {
        var result = RfmCalculator.Compute(new EnrichedDatasetBuilder().Build(), RfmOptions.Default with { AnalysisDate = new DateOnly(2024, 1, 1) });

        Assert.Empty(result.Customers);
        Assert.Equal(10, result.Segments.Length);
        Assert.All(result.Segments, s => Assert.Equal(0, s.Customers));
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(5, 4, RfmSegment.Champions)]
    [InlineData(4, 5, RfmSegment.Loyal)]
    [InlineData(3, 4, RfmSegment.Loyal)]
    [InlineData(5, 2, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 3, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 1, RfmSegment.Promising)]
    [InlineData(3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 2, RfmSegment.AboutToSleep)]
    [InlineData(2, 3, RfmSegment.AtRisk)]
    [InlineData(1, 4, RfmSegment.AtRisk)]
    [InlineData(1, 5, RfmSegment.CantLose)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    [InlineData(1, 1, RfmSegment.Hibernating)]
    public void Segment_RfMap(int r, int f, RfmSegment expected)
    {
        Assert.Equal(expected, RfmCalculator.Segment(r, f));
    }

    [Fact]
    public void Scores_TiesShareTheLowestBin()
    {
        // n = 10; the four 1s have k = 0; the three 2s k = 4 → 1 + ⌊20/10⌋ = 3; 3 has k = 7 → 4; the two 9s k = 8 → 5.
        Assert.Equal([1, 1, 1, 1, 3, 3, 3, 4, 5, 5], RfmCalculator.Scores([1, 1, 1, 1, 2, 2, 2, 3, 9, 9]));
    }
}
