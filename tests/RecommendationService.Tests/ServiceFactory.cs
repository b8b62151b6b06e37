using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RecommendationService.Hosting;

namespace RecommendationService.Tests;

/// <summary>The service in memory, its data from <see cref="Source"/> (the seed sample unless a test switches it).</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public SwitchableSource Source { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<IDatasetSource>(Source));
    }

    /// <summary>A data source whose dataset a test can replace, and make fail.</summary>
    public sealed class SwitchableSource : IDatasetSource
    {
        private EnrichedDataset _dataset = Seed.Dataset();
        private string? _failure;

        public string Description => "test data";

        public int Loads { get; private set; }

        public void Set(EnrichedDataset dataset, string? failure = null)
        {
            Volatile.Write(ref _dataset, dataset);
            Volatile.Write(ref _failure, failure);
        }

        public Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken)
        {
            Loads++;
            return Volatile.Read(ref _failure) is { } failure
                ? Task.FromException<EnrichedDataset>(new InvalidOperationException(failure))
                : Task.FromResult(Volatile.Read(ref _dataset));
        }
    }
}
