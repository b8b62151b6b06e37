using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql;

/// <summary>The text of <see cref="CustomerKpiCalculator"/>'s queries (time series, purchases, cohorts) over <see cref="OrderSql"/>.</summary>
internal sealed class CustomerKpiSql(OrderSql orders)
{
    private SqlDialectRules Rules => orders.Rules;

    /// <summary>period, revenue, orders, returns, units, active, new, returning: the periods with an order, oldest first.</summary>
    public string ByPeriod(TimeSeriesOptions options, SqlParameters parameters) => orders.LocalOrders(options.TimeZone, parameters) + ",\n" + $"""
        periods AS (SELECT customer_id, revenue, units, {orders.PeriodIndex(options.Period)} AS p FROM local_orders),
        firsts AS (SELECT customer_id, MIN(p) AS first_p FROM periods WHERE units > 0 GROUP BY customer_id),
        news AS (SELECT first_p, CAST(COUNT(*) AS BIGINT) AS new_customers FROM firsts GROUP BY first_p)
        SELECT g.p, g.revenue, g.orders, g.returns, g.units, g.active_customers, COALESCE(n.new_customers, 0) AS new_customers, g.returning_customers
        FROM (
            SELECT
                o.p,
                {Rules.SumMoney("o.revenue")} AS revenue,
                CAST(COUNT(CASE WHEN o.units > 0 THEN 1 END) AS BIGINT) AS orders,
                CAST(COUNT(CASE WHEN o.units < 0 THEN 1 END) AS BIGINT) AS returns,
                CAST(COALESCE(SUM(o.units), 0) AS BIGINT) AS units,
                CAST(COUNT(DISTINCT CASE WHEN o.units > 0 THEN o.customer_id END) AS BIGINT) AS active_customers,
                CAST(COUNT(DISTINCT CASE WHEN o.units > 0 AND f.first_p < o.p THEN o.customer_id END) AS BIGINT) AS returning_customers
            FROM periods AS o
            LEFT JOIN firsts AS f ON f.customer_id = o.customer_id
            GROUP BY o.p
        ) AS g
        LEFT JOIN news AS n ON n.first_p = g.p
        ORDER BY g.p
        """;

    /// <summary>customers, repeat customers, orders, returns, units, revenue.</summary>
    public string Purchases() => orders.Orders() + ",\n" + $"""
        per_customer AS (SELECT customer_id, COUNT(CASE WHEN units > 0 THEN 1 END) AS purchases FROM orders GROUP BY customer_id)
        SELECT
            (SELECT CAST(COUNT(*) AS BIGINT) FROM per_customer WHERE purchases >= 1) AS customers,
            (SELECT CAST(COUNT(*) AS BIGINT) FROM per_customer WHERE purchases >= 2) AS repeat_customers,
            CAST(COUNT(CASE WHEN units > 0 THEN 1 END) AS BIGINT) AS orders,
            CAST(COUNT(CASE WHEN units < 0 THEN 1 END) AS BIGINT) AS returns,
            CAST(COALESCE(SUM(units), 0) AS BIGINT) AS units,
            {Rules.SumMoney("revenue")} AS revenue
        FROM orders
        """;

    /// <summary>
    /// cohort, month, cohort size, active customers, revenue, last month: the (cohort, month) cells with an order of the
    /// cohort's customers, by cohort then month; the last month with any order is on every row.
    /// </summary>
    public string Cohorts(TimeZoneInfo zone, SqlParameters parameters) => orders.LocalOrders(zone, parameters) + ",\n" + $"""
        months AS (SELECT customer_id, revenue, units, {orders.PeriodIndex(KpiPeriod.Month)} AS m FROM local_orders),
        cohorts AS (SELECT customer_id, MIN(m) AS c FROM months WHERE units > 0 GROUP BY customer_id),
        sizes AS (SELECT c, CAST(COUNT(*) AS BIGINT) AS size FROM cohorts GROUP BY c)
        SELECT x.c, x.m, s.size, x.active_customers, x.revenue, (SELECT MAX(m) FROM months) AS last_month
        FROM (
            SELECT
                h.c,
                o.m,
                CAST(COUNT(DISTINCT CASE WHEN o.units > 0 THEN o.customer_id END) AS BIGINT) AS active_customers,
                {Rules.SumMoney("o.revenue")} AS revenue
            FROM months AS o
            INNER JOIN cohorts AS h ON h.customer_id = o.customer_id
            WHERE o.m >= h.c
            GROUP BY h.c, o.m
        ) AS x
        INNER JOIN sizes AS s ON s.c = x.c
        ORDER BY x.c, x.m
        """;
}
