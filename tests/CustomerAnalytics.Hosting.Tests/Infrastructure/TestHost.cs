using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;
using CustomerAnalytics.Recommendations;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CustomerAnalytics.Hosting.Tests.Infrastructure;

/// <summary>A generic host with CustomerAnalytics registered from in-memory configuration, a <see cref="TestSource"/>
/// unless <c>files</c>, a <see cref="CountingRecommender"/>, the health check and a fake clock.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private TestHost(IHost host, TestSource source, CountingRecommender counting, FakeTimeProvider clock)
    {
        Host = host;
        Source = source;
        Counting = counting;
        Clock = clock;
    }

    public IHost Host { get; }

    public TestSource Source { get; }

    public CountingRecommender Counting { get; }

    public FakeTimeProvider Clock { get; }

    public ModelStore Store => Host.Services.GetRequiredService<ModelStore>();

    /// <summary>Builds the host (not started).</summary>
    public static TestHost Create(IEnumerable<KeyValuePair<string, string?>>? settings = null, bool files = false, Action<IServiceCollection>? services = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing", ContentRootPath = TestPaths.RepositoryRoot });
        // The seed's five customers have no pair of products bought by three of them: co-occurrence tests need support 1.
        builder.Configuration.AddInMemoryCollection([new("CustomerAnalytics:Recommender:MinimumSupport", "1")]);
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        var source = new TestSource();
        var counting = new CountingRecommender();
        var clock = new FakeTimeProvider(Start);
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (!files)
        {
            builder.Services.AddSingleton<IDatasetSource>(source);
        }

        builder.Services.AddSingleton<IRecommender>(counting);
        builder.Services.AddCustomerAnalytics(builder.Configuration.GetSection(CustomerAnalyticsOptions.SectionName));
        builder.Services.AddHealthChecks().AddCustomerAnalyticsHealthCheck();
        services?.Invoke(builder.Services);
        return new TestHost(builder.Build(), source, counting, clock);
    }

    /// <summary>Builds and starts the host.</summary>
    public static async Task<TestHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null, bool files = false)
    {
        var host = Create(settings, files);
        await host.Host.StartAsync();
        return host;
    }

    public async Task<HealthReportEntry> HealthAsync() =>
        (await Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[CustomerAnalyticsHealthChecksBuilderExtensions.DefaultName];

    /// <summary>The seed with product P500, bought once by C003: 8 transactions, 5 products.</summary>
    public static EnrichedDataset SeedWithNewProduct() =>
        new EnrichedDatasetBuilder()
            .AddCustomers(Seed.Customers)
            .AddProducts([.. Seed.Products, new Product("P500", "Hardware", 99.00m)])
            .AddTransactions([.. Seed.Transactions, new Transaction("8", "C003", "P500", 1, Seed.At("2024-03-07T09:00:00Z"))])
            .Build();

    /// <summary>Waits (at most 10 s) until <paramref name="condition"/> holds.</summary>
    public static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
