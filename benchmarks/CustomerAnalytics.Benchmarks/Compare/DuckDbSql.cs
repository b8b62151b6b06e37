using System.Globalization;
using DuckDB.NET.Data;

namespace CustomerAnalytics.Benchmarks.Compare;

/// <summary>
/// What both DuckDB jobs (<c>compare</c>'s KPIs and <c>compare --job full</c>) share: the three input tables read with
/// declared column types (money <c>DECIMAL(18,2)</c>, so sums are exact), and running a statement or a query.
/// </summary>
internal static class DuckDbSql
{
    /// <summary>Creates the tables <c>customers</c>, <c>products</c> and <c>transactions</c> from the CSV files.</summary>
    public static void CreateInputTables(DuckDBConnection connection, DataFiles files)
    {
        var orderType = OrderIdType(files.Transactions);
        Execute(connection, $"""
            CREATE TABLE customers AS SELECT * FROM read_csv({Quote(files.Customers)}, header = true,
                columns = {"{"}'customer_id': 'VARCHAR', 'segment': 'VARCHAR', 'signup_date': 'DATE'{"}"});
            CREATE TABLE products AS SELECT * FROM read_csv({Quote(files.Products)}, header = true,
                columns = {"{"}'product_id': 'VARCHAR', 'category': 'VARCHAR', 'price': 'DECIMAL(18,2)'{"}"});
            CREATE TABLE transactions AS SELECT * FROM read_csv({Quote(files.Transactions)}, header = true,
                columns = {"{"}'txn_id': 'BIGINT', 'order_id': '{orderType}', 'customer_id': 'VARCHAR', 'product_id': 'VARCHAR', 'qty': 'INTEGER', 'ts': 'TIMESTAMP'{"}"});
            """);
    }

    /// <summary>A SQL string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void Query(DuckDBConnection connection, string sql, Action<System.Data.Common.DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>
    /// <c>BIGINT</c> for integer order numbers (sequential ids), <c>VARCHAR</c> for text ones (<c>SO-000000001</c>,
    /// realistic ids): what a user would declare after a look at the file's first row.
    /// </summary>
    private static string OrderIdType(string transactions)
    {
        using var reader = new StreamReader(transactions);
        reader.ReadLine();
        var fields = (reader.ReadLine() ?? "").Split(',');
        return fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "BIGINT" : "VARCHAR";
    }
}
