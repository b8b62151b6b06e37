using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Loading;

/// <summary>
/// The body of the <c>LoadInto</c>/<c>LoadIntoAsync</c> overloads: run a parser that adds its rows to a builder. One core
/// serves sync and async (<see cref="SyncPath"/>); the overloads are one-line wrappers.
/// </summary>
internal static class BuilderLoad
{
    public static LoadReport File(EnrichedDatasetBuilder builder, string path, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create) =>
        SyncPath.Result(LoadAsync(builder, LoadInput.File(path), path, options, create, useAsync: false, CancellationToken.None));

    public static LoadReport Stream(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create) =>
        SyncPath.Result(LoadAsync(builder, LoadInput.Of(stream, format), sourceName, options, create, useAsync: false, CancellationToken.None));

    public static Task<LoadReport> FileAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, CancellationToken cancellationToken) =>
        LoadAsync(builder, LoadInput.File(path), path, options, create, useAsync: true, cancellationToken).AsTask();

    public static Task<LoadReport> StreamAsync(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, CancellationToken cancellationToken) =>
        LoadAsync(builder, LoadInput.Of(stream, format), sourceName, options, create, useAsync: true, cancellationToken).AsTask();

    /// <summary>After a load that kept guest lines, makes their customer the builder's guest (<see cref="EnrichedDatasetBuilder.AddGuestCustomer"/>).</summary>
    public static LoadReport KeepGuest(EnrichedDatasetBuilder builder, LoadOptions? options, LoadReport report)
    {
        if (report.GuestLines > 0)
        {
            builder.AddGuestCustomer((options ?? LoadOptions.Default).GuestCustomerId);
        }

        return report;
    }

    /// <summary>The one body of the overloads: a parser adds the rows of <paramref name="input"/> to the builder.</summary>
    private static async ValueTask<LoadReport> LoadAsync(EnrichedDatasetBuilder builder, LoadInput input, string sourceName, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, bool useAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parser = create(new LoadSession(sourceName, options), Begin(builder, sourceName));
        return KeepGuest(builder, parser.Session.Options, await LoadEngine.RunAsync(input, parser.Session, parser, useAsync, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Tells the builder that the rows from now on come from <paramref name="source"/>, so its issues can name file and line.</summary>
    private static EnrichedDatasetBuilder Begin(EnrichedDatasetBuilder builder, string source)
    {
        builder.Staging.BeginSource(source);
        return builder;
    }
}
