using System.Globalization;
using DuckDB.NET.Data;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>An in-memory DuckDB database holding <see cref="CsvTables"/>, read by the engine with declared column types.</summary>
internal static class DuckDbDatabase
{
    public static async Task<DuckDBConnection> OpenAsync(CsvTables tables, string? schema = null, string dataSource = ":memory:")
    {
        var connection = new DuckDBConnection("Data Source=" + dataSource);
        await connection.OpenAsync();
        if (schema is not null)
        {
            await ExecuteAsync(connection, $"CREATE SCHEMA {schema}");
        }

        foreach (var (table, path) in tables.Files())
        {
            var columns = string.Join(", ", CsvTables.Columns(path).Select(c => $"'{c}': '{CsvTables.SqlType(c, SqlDialect.DuckDb)}'"));
            var name = schema is null ? table : schema + "." + table;
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', header = true, columns = {{{columns}}})"));
        }

        return connection;
    }

    public static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
