using CustomerAnalytics.Kpis;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Sql.Tests;

public sealed class KpiSqlTests
{
    private static readonly SqlSource Warehouse = SqlSource.Default with
    {
        Transactions = SqlRelation.Table("sales.order_lines"),
        TransactionColumns = TransactionColumns.Default with { LineTotal = [] },
    };

    [Fact]
    public void ToSql_PostgreSql_QuotesEveryIdentifierKeepsMoneyExactAndOrdersOrdinally()
    {
        var sql = SqlKpis.Create(Warehouse, SqlDialect.PostgreSql).BySegment().ToSql();

        Assert.Contains("FROM \"sales\".\"order_lines\" AS t", sql, StringComparison.Ordinal);
        Assert.Contains("INNER JOIN \"customers\" AS c ON c.\"customer_id\" = t.\"customer_id\"", sql, StringComparison.Ordinal);
        Assert.Contains("t.\"qty\" * COALESCE(CAST(t.\"unit_price\" AS NUMERIC), CAST(p.\"price\" AS NUMERIC)) AS revenue", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY g.revenue DESC, g.group_key COLLATE \"C\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("line_total", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DOUBLE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FLOAT", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSql_DuckDb_MoneyAsDecimal()
    {
        var sql = SqlKpis.Create(SqlSource.Default, SqlDialect.DuckDb).Overall().ToSql();

        Assert.Contains("COALESCE(CAST(t.\"line_total\" AS DECIMAL(18,4)), t.\"qty\" * COALESCE(CAST(t.\"unit_price\" AS DECIMAL(18,4)), CAST(p.\"price\" AS DECIMAL(18,4)))) AS revenue", sql, StringComparison.Ordinal);
        Assert.Contains("CAST(COALESCE(SUM(revenue), 0) AS DECIMAL(38,4)) AS revenue", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlDialect.DuckDb)]
    [InlineData(SqlDialect.PostgreSql)]
    public void TopProducts_Count_IsAParameterNotText(SqlDialect dialect)
    {
        var query = SqlKpis.Create(SqlSource.Default, dialect).TopProducts(5, ProductRanking.Buyers);

        Assert.EndsWith("ORDER BY g.customers DESC, g.revenue DESC, " + (dialect == SqlDialect.PostgreSql ? "g.product_id COLLATE \"C\"" : "g.product_id") + "\nLIMIT $1", query.ToSql(), StringComparison.Ordinal);
        Assert.Equal([5L], query.Parameters.ToArray());
        Assert.DoesNotContain("5", query.ToSql().Split("LIMIT")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutAnOrderColumn_EveryLineIsItsOwnOrder()
    {
        var source = SqlSource.Default with { TransactionColumns = TransactionColumns.Default with { OrderId = [] } };

        var sql = SqlKpis.Create(source, SqlDialect.PostgreSql).Overall().ToSql();

        Assert.Contains("CAST(NULL AS VARCHAR) AS order_id", sql, StringComparison.Ordinal);
        Assert.Contains("CAST(COUNT(DISTINCT order_id) + COUNT(*) - COUNT(order_id) AS BIGINT) AS orders", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoPriceAnywhere_ThrowsSayingWhereToNameOne()
    {
        var source = SqlSource.Default with
        {
            TransactionColumns = TransactionColumns.Default with { LineTotal = [], UnitPrice = [] },
            ProductColumns = ProductColumns.Default with { Price = [] },
        };

        var error = Assert.Throws<InvalidOperationException>(() => SqlKpis.Create(source, SqlDialect.DuckDb));

        Assert.Equal(
            "No price: the transactions relation transactions has no line total or unit price column and the products relation products has no list price column, so no line has a revenue. "
            + "Name one in SqlSource.TransactionColumns.LineTotal, TransactionColumns.UnitPrice or ProductColumns.Price.",
            error.Message);
    }

    [Fact]
    public void TopProducts_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlKpis.Create(SqlSource.Default, SqlDialect.DuckDb).TopProducts(-1));

    [Fact]
    public void FromQuery_IsEmbeddedAsASubquery()
    {
        var source = SqlSource.Default with { Customers = SqlRelation.FromQuery("SELECT id AS customer_id, tier AS segment FROM crm.accounts;") };

        var sql = SqlKpis.Create(source, SqlDialect.PostgreSql).Overall().ToSql();

        Assert.Contains("INNER JOIN (SELECT id AS customer_id, tier AS segment FROM crm.accounts) AS c ON", sql, StringComparison.Ordinal);
    }
}
