using CustomerAnalytics.Hosting.AspNetCore;
using CustomerAnalytics.Hosting.AspNetCore.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <c>MapCustomerAnalytics</c> needs.</summary>
public static class CustomerAnalyticsEndpointsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the endpoints' settings (<see cref="CustomerAnalyticsEndpointOptions"/>, bound from
    /// <paramref name="section"/> when given, the defaults otherwise), the per-snapshot KPI summary cache, the
    /// <c>model</c> health check and problem details. Call it beside <c>AddCustomerAnalytics</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The section holding the settings (usually the one given to <c>AddCustomerAnalytics</c>), or <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <example>
    /// <code>
    /// var section = builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName);
    /// builder.Services.AddCustomerAnalytics(section);
    /// builder.Services.AddCustomerAnalyticsEndpoints(section);
    /// </code>
    /// </example>
    public static IServiceCollection AddCustomerAnalyticsEndpoints(this IServiceCollection services, IConfiguration? section = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CustomerAnalyticsEndpointOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        var prefix = (section as IConfigurationSection)?.Path ?? string.Empty;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerAnalyticsEndpointOptions>>(new EndpointOptionsValidator(prefix)));
        if (services.Any(d => d.ServiceType == typeof(KpiSummaries)))
        {
            return services;
        }

        services.AddSingleton<KpiSummaries>();
        services.AddHealthChecks().AddCustomerAnalyticsHealthCheck(KpiSummaries.HealthCheckName);
        services.AddProblemDetails();
        return services;
    }
}
