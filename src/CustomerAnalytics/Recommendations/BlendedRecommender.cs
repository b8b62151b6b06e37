using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A weighted blend of strategies: per request, each strategy's scores are min-max normalised to [0, 1] and the
/// products ranked by the weighted mean of their normalised scores.
/// </summary>
/// <remarks>
/// <para><b>Candidates:</b> each strategy is asked, with the caller's request, for <see cref="CandidateFactor"/> ×
/// <see cref="RecommendationRequest.Count"/> items; the blend ranks the union of their answers.</para>
/// <para><b>Score:</b> Σ wᵢ · nᵢ ÷ Σ wᵢ over all strategies, where nᵢ = (sᵢ − minᵢ) ÷ (maxᵢ − minᵢ) over strategy i's
/// answer for this request (1 when all its scores are equal, 0 when the product is not in its answer). So a score
/// lies in [0, 1]. Ties are broken by product id (ordinal).</para>
/// <para><b>Reason:</b> the reason of the strategy that contributed most to the product's score (the earlier
/// strategy on a tie).</para>
/// <para>Unknown customers get the blend of the strategies' own fallbacks. The fitted model is immutable and
/// thread-safe when its parts are.</para>
/// </remarks>
public sealed class BlendedRecommender : IRecommender
{
    /// <summary>How many candidates each strategy is asked for, as a multiple of the requested count.</summary>
    public const int CandidateFactor = 3;

    /// <summary>Creates the blend.</summary>
    /// <param name="components">The strategies and their weights.</param>
    /// <exception cref="ArgumentNullException"><paramref name="components"/>, one of them or its recommender is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="components"/> is empty or a weight is not finite and positive (every error listed).</exception>
    public BlendedRecommender(params WeightedRecommender[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var errors = new List<string>();
        if (components.Length == 0)
        {
            errors.Add("A blend needs at least one recommender.");
        }

        for (var i = 0; i < components.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(components[i], nameof(components));
            ArgumentNullException.ThrowIfNull(components[i].Recommender, nameof(components));
            if (!double.IsFinite(components[i].Weight) || components[i].Weight <= 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"The weight of component {i} ({components[i].Recommender.Name}) must be finite and positive (was {components[i].Weight})."));
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid blend: " + string.Join(" ", errors), nameof(components));
        }

        Components = [.. components];
        Name = "blended(" + string.Join(", ", components.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Recommender.Name}:{c.Weight}"))) + ")";
    }

    /// <summary>The strategies and their weights.</summary>
    public ImmutableArray<WeightedRecommender> Components { get; }

    /// <inheritdoc/>
    /// <value><c>blended(</c> name<c>:</c>weight, … <c>)</c>, as in <c>blended(popularity:1, segment-affinity:2)</c>.</value>
    public string Name { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    /// <summary>Fits every component in order, checking <paramref name="cancellationToken"/> before each and passing it
    /// into each one's fit.</summary>
    /// <param name="dataset">The data to learn from.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted blend: immutable and thread-safe when its parts are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken) =>
        new Model(Name, PartFits.FitEach([.. Components.Select(c => c.Recommender)], dataset, cancellationToken), [.. Components.Select(c => c.Weight)]);

    /// <summary>The fitted blend (internal so that saved models can read and rebuild it).</summary>
    internal sealed class Model(string name, ImmutableArray<IRecommenderModel> models, ImmutableArray<double> weights) : IRecommenderModel
    {
        private readonly double _totalWeight = weights.Sum();

        public string StrategyName => name;

        /// <summary>The components' models, in order.</summary>
        internal ImmutableArray<IRecommenderModel> Parts => models;

        /// <summary>The components' weights, matching <see cref="Parts"/>.</summary>
        internal ImmutableArray<double> Weights => weights;

        public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
        {
            ArgumentNullException.ThrowIfNull(customerId);
            request ??= RecommendationRequest.Default;
            request.Validate();
            if (request.Count == 0)
            {
                return [];
            }

            var deeper = Deeper(request);
            return Blend(models.Select(m => m.Recommend(customerId, deeper)).ToArray(), request.Count);
        }

        public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) => RecommendAll(request, CancellationToken.None);

        /// <summary>Every component's batch (each given the token), blended customer by customer, checking the token
        /// before each customer.</summary>
        public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
        {
            request ??= RecommendationRequest.Default;
            request.Validate();
            var deeper = Deeper(request);
            var answers = models.Select(m => m.RecommendAll(deeper, cancellationToken)).ToArray();
            var result = new CustomerRecommendations[answers[0].Length];
            if (answers[0].Length == 0)
            {
                return [];
            }

            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, result.Length, 4_096), new ParallelOptions { CancellationToken = cancellationToken }, range =>
            {
                // The blend depends only on the components' answers, and baseline models hand the same answer array
                // to many customers: blend each distinct combination of answer arrays once.
                var blends = new Dictionary<AnswerKey, ImmutableArray<Recommendation>>();
                var scratch = new Scratch();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var customerId = answers[0][i].CustomerId;
                    var lists = new ImmutableArray<Recommendation>[answers.Length];
                    for (var m = 0; m < answers.Length; m++)
                    {
                        // Models fitted on one dataset list its customers in one order; check rather than assume.
                        lists[m] = answers[m][i].CustomerId == customerId ? answers[m][i].Items : models[m].Recommend(customerId, deeper);
                    }

                    var key = new AnswerKey(lists);
                    if (!blends.TryGetValue(key, out var items))
                    {
                        items = request.Count == 0 ? [] : Blend(lists, request.Count, scratch);
                        blends.Add(key, items);
                    }

                    result[i] = new CustomerRecommendations(customerId, items);
                }
            });
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }

        private static RecommendationRequest Deeper(RecommendationRequest request) =>
            request with { Count = (int)Math.Min(int.MaxValue, (long)request.Count * CandidateFactor) };

        private ImmutableArray<Recommendation> Blend(ImmutableArray<Recommendation>[] lists, int count, Scratch? scratch = null)
        {
            scratch ??= new Scratch();
            var index = scratch.Index;
            index.Clear();
            var total = 0;
            foreach (var list in lists)
            {
                total += list.IsDefault ? 0 : list.Length;
            }

            if (scratch.Entries.Length < total)
            {
                scratch.Entries = new Entry[total];
            }

            var entries = scratch.Entries;
            var n = 0;
            for (var m = 0; m < lists.Length; m++)
            {
                var list = lists[m];
                if (list.IsDefaultOrEmpty)
                {
                    continue;
                }

                var min = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                foreach (var item in list)
                {
                    min = Math.Min(min, item.Score);
                    max = Math.Max(max, item.Score);
                }

                foreach (var item in list)
                {
                    var normalised = max > min ? (item.Score - min) / (max - min) : 1.0;
                    var contribution = weights[m] * normalised;
                    if (!index.TryGetValue(item.ProductId, out var e))
                    {
                        index.Add(item.ProductId, n);
                        entries[n++] = new Entry(item.ProductId, contribution, contribution, item.Reason);
                    }
                    else
                    {
                        ref var entry = ref entries[e];
                        entry.Sum += contribution;
                        if (contribution > entry.BestContribution)
                        {
                            entry.BestContribution = contribution;
                            entry.Reason = item.Reason;
                        }
                    }
                }
            }

            // The best `count` by a partial selection sort: count is small next to the candidates.
            var items = new Recommendation[Math.Min(count, n)];
            for (var i = 0; i < items.Length; i++)
            {
                var best = i;
                for (var j = i + 1; j < n; j++)
                {
                    if (IsBetter(entries[j], entries[best]))
                    {
                        best = j;
                    }
                }

                (entries[i], entries[best]) = (entries[best], entries[i]);
                items[i] = new Recommendation(entries[i].ProductId, i + 1, entries[i].Sum / _totalWeight, entries[i].Reason);
            }

            Array.Clear(entries, 0, n);
            return ImmutableCollectionsMarshal.AsImmutableArray(items);

            static bool IsBetter(in Entry a, in Entry b) =>
                a.Sum > b.Sum || (a.Sum == b.Sum && string.CompareOrdinal(a.ProductId, b.ProductId) < 0);
        }

        /// <summary>Buffers one thread reuses from blend to blend.</summary>
        private sealed class Scratch
        {
            public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);

            public Entry[] Entries { get; set; } = [];
        }

        /// <summary>A product's running blend: Σ contributions (then the score), and the reason of the largest contribution.</summary>
        private struct Entry(string productId, double sum, double bestContribution, string reason)
        {
            public readonly string ProductId = productId;
            public double Sum = sum;
            public double BestContribution = bestContribution;
            public string Reason = reason;
        }

        /// <summary>The components' answers for one customer, compared by the identity of their arrays.</summary>
        private readonly struct AnswerKey(ImmutableArray<Recommendation>[] lists) : IEquatable<AnswerKey>
        {
            public bool Equals(AnswerKey other)
            {
                for (var m = 0; m < lists.Length; m++)
                {
                    if (!ReferenceEquals(ImmutableCollectionsMarshal.AsArray(lists[m]), ImmutableCollectionsMarshal.AsArray(other.Lists[m])))
                    {
                        return false;
                    }
                }

                return true;
            }

            public override bool Equals(object? obj) => obj is AnswerKey other && Equals(other);

            public override int GetHashCode()
            {
                var hash = default(HashCode);
                foreach (var list in lists)
                {
                    hash.Add(RuntimeHelpers.GetHashCode(ImmutableCollectionsMarshal.AsArray(list)));
                }

                return hash.ToHashCode();
            }

            private ImmutableArray<Recommendation>[] Lists => lists;
        }
    }
}
