namespace RecommendationService.Hosting;

/// <summary>Chooses the data source from the settings.</summary>
internal static class DatasetSources
{
    public static IDatasetSource FromOptions(RecommendationServiceOptions options, string contentRoot) => new UnconfiguredDatasetSource();
}
