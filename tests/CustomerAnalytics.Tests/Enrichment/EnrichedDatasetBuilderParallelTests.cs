using System.Globalization;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Tests.Enrichment;

public class EnrichedDatasetBuilderParallelTests
{
    private const int Rows = 100_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_ManyRowsInFourRanges_SameDatasetAndReportAsOneCore(bool rejections)
    {
        var one = Build(rejections, 1);
        var four = Build(rejections, 4);

        DatasetAssert.Same(one, four);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Build_ManyRowsInFourRanges_IssuesCountedAndListedInRowOrder(bool rejections)
    {
        var dataset = Build(rejections, 4);
        var report = dataset.Report;

        // Rows r with r % 37 == 36 are returns: 2,702 of them, the first 100 listed, in row order.
        var returns = report.Issues.Where(i => i.Kind == EnrichmentIssueKind.Return).Select(i => i.TransactionId!).ToArray();
        Assert.Equal(2702, report.Count(EnrichmentIssueKind.Return) + (rejections ? RejectedReturns() : 0));
        Assert.Equal(100, returns.Length);
        Assert.Equal("T36", returns[0]);
        Assert.Equal(returns.OrderBy(id => int.Parse(id[1..], CultureInfo.InvariantCulture)), returns);

        // 20 unknown customers (rows 4,999, 9,999, …) and 14 repeated ids (rows 7,000, 14,000, …) are dropped.
        var dropped = rejections ? 20 + 14 : 0;
        Assert.Equal(Rows - dropped, dataset.TransactionCount);
        Assert.Equal(rejections ? 20 : 0, report.Count(EnrichmentIssueKind.UnknownCustomer));
        Assert.Equal(rejections ? 14 : 0, report.Count(EnrichmentIssueKind.DuplicateTransactionId));
    }

    /// <summary>Returns among the rejected rows (unknown customer or repeated id), which are not counted as returns.</summary>
    private static int RejectedReturns() =>
        Enumerable.Range(0, Rows).Count(r => r % 37 == 36 && (r % 5000 == 4999 || (r > 0 && r % 7000 == 0)));

    private static EnrichedDataset Build(bool rejections, int cores)
    {
        var options = EnrichmentOptions.Default with
        {
            MaxDegreeOfParallelism = cores,
            DuplicateTransactions = rejections ? DuplicateTransactionPolicy.KeepFirst : DuplicateTransactionPolicy.KeepAll,
        };
        var builder = new EnrichedDatasetBuilder(options)
            .AddCustomers(Enumerable.Range(0, 1000).Select(i => new Customer($"C{i}", i % 2 == 0 ? "A" : "B", i % 10 == 0 ? new DateOnly(2024, 6, 1) : null)))
            .AddProducts(Enumerable.Range(0, 100).Select(i => new Product($"P{i}", i % 3 == 0 ? "X" : "Y", 1.25m + i)));
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < Rows; r++)
        {
            var customer = rejections && r % 5000 == 4999 ? "CX" : $"C{r * 7 % 1000}";
            var id = rejections && r > 0 && r % 7000 == 0 ? "T0" : $"T{r}";
            var quantity = r % 37 == 36 ? -1 : r % 1000 == 999 ? 0 : 1 + (r % 3);
            decimal? unitPrice = rejections && r % 3 == 0 ? 2.5m : null;
            builder.AddTransaction(new Transaction(id, customer, $"P{r % 100}", quantity, start.AddMinutes(r * 5), unitPrice, $"O{r / 2}"));
        }

        return builder.Build();
    }
}
