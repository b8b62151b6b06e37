namespace CustomerAnalytics.Sql;

/// <summary>
/// The text of the recommender statistics query over the <see cref="KpiSql.Kept"/> lines, as
/// <c>RecommenderStatistics.Compute</c> defines them in memory, in one result set of four kinds of rows (so it prints
/// and runs as one statement): 0 = every product with its net revenue, net units and net buyers (customers whose net
/// quantity of it is positive); 1 = every customer with its segment; 2 = each (customer, product) with a line of
/// positive quantity (a later return does not undo that it was bought); 3 = each (segment, category) with its net
/// revenue. Ordered by kind, then ids (ordinal).
/// </summary>
internal sealed class ModelStatisticsSql(KpiSql kpis, SqlBinding binding, SqlDialectRules rules)
{
    /// <summary>kind, a, b, price, revenue, units, buyers (see the class summary for what a and b hold per kind).</summary>
    public string Statistics()
    {
        var source = binding.Source;
        string P(SqlColumnPart part) => "p." + SqlIdentifier.Quote(binding[part]!);
        string C(SqlColumnPart part) => "c." + SqlIdentifier.Quote(binding[part]!);
        var price = binding[SqlColumnPart.ListPrice] is null ? rules.Money("NULL") : rules.Money(P(SqlColumnPart.ListPrice));
        var none = $"CAST(NULL AS {rules.MoneyType}), CAST(NULL AS {rules.MoneySumType})";
        return kpis.Kept().TrimEnd() + ",\n" + $"""
            pairs AS (
                SELECT customer_id, product_id, SUM(quantity) AS units, MAX(CASE WHEN quantity > 0 THEN 1 ELSE 0 END) AS bought
                FROM kept GROUP BY customer_id, product_id
            ),
            product_sales AS (
                SELECT product_id, {rules.SumMoney("revenue")} AS revenue, CAST(COALESCE(SUM(quantity), 0) AS BIGINT) AS units
                FROM kept GROUP BY product_id
            ),
            product_buyers AS (SELECT product_id, CAST(COUNT(*) AS BIGINT) AS buyers FROM pairs WHERE units > 0 GROUP BY product_id),
            model_rows AS (
                SELECT 0 AS kind, CAST({P(SqlColumnPart.ProductId)} AS VARCHAR) AS a, CAST({P(SqlColumnPart.Category)} AS VARCHAR) AS b, {price} AS price,
                    CAST(COALESCE(s.revenue, 0) AS {rules.MoneySumType}) AS revenue, COALESCE(s.units, 0) AS units, COALESCE(n.buyers, 0) AS buyers
                FROM {source.Products.ToFromClause()} AS p
                LEFT JOIN product_sales AS s ON s.product_id = {P(SqlColumnPart.ProductId)}
                LEFT JOIN product_buyers AS n ON n.product_id = {P(SqlColumnPart.ProductId)}
                WHERE {P(SqlColumnPart.ProductId)} IS NOT NULL AND {P(SqlColumnPart.Category)} IS NOT NULL
                UNION ALL
                SELECT 1, CAST({C(SqlColumnPart.CustomerId)} AS VARCHAR), CAST({C(SqlColumnPart.Segment)} AS VARCHAR), {none}, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
                FROM {source.Customers.ToFromClause()} AS c
                WHERE {C(SqlColumnPart.CustomerId)} IS NOT NULL AND {C(SqlColumnPart.Segment)} IS NOT NULL
                UNION ALL
                SELECT 2, CAST(customer_id AS VARCHAR), CAST(product_id AS VARCHAR), {none}, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
                FROM pairs WHERE bought = 1
                UNION ALL
                SELECT 3, CAST(segment AS VARCHAR), CAST(category AS VARCHAR), CAST(NULL AS {rules.MoneyType}), {rules.SumMoney("revenue")}, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
                FROM kept GROUP BY segment, category
            )
            SELECT s.* FROM model_rows AS s
            ORDER BY s.kind, {rules.Ordinal("s.a")}, {rules.Ordinal("s.b")}
            """;
    }
}
