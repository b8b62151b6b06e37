using System.Data.Common;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Loads customers, products, transactions or order lines from any ADO.NET <see cref="DbDataReader"/> (DuckDB,
/// PostgreSQL, SQL Server, SQLite …) with the file loaders' rules: the columns are found by name through the same
/// column maps (<see cref="LoadOptions.CustomerColumns"/>, <see cref="LoadOptions.ProductColumns"/>,
/// <see cref="LoadOptions.TransactionColumns"/>), every value gets the same checks, and every problem the same
/// diagnostic (source, row, column, value, reason, hint); strict loads throw one <see cref="DataLoadException"/>,
/// lenient ones report. The core needs no database package: <see cref="DbDataReader"/> is in <c>System.Data.Common</c>.
/// </summary>
/// <remarks>
/// <para>A diagnostic's <see cref="LoadDiagnostic.Line"/> is the 1-based row number in the reader's order (there is no
/// header line); a missing column is reported on row 1. The reader is read to its end (or to the first error that
/// stops a load) and left open: the caller owns it and its connection.</para>
/// <para>Values are read with the provider's typed getters (<c>decimal</c>, <c>int</c>, <c>long</c>,
/// <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <see cref="DateOnly"/>, <c>string</c>), never through the
/// provider's text conversion: money keeps every digit of a <c>NUMERIC</c>/<c>DECIMAL</c>; a
/// <c>timestamp with time zone</c> keeps its instant; a <c>timestamp</c> without one is read in
/// <see cref="LoadOptions.SourceTimeZone"/>, as a file's would be; SQL <c>NULL</c> is an empty value.</para>
/// </remarks>
/// <example>
/// <code>
/// await using var command = connection.CreateCommand();
/// command.CommandText = "SELECT * FROM transactions ORDER BY order_id";
/// await using var reader = await command.ExecuteReaderAsync();
/// var report = await DataReaderLoader.LoadTransactionsIntoAsync(builder, reader, "db:transactions");
/// </code>
/// </example>
public static class DataReaderLoader
{
    /// <summary>Loads the customers (id, segment; optional signup date and name) of a reader.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source (for example <c>db:customers</c>).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The customers loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Customer> LoadCustomers(DbDataReader reader, string sourceName, LoadOptions? options = null) =>
        Collect(reader, sourceName, options, CustomerLoader.Parser);

    /// <summary>Loads the products (id, category; optional name and list price) of a reader.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Product> LoadProducts(DbDataReader reader, string sourceName, LoadOptions? options = null) =>
        Collect(reader, sourceName, options, ProductLoader.Parser);

    /// <summary>Loads the transactions of a reader as records. See <see cref="TransactionLoader"/> for the columns and rules.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Transaction> LoadTransactions(DbDataReader reader, string sourceName, LoadOptions? options = null) =>
        Collect(reader, sourceName, options, TransactionLoader.Parser);

    /// <summary>
    /// Streams the transactions of a reader into a builder: each good row is added as columns, no
    /// <see cref="Transaction"/> object is created. Without an id column the rows are numbered.
    /// </summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics (and the builder's join issues) give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    public static LoadReport LoadTransactionsInto(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options = null) =>
        Stream(builder, reader, sourceName, options, TransactionLoader.Streaming);

    /// <summary>
    /// Streams order lines (transactions carrying their customer's and product's attributes, as
    /// <see cref="OrderLinesLoader"/> reads them) from a reader into the three tables of a builder.
    /// </summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    public static LoadReport LoadOrderLinesInto(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options = null) =>
        Stream(builder, reader, sourceName, options, OrderLinesLoader.Streaming);

    /// <summary>Loads the customers of a reader asynchronously. See <see cref="LoadCustomers"/>.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The customers loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Customer>> LoadCustomersAsync(DbDataReader reader, string sourceName, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        CollectAsync(reader, sourceName, options, CustomerLoader.Parser, cancellationToken);

    /// <summary>Loads the products of a reader asynchronously. See <see cref="LoadProducts"/>.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Product>> LoadProductsAsync(DbDataReader reader, string sourceName, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        CollectAsync(reader, sourceName, options, ProductLoader.Parser, cancellationToken);

    /// <summary>Loads the transactions of a reader as records asynchronously. See <see cref="LoadTransactions"/>.</summary>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Transaction>> LoadTransactionsAsync(DbDataReader reader, string sourceName, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        CollectAsync(reader, sourceName, options, TransactionLoader.Parser, cancellationToken);

    /// <summary>Streams the transactions of a reader into a builder asynchronously. See <see cref="LoadTransactionsInto"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadReport> LoadTransactionsIntoAsync(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(builder, reader, sourceName, options, TransactionLoader.Streaming, cancellationToken);

    /// <summary>Streams order lines from a reader into a builder asynchronously. See <see cref="LoadOrderLinesInto"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="reader">The rows, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">A required column is missing, or (strict mode) a row is invalid; discard the builder then.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadReport> LoadOrderLinesIntoAsync(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(builder, reader, sourceName, options, OrderLinesLoader.Streaming, cancellationToken);

    private static LoadResult<T> Collect<T>(DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create) =>
        SyncPath.Result(CollectAsync(reader, sourceName, options, create, useAsync: false, CancellationToken.None));

    private static Task<LoadResult<T>> CollectAsync<T>(DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken) =>
        CollectAsync(reader, sourceName, options, create, useAsync: true, cancellationToken).AsTask();

    /// <summary>The one body of the record loads: sync or async (<see cref="SyncPath"/>).</summary>
    private static async ValueTask<LoadResult<T>> CollectAsync<T>(DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (parser, rows) = create(new LoadSession(sourceName, options));
        using var table = new DbTabularReader(reader);
        var report = await LoadEngine.RunAsync(table, parser.Session, parser, useAsync, cancellationToken).ConfigureAwait(false);
        return new LoadResult<T>([.. rows], report);
    }

    private static LoadReport Stream(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create) =>
        SyncPath.Result(StreamAsync(builder, reader, sourceName, options, create, useAsync: false, CancellationToken.None));

    private static Task<LoadReport> StreamAsync(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, CancellationToken cancellationToken) =>
        StreamAsync(builder, reader, sourceName, options, create, useAsync: true, cancellationToken).AsTask();

    /// <summary>The one body of the streaming loads: the builder learns the rows' source, then the parser adds them.</summary>
    private static async ValueTask<LoadReport> StreamAsync(EnrichedDatasetBuilder builder, DbDataReader reader, string sourceName, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(reader);
        var session = new LoadSession(sourceName, options);
        builder.Staging.BeginSource(sourceName);
        var parser = create(session, builder);
        using var table = new DbTabularReader(reader);
        var report = await LoadEngine.RunAsync(table, parser.Session, parser, useAsync, cancellationToken).ConfigureAwait(false);
        return BuilderLoad.KeepGuest(builder, parser.Session.Options, report);
    }
}
