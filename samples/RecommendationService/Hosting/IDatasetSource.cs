using CustomerAnalytics.Artifacts;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Loading;

namespace RecommendationService.Hosting;

/// <summary>Where the service's data comes from; called at start-up and on every reload.</summary>
public interface IDatasetSource
{
    /// <summary>A short description of the source for logs and the health report (for example the file paths).</summary>
    string Description { get; }

    /// <summary>Loads and enriches the data.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dataset.</returns>
    Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads and enriches the data with the account of every input row, which <c>/health</c> shows. By default the
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

/// <summary>A loaded dataset and the account of the rows it was built from.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Account">Read, loaded, rejected, kept and left out, per input.</param>
public sealed record DatasetLoad(EnrichedDataset Dataset, RunAccount Account);
