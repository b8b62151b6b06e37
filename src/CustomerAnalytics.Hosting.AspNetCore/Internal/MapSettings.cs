using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.AspNetCore.Internal;

/// <summary>The settings <c>MapCustomerAnalytics</c> decides what to map by, read before the host's start-up
/// validation: the package's settings and the endpoints' are checked together, so one start lists every bad setting.</summary>
internal static class MapSettings
{
    /// <param name="services">The application's services.</param>
    /// <param name="given">The endpoints' settings given in code, or <see langword="null"/> for the registered ones.</param>
    public static (CustomerAnalyticsOptions Analytics, CustomerAnalyticsEndpointOptions Endpoints) Read(IServiceProvider services, CustomerAnalyticsEndpointOptions? given)
    {
        var registered = services.GetService<IServiceProviderIsService>();
        if (registered is not null && !(registered.IsService(typeof(KpiSummaries)) && registered.IsService(typeof(ModelStore))))
        {
            throw new InvalidOperationException(
                "MapCustomerAnalytics needs the CustomerAnalytics services: call builder.Services.AddCustomerAnalytics(section) and builder.Services.AddCustomerAnalyticsEndpoints(section) before builder.Build().");
        }

        var failures = new List<OptionsValidationException>();
        var analytics = Value<CustomerAnalyticsOptions>(services, failures);
        var endpoints = given is null ? Value<CustomerAnalyticsEndpointOptions>(services, failures) : Checked(given, failures);
        if (failures.Count > 0)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }

        var strategies = services.GetRequiredService<ModelStore>().Strategies.Order(StringComparer.Ordinal).ToArray();
        if (!strategies.Contains(analytics!.Recommender.Strategy, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"Invalid {CustomerAnalyticsOptions.SectionName} settings: Recommender:Strategy must be one of the registered strategies {string.Join(", ", strategies)}, or another of the library's ({string.Join(", ", CustomerAnalyticsRecommenderOptions.BuiltInStrategies.Except(strategies))}) (was '{analytics.Recommender.Strategy}').");
        }

        if (endpoints!.EnableAdminReload && services.GetService<IOptions<AuthorizationOptions>>()?.Value.GetPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy) is null)
        {
            throw new InvalidOperationException(
                $"EnableAdminReload is on but no authorization policy named '{CustomerAnalyticsEndpointOptions.AdminPolicy}' is registered: add one (services.AddAuthorizationBuilder().AddPolicy(CustomerAnalyticsEndpointOptions.AdminPolicy, …)) or turn EnableAdminReload off.");
        }

        return (analytics, endpoints);
    }

    /// <summary>Settings given in code, checked as the registered ones are, each named by its property.</summary>
    private static CustomerAnalyticsEndpointOptions? Checked(CustomerAnalyticsEndpointOptions given, List<OptionsValidationException> failures)
    {
        var result = new EndpointOptionsValidator(string.Empty).Validate(Options.DefaultName, given);
        if (!result.Failed)
        {
            return given;
        }

        failures.Add(new OptionsValidationException(Options.DefaultName, typeof(CustomerAnalyticsEndpointOptions), result.Failures));
        return null;
    }

    private static T? Value<T>(IServiceProvider services, List<OptionsValidationException> failures)
        where T : class
    {
        try
        {
            return services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.Add(ex);
            return null;
        }
    }
}
