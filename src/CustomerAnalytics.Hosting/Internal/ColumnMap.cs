using System.Collections.Frozen;
using System.Collections.Immutable;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>The fields of the column maps (<see cref="CustomerAnalyticsOptions.Columns"/>,
/// <see cref="CustomerAnalyticsOptions.CustomerColumns"/>, <see cref="CustomerAnalyticsOptions.ProductColumns"/>), named as
/// the tool's <c>--map</c> names them, and how each replaces the loader's accepted column names.</summary>
internal static class ColumnMap
{
    public static readonly FrozenDictionary<string, Func<TransactionColumns, string[], TransactionColumns>> Transactions =
        new Dictionary<string, Func<TransactionColumns, string[], TransactionColumns>>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = (c, v) => c with { Id = v },
            ["customer"] = (c, v) => c with { CustomerId = v },
            ["product"] = (c, v) => c with { ProductId = v },
            ["quantity"] = (c, v) => c with { Quantity = v },
            ["timestamp"] = (c, v) => c with { Timestamp = v },
            ["price"] = (c, v) => c with { UnitPrice = v },
            ["order"] = (c, v) => c with { OrderId = v },
            ["total"] = (c, v) => c with { LineTotal = v },
            ["segment"] = (c, v) => c with { Segment = v },
            ["category"] = (c, v) => c with { Category = v },
            ["name"] = (c, v) => c with { ProductName = v },
            ["customer-name"] = (c, v) => c with { CustomerName = v },
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, Func<CustomerColumns, string[], CustomerColumns>> Customers =
        new Dictionary<string, Func<CustomerColumns, string[], CustomerColumns>>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = (c, v) => c with { Id = v },
            ["segment"] = (c, v) => c with { Segment = v },
            ["signup"] = (c, v) => c with { SignupDate = v },
            ["name"] = (c, v) => c with { Name = v },
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, Func<ProductColumns, string[], ProductColumns>> Products =
        new Dictionary<string, Func<ProductColumns, string[], ProductColumns>>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = (c, v) => c with { Id = v },
            ["category"] = (c, v) => c with { Category = v },
            ["price"] = (c, v) => c with { Price = v },
            ["name"] = (c, v) => c with { Name = v },
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The field names of a map, sorted.</summary>
    public static ImmutableArray<string> Names<T>(FrozenDictionary<string, Func<T, string[], T>> fields) =>
        [.. fields.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The preset's columns with each mapped field replaced by its one column.</summary>
    public static T Apply<T>(T preset, IReadOnlyDictionary<string, string>? columns, FrozenDictionary<string, Func<T, string[], T>> fields) =>
        (columns ?? ImmutableDictionary<string, string>.Empty).OrderBy(c => c.Key, StringComparer.Ordinal).Aggregate(preset, (c, m) => fields[m.Key](c, [m.Value]));

    /// <summary>A problem for every entry that is not a field or names no column, each named by <paramref name="key"/>.</summary>
    public static IEnumerable<string> Problems<T>(IReadOnlyDictionary<string, string>? columns, FrozenDictionary<string, Func<T, string[], T>> fields, Func<string, string> key)
    {
        foreach (var (field, column) in columns ?? ImmutableDictionary<string, string>.Empty)
        {
            if (!fields.ContainsKey(field))
            {
                yield return $"{key(field)} is not a field; use one of {string.Join(", ", Names(fields))}";
            }
            else if (string.IsNullOrWhiteSpace(column))
            {
                yield return $"{key(field)} must name a column";
            }
        }
    }
}
