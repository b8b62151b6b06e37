using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// EASE, the embarrassingly shallow autoencoder of Steck (2019): an item × item weight matrix B fitted in closed form,
/// B = I − P · diagMat(1 ÷ diag(P)) with P = (XᵀX + λI)⁻¹ and a zero diagonal, X the binary customer × product matrix
/// of what each customer bought. A customer's score of product j is Σ over its bought products i of B_ij.
/// </summary>
/// <remarks>
/// <para><b>Catalogue size:</b> the fit holds item × item matrices over the products bought at least once, about
/// 20 bytes a pair (500 MB at 5,000 products), and inverts one in time growing with the cube of the count; more bought
/// products than <see cref="EaseOptions.MaxProducts"/> (5,000 by default) fail the fit with a message naming it.
/// The inverse is taken by a Cholesky factorisation on every core, the same on any core count.</para>
/// <para><b>Recommendations</b> are scored, filtered, excluded and explained as by
/// <see cref="ItemCooccurrenceRecommender"/> with B in place of the similarity: highest first, ties by product id
/// (ordinal); products scoring 0 or less are not listed; the reason is the largest contributor
/// (<c>because you bought P100</c>); related products are the largest B_ij (<c>often bought with P100</c>). A customer
/// the model has never seen, or one with no positive score left, gets popularity by revenue.</para>
/// <para>The fitted model is immutable and thread-safe, and saves as an item co-occurrence model named <c>ease</c>;
/// see <c>docs/ease.md</c>.</para>
/// </remarks>
public sealed class EaseRecommender : IRecommender
{
    /// <summary>Creates the recommender.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="EaseOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public EaseRecommender(EaseOptions? options = null)
    {
        options ??= EaseOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options the recommender was created with.</summary>
    public EaseOptions Options { get; }

    /// <inheritdoc/>
    /// <value><c>ease</c>.</value>
    public string Name => "ease";

    /// <summary>Fits B on a dataset, on every core.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <returns>The fitted model: recommendations, related products, item occurrence counts (the diagonal of XᵀX).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">More products were bought than <see cref="EaseOptions.MaxProducts"/>.</exception>
    public IItemCooccurrenceModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    /// <summary>Fits B on a dataset, on every core, stopping when asked.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <param name="cancellationToken">Stops the fit (checked at each column of the factorisation and between rows).</param>
    /// <returns>The fitted model: recommendations, related products, item occurrence counts (the diagonal of XᵀX).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">More products were bought than <see cref="EaseOptions.MaxProducts"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IItemCooccurrenceModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        cancellationToken.ThrowIfCancellationRequested();
        var statistics = SalesStatistics.Compute(dataset);
        var purchases = statistics.Purchases;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? -1,
        };
        var baskets = Baskets.PerCustomer(purchases, dataset.CustomerTable.Length);
        var weights = EaseWeights.Build(baskets, dataset.ProductTable.Length, Options, Name, parallel);
        var ones = new double[purchases.ProductIndexes.Length];
        Array.Fill(ones, 1.0);
        var affinities = CustomerAffinities.FromState(purchases.Offsets, purchases.ProductIndexes, ones);
        var fallback = PopularityRecommender.Candidates(statistics, PopularityMeasure.Revenue);
        return new ItemCooccurrenceModel(Name, statistics, affinities, weights, fallback, ProductOrder.OrdinalRanks(dataset.ProductTable));
    }

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset) => Fit(dataset);

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset, CancellationToken cancellationToken) => Fit(dataset, cancellationToken);
}
