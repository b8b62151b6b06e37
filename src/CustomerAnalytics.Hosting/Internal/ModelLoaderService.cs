using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerAnalytics.Hosting.Internal;

/// <summary>
/// Loads the model before the host starts serving (a failed first load fails the start, with the load's message), then,
/// when <see cref="CustomerAnalyticsOptions.RefreshInterval"/> is set, reloads it on that schedule; a failed refresh keeps
/// the serving model (the store reports it) and the schedule goes on.
/// </summary>
internal sealed class ModelLoaderService(ModelStore store, IOptions<CustomerAnalyticsOptions> options, TimeProvider clock, ILogger<ModelLoaderService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _refreshing;
    private volatile bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.ReloadAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.RefreshInterval is { } interval)
        {
            HostingLog.Scheduled(logger, interval);
            _refreshing = RefreshAsync(interval, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return; // the host disposed the services before stopping them: the refresh was cancelled then
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_refreshing is { } refreshing)
        {
            await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RefreshAsync(TimeSpan interval, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await store.ReloadAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Logged, counted and shown in health by the store; the old model keeps serving until the next tick.
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
