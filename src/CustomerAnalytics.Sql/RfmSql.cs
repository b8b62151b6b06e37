using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The text of <see cref="RfmCalculator"/>'s query over <see cref="OrderSql"/>: the analysis day (the options' date,
/// else the day after the last local order day, 0 without orders) and, per customer with a purchase up to it, the last
/// purchase day, the purchases and the net revenue of every order up to it. Scores and segments are taken in the
/// client from these exact values, by the calculator's own rule, so ties cannot differ.
/// </summary>
internal sealed class RfmSql(OrderSql orders)
{
    /// <summary>analysis_day, then customer_id, last_day, frequency, monetary (null on the one row when no customer is scored).</summary>
    public string Rfm(RfmOptions options, SqlParameters parameters)
    {
        var local = orders.LocalOrders(options.TimeZone, parameters);
        var analysisDay = options.AnalysisDate is { } date
            ? $"SELECT CAST({parameters.Add((long)date.DayNumber)} AS BIGINT) AS day"
            : "SELECT CAST(COALESCE(MAX(day) + 1, 0) AS BIGINT) AS day FROM local_orders";
        return local + ",\n" + $"""
            analysis AS ({analysisDay}),
            per_customer AS (
                SELECT
                    o.customer_id,
                    CAST(MAX(CASE WHEN o.units > 0 THEN o.day END) AS BIGINT) AS last_day,
                    CAST(COUNT(CASE WHEN o.units > 0 THEN 1 END) AS BIGINT) AS frequency,
                    {orders.Rules.SumMoney("o.revenue")} AS monetary
                FROM local_orders AS o
                INNER JOIN analysis AS a ON o.day <= a.day
                GROUP BY o.customer_id
            )
            SELECT a.day, CAST(c.customer_id AS VARCHAR) AS customer_id, c.last_day, c.frequency, c.monetary
            FROM analysis AS a
            LEFT JOIN per_customer AS c ON c.frequency > 0
            """;
    }
}
