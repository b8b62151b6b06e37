using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Loading;

/// <summary>The body of the <c>LoadInto</c>/<c>LoadIntoAsync</c> overloads: run a parser that adds its rows to a builder.</summary>
internal static class BuilderLoad
{
    public static LoadReport File(EnrichedDatasetBuilder builder, string path, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parser = create(new LoadSession(path, options), Begin(builder, path));
        return KeepGuest(builder, parser.Session.Options, LoadEngine.Run(path, parser.Session, parser));
    }

    public static LoadReport Stream(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        var parser = create(new LoadSession(sourceName, options), Begin(builder, sourceName));
        return KeepGuest(builder, parser.Session.Options, LoadEngine.Run(stream, format, parser.Session, parser));
    }

    public static async Task<LoadReport> FileAsync(EnrichedDatasetBuilder builder, string path, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parser = create(new LoadSession(path, options), Begin(builder, path));
        return KeepGuest(builder, parser.Session.Options, await LoadEngine.RunAsync(path, parser.Session, parser, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<LoadReport> StreamAsync(EnrichedDatasetBuilder builder, Stream stream, string sourceName, DataFormat format, LoadOptions? options, Func<LoadSession, EnrichedDatasetBuilder, RowParser> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stream);
        var parser = create(new LoadSession(sourceName, options), Begin(builder, sourceName));
        return KeepGuest(builder, parser.Session.Options, await LoadEngine.RunAsync(stream, format, parser.Session, parser, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>After a load that kept guest lines, makes their customer the builder's guest (<see cref="EnrichedDatasetBuilder.AddGuestCustomer"/>).</summary>
    public static LoadReport KeepGuest(EnrichedDatasetBuilder builder, LoadOptions? options, LoadReport report)
    {
        if (report.GuestLines > 0)
        {
            builder.AddGuestCustomer((options ?? LoadOptions.Default).GuestCustomerId);
        }

        return report;
    }

    /// <summary>Tells the builder that the rows from now on come from <paramref name="source"/>, so its issues can name file and line.</summary>
    private static EnrichedDatasetBuilder Begin(EnrichedDatasetBuilder builder, string source)
    {
        builder.Staging.BeginSource(source);
        return builder;
    }
}
