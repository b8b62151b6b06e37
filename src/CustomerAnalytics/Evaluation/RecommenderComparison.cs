using System.Collections.Immutable;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Fits several strategies on one split's training data, recommends for every customer, and scores each against the
/// split's truth: a <see cref="ComparisonTable"/> of strategies × metrics, with fit and recommend-all times.
/// </summary>
/// <remarks>
/// <para>Every strategy answers for every customer of the training dataset (<see cref="IRecommenderModel.RecommendAll(RecommendationRequest?)"/>
/// with <see cref="ComparisonOptions.K"/> items); the ranking metrics count the customers in the truth (all of whom
/// have an entry), and the list metrics use the lists of those same customers, relative to the training purchases.</para>
/// <para>Times are measured with the given <see cref="TimeProvider"/>; they are the only figures that vary from run to
/// run.</para>
/// </remarks>
public static class RecommenderComparison
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="split">The split: train on <see cref="EvaluationSplit.Train"/>, score against its truth.</param>
    /// <param name="strategies">The strategies, in the order the table lists them.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ComparisonOptions.Default"/>.</param>
    /// <param name="timeProvider">The clock of the timings; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="split"/>, <paramref name="strategies"/> or one of them is <see langword="null"/>.</exception>
    /// <param name="cancellationToken">Checked between strategies and passed to each fit and batch of recommendations.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ComparisonTable Run(EvaluationSplit split, IEnumerable<IRecommender> strategies, ComparisonOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(strategies);
        options ??= ComparisonOptions.Default;
        options.Validate();
        timeProvider ??= TimeProvider.System;
        var recommenders = strategies.ToArray();
        foreach (var recommender in recommenders)
        {
            ArgumentNullException.ThrowIfNull(recommender, nameof(strategies));
        }

        var train = split.Train;
        var truth = options.Truth == TruthSet.NewProducts ? split.NewProductTruth : split.Truth;
        var metricsOptions = new RankingMetricsOptions { K = options.K, Discount = options.Discount };
        var request = RecommendationRequest.Default with { Count = options.K, ExcludePurchased = options.ExcludePurchased };

        // The training interactions, and which customers are evaluated, once for all strategies.
        var purchases = CustomerPurchases.Build(train, out _);
        var interactions = InteractionTable.FromCustomers(
            [.. Enumerable.Range(0, train.CustomerTable.Length).Select(c => purchases.Of(c).ToArray())],
            train.ProductTable.Length);
        var evaluated = new HashSet<string>(truth.Select(t => t.CustomerId), StringComparer.Ordinal);

        var results = ImmutableArray.CreateBuilder<StrategyResult>(recommenders.Length);
        foreach (var recommender in recommenders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = timeProvider.GetTimestamp();
            var model = recommender.Fit(train, cancellationToken);
            var fitTime = timeProvider.GetElapsedTime(start);
            start = timeProvider.GetTimestamp();
            var lists = model.RecommendAll(request, cancellationToken);
            var recommendTime = timeProvider.GetElapsedTime(start);

            var ranking = RankingEvaluator.EvaluateLists(truth, lists, metricsOptions);
            var indexed = new List<int[]>();
            foreach (var entry in lists)
            {
                if (evaluated.Contains(entry.CustomerId))
                {
                    indexed.Add(ProductIndexes(train, entry, options.K));
                }
            }

            var beyond = ListMetrics.Compute(interactions, indexed, train.ProductTable.Length);
            results.Add(new StrategyResult(recommender.Name, ranking, beyond, fitTime, recommendTime));
        }

        return new ComparisonTable
        {
            Split = split.Description,
            K = options.K,
            ExcludePurchased = options.ExcludePurchased,
            Truth = options.Truth,
            TrainRows = train.TransactionCount,
            TestRows = split.Test.TransactionCount,
            TruthPairs = truth.Length,
            Results = results.MoveToImmutable(),
        };
    }

    /// <summary>The first <paramref name="k"/> distinct products of a list, as training product indexes.</summary>
    private static int[] ProductIndexes(Enrichment.EnrichedDataset train, CustomerRecommendations entry, int k)
    {
        var result = new List<int>(k);
        foreach (var item in entry.Items)
        {
            if (result.Count == k)
            {
                break;
            }

            if (train.TryGetProductIndex(item.ProductId, out var p) && !result.Contains(p))
            {
                result.Add(p);
            }
        }

        return [.. result];
    }
}
