using System.Runtime.InteropServices;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Evaluation;

/// <summary>
/// Computes ranking metrics (<see cref="RankingMetrics"/>) and list metrics (<see cref="BeyondAccuracyMetrics"/>) the way
/// Microsoft Recommenders' <c>python_evaluation</c> does; <c>docs/evaluation.md</c> gives every formula.
/// </summary>
/// <remarks>
/// <para><b>Customers counted</b> are those present in both the truth and the predictions; the others are left out of
/// every mean. In the row form (<see cref="ScoredItem"/>) a customer is present when it has at least one row, exactly
/// as in Recommenders; in the list form (<see cref="CustomerRecommendations"/>) when it has an entry, even an empty one,
/// so that a strategy cannot raise its averages by answering nothing for the customers it finds hard.</para>
/// <para><b>Ranking:</b> rows are ranked per customer by score, highest first, ties in input order (lists keep their
/// order); a repeated (customer, product) counts once, at its best position. The truth is a set: a repeated pair counts
/// once. Relevance is binary.</para>
/// <para>Sums are added in a fixed order, so the same input gives the same figures to the last bit.</para>
/// </remarks>
public static class RankingEvaluator
{
    /// <summary>Customers per parallel work item.</summary>
    private const int Chunk = 8_192;

    /// <summary>Ranking metrics of scored prediction rows against the truth.</summary>
    /// <param name="truth">The relevant (customer, product) pairs.</param>
    /// <param name="predictions">The prediction rows, in any order.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="RankingMetricsOptions.Default"/>.</param>
    /// <returns>The metrics at <see cref="RankingMetricsOptions.K"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument, or an id in it, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public static RankingMetrics Evaluate(IEnumerable<RelevantItem> truth, IEnumerable<ScoredItem> predictions, RankingMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options ??= RankingMetricsOptions.Default;
        options.Validate();
        var index = TruthIndex.Build(truth);

        // Keep the rows of customers the truth knows, then group them by customer (a counting sort, stable).
        var customers = new GrowableArray<int>(0);
        var scores = new GrowableArray<double>(0);
        var products = new GrowableArray<string>(0);
        foreach (var row in predictions)
        {
            ArgumentNullException.ThrowIfNull(row.CustomerId, nameof(predictions));
            ArgumentNullException.ThrowIfNull(row.ProductId, nameof(predictions));
            if (index.Customers.TryGetIndex(row.CustomerId, out var customer))
            {
                customers.Add(customer);
                scores.Add(row.Score);
                products.Add(row.ProductId);
            }
        }

        var rowsOf = RowGroups.By(customers.AsSpan(), index.CustomerCount);
        var scoreOf = scores.ToTrimmedArray();
        var productOf = products.ToTrimmedArray();
        return Accumulate(index.CustomerCount, options, (first, end, accumulator) =>
        {
            var top = new int[options.K];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Comparison<int> byScore = (a, b) => scoreOf[b].CompareTo(scoreOf[a]) is var c && c != 0 ? c : a.CompareTo(b);
            for (var customer = first; customer < end; customer++)
            {
                var rows = rowsOf.MutableOf(customer);
                if (rows.IsEmpty)
                {
                    continue;
                }

                rows.Sort(byScore);
                seen.Clear();
                var n = 0;
                for (var i = 0; i < rows.Length && n < top.Length; i++)
                {
                    var product = productOf[rows[i]];
                    if (seen.Add(product))
                    {
                        top[n++] = index.Products.TryGetIndex(product, out var p) ? p : -1;
                    }
                }

                accumulator.Add(index.Of(customer), top.AsSpan(0, n));
            }
        });
    }

    /// <summary>Ranking metrics of recommendation lists (as <see cref="IRecommenderModel.RecommendAll(RecommendationRequest?)"/> returns them) against the truth.</summary>
    /// <param name="truth">The relevant (customer, product) pairs.</param>
    /// <param name="predictions">One entry per customer, items best first.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="RankingMetricsOptions.Default"/>.</param>
    /// <returns>The metrics at <see cref="RankingMetricsOptions.K"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument, an entry or an id in it is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid, or a customer has two entries.</exception>
    public static RankingMetrics EvaluateLists(IEnumerable<RelevantItem> truth, IEnumerable<CustomerRecommendations> predictions, RankingMetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        options ??= RankingMetricsOptions.Default;
        options.Validate();
        var index = TruthIndex.Build(truth);
        var listOf = new ImmutableArrayBox[index.CustomerCount];
        foreach (var entry in predictions)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(predictions));
            ArgumentNullException.ThrowIfNull(entry.CustomerId, nameof(predictions));
            if (!index.Customers.TryGetIndex(entry.CustomerId, out var customer))
            {
                continue;
            }

            if (listOf[customer].Present)
            {
                throw new ArgumentException($"Customer '{entry.CustomerId}' has more than one entry in the predictions.", nameof(predictions));
            }

            listOf[customer] = new ImmutableArrayBox(entry.Items.IsDefault ? [] : entry.Items);
        }

        return Accumulate(index.CustomerCount, options, (first, end, accumulator) =>
        {
            var top = new int[options.K];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var customer = first; customer < end; customer++)
            {
                if (!listOf[customer].Present)
                {
                    continue;
                }

                seen.Clear();
                var n = 0;
                foreach (var item in listOf[customer].Items)
                {
                    if (n == top.Length)
                    {
                        break;
                    }

                    ArgumentNullException.ThrowIfNull(item?.ProductId, nameof(predictions));
                    if (seen.Add(item.ProductId))
                    {
                        top[n++] = index.Products.TryGetIndex(item.ProductId, out var p) ? p : -1;
                    }
                }

                accumulator.Add(index.Of(customer), top.AsSpan(0, n));
            }
        });
    }

    /// <summary>
    /// Catalog coverage, distributional coverage, novelty and intra-list diversity of recommendation lists (their first
    /// <paramref name="k"/> items), relative to the training interactions.
    /// </summary>
    /// <param name="interactions">The training interactions: (customer, product) pairs; a repeated pair counts once.</param>
    /// <param name="recommendations">The lists, one entry per customer (every entry counts, whether or not the customer is in the truth).</param>
    /// <param name="k">How many items of each list count; must be positive.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException">An argument, an entry or an id in it is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    public static BeyondAccuracyMetrics EvaluateBeyondAccuracy(IEnumerable<RelevantItem> interactions, IEnumerable<CustomerRecommendations> recommendations, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var train = TruthIndex.Build(interactions);
        var productsOfCustomer = new int[train.CustomerCount][];
        for (var c = 0; c < productsOfCustomer.Length; c++)
        {
            productsOfCustomer[c] = train.Of(c).ToArray();
        }

        var trainProducts = train.Products.Count;
        var unknown = new Interner();
        var lists = new List<int[]>();
        var list = new List<int>(k);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in recommendations)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(recommendations));
            list.Clear();
            seen.Clear();
            foreach (var item in entry.Items.IsDefault ? [] : entry.Items)
            {
                if (list.Count == k)
                {
                    break;
                }

                ArgumentNullException.ThrowIfNull(item?.ProductId, nameof(recommendations));
                if (seen.Add(item.ProductId))
                {
                    list.Add(train.Products.TryGetIndex(item.ProductId, out var p) ? p : trainProducts + unknown.Intern(item.ProductId));
                }
            }

            lists.Add([.. list]);
        }

        return ListMetrics.Compute(InteractionTable.FromCustomers(productsOfCustomer, trainProducts), lists, trainProducts + unknown.Count);
    }

    /// <summary>Runs <paramref name="fill"/> over fixed chunks of customers in parallel and adds the chunks' sums in order.</summary>
    internal static RankingMetrics Accumulate(int customerCount, RankingMetricsOptions options, Action<int, int, RankingAccumulator> fill)
    {
        var chunks = Math.Max(1, (customerCount + Chunk - 1) / Chunk);
        var sums = new RankingAccumulator[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var accumulator = new RankingAccumulator(options.K, options.Discount);
            fill(chunk * Chunk, Math.Min(customerCount, (chunk + 1) * Chunk), accumulator);
            sums[chunk] = accumulator;
        });

        var total = new RankingAccumulator(options.K, options.Discount);
        foreach (var sum in sums)
        {
            total.Add(sum);
        }

        return total.ToMetrics();
    }

    /// <summary>A customer's list, and whether the customer had an entry at all.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly struct ImmutableArrayBox(System.Collections.Immutable.ImmutableArray<Recommendation> items)
    {
        public System.Collections.Immutable.ImmutableArray<Recommendation> Items { get; } = items;

        public bool Present => !Items.IsDefault;
    }
}
