using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Tests.Recommendations;

public sealed class CustomerPurchasesTests
{
    [Fact]
    public void Build_SequentialAndParallel_SameAsLinqDefinition()
    {
        var dataset = RecommendationData.Synthetic();
        var rows = dataset.Rows.ToArray();
        var expectedBought = rows
            .Where(r => r.Quantity > 0)
            .GroupBy(r => r.CustomerId)
            .ToDictionary(g => g.Key, g => g.Select(r => dataset.TryGetProductIndex(r.ProductId, out var p) ? p : -1).Distinct().Order().ToArray(), StringComparer.Ordinal);
        var expectedBuyers = new int[dataset.Products.Count];
        foreach (var pair in rows.GroupBy(r => (r.CustomerId, r.ProductId)).Where(g => g.Sum(r => (long)r.Quantity) > 0))
        {
            dataset.TryGetProductIndex(pair.Key.ProductId, out var p);
            expectedBuyers[p]++;
        }

        foreach (var threshold in new[] { int.MaxValue, 0 })
        {
            var purchases = CustomerPurchases.Build(dataset, out var buyers, threshold);

            Assert.Equal(expectedBuyers, buyers);
            for (var c = 0; c < dataset.Customers.Count; c++)
            {
                Assert.Equal(expectedBought.GetValueOrDefault(dataset.Customers[c].Id, []), purchases.Of(c).ToArray());
            }
        }
    }
}
