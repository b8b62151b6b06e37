using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

// The overloads mirror each other (path, stream, reader) with the same trailing optional parameters, as the loader
// contract specifies; callers pick one by its first parameter, so the optional ones cannot make a call ambiguous.
#pragma warning disable RS0026

namespace CustomerAnalytics.Loading;

/// <summary>
/// Loads transactions (customer id, product id, quantity, timestamp; optional id, unit price, order id and line total)
/// from CSV, JSON or JSON Lines, finding the columns by header name (<see cref="LoadOptions.TransactionColumns"/>).
/// A unit price must not be negative; a negative quantity is a return. <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>
/// streams the rows into a builder without creating <see cref="Transaction"/> objects.
/// </summary>
/// <remarks>
/// In <see cref="LoadMode.Strict"/> mode (the default) the whole source is read, then one <see cref="DataLoadException"/>
/// lists every problem found; in <see cref="LoadMode.Lenient"/> mode the good rows are returned and the others are
/// reported in <see cref="LoadReport.Diagnostics"/>. A missing or empty file, or a missing required column, throws in
/// both modes. See <c>docs/loading.md</c> for the formats and every diagnostic.
/// </remarks>
/// <example>
/// <code>
/// var builder = new EnrichedDatasetBuilder().AddCustomers(customers).AddProducts(products);
/// var report = TransactionLoader.LoadInto(builder, "transactions.csv");
/// var dataset = builder.Build();
/// </code>
/// </example>
public static class TransactionLoader
{
    /// <summary>Loads the transactions of a file; the format comes from its extension (<see cref="DataFormat.Auto"/>), <c>.gz</c> is decompressed.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="options"/> are invalid.</exception>
    public static LoadResult<Transaction> Load(string path, LoadOptions? options = null) =>
        TableLoad.File(path, options, Parser);

    /// <summary>Loads the transactions of a stream, which is left open.</summary>
    /// <param name="stream">The input (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Transaction> Load(Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        TableLoad.Stream(stream, sourceName, format, options, Parser);

    /// <summary>Loads the transactions of a text reader, which is left open.</summary>
    /// <param name="reader">The input.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Transaction> Load(TextReader reader, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        TableLoad.Text(reader, sourceName, format, options, Parser);

    /// <summary>Loads the transactions of a file asynchronously. See <see cref="Load(string, LoadOptions?)"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Transaction>> LoadAsync(string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.FileAsync(path, options, Parser, cancellationToken);

    /// <summary>Loads the transactions of a stream asynchronously. See <see cref="Load(Stream, string, DataFormat, LoadOptions?)"/>.</summary>
    /// <param name="stream">The input, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Transaction>> LoadAsync(Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.StreamAsync(stream, sourceName, format, options, Parser, cancellationToken);

    /// <summary>Loads the transactions of a text reader asynchronously. See <see cref="Load(TextReader, string, DataFormat, LoadOptions?)"/>.</summary>
    /// <param name="reader">The input, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The transactions loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Transaction>> LoadAsync(TextReader reader, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.TextAsync(reader, sourceName, format, options, Parser, cancellationToken);

    /// <summary>
    /// Streams the transactions of a file into a builder: each good row is added as columns
    /// (<see cref="EnrichedDatasetBuilder"/>), no <see cref="Transaction"/> object is created. Without an id column the rows
    /// are numbered by the builder.
    /// </summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="path">The file path; the format comes from its extension, <c>.gz</c> is decompressed.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">
    /// The file is missing or empty, a required column is missing, or (strict mode) a row is invalid; in strict mode the
    /// good rows read before the end may have been added already, so discard the builder.
    /// </exception>
    public static LoadReport LoadInto(EnrichedDatasetBuilder builder, string path, LoadOptions? options = null) =>
        ParallelCsvLoad.TryLoadInto(builder, path, options) is { } parallel ? BuilderLoad.KeepGuest(builder, options, parallel) : BuilderLoad.File(builder, path, options, Streaming);

    /// <summary>Streams the transactions of a stream (left open) into a builder. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadReport LoadInto(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        BuilderLoad.Stream(builder, stream, sourceName, format, options, Streaming);

    /// <summary>Streams the transactions of a file into a builder asynchronously. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<LoadReport> LoadIntoAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        await ParallelCsvLoad.TryLoadIntoAsync(builder, path, options, PartParsing.Transactions, cancellationToken).ConfigureAwait(false) is { } parallel
            ? BuilderLoad.KeepGuest(builder, options, parallel)
            : await BuilderLoad.FileAsync(builder, path, options, Streaming, cancellationToken).ConfigureAwait(false);

    /// <summary>Streams the transactions of a stream (left open) into a builder asynchronously. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadReport> LoadIntoAsync(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        BuilderLoad.StreamAsync(builder, stream, sourceName, format, options, Streaming, cancellationToken);

    internal static (RowParser Parser, List<Transaction> Rows) Parser(LoadSession session)
    {
        var records = new TransactionRecordSink();
        return (new TransactionRowParser(session, records), records.Rows);
    }

    internal static TransactionRowParser Streaming(LoadSession session, EnrichedDatasetBuilder builder) => new(session, new StagingRowSink(builder.Staging));
}
