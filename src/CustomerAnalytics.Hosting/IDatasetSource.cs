using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Where the host's data comes from; the <see cref="ModelStore"/> calls it at start-up and on every reload. The files
/// named in <see cref="CustomerAnalyticsOptions"/> are the default source; register your own implementation as a
/// singleton to read from elsewhere (a database, a blob store, data the host already has).
/// </summary>
public interface IDatasetSource
{
    /// <summary>A short description of the source for logs and the health report (for example the file names). It
    /// should not hold secrets or absolute paths unless the host wants them shown.</summary>
    string Description { get; }

    /// <summary>Loads and enriches the data.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dataset.</returns>
    Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads and enriches the data with the account of every input row, which the health report shows. By default the
    /// account of the join only (no inputs: the source did not say what it read).
    /// </summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dataset and its account.</returns>
    async Task<DatasetLoad> LoadWithAccountAsync(CancellationToken cancellationToken)
    {
        var dataset = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var listed = dataset.Report.Issues.Count(i => i.Rejected);
        return new DatasetLoad(dataset, RunAccount.Of([], dataset.Report, listed, RunAccount.LimitsOf(LoadOptions.Default, EnrichmentOptions.Default)));
    }
}
