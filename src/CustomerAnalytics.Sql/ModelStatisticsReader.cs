using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using static CustomerAnalytics.Sql.KpiReaders;

namespace CustomerAnalytics.Sql;

/// <summary>The result set of <see cref="ModelStatisticsSql"/> to <see cref="RecommenderStatistics"/>: columns kind, a, b, price, revenue, units, buyers.</summary>
internal static class ModelStatisticsReader
{
    public static async Task<RecommenderStatistics> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var products = new List<ProductSales>();
        var customers = new List<Customer>();
        var purchases = new Dictionary<string, ImmutableArray<string>.Builder>(StringComparer.Ordinal);
        var segmentCategories = new List<SegmentCategoryRevenue>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (a, b) = (reader.GetString(1), reader.GetString(2));
            switch (Count(reader, 0))
            {
                case 0:
                    var price = reader.IsDBNull(3) ? (decimal?)null : Money(reader, 3);
                    products.Add(new ProductSales(new Product(a, b, price), Money(reader, 4), Int64(reader, 5), Count(reader, 6)));
                    break;
                case 1:
                    customers.Add(new Customer(a, b));
                    break;
                case 2:
                    (purchases.TryGetValue(a, out var bought) ? bought : purchases[a] = ImmutableArray.CreateBuilder<string>()).Add(b);
                    break;
                case 3:
                    segmentCategories.Add(new SegmentCategoryRevenue(a, b, Money(reader, 4)));
                    break;
                default:
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The model statistics query returned a row of kind {Count(reader, 0)}; it returns kinds 0 to 3."));
            }
        }

        return RecommenderStatistics.Create(
            products,
            customers.Select(c => new CustomerProducts(c, purchases.TryGetValue(c.Id, out var bought) ? bought.ToImmutable() : [])),
            segmentCategories);
    }
}
