namespace CustomerAnalytics.Sql;

/// <summary>
/// Where rows come from: a table or view named by an identifier (<c>orders</c>, <c>sales.order_lines</c>), or a query
/// written by the application. Immutable.
/// </summary>
public sealed class SqlRelation
{
    private SqlRelation(string? tableName, string? query)
    {
        TableName = tableName;
        Query = query;
    }

    /// <summary>The table or view name (<c>name</c> or <c>schema.name</c>), or <see langword="null"/> for a query.</summary>
    public string? TableName { get; }

    /// <summary>The query text, or <see langword="null"/> for a table.</summary>
    public string? Query { get; }

    /// <summary>A table or view. The name is checked by <see cref="SqlSource.Validate"/>: a plain identifier or <c>schema.identifier</c> (letters, digits, underscores), quoted in the SQL.</summary>
    /// <param name="name">The name, as the database stores it (quoted identifiers are case-sensitive in PostgreSQL: unquoted names are stored in lower case).</param>
    /// <returns>The relation.</returns>
    public static SqlRelation Table(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new SqlRelation(name, null);
    }

    /// <summary>
    /// A query whose result set plays the part of a table, embedded as <c>(query) AS alias</c>. The text is trusted SQL:
    /// it is not validated or quoted, so it must come from the application's code, never from a user or a configuration
    /// file. Use it to rename columns (<c>SELECT "Customer ID" AS customer_id …</c>) or to filter rows.
    /// </summary>
    /// <param name="sql">The query, without a trailing semicolon.</param>
    /// <returns>The relation.</returns>
    /// <exception cref="ArgumentException"><paramref name="sql"/> is empty.</exception>
    public static SqlRelation FromQuery(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return new SqlRelation(null, sql.Trim().TrimEnd(';'));
    }

    /// <summary>The SQL this relation contributes to a <c>FROM</c> clause: the quoted name, or the query in parentheses.</summary>
    internal string ToFromClause() => TableName is { } name ? SqlIdentifier.QuoteQualified(name) : "(" + Query + ")";

    /// <summary>The table name, or the first line of the query.</summary>
    /// <returns>A description for messages.</returns>
    public override string ToString() => TableName ?? "query (" + Query!.Split('\n')[0].Trim() + ")";
}
