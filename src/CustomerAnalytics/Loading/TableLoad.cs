using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The body of every typed loader's <c>Load</c>/<c>LoadAsync</c> overload: run a collecting parser over a source. One
/// core serves sync and async (<see cref="SyncPath"/>); the overloads are one-line wrappers.
/// </summary>
internal static class TableLoad
{
    public static LoadResult<T> File<T>(string path, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create) =>
        SyncPath.Result(LoadAsync(LoadInput.File(path), path, options, create, useAsync: false, CancellationToken.None));

    public static LoadResult<T> Stream<T>(Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create) =>
        SyncPath.Result(LoadAsync(LoadInput.Of(stream, format), sourceName, options, create, useAsync: false, CancellationToken.None));

    public static LoadResult<T> Text<T>(TextReader reader, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create) =>
        SyncPath.Result(LoadAsync(LoadInput.Of(reader, format), sourceName, options, create, useAsync: false, CancellationToken.None));

    public static Task<LoadResult<T>> FileAsync<T>(string path, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken) =>
        LoadAsync(LoadInput.File(path), path, options, create, useAsync: true, cancellationToken).AsTask();

    public static Task<LoadResult<T>> StreamAsync<T>(Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken) =>
        LoadAsync(LoadInput.Of(stream, format), sourceName, options, create, useAsync: true, cancellationToken).AsTask();

    public static Task<LoadResult<T>> TextAsync<T>(TextReader reader, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, CancellationToken cancellationToken) =>
        LoadAsync(LoadInput.Of(reader, format), sourceName, options, create, useAsync: true, cancellationToken).AsTask();

    private static async ValueTask<LoadResult<T>> LoadAsync<T>(LoadInput input, string sourceName, LoadOptions? options, Func<LoadSession, (RowParser Parser, List<T> Rows)> create, bool useAsync, CancellationToken cancellationToken)
    {
        var (parser, rows) = create(new LoadSession(sourceName, options));
        var report = await LoadEngine.RunAsync(input, parser.Session, parser, useAsync, cancellationToken).ConfigureAwait(false);
        return new LoadResult<T>([.. rows], report);
    }
}
