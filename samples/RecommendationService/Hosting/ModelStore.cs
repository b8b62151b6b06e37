using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Options;

namespace RecommendationService.Hosting;

/// <summary>
/// Holds the current <see cref="ModelSnapshot"/> and replaces it atomically: a reload loads and fits a whole new
/// snapshot beside the serving one, then publishes it with one reference write. Requests that started on the old
/// snapshot finish on it; a failed reload leaves the old one serving. Reloads run one at a time.
/// </summary>
internal sealed partial class ModelStore(
    IDatasetSource source, IEnumerable<IRecommender> recommenders, IOptions<RecommendationServiceOptions> options, TimeProvider clock, ILogger<ModelStore> logger)
{
    private readonly IRecommender[] _recommenders = [.. recommenders];
    private readonly Lock _gate = new();
    private Task<ModelSnapshot>? _running;
    private int _joined;
    private ModelSnapshot? _current;
    private string? _lastError;

    /// <summary>The serving snapshot, or <see langword="null"/> before the first load completed.</summary>
    public ModelSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>The message of the last failed load, or <see langword="null"/> when the last load succeeded.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>How many callers have joined a reload that was already running (all of them got its result).</summary>
    internal int Joined => Volatile.Read(ref _joined);

    /// <summary>
    /// Loads the data, fits every strategy and publishes the new snapshot. Requests that arrive while a reload runs
    /// wait for that same reload and get its result (or its failure) instead of starting another.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the reload itself runs on for the others.</param>
    /// <returns>The new snapshot.</returns>
    public Task<ModelSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        Task<ModelSnapshot> running;
        lock (_gate)
        {
            if (_running is { IsCompleted: false } current)
            {
                running = current;
                Interlocked.Increment(ref _joined);
            }
            else
            {
                running = _running = Task.Run(() => LoadAndPublishAsync(), CancellationToken.None);
            }
        }

        return running.WaitAsync(cancellationToken);
    }

    private async Task<ModelSnapshot> LoadAndPublishAsync()
    {
        var started = clock.GetTimestamp();
        try
        {
            var (dataset, account) = await source.LoadWithAccountAsync(CancellationToken.None).ConfigureAwait(false);
            var version = (Current?.Version ?? 0) + 1;
            var snapshot = ModelSnapshot.Create(version, clock.GetUtcNow(), source.Description, dataset, account, _recommenders);
            if (!snapshot.Models.ContainsKey(options.Value.DefaultStrategy))
            {
                throw new InvalidOperationException(
                    $"The default strategy '{options.Value.DefaultStrategy}' is not registered; registered: {string.Join(", ", snapshot.Models.Keys.Order(StringComparer.Ordinal))}.");
            }

            Volatile.Write(ref _current, snapshot);
            Volatile.Write(ref _lastError, null);
            var milliseconds = clock.GetElapsedTime(started).TotalMilliseconds;
            LogLoaded(logger, version, dataset.TransactionCount, dataset.Customers.Count, dataset.Products.Count, milliseconds);
            return snapshot;
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _lastError, ex.Message);
            LogFailed(logger, ex, Current?.Version ?? 0);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model version {Version} serving: {Transactions} transactions, {Customers} customers, {Products} products, loaded and fitted in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, long version, int transactions, int customers, int products, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; version {Version} keeps serving (0: none)")]
    private static partial void LogFailed(ILogger logger, Exception exception, long version);
}
