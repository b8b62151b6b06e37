using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// A chain of strategies: each customer's list is filled from the first strategy's model, and whatever it cannot
/// fill comes from the next, and so on, skipping products already listed. For example a co-occurrence model that
/// knows little about new customers, backed by segment affinity, backed by popularity.
/// </summary>
/// <remarks>
/// <para>Each item keeps the score and reason of the model that supplied it, so scores of one list may be on
/// different scales; ranks are renumbered 1, 2, …. A later model is asked only for the missing number of items,
/// with the products already listed added to <see cref="RecommendationRequest.DeniedProductIds"/>; a product a
/// later model lists anyway is skipped. The request's other options reach every model unchanged.</para>
/// <para>The fitted model is immutable and thread-safe when its parts are.</para>
/// </remarks>
public sealed class FallbackRecommender : IRecommender
{
    /// <summary>Creates the chain.</summary>
    /// <param name="recommenders">The strategies, in the order they are asked.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recommenders"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="recommenders"/> is empty.</exception>
    public FallbackRecommender(params IRecommender[] recommenders)
    {
        ArgumentNullException.ThrowIfNull(recommenders);
        if (recommenders.Length == 0)
        {
            throw new ArgumentException("A fallback chain needs at least one recommender.", nameof(recommenders));
        }

        foreach (var recommender in recommenders)
        {
            ArgumentNullException.ThrowIfNull(recommender, nameof(recommenders));
        }

        Recommenders = [.. recommenders];
        Name = "fallback(" + string.Join(", ", recommenders.Select(r => r.Name)) + ")";
    }

    /// <summary>The strategies, in the order they are asked.</summary>
    public ImmutableArray<IRecommender> Recommenders { get; }

    /// <inheritdoc/>
    /// <value><c>fallback(</c> the strategies' names, comma separated <c>)</c>, as in <c>fallback(segment-affinity, popularity)</c>.</value>
    public string Name { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    /// <summary>Fits every strategy of the chain in order, checking <paramref name="cancellationToken"/> before each and
    /// passing it into each one's fit.</summary>
    /// <param name="dataset">The data to learn from.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted chain: immutable and thread-safe when its parts are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken) =>
        new Model(Name, PartFits.FitEach(Recommenders, dataset, cancellationToken));

    /// <summary>The fitted chain (internal so that saved models can read and rebuild it).</summary>
    internal sealed class Model(string name, ImmutableArray<IRecommenderModel> models) : IRecommenderModel
    {
        public string StrategyName => name;

        /// <summary>The chain's models, in the order they are asked.</summary>
        internal ImmutableArray<IRecommenderModel> Parts => models;

        public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
        {
            ArgumentNullException.ThrowIfNull(customerId);
            request ??= RecommendationRequest.Default;
            request.Validate();
            return Complete(customerId, request, models[0].Recommend(customerId, request));
        }

        public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) => RecommendAll(request, CancellationToken.None);

        /// <summary>The first model's batch (given the token), completed customer by customer from the later models,
        /// checking the token before each customer.</summary>
        public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
        {
            request ??= RecommendationRequest.Default;
            request.Validate();
            var first = models[0].RecommendAll(request, cancellationToken);
            var result = new CustomerRecommendations[first.Length];
            if (first.Length == 0)
            {
                return [];
            }

            PartFits.ForEachCustomer(first.Length, i =>
            {
                var items = Complete(first[i].CustomerId, request, first[i].Items);
                result[i] = items == first[i].Items ? first[i] : first[i] with { Items = items };
            }, cancellationToken);
            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }

        /// <summary>Fills <paramref name="start"/> (the first model's answer) up to the request's count from the later models.</summary>
        private ImmutableArray<Recommendation> Complete(string customerId, RecommendationRequest request, ImmutableArray<Recommendation> start)
        {
            if (start.Length >= request.Count || models.Length == 1)
            {
                return start;
            }

            var items = new List<Recommendation>(request.Count);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            Append(start);
            for (var m = 1; m < models.Length && items.Count < request.Count; m++)
            {
                var denied = new HashSet<string>(listed, StringComparer.Ordinal);
                if (request.DeniedProductIds is { } alreadyDenied)
                {
                    denied.UnionWith(alreadyDenied);
                }

                Append(models[m].Recommend(customerId, request with { Count = request.Count - items.Count, DeniedProductIds = denied }));
            }

            return [.. items];

            void Append(ImmutableArray<Recommendation> more)
            {
                foreach (var item in more)
                {
                    if (items.Count < request.Count && listed.Add(item.ProductId))
                    {
                        items.Add(item.Rank == items.Count + 1 ? item : item with { Rank = items.Count + 1 });
                    }
                }
            }
        }
    }
}
