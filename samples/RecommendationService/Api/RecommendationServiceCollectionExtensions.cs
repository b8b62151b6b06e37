using CustomerAnalytics.Hosting;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RecommendationService.Api;

/// <summary>Registers the recommendation service: the <c>CustomerAnalytics.Hosting</c> package for everything generic,
/// and the sample's own endpoint settings.</summary>
public static class RecommendationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>AddCustomerAnalytics</c> (options, files source, strategies, model store loaded at start-up and
    /// swapped atomically on reload) from the <c>CustomerAnalytics</c> section, the service's settings from the same
    /// section, the <c>model</c> health check and problem details.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration whose <c>CustomerAnalytics</c> section holds the settings.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddRecommendationService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CustomerAnalyticsOptions.SectionName);
        services.AddCustomerAnalytics(section);
        services.AddOptions<RecommendationServiceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecommendationServiceOptions>, OptionsValidator>());
        services.TryAddSingleton<KpiSummaries>();
        services.AddHealthChecks().AddCustomerAnalyticsHealthCheck("model");
        services.AddProblemDetails();
        return services;
    }

    private sealed class OptionsValidator(IEnumerable<IRecommender> recommenders, IConfiguration configuration) : IValidateOptions<RecommendationServiceOptions>
    {
        public ValidateOptionsResult Validate(string? name, RecommendationServiceOptions options)
        {
            // The package's own setting, read as written: the package's validation reports its other problems.
            var strategy = configuration[CustomerAnalyticsOptions.SectionName + ":Recommender:Strategy"] ?? new CustomerAnalyticsRecommenderOptions().Strategy;
            var problems = options.Problems([.. recommenders.Select(r => r.Name)], strategy);
            return problems.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Invalid {CustomerAnalyticsOptions.SectionName} settings: " + string.Join("; ", problems) + ".");
        }
    }
}
