using System.Diagnostics;
using DuckDB.NET.Data;
using static CustomerAnalytics.Benchmarks.Compare.DuckDbSql;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// DuckDB (embedded, in memory, all cores): <c>read_csv</c> into tables with declared types (money as
/// <c>DECIMAL(18,2)</c> so sums are exact), one enriched table from the joins, then one SQL query per figure.
/// </summary>
internal sealed class DuckDbApproach : IJobApproach
{
    public string Name => "duckdb";

    public JobFigures Run(DataFiles files, IDictionary<string, double> phases)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuckDbSql.CreateInputTables(connection, files);
        phases["load"] = watch.Elapsed.TotalSeconds;
        Execute(connection, """
            CREATE TABLE enriched AS
            SELECT t.txn_id, t.order_id, t.customer_id, c.segment, t.product_id, p.category, t.qty, t.ts,
                   CAST(t.qty * p.price AS DECIMAL(18,2)) AS revenue
            FROM transactions t JOIN customers c USING (customer_id) JOIN products p USING (product_id);
            """);
        phases["enrich"] = watch.Elapsed.TotalSeconds - phases["load"];

        long customers = 0, transactions = 0, orders = 0, units = 0;
        decimal revenue = 0;
        Query(connection, "SELECT count(DISTINCT customer_id), count(*), count(DISTINCT order_id), CAST(coalesce(sum(qty), 0) AS BIGINT), coalesce(sum(revenue), 0) FROM enriched", r =>
        {
            customers = r.GetInt64(0);
            transactions = r.GetInt64(1);
            orders = r.GetInt64(2);
            units = r.GetInt64(3);
            revenue = r.GetDecimal(4);
        });
        var bySegment = Groups(connection, "segment");
        var byCategory = Groups(connection, "category");
        var top = new List<ProductFigures>();
        Query(connection, """
            SELECT product_id, category, sum(revenue) AS r, CAST(sum(qty) AS BIGINT) FROM enriched
            GROUP BY product_id, category ORDER BY r DESC, product_id LIMIT 10
            """, r => top.Add(new ProductFigures(r.GetString(0), r.GetString(1), r.GetDecimal(2), r.GetInt64(3))));
        phases["kpis"] = watch.Elapsed.TotalSeconds - phases["load"] - phases["enrich"];
        return new JobFigures(customers, transactions, orders, units, revenue, JobFigures.AverageOf(revenue, orders), bySegment, byCategory, top);
    }

    private static List<GroupFigures> Groups(DuckDBConnection connection, string column)
    {
        var result = new List<GroupFigures>();
        Query(connection, $"""
            SELECT {column}, sum(revenue) AS r, CAST(sum(qty) AS BIGINT), count(DISTINCT order_id), count(DISTINCT customer_id), count(*)
            FROM enriched GROUP BY {column} ORDER BY r DESC, {column}
            """, r => result.Add(new GroupFigures(
                r.GetString(0),
                r.GetDecimal(1),
                r.GetInt64(2),
                r.GetInt64(3),
                r.GetInt64(4),
                r.GetInt64(5))));
        return result;
    }
}
