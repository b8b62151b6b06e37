using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RecommendationService.Hosting;

/// <summary>Registers the recommendation service's parts.</summary>
public static class CustomerAnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model store (fitted at start-up, swapped atomically on reload), the data source configured in
    /// the <c>CustomerAnalytics</c> section, the popularity, segment-affinity and item-cooccurrence strategies (add more as
    /// <see cref="IRecommender"/> singletons), the <c>model</c> health check and problem details.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration whose <c>CustomerAnalytics</c> section holds the settings, or <see langword="null"/>.</param>
    /// <param name="configure">Further settings in code, applied after the configuration, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCustomerAnalytics(this IServiceCollection services, IConfiguration? configuration = null, Action<RecommendationServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecommendationServiceOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(RecommendationServiceOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationServiceOptions>, OptionsValidator>());
        options.ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDatasetSource>(provider => DatasetSources.FromOptions(
            provider.GetRequiredService<IOptions<RecommendationServiceOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender>(new PopularityRecommender()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender>(new SegmentAffinityRecommender()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecommender>(new ItemCooccurrenceRecommender()));
        services.TryAddSingleton<ModelStore>();
        services.AddHostedService<ModelStartupService>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model");
        services.AddProblemDetails();
        return services;
    }

    private sealed class OptionsValidator : IValidateOptions<RecommendationServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, RecommendationServiceOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
