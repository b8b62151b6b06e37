using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

// The overloads mirror each other (path, stream, reader) with the same trailing optional parameters, as the loader
// contract specifies; callers pick one by its first parameter, so the optional ones cannot make a call ambiguous.
#pragma warning disable RS0026

namespace CustomerAnalytics.Loading;

/// <summary>
/// Loads a flat "order lines" file, where every line is a transaction that also carries its customer's and its
/// product's attributes (as the UCI Online Retail file does), into the three tables of a builder in one pass.
/// </summary>
/// <remarks>
/// <para>Columns come from <see cref="LoadOptions.TransactionColumns"/>: the transaction columns, plus
/// <see cref="TransactionColumns.Segment"/> and <see cref="TransactionColumns.CustomerName"/> for the customer and
/// <see cref="TransactionColumns.Category"/> and <see cref="TransactionColumns.ProductName"/> for the product. A missing
/// or empty segment or category reads as <c>Unknown</c>. Use <see cref="TransactionColumns.OnlineRetail"/> for Online Retail.</para>
/// <para>Each line's customer and product enter the tables when their own id is valid, with the attributes of the
/// first line that names them (a name is taken from the first line that has one); the transaction is added only when
/// the whole line is valid. So a line without a customer id is rejected with a diagnostic, and counted in
/// <see cref="LoadReport.RowsRejected"/>, while its product still enters the product table. Products get no list
/// price: each line brings its own unit price.</para>
/// </remarks>
/// <example>
/// <code>
/// var builder = new EnrichedDatasetBuilder();
/// var report = OrderLinesLoader.LoadInto(builder, "online_retail.csv.gz",
///     LoadOptions.Default with { Mode = LoadMode.Lenient, TransactionColumns = TransactionColumns.OnlineRetail });
/// var dataset = builder.Build();
/// </code>
/// </example>
public static class OrderLinesLoader
{
    /// <summary>
    /// Loads the customers, products and transactions of an order-lines file into a builder, streaming: each good line
    /// is added as columns, no <see cref="Transaction"/> object is created. Without an id column the lines are numbered by
    /// the builder. Customers and products are added when the whole file has been read.
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
        ParallelCsvLoad.TryLoadInto(builder, path, options, parsing: PartParsing.OrderLines) is { } parallel
            ? BuilderLoad.KeepGuest(builder, options, parallel)
            : BuilderLoad.File(builder, path, options, Streaming);

    /// <summary>Loads an order-lines stream (left open) into a builder. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="stream">The input.</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadReport LoadInto(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        BuilderLoad.Stream(builder, stream, sourceName, format, options, Streaming);

    /// <summary>Loads an order-lines file into a builder asynchronously. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
    /// <param name="builder">The builder the rows are added to.</param>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<LoadReport> LoadIntoAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        await ParallelCsvLoad.TryLoadIntoAsync(builder, path, options, PartParsing.OrderLines, cancellationToken).ConfigureAwait(false) is { } parallel
            ? BuilderLoad.KeepGuest(builder, options, parallel)
            : await BuilderLoad.FileAsync(builder, path, options, Streaming, cancellationToken).ConfigureAwait(false);

    /// <summary>Streams the order lines of a stream (left open) into a builder asynchronously. See <see cref="LoadInto(EnrichedDatasetBuilder, string, LoadOptions?)"/>.</summary>
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

    internal static OrderLineRowParser Streaming(LoadSession session, EnrichedDatasetBuilder builder) => new(session, new StagingRowSink(builder.Staging));
}
