using System.Diagnostics;
using DuckDB.NET.Data;
using static CustomerAnalytics.Benchmarks.Compare.DuckDbSql;

namespace CustomerAnalytics.Benchmarks.Compare.Full;

/// <summary>
/// DuckDB's whole job: the input tables (<see cref="DuckDbSql.CreateInputTables"/>), a left-joined enriched table, the
/// KPI tables in SQL, and <c>COPY … TO</c> CSV of the files the library writes under the same names, formatted as the
/// library formats them (<c>docs/artifacts.md</c>: money with two decimals, <c>yyyy-MM-ddTHH:mm:ssZ</c>), so that they
/// can be compared byte for byte (<see cref="OutputCheck.SharedFiles"/>). DuckDB has no recommender: no recommend stage.
/// </summary>
internal sealed class DuckDbFullJob : IFullJob
{
    public string Name => "duckdb";

    public void Run(DataFiles files, string output, IDictionary<string, double> stages)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        CreateInputTables(connection, files);
        stages[FullJobStages.Load] = watch.Elapsed.TotalSeconds;
        Execute(connection, """
            CREATE TABLE enriched AS
            SELECT t.txn_id, t.customer_id, t.product_id, t.qty, t.ts, p.category, p.price, c.segment, c.signup_date,
                   CAST(t.qty * p.price AS DECIMAL(18,2)) AS revenue, t.order_id
            FROM transactions t LEFT JOIN products p USING (product_id) LEFT JOIN customers c USING (customer_id);
            """);
        stages[FullJobStages.Enrich] = watch.Elapsed.TotalSeconds - stages[FullJobStages.Load];
        var before = watch.Elapsed.TotalSeconds;
        Execute(connection, $"""
            CREATE TABLE kpi_overall AS
            SELECT count(DISTINCT customer_id) AS customers, count(*) AS transactions, count(DISTINCT order_id) AS orders,
                   CAST(coalesce(sum(qty), 0) AS BIGINT) AS units, coalesce(sum(revenue), 0) AS revenue
            FROM enriched;
            CREATE TABLE kpi_by_segment AS {Groups("segment")};
            CREATE TABLE kpi_by_category AS {Groups("category")};
            CREATE TABLE top_products AS
            SELECT product_id, category, sum(revenue) AS revenue, CAST(sum(qty) AS BIGINT) AS units,
                   count(DISTINCT order_id) AS orders, count(DISTINCT customer_id) AS buyers
            FROM enriched GROUP BY product_id, category ORDER BY revenue DESC, product_id LIMIT 10;
            """);
        stages[FullJobStages.Kpis] = watch.Elapsed.TotalSeconds - before;
        before = watch.Elapsed.TotalSeconds;
        Write(connection, output);
        stages[FullJobStages.Write] = watch.Elapsed.TotalSeconds - before;
        stages[FullJobStages.Total] = watch.Elapsed.TotalSeconds;
    }

    private static string Groups(string column) => $"""
        SELECT {column}, sum(revenue) AS revenue, CAST(sum(qty) AS BIGINT) AS units, count(DISTINCT order_id) AS orders,
               count(DISTINCT customer_id) AS customers, count(*) AS transactions
        FROM enriched GROUP BY {column} ORDER BY revenue DESC, {column}
        """;

    private static void Write(DuckDBConnection connection, string output)
    {
        Directory.CreateDirectory(output);
        string To(string file) => Quote(Path.Combine(output, file));

        // The average order value rounded half away from zero in whole cents, as integers: no binary floating point.
        Execute(connection, $"""
            COPY (SELECT txn_id, customer_id, product_id, qty, strftime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, category, price,
                         segment, signup_date, revenue, order_id
                  FROM enriched ORDER BY txn_id) TO {To("events_enriched.csv")} (HEADER, DELIMITER ',');
            COPY (SELECT customers, transactions, orders, units, revenue,
                         CASE WHEN orders = 0 THEN '0.00' ELSE printf('%d.%02d', c // 100, c % 100) END AS average_order_value
                  FROM (SELECT *, (CAST(revenue * 100 AS HUGEINT) * 2 + orders) // (2 * greatest(orders, 1)) AS c FROM kpi_overall))
                TO {To("kpi_overall.csv")} (HEADER, DELIMITER ',');
            COPY kpi_by_segment TO {To("kpi_by_segment.csv")} (HEADER, DELIMITER ',');
            COPY kpi_by_category TO {To("kpi_by_category.csv")} (HEADER, DELIMITER ',');
            COPY top_products TO {To("top_products.csv")} (HEADER, DELIMITER ',');
            """);
    }
}
