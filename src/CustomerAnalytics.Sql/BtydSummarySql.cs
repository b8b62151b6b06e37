using CustomerAnalytics.Lifetime;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The text of <see cref="BtydSummary.Create"/>'s query over <see cref="OrderSql"/>: the calibration and observation
/// ends (the options' dates, else the last local order day, 0 without orders) and, per customer with a purchase up to
/// the observation end, the first purchase day and, after it, the distinct purchase days, the last purchase day and the
/// spend (every order, returns included) in the calibration period and in the holdout.
/// </summary>
internal sealed class BtydSummarySql(OrderSql orders)
{
    /// <summary>cal_end, obs_end, then customer_id, first_day, repeat_days, last_day, repeat_spend, holdout_days, holdout_spend (null on the one row when no customer has a purchase); by customer id, ordinal.</summary>
    public string Summary(BtydSummaryOptions options, SqlParameters parameters)
    {
        var local = orders.LocalOrders(options.TimeZone, parameters);
        var calibration = options.CalibrationEnd is { } c
            ? $"SELECT CAST({parameters.Add((long)c.DayNumber)} AS BIGINT) AS cal_end"
            : "SELECT CAST(COALESCE(MAX(day), 0) AS BIGINT) AS cal_end FROM local_orders";
        var observation = options.ObservationEnd is { } o ? $"CAST({parameters.Add((long)o.DayNumber)} AS BIGINT)" : "b.cal_end";
        var rules = orders.Rules;
        return local + ",\n" + $"""
            calibration AS ({calibration}),
            bounds AS (SELECT b.cal_end, {observation} AS obs_end FROM calibration AS b),
            observed AS (
                SELECT lo.customer_id, lo.day, lo.revenue, lo.units, w.cal_end
                FROM local_orders AS lo INNER JOIN bounds AS w ON lo.day <= w.obs_end
            ),
            firsts AS (SELECT customer_id, MIN(day) AS first_day FROM observed WHERE units > 0 GROUP BY customer_id),
            per_customer AS (
                SELECT
                    f.customer_id,
                    f.first_day,
                    CAST(COUNT(DISTINCT CASE WHEN o.units > 0 AND o.day > f.first_day AND o.day <= o.cal_end THEN o.day END) AS BIGINT) AS repeat_days,
                    CAST(MAX(CASE WHEN o.units > 0 AND o.day <= o.cal_end THEN o.day END) AS BIGINT) AS last_day,
                    {rules.SumMoney("CASE WHEN o.day > f.first_day AND o.day <= o.cal_end THEN o.revenue END")} AS repeat_spend,
                    CAST(COUNT(DISTINCT CASE WHEN o.units > 0 AND o.day > o.cal_end THEN o.day END) AS BIGINT) AS holdout_days,
                    {rules.SumMoney("CASE WHEN o.day > o.cal_end THEN o.revenue END")} AS holdout_spend
                FROM firsts AS f
                INNER JOIN observed AS o ON o.customer_id = f.customer_id
                GROUP BY f.customer_id, f.first_day
            )
            SELECT w.cal_end, w.obs_end, CAST(p.customer_id AS VARCHAR) AS customer_id, p.first_day, p.repeat_days, p.last_day, p.repeat_spend, p.holdout_days, p.holdout_spend
            FROM bounds AS w
            LEFT JOIN per_customer AS p ON p.first_day IS NOT NULL
            ORDER BY {rules.Ordinal("CAST(p.customer_id AS VARCHAR)")}
            """;
    }
}
