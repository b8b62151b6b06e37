using System.Diagnostics;
using CustomerAnalytics.Hosting.Internal;
using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Logging;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// Holds the serving <see cref="ModelSnapshot"/> and replaces it atomically: a reload loads the dataset from the
/// <see cref="IDatasetSource"/> and fits every registered <see cref="IRecommender"/> beside the serving snapshot, then
/// publishes the new one with one reference write. Requests that started on the old snapshot finish on it; a failed
/// reload leaves the old one serving and is reported by <see cref="LastError"/> (and the health check). Reloads run one
/// at a time: a request that arrives while one runs joins it.
/// </summary>
/// <remarks>Registered as a singleton by <c>AddCustomerAnalytics</c>, which also loads it before the host starts
/// and, when <see cref="CustomerAnalyticsOptions.RefreshInterval"/> is set, reloads it on that schedule.</remarks>
public sealed class ModelStore : IDisposable
{
    private readonly IDatasetSource _source;
    private readonly IRecommender[] _recommenders;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly HostingTelemetry _telemetry;
    private readonly SavedModelLoader? _saved;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private Task<ModelSnapshot>? _running;
    private long _coalesced;
    private ModelSnapshot? _current;
    private Failure? _failure;

    internal ModelStore(IDatasetSource source, IEnumerable<IRecommender> recommenders, TimeProvider clock, ILogger<ModelStore> logger, HostingTelemetry telemetry, SavedModelLoader? saved = null)
    {
        _saved = saved;
        _source = source;
        _recommenders = [.. recommenders];
        _clock = clock;
        _logger = logger;
        _telemetry = telemetry;
    }

    /// <summary>The names of the strategies every load fits, in the order they are fitted (a saved model's strategy is
    /// served from its file instead; see <see cref="CustomerAnalyticsOptions.SavedModelPath"/>).</summary>
    public IReadOnlyList<string> Strategies => Array.AsReadOnly(Array.ConvertAll(_recommenders, r => r.Name));

    /// <summary>The serving snapshot, or <see langword="null"/> before the first load succeeded.</summary>
    public ModelSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>The message of the last failed load or fit, or <see langword="null"/> when the last one succeeded.
    /// File names only unless <see cref="CustomerAnalyticsDiagnosticsOptions.IncludeDetails"/> is on (for the file source).</summary>
    public string? LastError => Volatile.Read(ref _failure)?.Message;

    /// <summary>When the last failed load or fit failed (UTC), or <see langword="null"/> when the last one succeeded.</summary>
    public DateTimeOffset? LastErrorAt => Volatile.Read(ref _failure)?.At;

    /// <summary>How many <see cref="ReloadAsync"/> calls joined a reload that was already running (each got its result).</summary>
    public long CoalescedReloads => Interlocked.Read(ref _coalesced);

    /// <summary>
    /// Loads the data, fits every strategy and publishes the new snapshot. Calls that arrive while a reload runs wait
    /// for that same reload and get its result (or its failure) instead of starting another.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the reload itself runs on for the others.</param>
    /// <returns>The new snapshot.</returns>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <remarks>A failed reload's exception reaches every caller that waited for it; <see cref="Current"/> keeps the snapshot that served before.</remarks>
    public Task<ModelSnapshot> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        Task<ModelSnapshot> running;
        lock (_gate)
        {
            if (_running is { IsCompleted: false } current)
            {
                running = current;
                Interlocked.Increment(ref _coalesced);
                _telemetry.ReloadsCoalesced.Add(1);
                HostingLog.Joined(_logger);
            }
            else
            {
                running = _running = Task.Run(LoadAndPublishAsync, CancellationToken.None);
            }
        }

        return running.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels a running load (its callers get an <see cref="OperationCanceledException"/>).</summary>
    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _stopping.Dispose();
    }

    private async Task<ModelSnapshot> LoadAndPublishAsync()
    {
        using var activity = _telemetry.Activities.StartActivity("CustomerAnalytics.Reload");
        try
        {
            var started = _clock.GetTimestamp();
            DatasetLoad load;
            using (var loading = _telemetry.Activities.StartActivity("CustomerAnalytics.Load"))
            {
                load = await _source.LoadWithAccountAsync(_stopping.Token).ConfigureAwait(false);
                loading?.SetTag("customer_analytics.transactions", load.Dataset.TransactionCount);
            }

            var loaded = _clock.GetElapsedTime(started);
            _telemetry.LoadDuration.Record(loaded.TotalSeconds);
            var saved = _saved?.Load(_logger, _clock);
            var (models, related) = ModelFitter.Fit(load.Dataset, _recommenders, _clock, _logger, _telemetry, saved, _stopping.Token);
            var fitted = _clock.GetElapsedTime(started) - loaded;
            var version = (Current?.Version ?? 0) + 1;
            var snapshot = new ModelSnapshot(version, _clock.GetUtcNow(), _source.Description, load, models, related);
            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _failure, null);
            _telemetry.RowsLoaded.Add(load.Dataset.TransactionCount);
            activity?.SetTag("customer_analytics.model_version", version);
            HostingLog.Loaded(_logger, version, load.Dataset.TransactionCount, load.Dataset.Customers.Count, load.Dataset.Products.Count, snapshot.Source, loaded.TotalMilliseconds, fitted.TotalMilliseconds);
            return snapshot;
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _failure, new Failure(ex.Message, _clock.GetUtcNow()));
            _telemetry.ReloadFailures.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            HostingLog.Failed(_logger, ex, Current?.Version ?? 0);
            throw;
        }
    }

    private sealed record Failure(string Message, DateTimeOffset At);
}
