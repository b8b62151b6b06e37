using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The fitted <see cref="ItemCooccurrenceRecommender"/>: score_j = Σ_i a_i · s_ij over the customer's (or basket's)
/// products i, reason = the largest contributor. Immutable and thread-safe (scratch buffers are pooled per call).
/// </summary>
internal sealed partial class ItemCooccurrenceModel : IItemCooccurrenceModel
{
    /// <summary>Lists longer than this are picked by a full sort rather than an insertion buffer.</summary>
    private const int InsertionLimit = 64;

    private readonly EnrichedDataset _dataset;
    private readonly CustomerPurchases _purchases;
    private readonly CustomerAffinities _affinities;
    private readonly ItemSimilarityMatrix _similarity;
    private readonly RankedCandidates _fallback;
    private readonly int[] _ordinalRank;
    private readonly ScratchPool<Scratch> _pool;
    private readonly Lazy<FrozenDictionary<string, int>> _occurrences;

    public ItemCooccurrenceModel(string name, SalesStatistics statistics, CustomerAffinities affinities, ItemSimilarityMatrix similarity, RankedCandidates fallback, int[] ordinalRank)
    {
        StrategyName = name;
        _dataset = statistics.Dataset;
        _purchases = statistics.Purchases;
        _affinities = affinities;
        _similarity = similarity;
        _fallback = fallback;
        _ordinalRank = ordinalRank;
        _pool = new(() => new Scratch(_dataset.ProductTable.Length));
        _occurrences = new(OccurrencesById);
    }

    /// <summary>Whom a list is for: its reasons differ.</summary>
    private enum Audience
    {
        Customer,
        Product,
        Basket,
    }

    public string StrategyName { get; }

    public FrozenDictionary<string, int> ItemOccurrences => _occurrences.Value;

    public int? NeighborLimit => _similarity.Limit.Limit;

    public string Description => _similarity.Limit.Description;

    public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        if (!_dataset.TryGetCustomerIndex(customerId, out var customer))
        {
            return CandidateListModel.Select(_fallback, default, filter, request.Count, _dataset.ProductTable);
        }

        return _pool.With(scratch => ForCustomer(customer, request, filter, scratch));
    }

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) => RecommendAll(request, CancellationToken.None);

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
    {
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        return _pool.ForEveryCustomer(_dataset, 512, new ParallelOptions { CancellationToken = cancellationToken }, (c, scratch) => ForCustomer(c, request, filter, scratch));
    }

    public ImmutableArray<Recommendation> RelatedTo(string productId, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(productId);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        if (!_dataset.TryGetProductIndex(productId, out var product))
        {
            return CandidateListModel.Select(_fallback, default, filter, request.Count, _dataset.ProductTable);
        }

        // The product itself is never its own related product, whatever the request says.
        var always = request with { ExcludePurchased = true };
        return _pool.With(scratch => Score([product], [1.0], [product], always, filter, Audience.Product, scratch));
    }

    public ImmutableArray<Recommendation> RelatedToBasket(IEnumerable<string> productIds, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var items = BasketProducts.KnownIndexes(_dataset, productIds);
        var filter = new ProductFilter(request, _dataset.ProductTable);
        var ones = new double[items.Length];
        Array.Fill(ones, 1.0);
        return _pool.With(scratch => Score(items, ones, items, request, filter, Audience.Basket, scratch));
    }

    private FrozenDictionary<string, int> OccurrencesById()
    {
        var products = _dataset.ProductTable;
        var counts = _similarity.Occurrences;
        var pairs = new KeyValuePair<string, int>[products.Length];
        for (var p = 0; p < pairs.Length; p++)
        {
            pairs[p] = new(products[p].Id, counts[p]);
        }

        return pairs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ImmutableArray<Recommendation> ForCustomer(int customer, RecommendationRequest request, ProductFilter filter, Scratch scratch) =>
        Score(_affinities.ProductsOf(customer), _affinities.ValuesOf(customer), _purchases.Of(customer), request, filter, Audience.Customer, scratch);

    /// <summary>
    /// Scores every product similar to <paramref name="items"/> (weighted by <paramref name="affinities"/>), leaves out
    /// <paramref name="owned"/> when the request excludes purchases, and returns the best; with nothing to go on, the fallback.
    /// </summary>
    private ImmutableArray<Recommendation> Score(
        ReadOnlySpan<int> items,
        ReadOnlySpan<double> affinities,
        ReadOnlySpan<int> owned,
        RecommendationRequest request,
        ProductFilter filter,
        Audience audience,
        Scratch scratch)
    {
        var count = request.Count;
        if (count == 0)
        {
            return [];
        }

        scratch.Begin();
        for (var k = 0; k < items.Length; k++)
        {
            var i = items[k];
            var a = affinities[k];
            var self = _similarity.SelfOf(i);
            if (self > 0)
            {
                scratch.AddAll(new ReadOnlySpan<int>(in i), new ReadOnlySpan<double>(in self), a, i, _ordinalRank);
            }

            scratch.AddAll(_similarity.NeighborsOf(i), _similarity.SimilaritiesOf(i), a, i, _ordinalRank);
        }

        if (request.ExcludePurchased)
        {
            foreach (var p in owned)
            {
                scratch.Exclude(p);
            }
        }

        var best = Pick(scratch, count, filter);
        if (best.Count == 0)
        {
            // Nothing to go on (no purchases, or nothing similar left): the documented fallback.
            return CandidateListModel.Select(_fallback, request.ExcludePurchased ? owned : default, filter, count, _dataset.ProductTable);
        }

        var products = _dataset.ProductTable;
        var result = new Recommendation[best.Count];
        for (var r = 0; r < result.Length; r++)
        {
            var j = best[r];
            result[r] = new Recommendation(products[j].Id, r + 1, scratch.ScoreOf(j), Reason(audience, j, scratch.SourceOf(j), products));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>The best <paramref name="count"/> scored products (score desc, then product id ordinal) that are not excluded or filtered.</summary>
    private List<int> Pick(Scratch scratch, int count, ProductFilter filter)
    {
        var picked = scratch.Picked;
        picked.Clear();
        var rank = _ordinalRank;
        if (count > InsertionLimit)
        {
            foreach (var j in scratch.Touched)
            {
                if (!scratch.IsExcluded(j) && scratch.ScoreOf(j) > 0 && !filter.Blocks(j))
                {
                    picked.Add(j);
                }
            }

            picked.Sort((a, b) => Compare(scratch, rank, a, b));
            if (picked.Count > count)
            {
                picked.RemoveRange(count, picked.Count - count);
            }

            return picked;
        }

        foreach (var j in scratch.Touched)
        {
            if (scratch.IsExcluded(j) || scratch.ScoreOf(j) <= 0)
            {
                continue;
            }

            if (picked.Count == count && Compare(scratch, rank, j, picked[^1]) >= 0)
            {
                continue;
            }

            if (filter.Blocks(j))
            {
                continue;
            }

            // Insert in order, dropping the worst when full.
            var at = picked.Count;
            while (at > 0 && Compare(scratch, rank, j, picked[at - 1]) < 0)
            {
                at--;
            }

            picked.Insert(at, j);
            if (picked.Count > count)
            {
                picked.RemoveAt(picked.Count - 1);
            }
        }

        return picked;
    }

    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    private static int Compare(Scratch scratch, int[] rank, int a, int b)
    {
        var c = scratch.ScoreOf(b).CompareTo(scratch.ScoreOf(a));
        return c != 0 ? c : rank[a].CompareTo(rank[b]);
    }

    private static string Reason(Audience audience, int product, int source, Product[] products) => (audience, source == product) switch
    {
        (Audience.Customer, true) => ReasonText.BoughtBefore,
        (Audience.Customer, false) => ReasonText.BecauseYouBought(products[source]),
        (Audience.Basket, true) => ReasonText.InYourBasket,
        _ => ReasonText.OftenBoughtWith(products[source]),
    };

    /// <summary>Per-product running scores of one list, reset in O(1) by a generation stamp.</summary>
    private sealed class Scratch(int productCount)
    {
        private readonly double[] _score = new double[productCount];
        private readonly double[] _best = new double[productCount];
        private readonly int[] _source = new int[productCount];
        private readonly int[] _stamp = new int[productCount];
        private readonly int[] _excluded = new int[productCount];
        private int _generation;

        public List<int> Touched { get; } = [];

        public List<int> Picked { get; } = [];

        public void Begin()
        {
            Touched.Clear();
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_stamp);
                Array.Clear(_excluded);
                _generation = 1;
            }
        }

        /// <summary>
        /// Adds affinity × similarity to each neighbour's score; the largest contribution (ties: the source with the lower
        /// ordinal rank) is its reason. The hot loop, kept tight.
        /// </summary>
        public void AddAll(ReadOnlySpan<int> neighbors, ReadOnlySpan<double> similarities, double affinity, int source, int[] ordinalRank)
        {
            var generation = _generation;
            var stamp = _stamp;
            var score = _score;
            var best = _best;
            var sources = _source;
            var touched = Touched;
            for (var n = 0; n < neighbors.Length; n++)
            {
                var product = neighbors[n];
                var contribution = affinity * similarities[n];
                if (stamp[product] != generation)
                {
                    stamp[product] = generation;
                    score[product] = contribution;
                    best[product] = contribution;
                    sources[product] = source;
                    touched.Add(product);
                }
                else
                {
                    score[product] += contribution;
                    if (contribution > best[product] || (contribution == best[product] && ordinalRank[source] < ordinalRank[sources[product]]))
                    {
                        best[product] = contribution;
                        sources[product] = source;
                    }
                }
            }
        }

        public void Exclude(int product) => _excluded[product] = _generation;

        public bool IsExcluded(int product) => _excluded[product] == _generation;

        public double ScoreOf(int product) => _score[product];

        public int SourceOf(int product) => _source[product];
    }
}
