using CustomerAnalytics.Model;

// The overloads mirror each other (path, stream, reader) with the same trailing optional parameters, as the loader
// contract specifies; callers pick one by its first parameter, so the optional ones cannot make a call ambiguous.
#pragma warning disable RS0026

namespace CustomerAnalytics.Loading;

/// <summary>
/// Loads products (id, category, optional list price and name) from CSV, JSON or JSON Lines, finding the columns by header name
/// (<see cref="LoadOptions.ProductColumns"/>). Ids must be unique within the source; a price must not be negative.
/// </summary>
/// <remarks>
/// In <see cref="LoadMode.Strict"/> mode (the default) the whole source is read, then one <see cref="DataLoadException"/>
/// lists every problem found; in <see cref="LoadMode.Lenient"/> mode the good rows are returned and the others are
/// reported in <see cref="LoadReport.Diagnostics"/>. A missing or empty file, or a missing required column, throws in
/// both modes. See <c>docs/loading.md</c> for the formats and every diagnostic.
/// </remarks>
/// <example>
/// <code>
/// var products = ProductLoader.Load("products.csv").Rows;
/// </code>
/// </example>
public static class ProductLoader
{
    /// <summary>Loads the products of a file; the format comes from its extension (<see cref="DataFormat.Auto"/>), <c>.gz</c> is decompressed.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or <paramref name="options"/> are invalid.</exception>
    public static LoadResult<Product> Load(string path, LoadOptions? options = null) =>
        TableLoad.File(path, options, Parser);

    /// <summary>Loads the products of a stream, which is left open.</summary>
    /// <param name="stream">The input (UTF-8 unless a byte order mark says otherwise).</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Product> Load(Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        TableLoad.Stream(stream, sourceName, format, options, Parser);

    /// <summary>Loads the products of a text reader, which is left open.</summary>
    /// <param name="reader">The input.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    public static LoadResult<Product> Load(TextReader reader, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null) =>
        TableLoad.Text(reader, sourceName, format, options, Parser);

    /// <summary>Loads the products of a file asynchronously. See <see cref="Load(string, LoadOptions?)"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The file is missing or empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Product>> LoadAsync(string path, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.FileAsync(path, options, Parser, cancellationToken);

    /// <summary>Loads the products of a stream asynchronously. See <see cref="Load(Stream, string, DataFormat, LoadOptions?)"/>.</summary>
    /// <param name="stream">The input, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source; a name ending in <c>.gz</c> makes the stream read through gzip.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Product>> LoadAsync(Stream stream, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.StreamAsync(stream, sourceName, format, options, Parser, cancellationToken);

    /// <summary>Loads the products of a text reader asynchronously. See <see cref="Load(TextReader, string, DataFormat, LoadOptions?)"/>.</summary>
    /// <param name="reader">The input, left open.</param>
    /// <param name="sourceName">The name diagnostics give the source.</param>
    /// <param name="format">The format; <see cref="DataFormat.Auto"/> chooses it from <paramref name="sourceName"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The products loaded and the report.</returns>
    /// <exception cref="DataLoadException">The source is empty, a required column is missing, or (strict mode) a row is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task<LoadResult<Product>> LoadAsync(TextReader reader, string sourceName, DataFormat format = DataFormat.Csv, LoadOptions? options = null, CancellationToken cancellationToken = default) =>
        TableLoad.TextAsync(reader, sourceName, format, options, Parser, cancellationToken);

    internal static (RowParser Parser, List<Product> Rows) Parser(LoadSession session)
    {
        var parser = new ProductRowParser(session);
        return (parser, parser.Rows);
    }
}
