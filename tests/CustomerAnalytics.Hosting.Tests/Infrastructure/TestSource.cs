using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Tests.Infrastructure;

namespace CustomerAnalytics.Hosting.Tests.Infrastructure;

/// <summary>A data source whose dataset a test can replace, make fail, and hold until released.</summary>
public sealed class TestSource : IDatasetSource
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
