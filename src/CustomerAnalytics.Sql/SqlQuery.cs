using System.Collections.Immutable;
using System.Data.Common;

namespace CustomerAnalytics.Sql;

/// <summary>
/// One KPI query in one dialect: its SQL text (<see cref="ToSql"/>), the values of its parameters, and how its result
/// set becomes the result record. Immutable; execute it on as many connections as needed.
/// </summary>
/// <typeparam name="T">The result: the record (or list of records) the in-memory calculator returns.</typeparam>
public sealed class SqlQuery<T>
{
    private readonly string _sql;
    private readonly Func<DbDataReader, CancellationToken, Task<T>> _read;

    internal SqlQuery(SqlDialect dialect, string sql, ImmutableArray<object> parameters, Func<DbDataReader, CancellationToken, Task<T>> read)
    {
        Dialect = dialect;
        _sql = sql;
        Parameters = parameters;
        _read = read;
    }

    /// <summary>The dialect the SQL is written in.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The values bound to <c>$1</c>, <c>$2</c>, … in <see cref="ToSql"/>, in order; empty when the query has none.</summary>
    public ImmutableArray<object> Parameters { get; }

    /// <summary>The SQL text, with values as positional parameters (<c>$1</c>): to run in a warehouse console or wrap as a dbt model.</summary>
    /// <returns>The SQL.</returns>
    public string ToSql() => _sql;

    /// <summary>Runs the query and reads its result. A closed connection is opened for the call and closed again.</summary>
    /// <param name="connection">A connection of the query's dialect (a <c>DuckDBConnection</c>, an <c>NpgsqlConnection</c>, …).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The result, equal to the in-memory calculator's on the same data.</returns>
    /// <exception cref="DbException">The database rejected the query (for example a missing table or a column of a type that cannot be summed).</exception>
    public Task<T> ExecuteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SqlCommands.ReadAsync(connection, _sql, Parameters, _read, cancellationToken);
    }

    /// <summary>The SQL text.</summary>
    /// <returns><see cref="ToSql"/>.</returns>
    public override string ToString() => _sql;
}
