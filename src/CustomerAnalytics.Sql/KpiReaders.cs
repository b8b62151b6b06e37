using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql;

/// <summary>Result sets of <see cref="KpiSql"/> to the in-memory calculators' records, column by column in the order the SQL selects them.</summary>
internal static class KpiReaders
{
    public static async Task<OverallKpis> OverallAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The overall KPI query returned no row.");
        }

        var orders = Count(reader, 2);
        var revenue = Money(reader, 4);
        var averageOrderValue = orders == 0 ? 0m : Math.Round(revenue / orders, 2, MidpointRounding.AwayFromZero);
        return new OverallKpis(Count(reader, 0), Count(reader, 1), orders, Int64(reader, 3), revenue, averageOrderValue);
    }

    /// <summary>group_key, revenue, units, orders, customers, transactions.</summary>
    public static async Task<ImmutableArray<GroupKpi>> GroupsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<GroupKpi>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new GroupKpi(reader.GetString(0), Money(reader, 1), Int64(reader, 2), Count(reader, 3), Count(reader, 4), Count(reader, 5)));
        }

        return result.ToImmutable();
    }

    /// <summary>product_id, category, revenue, units, orders, customers, transactions.</summary>
    public static async Task<ImmutableArray<ProductKpi>> ProductsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<ProductKpi>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ProductKpi(reader.GetString(0), reader.GetString(1), Money(reader, 2), Int64(reader, 3), Count(reader, 4), Count(reader, 5)));
        }

        return result.ToImmutable();
    }

    internal static long Int64(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static int Count(DbDataReader reader, int ordinal) => checked((int)Int64(reader, ordinal));

    /// <summary>
    /// An exact sum as the in-memory calculators print it: at least two decimal places, no trailing zeros beyond them
    /// (DuckDB's <c>DECIMAL(38,4)</c> gives <c>796.0000</c>, the dataset <c>796.00</c>; the values are equal either way).
    /// </summary>
    internal static decimal Money(DbDataReader reader, int ordinal)
    {
        var value = reader.GetDecimal(ordinal);
        var scaled = value * 10_000m;
        return scaled == decimal.Truncate(scaled) && Math.Abs(scaled) <= long.MaxValue
            ? ((long)scaled / 10_000m) + 0.00m
            : value;
    }
}
