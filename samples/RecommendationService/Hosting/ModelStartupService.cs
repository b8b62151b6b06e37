namespace RecommendationService.Hosting;

/// <summary>Fits the model before the server starts listening, so the first request is served from a fitted model.</summary>
internal sealed class ModelStartupService(ModelStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
