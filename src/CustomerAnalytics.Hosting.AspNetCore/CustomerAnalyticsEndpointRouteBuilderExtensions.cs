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
    public static RouteGroupBuilder MapCustomerAnalytics(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var (analytics, settings) = MapSettings.Read(services);
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
