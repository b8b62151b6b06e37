using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The fitted <see cref="ImplicitAlsRecommender"/>: score_j = x_uᵀy_j over every product bought in the data, reason = the
/// customer's product nearest to j; related products by the cosine of the product factors. Immutable and thread-safe
/// (scratch buffers are pooled per call).
/// </summary>
internal sealed partial class ImplicitAlsModel : IRelatedProductsModel
{
    /// <summary>Customers per parallel work item of <see cref="RecommendAll(RecommendationRequest?)"/>.</summary>
    private const int BatchChunk = 64;

    private readonly EnrichedDataset _dataset;
    private readonly CustomerPurchases _purchases;
    private readonly SparseRows _userItems;
    private readonly float[] _itemNorms;
    private readonly int[] _candidates;
    private readonly float[] _gram;
    private readonly RankedCandidates _fallback;
    private readonly int[] _ordinalRank;
    private readonly ImplicitAlsOptions _options;
    private readonly ScratchPool<Scratch> _pool;

    public ImplicitAlsModel(string name, ImplicitAlsOptions options, SalesStatistics statistics, SparseRows userItems, FactorMatrix users, FactorMatrix items, RankedCandidates fallback, int[] ordinalRank)
        : this(name, options, statistics.Dataset, statistics.Purchases, userItems, users, items, fallback, ordinalRank)
    {
    }

    /// <summary>The model from the dataset and purchases it was fitted on (also how a saved model is rebuilt).</summary>
    internal ImplicitAlsModel(string name, ImplicitAlsOptions options, EnrichedDataset dataset, CustomerPurchases purchases, SparseRows userItems, FactorMatrix users, FactorMatrix items, RankedCandidates fallback, int[] ordinalRank)
    {
        StrategyName = name;
        _options = options;
        _dataset = dataset;
        _purchases = purchases;
        _userItems = userItems;
        UserFactors = users;
        ItemFactors = items;
        _fallback = fallback;
        _ordinalRank = ordinalRank;
        _pool = new(() => new Scratch(_dataset.ProductTable.Length, _options.Factors, _ordinalRank));
        _gram = items.Gram(options.Regularization, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 });
        _itemNorms = new float[items.RowCount];
        var bought = new bool[items.RowCount];
        for (var u = 0; u < userItems.RowCount; u++)
        {
            foreach (var i in userItems.ColumnsOf(u))
            {
                bought[i] = true;
            }
        }

        for (var i = 0; i < items.RowCount; i++)
        {
            _itemNorms[i] = MathF.Sqrt(FactorMatrix.Dot(items.Row(i), items.Row(i)));
        }

        _candidates = [.. Enumerable.Range(0, items.RowCount).Where(i => bought[i])];
    }

    /// <summary>Whom a list is for: its reasons differ.</summary>
    private enum Audience
    {
        Customer,
        Product,
        Basket,
    }

    public string StrategyName { get; }

    /// <summary>The fitted customer factors, one row per customer index (for tests).</summary>
    internal FactorMatrix UserFactors { get; }

    /// <summary>The fitted product factors, one row per product index (for tests).</summary>
    internal FactorMatrix ItemFactors { get; }

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

        var blocked = Blocked(filter);
        return _pool.With(s => ForCustomer(customer, request, filter, blocked, s));
    }

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) => RecommendAll(request, CancellationToken.None);

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
    {
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        var blocked = Blocked(filter);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        return _pool.ForEveryCustomer(_dataset, BatchChunk, parallel, (c, s) => ForCustomer(c, request, filter, blocked, s));
    }

    public ImmutableArray<Recommendation> RelatedTo(string productId, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(productId);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        if (!_dataset.TryGetProductIndex(productId, out var product) || _itemNorms[product] == 0)
        {
            return CandidateListModel.Select(_fallback, default, filter, request.Count, _dataset.ProductTable);
        }

        // The product itself is never its own related product, whatever the request says.
        var always = request with { ExcludePurchased = true };
        var blocked = Blocked(filter);
        return _pool.With(s =>
        {
            var x = s.Query;
            ItemFactors.Row(product).CopyTo(x);
            Scale(x, 1 / _itemNorms[product]);
            return Score(x, [product], [product], always, filter, blocked, Audience.Product, s);
        });
    }

    public ImmutableArray<Recommendation> RelatedToBasket(IEnumerable<string> productIds, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var items = BasketProducts.KnownIndexes(_dataset, productIds);
        var filter = new ProductFilter(request, _dataset.ProductTable);
        int[] known = [.. items.Where(i => _itemNorms[i] > 0)];
        if (known.Length == 0)
        {
            return CandidateListModel.Select(_fallback, request.ExcludePurchased ? items : default, filter, request.Count, _dataset.ProductTable);
        }

        var blocked = Blocked(filter);
        return _pool.With(s =>
        {
            // Fold the basket in as a new customer who bought each product once: solved to convergence.
            var x = s.Query;
            Array.Clear(x);
            var extra = new float[known.Length];
            Array.Fill(extra, (float)_options.Alpha);
            AlsSolver.SolveRow(known, extra, ItemFactors, _gram, x, Math.Max(_options.CgSteps, _options.Factors), s.Solver);
            return Score(x, items, known, request, filter, blocked, Audience.Basket, s);
        });
    }

    private ImmutableArray<Recommendation> ForCustomer(int customer, RecommendationRequest request, ProductFilter filter, bool[]? blocked, Scratch s)
    {
        var owned = _purchases.Of(customer);
        if (_userItems.IsEmpty(customer))
        {
            // Nothing bought to go on: the documented fallback.
            return CandidateListModel.Select(_fallback, request.ExcludePurchased ? owned : default, filter, request.Count, _dataset.ProductTable);
        }

        return Score(UserFactors.Row(customer), owned, _userItems.ColumnsOf(customer), request, filter, blocked, Audience.Customer, s);
    }

    /// <summary>
    /// Scores every candidate product against <paramref name="x"/> (by cosine for related products), leaves out
    /// <paramref name="owned"/> when the request excludes purchases, and returns the best; with nothing left, the fallback.
    /// </summary>
    private ImmutableArray<Recommendation> Score(ReadOnlySpan<float> x, ReadOnlySpan<int> owned, ReadOnlySpan<int> reasonItems, RecommendationRequest request, ProductFilter filter, bool[]? blocked, Audience audience, Scratch s)
    {
        if (request.Count == 0)
        {
            return [];
        }

        s.BeginExclusion();
        if (request.ExcludePurchased)
        {
            foreach (var p in owned)
            {
                s.Exclude(p);
            }
        }

        s.Top.Begin(request.Count);
        foreach (var j in _candidates)
        {
            if (!s.IsExcluded(j) && (blocked is null || !blocked[j]))
            {
                var score = FactorMatrix.Dot(x, ItemFactors.Row(j));
                s.Top.Offer(j, audience == Audience.Product ? score / _itemNorms[j] : score);
            }
        }

        var best = s.Top.Best();
        if (best.Length == 0)
        {
            return CandidateListModel.Select(_fallback, request.ExcludePurchased ? owned : default, filter, request.Count, _dataset.ProductTable);
        }

        var products = _dataset.ProductTable;
        var result = new Recommendation[best.Length];
        for (var r = 0; r < best.Length; r++)
        {
            var (j, score) = best[r];
            result[r] = new Recommendation(products[j].Id, r + 1, score, Reason(audience, j, owned, reasonItems));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private string Reason(Audience audience, int product, ReadOnlySpan<int> owned, ReadOnlySpan<int> reasonItems) => audience switch
    {
        Audience.Product => ReasonText.BoughtByCustomersLike(_dataset.ProductTable[reasonItems[0]]),
        _ when owned.BinarySearch(product) >= 0 => audience == Audience.Basket ? ReasonText.InYourBasket : ReasonText.BoughtBefore,
        _ => ReasonText.TastesLikeYours(Nearest(product, reasonItems)),
    };

    /// <summary>The product of <paramref name="items"/> whose factors are closest (cosine) to <paramref name="product"/>'s; ties by product id.</summary>
    private Product? Nearest(int product, ReadOnlySpan<int> items)
    {
        var best = -1;
        var bestCosine = float.NegativeInfinity;
        var y = ItemFactors.Row(product);
        foreach (var i in items)
        {
            if (i == product || _itemNorms[i] == 0)
            {
                continue;
            }

            var cosine = FactorMatrix.Dot(y, ItemFactors.Row(i)) / _itemNorms[i];
            if (best < 0 || cosine > bestCosine || (cosine == bestCosine && _ordinalRank[i] < _ordinalRank[best]))
            {
                best = i;
                bestCosine = cosine;
            }
        }

        return best < 0 ? null : _dataset.ProductTable[best];
    }

    /// <summary>Which products the filter blocks, once per request; <see langword="null"/> when it blocks none.</summary>
    private bool[]? Blocked(ProductFilter filter)
    {
        if (filter.IsEmpty)
        {
            return null;
        }

        var blocked = new bool[_dataset.ProductTable.Length];
        foreach (var j in _candidates)
        {
            blocked[j] = filter.Blocks(j);
        }

        return blocked;
    }

    private static void Scale(Span<float> x, float factor)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= factor;
        }
    }

    /// <summary>One thread's buffers: the top-k heap, exclusion stamps (reset in O(1)), a query vector and solver vectors.</summary>
    private sealed class Scratch(int productCount, int factors, int[] ordinalRank)
    {
        private readonly int[] _excluded = new int[productCount];
        private int _generation;

        public TopCandidates Top { get; } = new(ordinalRank);

        public float[] Query { get; } = new float[factors];

        public AlsSolver.Scratch Solver { get; } = new(factors);

        public void BeginExclusion()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(_excluded);
                _generation = 1;
            }
        }

        public void Exclude(int product) => _excluded[product] = _generation;

        public bool IsExcluded(int product) => _excluded[product] == _generation;
    }
}
