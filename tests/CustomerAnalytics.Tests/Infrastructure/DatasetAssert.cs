using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Tests.Infrastructure;

/// <summary>Asserts about whole datasets.</summary>
internal static class DatasetAssert
{
    /// <summary>Every column, id, revenue, unit price and the enrichment report are equal.</summary>
    public static void Same(EnrichedDataset expected, EnrichedDataset actual)
    {
        Assert.Equal(expected.TransactionCount, actual.TransactionCount);
        Assert.Equal(expected.Customers, actual.Customers);
        Assert.Equal(expected.Products, actual.Products);
        Assert.Equal(expected.CustomerIndexes.ToArray(), actual.CustomerIndexes.ToArray());
        Assert.Equal(expected.ProductIndexes.ToArray(), actual.ProductIndexes.ToArray());
        Assert.Equal(expected.OrderIndexes.ToArray(), actual.OrderIndexes.ToArray());
        Assert.Equal(expected.Quantities.ToArray(), actual.Quantities.ToArray());
        Assert.Equal(expected.TimestampTicks.ToArray(), actual.TimestampTicks.ToArray());
        Assert.Equal(expected.HasWeights, actual.HasWeights);
        Assert.Equal(expected.Weights.ToArray(), actual.Weights.ToArray());
        Assert.Equal(ReferenceEquals(expected, expected.Interactions), ReferenceEquals(actual, actual.Interactions));
        if (!ReferenceEquals(expected, expected.Interactions))
        {
            Same(expected.Interactions, actual.Interactions);
        }

        Assert.Equal(Enumerable.Range(0, expected.TransactionCount).Select(expected.GetRevenue), Enumerable.Range(0, actual.TransactionCount).Select(actual.GetRevenue));
        Assert.Equal(Enumerable.Range(0, expected.TransactionCount).Select(expected.GetUnitPrice), Enumerable.Range(0, actual.TransactionCount).Select(actual.GetUnitPrice));
        Assert.Equal(Enumerable.Range(0, expected.TransactionCount).Select(expected.GetTransactionId), Enumerable.Range(0, actual.TransactionCount).Select(actual.GetTransactionId));
        Assert.Equal(Enumerable.Range(0, expected.OrderCount).Select(expected.GetOrderId), Enumerable.Range(0, actual.OrderCount).Select(actual.GetOrderId));
        Assert.Equal((expected.Report.TransactionsRead, expected.Report.TransactionsKept), (actual.Report.TransactionsRead, actual.Report.TransactionsKept));
        Assert.Equal(expected.Report.Counts.ToArray(), actual.Report.Counts.ToArray());
        Assert.Equal(expected.Report.Issues.ToArray(), actual.Report.Issues.ToArray());
    }
}
