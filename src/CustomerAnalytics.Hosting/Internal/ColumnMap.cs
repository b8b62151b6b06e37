using System.Collections.Frozen;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>The fields of <see cref="CustomerAnalyticsOptions.Columns"/>, named as the tool's <c>--map</c> names them.</summary>
internal static class ColumnMap
{
    private static readonly FrozenDictionary<string, Func<TransactionColumns, string[], TransactionColumns>> Fields =
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

    public static string FieldNames { get; } = string.Join(", ", Fields.Keys.Order(StringComparer.Ordinal));

    public static bool IsField(string field) => Fields.ContainsKey(field);

    /// <summary>The preset's columns with each mapped field replaced by its one column.</summary>
    public static TransactionColumns Apply(TransactionColumns preset, IReadOnlyDictionary<string, string> columns) =>
        columns.OrderBy(c => c.Key, StringComparer.Ordinal).Aggregate(preset, (c, m) => Fields[m.Key](c, [m.Value]));
}
