using CustomerAnalytics.Hosting.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAnalytics.Hosting.AspNetCore.Tests;

/// <summary>A minimal web app over the package in a <see cref="TestServer"/>: data from <see cref="Source"/> (the seed
/// unless a test sets it), the clock at <see cref="FittedAt"/>, co-occurrence at support 1 (the seed is small).</summary>
public sealed class EndpointHost : IAsyncDisposable
{
    public static readonly DateTimeOffset FittedAt = new(2024, 3, 1, 11, 0, 0, 500, TimeSpan.Zero);

    private readonly WebApplication _app;

    private EndpointHost(WebApplication app, TestSource source)
    {
        _app = app;
        Source = source;
        Client = app.GetTestClient();
    }

    public TestSource Source { get; }

    public HttpClient Client { get; }

    /// <summary>Builds and starts the app.</summary>
    /// <param name="settings">More <c>CustomerAnalytics:…</c> settings.</param>
    /// <param name="services">Changes to the services (authentication, …).</param>
    /// <param name="map">Maps the endpoints (default <c>app.MapCustomerAnalytics()</c>).</param>
    /// <param name="source">The data, or the seed.</param>
    public static async Task<EndpointHost> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        Func<WebApplication, IEndpointConventionBuilder>? map = null,
        TestSource? source = null)
    {
        var app = Build(settings, services, source ??= new TestSource());
        var group = (map ?? (a => a.MapCustomerAnalytics()))(app);
        Assert.NotNull(group);
        await app.StartAsync();
        return new EndpointHost(app, source);
    }

    /// <summary>The app before its endpoints are mapped.</summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>>? settings, Action<IServiceCollection>? services, TestSource source, bool endpoints = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([new("CustomerAnalytics:Recommender:MinimumSupport", "1"), .. settings ?? []]);
        builder.Services.AddSingleton<IDatasetSource>(source);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(FittedAt));
        var section = builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName);
        builder.Services.AddCustomerAnalytics(section);
        if (endpoints)
        {
            builder.Services.AddCustomerAnalyticsEndpoints(section);
        }

        builder.Services.AddAuthentication(DenyAll.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DenyAll>(DenyAll.SchemeName, null);
        builder.Services.AddAuthorization();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
