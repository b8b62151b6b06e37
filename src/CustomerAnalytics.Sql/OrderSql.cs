using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The orders every customer KPI reads, as <c>OrderFacts</c> defines them in memory: a distinct order id of the kept
/// lines, or a kept line without one; its customer is the smallest customer id of its lines (in memory: its first
/// line's, the same for every order whose lines name one customer), its time the earliest timestamp, its revenue and
/// units the sums (returns subtract). A purchase has net units &gt; 0, a return &lt; 0.
/// </summary>
internal sealed class OrderSql(KpiSql kpis, SqlBinding binding, SqlDialectRules rules)
{
    /// <summary>The local day number of 1970-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    public const int EpochDayNumber = 719_162;

    public SqlDialectRules Rules => rules;

    /// <summary><c>WITH … orders AS (customer_id, ts_us, revenue, units)</c>, ending without a comma.</summary>
    public string Orders() => kpis.Kept().TrimEnd() + ",\n" + $"""
        orders AS (
            SELECT MIN({rules.Ordinal("customer_id")}) AS customer_id, MIN(ts_us) AS ts_us, SUM(revenue) AS revenue, SUM(quantity) AS units
            FROM kept WHERE order_id IS NOT NULL GROUP BY order_id
            UNION ALL
            SELECT customer_id, ts_us, revenue, quantity FROM kept WHERE order_id IS NULL
        )
        """;

    /// <summary>
    /// <see cref="Orders"/>, then <c>local_orders (customer_id, revenue, units, day)</c>: <c>day</c> is the order's local
    /// calendar day in <paramref name="zone"/> as <see cref="DateOnly.DayNumber"/>, from the zone's offsets as .NET gives
    /// them (<see cref="ZoneOffsets"/>), passed as parameters.
    /// </summary>
    /// <exception cref="InvalidOperationException">The source has no timestamp column.</exception>
    public string LocalOrders(TimeZoneInfo zone, SqlParameters parameters)
    {
        if (binding[SqlColumnPart.Timestamp] is null)
        {
            throw new InvalidOperationException($"The transactions relation {binding.Source.Transactions} has no timestamp column: looked for {string.Join(", ", binding.Source.TransactionColumns.Timestamp)} (ignoring case); the time-based KPIs need one. Name it in SqlSource.TransactionColumns.Timestamp.");
        }

        var offsets = ZoneOffsets.For(zone);
        string Day(string offset) => rules.FloorDivide("o.ts_us + " + offset, ZoneOffsets.DayMicroseconds) + " + " + EpochDayNumber;
        if (offsets.FixedOffset is { } fixedOffset)
        {
            return Orders() + ",\n" + $"""
                local_orders AS (
                    SELECT o.customer_id, o.revenue, o.units, {Day(parameters.Add(fixedOffset))} AS day
                    FROM orders AS o WHERE o.ts_us IS NOT NULL
                )
                """;
        }

        var segments = parameters.Add(offsets.Segments);
        var at = $"LEAST(GREATEST(o.ts_us, {ZoneOffsets.FirstMicroseconds}), {ZoneOffsets.EndMicroseconds - 1})";
        return Orders() + ",\n" + $"""
            zone_segments AS (
                SELECT
                    CAST(split_part(s, ',', 1) AS BIGINT) AS bucket,
                    CAST(split_part(s, ',', 2) AS BIGINT) AS from_us,
                    CAST(split_part(s, ',', 3) AS BIGINT) AS to_us,
                    CAST(split_part(s, ',', 4) AS BIGINT) AS offset_us
                FROM (SELECT unnest(string_to_array(CAST({segments} AS VARCHAR), ';')) AS s) AS z
            ),
            local_orders AS (
                SELECT o.customer_id, o.revenue, o.units, {Day("z.offset_us")} AS day
                FROM orders AS o
                INNER JOIN zone_segments AS z
                    ON z.bucket = {rules.FloorDivide(at, ZoneOffsets.BucketMicroseconds)} AND {at} >= z.from_us AND {at} < z.to_us
            )
            """;
    }

    /// <summary>The index <c>LocalCalendar</c> gives the period holding the local day <c>day</c>: the day number, the ISO week (day number ÷ 7), or months since year 0.</summary>
    public string PeriodIndex(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "day",
        KpiPeriod.IsoWeek => rules.IntegerDivide("day", "7"),
        _ => $"(CAST(EXTRACT(YEAR FROM {Date("day")}) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM {Date("day")}) AS BIGINT) - 1)",
    };

    /// <summary>The local date of a day number.</summary>
    private static string Date(string dayNumber) => $"(DATE '0001-01-01' + CAST({dayNumber} AS INTEGER))";
}
