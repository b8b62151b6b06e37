namespace CustomerAnalytics.Loading;

/// <summary>The body of every typed loader's <c>Load</c>/<c>LoadAsync</c> overload: run a collecting parser over a source.</summary>
internal static class TableLoad
{
    public static LoadResult<T> File<T>(string path, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create)
    {
        var (parser, rows) = create(new LoadSession(path, options));
        var report = LoadEngine.Run(path, parser.Session, parser);
        return new LoadResult<T>([.. rows], report);
    }

    public static LoadResult<T> Stream<T>(Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (parser, rows) = create(new LoadSession(sourceName, options));
        var report = LoadEngine.Run(stream, format, parser.Session, parser);
        return new LoadResult<T>([.. rows], report);
    }

    public static LoadResult<T> Text<T>(TextReader reader, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (parser, rows) = create(new LoadSession(sourceName, options));
        var report = LoadEngine.Run(reader, format, parser.Session, parser);
        return new LoadResult<T>([.. rows], report);
    }

    public static async Task<LoadResult<T>> FileAsync<T>(string path, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken)
    {
        var (parser, rows) = create(new LoadSession(path, options));
        var report = await LoadEngine.RunAsync(path, parser.Session, parser, cancellationToken).ConfigureAwait(false);
        return new LoadResult<T>([.. rows], report);
    }

    public static async Task<LoadResult<T>> StreamAsync<T>(Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (parser, rows) = create(new LoadSession(sourceName, options));
        var report = await LoadEngine.RunAsync(stream, format, parser.Session, parser, cancellationToken).ConfigureAwait(false);
        return new LoadResult<T>([.. rows], report);
    }

    public static async Task<LoadResult<T>> TextAsync<T>(TextReader reader, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (parser, rows) = create(new LoadSession(sourceName, options));
        var report = await LoadEngine.RunAsync(reader, format, parser.Session, parser, cancellationToken).ConfigureAwait(false);
        return new LoadResult<T>([.. rows], report);
    }
}
