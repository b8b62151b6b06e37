using CustomerAnalytics.Enrichment;

namespace RecommendationService.Hosting;

/// <summary>The source registered when no data is configured: its load fails with a message saying what to set.</summary>
internal sealed class UnconfiguredDatasetSource : IDatasetSource
{
    public string Description => "(none)";

    public Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException(
            $"No data configured: set {RecommendationServiceOptions.SectionName}:DataDirectory (a folder with customers.csv, products.csv and transactions.csv), "
            + $"the three file paths, or {RecommendationServiceOptions.SectionName}:OrderLinesPath.");
}
