using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using CustomerAnalytics.Hosting;
using CustomerAnalytics.Hosting.Tests.Infrastructure;

namespace RecommendationService.Tests;

/// <summary>The service in memory, its data from <see cref="Source"/> (the seed sample unless a test switches it),
/// <c>POST /admin/reload</c> enabled with the key <see cref="ApiKey"/>.</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-admin-key";

    public TestSource Source { get; } = new();

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("CustomerAnalytics:EnableAdminReload", "true");
        builder.UseSetting("CustomerAnalytics:AdminApiKey", ApiKey);
        // The seed's five customers have no pair of products bought by three of them: co-occurrence tests need support 1.
        builder.UseSetting("CustomerAnalytics:Recommender:MinimumSupport", "1");
        builder.ConfigureTestServices(services => services.AddSingleton<IDatasetSource>(Source));
    }
}
