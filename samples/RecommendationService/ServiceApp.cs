using CustomerAnalytics.Hosting;
using RecommendationService.Api;
using RecommendationService.Security;

namespace RecommendationService;

/// <summary>Builds the service's application; <c>Program</c> runs it, and the load test hosts it in-process.</summary>
public static class ServiceApp
{
    /// <summary>Creates the application: configuration from the usual sources and <paramref name="args"/>, the
    /// <c>CustomerAnalytics</c> services, the admin API-key scheme, problem details for errors, and the endpoints.</summary>
    /// <param name="args">The command-line arguments (configuration overrides such as <c>--CustomerAnalytics:DataDirectory=…</c>).</param>
    /// <param name="configure">Changes to the builder before it builds (for example another <see cref="IDatasetSource"/>), or <see langword="null"/>.</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRecommendationService(builder.Configuration);
        builder.Services.AddAdminApiKey();
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
