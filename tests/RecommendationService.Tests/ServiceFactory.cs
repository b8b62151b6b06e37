using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RecommendationService.Hosting;

namespace RecommendationService.Tests;

/// <summary>The service in memory, its data from <see cref="Source"/> (the seed sample unless a test switches it),
/// <c>POST /admin/reload</c> enabled with the key <see cref="ApiKey"/>.</summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-admin-key";

    public SwitchableSource Source { get; } = new();

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
        builder.ConfigureTestServices(services => services.AddSingleton<IDatasetSource>(Source));
    }

    /// <summary>A data source whose dataset a test can replace, and make fail.</summary>
    public sealed class SwitchableSource : IDatasetSource
    {
        private EnrichedDataset _dataset = Seed.Dataset();
        private string? _failure;
        private TaskCompletionSource? _gate;
        private int _loads;

        public string Description => "test data";

        public int Loads => Volatile.Read(ref _loads);

        /// <summary>Makes the next loads wait until the returned source is completed.</summary>
        public TaskCompletionSource Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Set(EnrichedDataset dataset, string? failure = null)
        {
            Volatile.Write(ref _dataset, dataset);
            Volatile.Write(ref _failure, failure);
        }

        public async Task<EnrichedDataset> LoadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _loads);
            if (Volatile.Read(ref _gate) is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return Volatile.Read(ref _failure) is { } failure
                ? throw new InvalidOperationException(failure)
                : Volatile.Read(ref _dataset);
        }
    }
}
