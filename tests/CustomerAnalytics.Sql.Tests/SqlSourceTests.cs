using CustomerAnalytics.Loading;
using CustomerAnalytics.Sql.Tests.Infrastructure;

namespace CustomerAnalytics.Sql.Tests;

public sealed class SqlSourceTests
{
    private const string Injection = "customer_id\" = '' OR 1 = 1; DROP TABLE customers; --";

    [Fact]
    public void Validate_InjectionThroughAColumnName_ThrowsNamingThePropertyTheValueAndTheRule()
    {
        var source = SqlSource.Default with { TransactionColumns = TransactionColumns.Default with { CustomerId = [Injection] } };

        var error = Assert.Throws<ArgumentException>(source.Validate);

        Assert.Equal(
            "Invalid SqlSource: TransactionColumns.CustomerId[0] is 'customer_id\" = '' OR 1 = 1; DROP TABLE customers; --', which is not a plain SQL identifier: "
            + "a letter or underscore, then letters, digits or underscores, at most 63 characters; give the column a plain name, or rename it in a view or a SqlRelation.FromQuery.",
            error.Message);
    }

    [Fact]
    public void Create_InjectionThroughAColumnName_FailsBeforeAnySqlIsWritten()
    {
        var source = SqlSource.Default with { ProductColumns = ProductColumns.Default with { Category = ["category", "x); DELETE FROM products; --"] } };

        var error = Assert.Throws<ArgumentException>(() => SqlKpis.Create(source, SqlDialect.PostgreSql));

        Assert.StartsWith("Invalid SqlSource: ProductColumns.Category[1] is 'x); DELETE FROM products; --', which is not a plain SQL identifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindAsync_InjectionThroughAColumnName_FailsAndTheTablesAreUntouched()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var source = SqlSource.Default with { CustomerColumns = CustomerColumns.Default with { Id = [Injection] } };

        await Assert.ThrowsAsync<ArgumentException>(() => SqlKpis.BindAsync(connection, source, SqlDialect.DuckDb));

        var overall = await (await SqlKpis.BindAsync(connection, SqlSource.Default, SqlDialect.DuckDb)).Overall().ExecuteAsync(connection);
        Assert.Equal(4, overall.Customers);
    }

    [Theory]
    [InlineData("customers; DROP TABLE x", "Customers is the table 'customers; DROP TABLE x', which is not a table name")]
    [InlineData("a.b.c", "Customers is the table 'a.b.c', which is not a table name")]
    [InlineData("\"quoted\"", "Customers is the table '\"quoted\"', which is not a table name")]
    [InlineData("", "Customers is the table '', which is not a table name")]
    public void Validate_TableNameNotAnIdentifier_Throws(string name, string expected)
    {
        var source = SqlSource.Default with { Customers = SqlRelation.Table(name) };

        var error = Assert.Throws<ArgumentException>(source.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("use SqlRelation.FromQuery for anything else.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transactions")]
    [InlineData("sales.order_lines")]
    [InlineData("_Staging2.Lines_2024")]
    public void Validate_PlainOrSchemaQualifiedName_Accepted(string name) =>
        (SqlSource.Default with { Transactions = SqlRelation.Table(name) }).Validate();

    [Fact]
    public void Validate_RequiredPartWithoutNames_Throws()
    {
        var source = SqlSource.Default with { TransactionColumns = TransactionColumns.Default with { Quantity = [] } };

        var error = Assert.Throws<ArgumentException>(source.Validate);

        Assert.Equal("Invalid SqlSource: TransactionColumns.Quantity is empty; it needs the name of the quantity column.", error.Message);
    }

    [Fact]
    public async Task BindAsync_RequiredColumnMissing_ThrowsListingWhatWasLookedForAndWhatTheTableHas()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var source = SqlSource.Default with { TransactionColumns = TransactionColumns.Default with { Quantity = ["amount_sold"] } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlKpis.BindAsync(connection, source, SqlDialect.DuckDb));

        Assert.Equal(
            "The transactions relation transactions has no quantity column: looked for amount_sold (ignoring case) among its columns txn_id, customer_id, product_id, qty, ts. "
            + "Name it in SqlSource.TransactionColumns.Quantity (for example TransactionColumns.Default with { Quantity = [\"txn_id\"] }).",
            error.Message);
    }

    [Fact]
    public async Task BindAsync_NamesDifferInCase_UsesTheColumnAsTheTableSpellsIt()
    {
        await using var connection = await DuckDbDatabase.OpenAsync(CsvTables.Seed);
        var source = SqlSource.Default with { TransactionColumns = TransactionColumns.Default with { Quantity = ["QTY"] } };

        var kpis = await SqlKpis.BindAsync(connection, source, SqlDialect.DuckDb);

        Assert.Contains("t.\"qty\" AS quantity", kpis.Overall().ToSql(), StringComparison.Ordinal);
        Assert.Equal(13, (await kpis.Overall().ExecuteAsync(connection)).Units);
    }
}
