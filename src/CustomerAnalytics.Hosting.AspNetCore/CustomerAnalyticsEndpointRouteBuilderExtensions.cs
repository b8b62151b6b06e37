using CustomerAnalytics.Hosting.AspNetCore;
using CustomerAnalytics.Hosting.AspNetCore.Internal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the CustomerAnalytics HTTP endpoints.</summary>
public static class CustomerAnalyticsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>GET /customers/{id}/recommendations</c> (<c>count</c>,
    /// <c>strategy</c>, <c>excludePurchased</c>), <c>GET /products/{id}/related</c> (<c>count</c>),
    /// <c>GET /kpis/summary</c>, <c>GET /health</c> and, only when
    /// <see cref="CustomerAnalyticsEndpointOptions.EnableAdminReload"/> is on, <c>POST /admin/reload</c>, which requires
    /// the <see cref="CustomerAnalyticsEndpointOptions.AdminPolicy"/> authorization policy the host registers.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix of every endpoint (<c>/analytics</c>), or empty for none.</param>
    /// <returns>The route group of the endpoints: add conventions to all of them, e.g. <c>.RequireAuthorization()</c>.</returns>
    /// <exception cref="InvalidOperationException"><c>AddCustomerAnalytics</c> or <c>AddCustomerAnalyticsEndpoints</c>
    /// was not called, the default strategy is not registered, or the admin reload is enabled without its policy.</exception>
    /// <exception cref="OptionsValidationException">A setting is invalid (all of them listed, with an
    /// <see cref="AggregateException"/> when both the package's and the endpoints' settings are).</exception>
#pragma warning disable RS0027 // The overloads taking settings in code are additions; the prefix-only call stays as hosts write it.
    public static RouteGroupBuilder MapCustomerAnalytics(this IEndpointRouteBuilder endpoints, string prefix = "") => Map(endpoints, prefix, null);
#pragma warning restore RS0027

    /// <summary>
    /// Maps the endpoints as <see cref="MapCustomerAnalytics(IEndpointRouteBuilder, string)"/> does, with settings given
    /// in code instead of the ones <c>AddCustomerAnalyticsEndpoints</c> bound (which still registers the KPI cache,
    /// health check and problem details): <c>app.MapCustomerAnalytics(new CustomerAnalyticsEndpointOptions { MaxCount = 50 })</c>.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="options">The endpoints' settings, checked here; a bad one is named by its property.</param>
    /// <returns>The route group of the endpoints.</returns>
    /// <exception cref="InvalidOperationException">As <see cref="MapCustomerAnalytics(IEndpointRouteBuilder, string)"/>.</exception>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> or the package's settings are invalid.</exception>
    public static RouteGroupBuilder MapCustomerAnalytics(this IEndpointRouteBuilder endpoints, CustomerAnalyticsEndpointOptions options) =>
        MapCustomerAnalytics(endpoints, string.Empty, options);

    /// <summary>Maps the endpoints under <paramref name="prefix"/> with settings given in code (see
    /// <see cref="MapCustomerAnalytics(IEndpointRouteBuilder, CustomerAnalyticsEndpointOptions)"/>).</summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="prefix">The route prefix of every endpoint (<c>/analytics</c>), or empty for none.</param>
    /// <param name="options">The endpoints' settings, checked here; a bad one is named by its property.</param>
    /// <returns>The route group of the endpoints.</returns>
    /// <exception cref="InvalidOperationException">As <see cref="MapCustomerAnalytics(IEndpointRouteBuilder, string)"/>.</exception>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> or the package's settings are invalid.</exception>
    public static RouteGroupBuilder MapCustomerAnalytics(this IEndpointRouteBuilder endpoints, string prefix, CustomerAnalyticsEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Map(endpoints, prefix, options);
    }

    private static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix, CustomerAnalyticsEndpointOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var (analytics, settings) = MapSettings.Read(services, options);
        var json = EndpointJson.From(services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var queries = new QueryEndpoints(settings, analytics.Recommender.Strategy, json);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/customers/{id}/recommendations", queries.Recommend).WithName("Recommend");
        group.MapGet("/products/{id}/related", queries.Related).WithName("RelatedProducts");
        group.MapGet("/kpis/summary", queries.Summary).WithName("KpiSummary");
        group.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = new HealthWriter(json).WriteAsync });
        if (settings.EnableAdminReload)
        {
            group.MapPost("/admin/reload", new ReloadEndpoint(json).ReloadAsync).WithName("Reload").RequireAuthorization(CustomerAnalyticsEndpointOptions.AdminPolicy);
        }

        return group;
    }
}
