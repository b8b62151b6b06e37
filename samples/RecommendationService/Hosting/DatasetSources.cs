namespace RecommendationService.Hosting;

/// <summary>Chooses the data source from the settings (empty settings count as unset).</summary>
internal static class DatasetSources
{
    public static IDatasetSource FromOptions(RecommendationServiceOptions options, string contentRoot)
    {
        static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);
        var configured = Given(options.OrderLinesPath) || Given(options.DataDirectory)
            || (Given(options.CustomersPath) && Given(options.ProductsPath) && Given(options.TransactionsPath));
        return configured ? new FileDatasetSource(options, contentRoot) : new UnconfiguredDatasetSource();
    }
}
