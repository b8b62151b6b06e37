using System.Data.Common;
using CustomerAnalytics.Cli.Infrastructure;
using CustomerAnalytics.Sql;
using DuckDB.NET.Data;
using Npgsql;
using Spectre.Console;

namespace CustomerAnalytics.Cli.Commands;

/// <summary>
/// <c>kpis --engine duckdb|postgres --connection …</c>: the same tables as the in-memory <c>kpis</c>, computed by the
/// database (<see cref="SqlKpis"/> over the tables <c>customers</c>, <c>products</c> and <c>transactions</c>).
/// </summary>
internal static class EngineKpis
{
    private const string NoDuckDb =
        "DuckDB's native library (libduckdb) was not found: the tool does not bundle it (it would make the package ~320 MB). " +
        "Install DuckDB's C/C++ library (libduckdb.so, libduckdb.dylib or duckdb.dll from https://duckdb.org/docs/installation, 'C/C++') " +
        "into a folder on the library path (LD_LIBRARY_PATH, DYLD_LIBRARY_PATH or PATH) or next to the tool, or use --engine postgres.";

    public static ValidationResult Validate(KpisSettings settings) => Validate(settings, settings.Engine, settings.Connection);

    /// <summary>The usage errors of <c>--engine</c> and <c>--connection</c> on any data command.</summary>
    public static ValidationResult Validate(DataSettings settings, string? engine, string? connection)
    {
        if (engine is not ("duckdb" or "postgres"))
        {
            return ValidationResult.Error($"--engine must be duckdb or postgres (was '{engine}').");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            return ValidationResult.Error("--engine needs --connection: for duckdb \"Data Source=shop.duckdb\", for postgres an Npgsql connection string such as \"Host=db;Database=shop;Username=me\".");
        }

        var hasFiles = settings.DataDirectory is not null || settings.CustomersPath is not null || settings.ProductsPath is not null || settings.TransactionsPath is not null || settings.OrderLinesPath is not null;
        return hasFiles
            ? ValidationResult.Error("Give either --engine with --connection or data files (--data, --customers, --products, --transactions, --order-lines), not both.")
            : ValidationResult.Success();
    }

    public static int Run(CliConsoles consoles, KpisSettings settings, CancellationToken cancellationToken) =>
        Run(settings.Engine!, settings.Connection!, (connection, dialect) => ComputeAsync(consoles, connection, dialect, settings.Top, cancellationToken));

    /// <summary>Opens the engine's connection and runs <paramref name="work"/> on it; the engine's errors become data errors (exit 1).</summary>
    public static int Run(string engine, string connectionString, Func<DbConnection, SqlDialect, Task<int>> work)
    {
        var dialect = engine == "duckdb" ? SqlDialect.DuckDb : SqlDialect.PostgreSql;
        using var connection = Open(dialect, connectionString);
        try
        {
            // The tool's commands are synchronous: one blocking wait for the whole pushed-down run, no context to capture.
            return work(connection, dialect).GetAwaiter().GetResult();
        }
        catch (DbException ex)
        {
            throw new CliException($"The {engine} engine failed: {ex.Message} (check --connection, and that the tables customers, products and transactions exist).", ExitCodes.DataError);
        }
    }

    private static async Task<int> ComputeAsync(CliConsoles consoles, DbConnection connection, SqlDialect dialect, int top, CancellationToken cancellationToken)
    {
        var kpis = await SqlKpis.BindAsync(connection, SqlSource.Default, dialect, cancellationToken).ConfigureAwait(false);
        var overall = await kpis.Overall().ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var segments = await kpis.BySegment().ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var categories = await kpis.ByCategory().ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var products = await kpis.TopProducts(top).ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
        var console = consoles.Out;
        console.Write(Tables.Overall(overall));
        console.Write(Tables.Groups("Segment", segments));
        console.Write(Tables.Groups("Category", categories));
        console.Write(Tables.Products(products));
        return ExitCodes.Success;
    }

    private static DbConnection Open(SqlDialect dialect, string connectionString)
    {
        DbConnection connection;
        try
        {
            connection = dialect == SqlDialect.DuckDb ? new DuckDBConnection(connectionString) : new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (Exception ex) when (ex is DllNotFoundException || ex.InnerException is DllNotFoundException)
        {
            throw new CliException(NoDuckDb, ExitCodes.DataError);
        }
        catch (Exception ex) when (ex is DbException or ArgumentException)
        {
            throw new CliException($"Cannot connect with --connection: {ex.Message}", ExitCodes.DataError);
        }

        return connection;
    }
}
