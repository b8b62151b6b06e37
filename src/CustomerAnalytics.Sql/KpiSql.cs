using CustomerAnalytics.Kpis;

namespace CustomerAnalytics.Sql;

/// <summary>
/// The text of the KPI queries over a <see cref="SqlBinding"/>: one common table expression <c>kept</c> holds the lines
/// the in-memory dataset keeps (inner joins to a known customer and product, a quantity and a price), then each KPI is
/// a <c>GROUP BY</c> over it.
/// </summary>
internal sealed class KpiSql(SqlBinding binding, SqlDialectRules rules)
{
    /// <summary>The measures every group has, in this column order: revenue, units, orders, customers, transactions.</summary>
    private string Measures => string.Join(",\n        ",
        rules.SumMoney("revenue") + " AS revenue",
        "CAST(COALESCE(SUM(quantity), 0) AS BIGINT) AS units",
        "CAST(COUNT(DISTINCT order_id) + COUNT(*) - COUNT(order_id) AS BIGINT) AS orders",
        "CAST(COUNT(DISTINCT customer_id) AS BIGINT) AS customers",
        "CAST(COUNT(*) AS BIGINT) AS transactions");

    /// <summary>customers, transactions, orders, units, revenue.</summary>
    public string Overall() => Kept() + $"""
        SELECT
            CAST(COUNT(DISTINCT customer_id) AS BIGINT) AS customers,
            CAST(COUNT(*) AS BIGINT) AS transactions,
            CAST(COUNT(DISTINCT order_id) + COUNT(*) - COUNT(order_id) AS BIGINT) AS orders,
            CAST(COALESCE(SUM(quantity), 0) AS BIGINT) AS units,
            {rules.SumMoney("revenue")} AS revenue
        FROM kept
        """;

    /// <summary>group_key, then the measures, highest revenue first, ties by key.</summary>
    public string Group(string keyColumn) => Kept() + $"""
        SELECT g.* FROM (
            SELECT
                CAST({keyColumn} AS VARCHAR) AS group_key,
                {Measures}
            FROM kept
            GROUP BY {keyColumn}
        ) AS g
        ORDER BY g.revenue DESC, {rules.Ordinal("g.group_key")}
        """;

    /// <summary>product_id, category, then the measures, ranked; <c>LIMIT $1</c> when <paramref name="limited"/>.</summary>
    public string Products(ProductRanking rankBy, bool limited)
    {
        var measure = rankBy switch
        {
            ProductRanking.Units => "g.units DESC, ",
            ProductRanking.Buyers => "g.customers DESC, ",
            _ => string.Empty,
        };
        return Kept() + $"""
            SELECT g.* FROM (
                SELECT
                    CAST(product_id AS VARCHAR) AS product_id,
                    CAST(category AS VARCHAR) AS category,
                    {Measures}
                FROM kept
                GROUP BY product_id, category
            ) AS g
            ORDER BY {measure}g.revenue DESC, {rules.Ordinal("g.product_id")}
            """ + (limited ? "\nLIMIT " + SqlDialectRules.Parameter(1) : string.Empty);
    }

    /// <summary>
    /// The kept lines with the columns the KPIs read: revenue = line total, else quantity × (unit price, else list
    /// price); a line without any is left out, as the in-memory builder rejects it. <c>ts_us</c> is the timestamp in
    /// microseconds since 1970 UTC (<see langword="null"/> when the source has no timestamp column).
    /// </summary>
    internal string Kept()
    {
        var source = binding.Source;
        string? T(SqlColumnPart part) => binding[part] is { } c ? "t." + SqlIdentifier.Quote(c) : null;
        string C(SqlColumnPart part, string alias) => alias + "." + SqlIdentifier.Quote(binding[part]!);
        var quantity = T(SqlColumnPart.Quantity)!;
        var price = string.Join(", ", new[] { T(SqlColumnPart.UnitPrice), binding[SqlColumnPart.ListPrice] is null ? null : C(SqlColumnPart.ListPrice, "p") }
            .Where(e => e is not null).Select(e => rules.Money(e!)));
        var revenueParts = new List<string>();
        if (T(SqlColumnPart.LineTotal) is { } lineTotal)
        {
            revenueParts.Add(rules.Money(lineTotal));
        }

        if (price.Length > 0)
        {
            revenueParts.Add($"{quantity} * {(price.Contains(',', StringComparison.Ordinal) ? "COALESCE(" + price + ")" : price)}");
        }

        var revenue = revenueParts.Count == 1 ? revenueParts[0] : "COALESCE(" + string.Join(", ", revenueParts) + ")";
        return $"""
            WITH lines AS (
                SELECT
                    {T(SqlColumnPart.LineCustomerId)} AS customer_id,
                    {T(SqlColumnPart.LineProductId)} AS product_id,
                    {T(SqlColumnPart.OrderId) ?? "CAST(NULL AS VARCHAR)"} AS order_id,
                    {quantity} AS quantity,
                    {C(SqlColumnPart.Segment, "c")} AS segment,
                    {C(SqlColumnPart.Category, "p")} AS category,
                    {revenue} AS revenue,
                    {(T(SqlColumnPart.Timestamp) is { } ts ? rules.EpochMicroseconds(ts) : "CAST(NULL AS BIGINT)")} AS ts_us
                FROM {source.Transactions.ToFromClause()} AS t
                INNER JOIN {source.Customers.ToFromClause()} AS c ON c.{SqlIdentifier.Quote(binding[SqlColumnPart.CustomerId]!)} = {T(SqlColumnPart.LineCustomerId)}
                INNER JOIN {source.Products.ToFromClause()} AS p ON p.{SqlIdentifier.Quote(binding[SqlColumnPart.ProductId]!)} = {T(SqlColumnPart.LineProductId)}
                WHERE {quantity} IS NOT NULL AND {C(SqlColumnPart.Segment, "c")} IS NOT NULL AND {C(SqlColumnPart.Category, "p")} IS NOT NULL
            ),
            kept AS (SELECT * FROM lines WHERE revenue IS NOT NULL)

            """;
    }
}
