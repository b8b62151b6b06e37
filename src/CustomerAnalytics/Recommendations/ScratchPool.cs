using System.Collections.Concurrent;
using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>Per-call scratch buffers of a thread-safe model, reused across calls and threads (never shared by two at once).</summary>
internal sealed class ScratchPool<T>(Func<T> create)
    where T : class
{
    private readonly ConcurrentBag<T> _pool = [];

    public T Rent() => _pool.TryTake(out var scratch) ? scratch : create();

    public void Return(T scratch) => _pool.Add(scratch);

    /// <summary>Runs <paramref name="run"/> with a rented buffer, returned afterwards.</summary>
    public TResult With<TResult>(Func<T, TResult> run)
    {
        var scratch = Rent();
        try
        {
            return run(scratch);
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>
    /// The lists of every customer of <paramref name="dataset"/> but the guest, in customer order: ranges of
    /// <paramref name="chunk"/> customers in parallel, each thread with its own rented buffer.
    /// </summary>
    public ImmutableArray<CustomerRecommendations> ForEveryCustomer(EnrichedDataset dataset, int chunk, ParallelOptions parallel, Func<int, T, ImmutableArray<Recommendation>> forCustomer)
    {
        var customers = dataset.CustomerTable;
        if (customers.Length == 0)
        {
            return [];
        }

        var result = new CustomerRecommendations[customers.Length];
        Parallel.ForEach(
            Partitioner.Create(0, customers.Length, chunk),
            parallel,
            Rent,
            (range, _, scratch) =>
            {
                for (var c = range.Item1; c < range.Item2; c++)
                {
                    result[c] = new CustomerRecommendations(customers[c].Id, forCustomer(c, scratch));
                }

                return scratch;
            },
            Return);
        return CandidateListModel.WithoutGuest(result, dataset);
    }
}
