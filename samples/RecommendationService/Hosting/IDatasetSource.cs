using CustomerAnalytics.Enrichment;

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
}
