using System.Collections.Immutable;
using CustomerAnalytics.Hosting.Internal;

namespace CustomerAnalytics.Hosting;

/// <summary>The field names the column maps of <see cref="CustomerAnalyticsOptions"/> accept (and the tool's
/// <c>--map [FILE.]FIELD=COLUMN</c>), matched ignoring case.</summary>
public static class ColumnFields
{
    /// <summary>Fields of the transactions and order-lines files (<see cref="CustomerAnalyticsOptions.Columns"/>):
    /// <c>category</c>, <c>customer</c>, <c>customer-name</c>, <c>id</c>, <c>name</c>, <c>order</c>, <c>price</c>,
    /// <c>product</c>, <c>quantity</c>, <c>segment</c>, <c>timestamp</c>, <c>total</c>.</summary>
    public static ImmutableArray<string> Transactions { get; } = ColumnMap.Names(ColumnMap.Transactions);

    /// <summary>Fields of the customers file (<see cref="CustomerAnalyticsOptions.CustomerColumns"/>): <c>id</c>,
    /// <c>name</c>, <c>segment</c>, <c>signup</c>.</summary>
    public static ImmutableArray<string> Customers { get; } = ColumnMap.Names(ColumnMap.Customers);

    /// <summary>Fields of the products file (<see cref="CustomerAnalyticsOptions.ProductColumns"/>): <c>category</c>,
    /// <c>id</c>, <c>name</c>, <c>price</c>.</summary>
    public static ImmutableArray<string> Products { get; } = ColumnMap.Names(ColumnMap.Products);
}
