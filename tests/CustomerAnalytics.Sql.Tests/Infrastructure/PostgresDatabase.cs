using Npgsql;

namespace CustomerAnalytics.Sql.Tests.Infrastructure;

/// <summary>The PostgreSQL server named by <c>CUSTOMER_ANALYTICS_PG</c>; each data set goes into a schema of its own, dropped first.</summary>
internal static class PostgresDatabase
{
    public const string Variable = "CUSTOMER_ANALYTICS_PG";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Opens a connection and loads <paramref name="tables"/> into <paramref name="schema"/> with <c>COPY</c>.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(CsvTables tables, string schema)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
        foreach (var (table, path) in tables.Files())
        {
            var header = CsvTables.Columns(path);
            var columns = string.Join(", ", header.Select(c => c + " " + CsvTables.SqlType(c, SqlDialect.PostgreSql)));
            await ExecuteAsync(connection, $"CREATE TABLE {schema}.{table} ({columns})");
            using (var writer = await connection.BeginTextImportAsync($"COPY {schema}.{table} FROM STDIN (FORMAT csv, HEADER true)"))
            {
                await writer.WriteAsync(await File.ReadAllTextAsync(path));
            }

            await ExecuteAsync(connection, $"ANALYZE {schema}.{table}");
        }

        return connection;
    }

    /// <summary>The default source with its three tables in <paramref name="schema"/>.</summary>
    public static SqlSource InSchema(string schema) => SqlSource.Default with
    {
        Customers = SqlRelation.Table(schema + ".customers"),
        Products = SqlRelation.Table(schema + ".products"),
        Transactions = SqlRelation.Table(schema + ".transactions"),
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
