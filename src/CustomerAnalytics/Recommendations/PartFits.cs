using System.Collections.Immutable;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>Fits the parts of a composite strategy (a fallback chain, a blend) one after another, checking the token
/// before each part and passing it into each part's own fit.</summary>
internal static class PartFits
{
    public static ImmutableArray<IRecommenderModel> FitEach(IReadOnlyList<IRecommender> parts, EnrichedDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var models = ImmutableArray.CreateBuilder<IRecommenderModel>(parts.Count);
        foreach (var part in parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            models.Add(part.Fit(dataset, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return models.MoveToImmutable();
    }

    /// <summary>Runs <paramref name="body"/> for every index below <paramref name="count"/> on every core, in ranges of
    /// 4,096, checking the token before each index; a cancellation surfaces as one <see cref="OperationCanceledException"/>.</summary>
    public static void ForEachCustomer(int count, Action<int> body, CancellationToken cancellationToken) =>
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, count, 4_096),
            new ParallelOptions { CancellationToken = cancellationToken },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    body(i);
                }
            });
}
