using CustomerAnalytics.Recommendations;
using Microsoft.Extensions.Options;

namespace RecommendationService.Hosting;

/// <summary>
/// Holds the current <see cref="ModelSnapshot"/> and replaces it atomically: a reload loads and fits a whole new
/// snapshot beside the serving one, then publishes it with one reference write. Requests that started on the old
/// snapshot finish on it; a failed reload leaves the old one serving. Reloads run one at a time.
/// </summary>
internal sealed partial class ModelStore(
    IDatasetSource source, IEnumerable<IRecommender> recommenders, IOptions<RecommendationServiceOptions> options, TimeProvider clock, ILogger<ModelStore> logger) : IDisposable
{
    private readonly IRecommender[] _recommenders = [.. recommenders];
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private ModelSnapshot? _current;
    private string? _lastError;

    /// <summary>The serving snapshot, or <see langword="null"/> before the first load completed.</summary>
    public ModelSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>The message of the last failed load, or <see langword="null"/> when the last load succeeded.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Loads the data, fits every strategy and publishes the new snapshot.</summary>
    /// <returns>The new snapshot.</returns>
    public async Task<ModelSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = clock.GetTimestamp();
            try
            {
                var (dataset, account) = await source.LoadWithAccountAsync(cancellationToken).ConfigureAwait(false);
                var version = (Current?.Version ?? 0) + 1;
                var snapshot = await Task.Run(() => ModelSnapshot.Create(version, clock.GetUtcNow(), source.Description, dataset, account, _recommenders), cancellationToken).ConfigureAwait(false);
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
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Volatile.Write(ref _lastError, ex.Message);
                LogFailed(logger, ex, Current?.Version ?? 0);
                throw;
            }
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose() => _reloading.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Model version {Version} serving: {Transactions} transactions, {Customers} customers, {Products} products, loaded and fitted in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, long version, int transactions, int customers, int products, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; version {Version} keeps serving (0: none)")]
    private static partial void LogFailed(ILogger logger, Exception exception, long version);
}
