using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Item-to-item collaborative filtering in the manner of Microsoft's SAR (Smart Adaptive Recommendations): products
/// bought by the same customers (or in the same orders) are similar, and a customer is recommended the products most
/// similar to what it bought, weighted by its affinity to each.
/// </summary>
/// <remarks>
/// <para><b>Affinity</b> a_ui = Σ over the customer's lines of product i of w × 0.5^((t0 − t) ÷ half-life) (no decay
/// unless <see cref="ItemCooccurrenceOptions.HalfLifeDays"/> is set), w per <see cref="ItemCooccurrenceOptions.Weight"/>
/// (1 per purchase line by default); a line after t0 counts fully (SAR caps the decay factor at 1); only positive
/// affinities count.</para>
/// <para><b>Co-occurrence</b> c_ij = customers (or orders, per <see cref="ItemCooccurrenceOptions.Scope"/>) with a
/// positive-quantity line of both i and j; pairs below <see cref="ItemCooccurrenceOptions.MinimumSupport"/> count 0.
/// <b>Similarity</b> s_ij per <see cref="ItemCooccurrenceOptions.Similarity"/> (Jaccard c_ij ÷ (c_ii + c_jj − c_ij) by
/// default); each product keeps every other product it was bought with, as SAR does, while the similarity fits
/// <see cref="ItemCooccurrenceOptions.SimilarityMemoryBudgetBytes"/>, and otherwise its most similar products (its
/// <see cref="ItemCooccurrenceOptions.MaxNeighbors"/> when set), as the model's
/// <see cref="IItemCooccurrenceModel.Description"/> states.</para>
/// <para><b>Score</b> of product j: Σ_i a_ui · s_ij, including s_jj for a product already bought (which only matters when
/// <see cref="RecommendationRequest.ExcludePurchased"/> is off: replenishables). Highest first, ties by product id
/// (ordinal); products scoring 0 are never listed, so a list may be shorter than asked — chain a
/// <see cref="FallbackRecommender"/> with <see cref="PopularityRecommender"/> to always fill it.</para>
/// <para><b>Reason:</b> the largest contributor a_ui · s_ij: <c>because you bought P100</c> (or <c>you bought it before</c>
/// when it is the product itself); for related products <c>often bought with P100</c>. A product is named by its
/// <see cref="Model.Product.Name"/> where the data has one, else by its id.</para>
/// <para><b>Cold start:</b> a customer the model has never seen, or one with nothing to go on, gets popularity by revenue
/// (with its reason); a new customer with a basket is served by <see cref="IRelatedProductsModel.RelatedToBasket"/>.</para>
/// <para>The fitted model is immutable and thread-safe; see <c>docs/item-cooccurrence.md</c>.</para>
/// </remarks>
/// <example>On the seed sample, P100 is bought by C001, C002 and C004 and P200 by C001 and C003 (one customer in
/// common): the Jaccard similarity of P100 and P200 is 1 ÷ (3 + 2 − 1) = 0.25.</example>
public sealed class ItemCooccurrenceRecommender : IRecommender
{
    /// <summary>Creates the recommender.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ItemCooccurrenceOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public ItemCooccurrenceRecommender(ItemCooccurrenceOptions? options = null)
    {
        options ??= ItemCooccurrenceOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options the recommender was created with.</summary>
    public ItemCooccurrenceOptions Options { get; }

    /// <inheritdoc/>
    /// <value><c>item-cooccurrence</c>.</value>
    public string Name => "item-cooccurrence";

    /// <summary>Learns affinities and item similarities from a dataset.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <returns>The fitted model, which also answers related-products questions and exposes item occurrence counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public IItemCooccurrenceModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    /// <summary>Learns affinities and item similarities as <see cref="Fit(EnrichedDataset)"/> does, checking
    /// <paramref name="cancellationToken"/> between its passes and between chunks of products in the similarity pass.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted model, which also answers related-products questions and exposes item occurrence counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IItemCooccurrenceModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statistics = SalesStatistics.Compute(dataset);
        var products = dataset.ProductTable;
        var ordinalRank = ProductOrder.OrdinalRanks(products);

        var baskets = Options.Scope == CooccurrenceScope.Order
            ? Baskets.PerOrder(dataset)
            : Baskets.PerCustomer(statistics.Purchases, dataset.CustomerTable.Length);
        cancellationToken.ThrowIfCancellationRequested();
        var limit = NeighborLimit.Resolve(Options, products.Length, Name);
        var similarity = ItemSimilarityMatrix.Build(baskets, products.Length, Options, limit, ordinalRank, cancellationToken);
        var affinities = CustomerAffinities.Build(dataset, Options);
        cancellationToken.ThrowIfCancellationRequested();
        var fallback = PopularityRecommender.Candidates(statistics, PopularityMeasure.Revenue);
        return new ItemCooccurrenceModel(Name, statistics, affinities, similarity, fallback, ordinalRank);
    }

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset) => Fit(dataset);

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset, CancellationToken cancellationToken) => Fit(dataset, cancellationToken);
}
