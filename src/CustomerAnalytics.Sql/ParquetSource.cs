using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Sql;

/// <summary>
/// Parquet files as a source for the in-memory path, read by DuckDB's <c>read_parquet</c> over a DuckDB connection the
/// caller opens (this package references no database provider: pass a <c>DuckDB.NET.Data.DuckDBConnection</c>, an
/// in-memory one will do). The rows then go through <see cref="DataReaderLoader"/>: the same column maps, checks and
/// diagnostics as a CSV file, with DuckDB's typed columns (<c>DECIMAL</c>, <c>TIMESTAMP WITH TIME ZONE</c>, <c>DATE</c>).
/// </summary>
/// <remarks>
/// The path is a query parameter, never spliced into the SQL; it may be a glob (<c>orders/*.parquet</c>) or any
/// location DuckDB reads (with its <c>httpfs</c> extension, <c>s3://</c> or <c>https://</c>). A diagnostic's source is
/// the path and its line the row number in DuckDB's reading order (file order for one file).
/// </remarks>
/// <example>
/// <code>
/// await using var duckDb = new DuckDBConnection("Data Source=:memory:");
/// var builder = new EnrichedDatasetBuilder()
///     .AddCustomers((await ParquetSource.LoadCustomersAsync(duckDb, "customers.parquet")).Rows)
///     .AddProducts((await ParquetSource.LoadProductsAsync(duckDb, "products.parquet")).Rows);
/// await ParquetSource.LoadTransactionsIntoAsync(builder, duckDb, "transactions.parquet");
/// var dataset = builder.Build();
/// </code>
/// </example>
public static class ParquetSource
{
    private const string Query = "SELECT * FROM read_parquet($1)";

    /// <summary>Loads the customers of a Parquet file.</summary>
    /// <param name="duckDb">A DuckDB connection (opened for the call when closed).</param>
    /// <param name="path">The file (or glob) DuckDB reads.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The customers loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="DbException">DuckDB cannot read the file (missing, not Parquet).</exception>
    public static Task<LoadResult<Customer>> LoadCustomersAsync(DbConnection duckDb, string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(duckDb, path, (reader, token) => DataReaderLoader.LoadCustomersAsync(reader, path, options, token), cancellationToken);

    /// <summary>Loads the products of a Parquet file.</summary>
    /// <param name="duckDb">A DuckDB connection (opened for the call when closed).</param>
    /// <param name="path">The file (or glob) DuckDB reads.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="DbException">DuckDB cannot read the file (missing, not Parquet).</exception>
    public static Task<LoadResult<Product>> LoadProductsAsync(DbConnection duckDb, string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(duckDb, path, (reader, token) => DataReaderLoader.LoadProductsAsync(reader, path, options, token), cancellationToken);

    /// <summary>Streams the transactions of a Parquet file into a builder.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="duckDb">A DuckDB connection (opened for the call when closed).</param>
    /// <param name="path">The file (or glob) DuckDB reads.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    /// <exception cref="DbException">DuckDB cannot read the file (missing, not Parquet).</exception>
    public static Task<LoadReport> LoadTransactionsIntoAsync(EnrichedDatasetBuilder builder, DbConnection duckDb, string path, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return ReadAsync(duckDb, path, (reader, token) => DataReaderLoader.LoadTransactionsIntoAsync(builder, reader, path, options, token), cancellationToken);
    }

    /// <summary>Streams the order lines of a Parquet file into the three tables of a builder (see <see cref="OrderLinesLoader"/>).</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="duckDb">A DuckDB connection (opened for the call when closed).</param>
    /// <param name="path">The file (or glob) DuckDB reads.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    /// <exception cref="DbException">DuckDB cannot read the file (missing, not Parquet).</exception>
    public static Task<LoadReport> LoadOrderLinesIntoAsync(EnrichedDatasetBuilder builder, DbConnection duckDb, string path, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return ReadAsync(duckDb, path, (reader, token) => DataReaderLoader.LoadOrderLinesIntoAsync(builder, reader, path, options, token), cancellationToken);
    }

    private static Task<T> ReadAsync<T>(DbConnection duckDb, string path, Func<DbDataReader, CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(duckDb);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SqlCommands.ReadAsync(duckDb, Query, [path], load, cancellationToken);
    }
}
