using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>The source registered when no files are configured and the host registered no source of its own: its load
/// fails with a message saying what to set.</summary>
internal sealed class UnconfiguredDatasetSource(string section) : IDatasetSource
{
    public string Description => "(none)";

    public Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            $"No data configured: set {section}:DataDirectory (a folder with customers.csv, products.csv and transactions.csv), "
            + $"the three file paths, or {section}:OrderLinesPath; or register an {nameof(IDatasetSource)} of your own.");
}
