using System.Collections.Immutable;
using System.Runtime.InteropServices;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// The fitted model of every baseline strategy: each customer is served from one precomputed ranked candidate list
/// (popularity: one list for all; segment affinity: one list per segment), from which the request's filters and the
/// customer's purchases are taken out. Unknown customers are served from the fallback list. Immutable and thread-safe.
/// </summary>
internal sealed partial class CandidateListModel : IRecommenderModel
{
    /// <summary>Customers per parallel work item of <see cref="RecommendAll(RecommendationRequest?)"/>.</summary>
    private const int BatchChunk = 16_384;

    private readonly EnrichedDataset _dataset;
    private readonly CustomerPurchases _purchases;
    private readonly RankedCandidates[] _lists;
    private readonly int[]? _listOfCustomer;
    private readonly RankedCandidates _fallback;

    /// <param name="strategyName">The strategy's name.</param>
    /// <param name="statistics">The figures the lists were computed from (dataset and purchases).</param>
    /// <param name="lists">The candidate lists.</param>
    /// <param name="listOfCustomer">For each customer, the index of its list; <see langword="null"/> when there is one list for all.</param>
    /// <param name="fallback">The list that serves customers the dataset does not know.</param>
    public CandidateListModel(string strategyName, SalesStatistics statistics, RankedCandidates[] lists, int[]? listOfCustomer, RankedCandidates fallback)
    {
        StrategyName = strategyName;
        _dataset = statistics.Dataset;
        _purchases = statistics.Purchases;
        _lists = lists;
        _listOfCustomer = listOfCustomer;
        _fallback = fallback;
    }

    public string StrategyName { get; }

    public ImmutableArray<Recommendation> Recommend(string customerId, RecommendationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        request ??= RecommendationRequest.Default;
        request.Validate();
        var filter = new ProductFilter(request, _dataset.ProductTable);
        if (!_dataset.TryGetCustomerIndex(customerId, out var customer))
        {
            return Select(_fallback, default, filter, request.Count, _dataset.ProductTable);
        }

        var purchased = request.ExcludePurchased ? _purchases.Of(customer) : default;
        return Select(ListOf(customer), purchased, filter, request.Count, _dataset.ProductTable);
    }

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request = null) => RecommendAll(request, CancellationToken.None);

    public ImmutableArray<CustomerRecommendations> RecommendAll(RecommendationRequest? request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        request ??= RecommendationRequest.Default;
        request.Validate();
        var products = _dataset.ProductTable;
        var count = request.Count;
        var excludePurchased = request.ExcludePurchased;

        // The request's filters apply to every customer alike: take them out of each list once. The top of each
        // filtered list is then the answer for every customer who bought none of it, shared between them.
        var filter = new ProductFilter(request, products);
        var lists = Array.ConvertAll(_lists, list => list.Where(filter));
        var tops = Array.ConvertAll(lists, list => Select(list, default, default, count, products));

        // A recommendation is the same record for every customer it reaches at the same rank from the same list
        // position: make those of the first positions once and share them (most customers skip few candidates).
        var shared = Array.ConvertAll(lists, list => new SharedRecommendations(list, count, products));

        var customers = _dataset.CustomerTable;
        var result = new CustomerRecommendations[customers.Length];
        var chunks = (customers.Length + BatchChunk - 1) / BatchChunk;
        if (chunks <= 1)
        {
            Fill(0);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, Fill);
        }

        return WithoutGuest(result, _dataset);

        void Fill(int chunk)
        {
            var end = Math.Min(customers.Length, (chunk + 1) * BatchChunk);
            for (var c = chunk * BatchChunk; c < end; c++)
            {
                var index = _listOfCustomer is null ? 0 : _listOfCustomer[c];
                var items = excludePurchased ? SelectExcluding(lists[index], tops[index], _purchases.Of(c), count, products, shared[index]) : tops[index];
                result[c] = new CustomerRecommendations(customers[c].Id, items);
            }
        }
    }

    /// <summary>The lists for every customer but the guest (<see cref="EnrichedDataset.GuestCustomer"/>), who is not one to recommend to.</summary>
    internal static ImmutableArray<CustomerRecommendations> WithoutGuest(CustomerRecommendations[] byCustomer, EnrichedDataset dataset) =>
        dataset.GuestCustomer < 0 || dataset.GuestCustomer >= byCustomer.Length
            ? ImmutableCollectionsMarshal.AsImmutableArray(byCustomer)
            : [.. byCustomer.AsSpan(0, dataset.GuestCustomer), .. byCustomer.AsSpan(dataset.GuestCustomer + 1)];

    /// <summary>
    /// The first <paramref name="count"/> candidates that the filter lets through and the customer has not bought
    /// (when <paramref name="purchased"/> is not empty), ranked 1, 2, ….
    /// </summary>
    internal static ImmutableArray<Recommendation> Select(RankedCandidates list, ReadOnlySpan<int> purchased, ProductFilter filter, int count, Product[] products) =>
        Select(list, purchased, filter, count, products, null);

    private static ImmutableArray<Recommendation> Select(RankedCandidates list, ReadOnlySpan<int> purchased, ProductFilter filter, int count, Product[] products, SharedRecommendations? shared)
    {
        if (count == 0 || list.Length == 0)
        {
            return [];
        }

        var items = new Recommendation[Math.Min(count, list.Length)];
        var n = 0;
        var candidates = list.Products;
        for (var i = 0; i < candidates.Length && n < items.Length; i++)
        {
            var product = candidates[i];
            if (filter.Blocks(product) || (!purchased.IsEmpty && purchased.BinarySearch(product) >= 0))
            {
                continue;
            }

            items[n] = shared?.At(i, n + 1) ?? new Recommendation(products[product].Id, n + 1, list.ScoreAt(i), list.ReasonAt(i));
            n++;
        }

        if (n < items.Length)
        {
            Array.Resize(ref items, n);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary><see cref="Select(RankedCandidates, ReadOnlySpan{int}, ProductFilter, int, Product[])"/> over an already filtered list, reusing its shared top when the customer bought none of it.</summary>
    private static ImmutableArray<Recommendation> SelectExcluding(RankedCandidates list, ImmutableArray<Recommendation> top, ReadOnlySpan<int> purchased, int count, Product[] products, SharedRecommendations shared)
    {
        if (purchased.IsEmpty)
        {
            return top;
        }

        var candidates = list.Products[..top.Length];
        foreach (var product in candidates)
        {
            if (purchased.BinarySearch(product) >= 0)
            {
                return Select(list, purchased, default, count, products, shared);
            }
        }

        return top;
    }

    /// <summary>
    /// The recommendation records for ranks 1 … count from list positions rank − 1 … rank − 2 + <see cref="Window"/>:
    /// made once per batch, immutable, shared by every customer's answer.
    /// </summary>
    private sealed class SharedRecommendations
    {
        private const int Window = 16;
        private readonly Recommendation?[] _records;
        private readonly int _count;

        public SharedRecommendations(RankedCandidates list, int count, Product[] products)
        {
            _count = Math.Min(count, list.Length);
            _records = new Recommendation[_count * Window];
            for (var rank = 1; rank <= _count; rank++)
            {
                for (var skipped = 0; skipped < Window && rank - 1 + skipped < list.Length; skipped++)
                {
                    var position = rank - 1 + skipped;
                    _records[((rank - 1) * Window) + skipped] = new Recommendation(products[list.Products[position]].Id, rank, list.ScoreAt(position), list.ReasonAt(position));
                }
            }
        }

        /// <summary>The shared record for the candidate at <paramref name="position"/> recommended at <paramref name="rank"/>, or <see langword="null"/>.</summary>
        public Recommendation? At(int position, int rank)
        {
            var skipped = position - (rank - 1);
            return rank <= _count && skipped < Window ? _records[((rank - 1) * Window) + skipped] : null;
        }
    }

    private RankedCandidates ListOf(int customer) => _lists[_listOfCustomer is null ? 0 : _listOfCustomer[customer]];
}
