using CustomerAnalytics.Hosting;
using RecommendationService.Security;

namespace RecommendationService;

/// <summary>Builds the service's application; <c>Program</c> runs it, and the load test hosts it in-process.</summary>
public static class ServiceApp
{
    /// <summary>Creates the application: configuration from the usual sources and <paramref name="args"/>, the
    /// packages' services and endpoints from the <c>CustomerAnalytics</c> section, the admin API-key scheme and
    /// problem details for errors.</summary>
    /// <param name="args">The command-line arguments (configuration overrides such as <c>--CustomerAnalytics:DataDirectory=…</c>).</param>
    /// <param name="configure">Changes to the builder before it builds (for example another <see cref="IDatasetSource"/>), or <see langword="null"/>.</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var section = builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName);
        builder.Services.AddCustomerAnalytics(section);
        builder.Services.AddCustomerAnalyticsEndpoints(section);
        builder.Services.AddAdminApiKey(section);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCustomerAnalytics();
        return app;
    }
}
