using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Matrix factorisation for implicit feedback: alternating least squares as Hu, Koren and Volinsky (2008) define it, with
/// the conjugate-gradient solver of the Python <c>implicit</c> library. Each customer u and product i get f latent
/// factors x_u and y_i; the fit minimises Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²) over every customer ×
/// product pair, with p_ui = 1 for a bought product (0 otherwise) and confidence c_ui = 1 + α · w_ui.
/// </summary>
/// <remarks>
/// <para><b>Weights:</b> w_ui = Σ over u's lines of i of the line's quantity by default (<see cref="ImplicitAlsOptions.Weight"/>);
/// only positive sums count as bought.</para>
/// <para><b>Fit:</b> factors start uniform in [0, 0.01) from <see cref="ImplicitAlsOptions.Seed"/>; each of
/// <see cref="ImplicitAlsOptions.Iterations"/> sweeps solves every customer row with the product factors fixed, then
/// every product row with the customer factors fixed, each row by <see cref="ImplicitAlsOptions.CgSteps"/>
/// conjugate-gradient steps from its previous value. Rows are solved in parallel and independently, so the factors are
/// the same on any number of cores (on one machine: the vector width sets the rounding).</para>
/// <para><b>Score</b> of product j for customer u: x_uᵀy_j, highest first, ties by product id (ordinal). Every product
/// bought by someone in the data is a candidate, so lists are full unless filters or exclusions empty them.</para>
/// <para><b>Reason:</b> <c>customers with tastes like yours bought it; nearest to your P100</c>, P100 being the customer's
/// product whose factors are closest (cosine) to j's; <c>you bought it before</c> for a repeat. Related products are
/// ranked by the cosine of their factors: <c>bought by customers like those who bought P100</c>.</para>
/// <para><b>Cold start:</b> a customer the model has never seen, or one with nothing bought, gets popularity by revenue.
/// A basket (<see cref="IRelatedProductsModel.RelatedToBasket"/>) is folded in as a new customer: its factors are solved
/// against the fitted product factors, as <c>implicit</c>'s <c>recalculate_user</c> does.</para>
/// <para>The fitted model is immutable and thread-safe; see <c>docs/implicit-als.md</c>.</para>
/// </remarks>
public sealed class ImplicitAlsRecommender : IRecommender
{
    /// <summary>Creates the recommender.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ImplicitAlsOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public ImplicitAlsRecommender(ImplicitAlsOptions? options = null)
    {
        options ??= ImplicitAlsOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options the recommender was created with.</summary>
    public ImplicitAlsOptions Options { get; }

    /// <inheritdoc/>
    /// <value><c>als</c>.</value>
    public string Name => "als";

    /// <summary>Learns customer and product factors from a dataset, on every core.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <returns>The fitted model, which also answers related-products questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    public IRelatedProductsModel Fit(EnrichedDataset dataset) => Fit(dataset, CancellationToken.None);

    /// <summary>Learns customer and product factors from a dataset, on every core, stopping when asked.</summary>
    /// <param name="dataset">The dataset to learn from.</param>
    /// <param name="cancellationToken">Stops the fit (checked between blocks of rows).</param>
    /// <returns>The fitted model, which also answers related-products questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public IRelatedProductsModel Fit(EnrichedDataset dataset, CancellationToken cancellationToken) => Fit(dataset, null, cancellationToken);

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset) => Fit(dataset);

    /// <inheritdoc/>
    IRecommenderModel IRecommender.Fit(EnrichedDataset dataset, CancellationToken cancellationToken) => Fit(dataset, cancellationToken);

    /// <summary>The fit, reporting the objective after each sweep to <paramref name="lossAfterIteration"/> when given (costly: for tests).</summary>
    internal ImplicitAlsModel Fit(EnrichedDataset dataset, Action<int, double>? lossAfterIteration, CancellationToken cancellationToken)
    {
        var statistics = SalesStatistics.Compute(dataset);
        var affinities = CustomerAffinities.Build(dataset, Options.Weight);
        var userItems = SparseRows.FromAffinities(affinities, dataset.CustomerTable.Length, Options.Alpha);
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? -1,
        };
        var (users, items) = Train(userItems, dataset.ProductTable.Length, Options, parallel, lossAfterIteration);
        var fallback = PopularityRecommender.Candidates(statistics, PopularityMeasure.Revenue);
        return new ImplicitAlsModel(Name, Options, statistics, userItems, users, items, fallback, ProductOrder.OrdinalRanks(dataset.ProductTable));
    }

    /// <summary>Runs the sweeps: customers against fixed products, then products against fixed customers.</summary>
    internal static (FactorMatrix Users, FactorMatrix Items) Train(SparseRows userItems, int productCount, ImplicitAlsOptions options, ParallelOptions parallel, Action<int, double>? lossAfterIteration)
    {
        var itemUsers = userItems.Transpose(productCount);
        var users = new FactorMatrix(userItems.RowCount, options.Factors);
        var items = new FactorMatrix(productCount, options.Factors);
        var random = new Random(options.Seed);
        users.FillRandom(random);
        items.FillRandom(random);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            AlsSolver.SolveRows(userItems, items, items.Gram(options.Regularization, parallel), users, options.CgSteps, parallel);
            AlsSolver.SolveRows(itemUsers, users, users.Gram(options.Regularization, parallel), items, options.CgSteps, parallel);
            lossAfterIteration?.Invoke(iteration + 1, AlsSolver.Loss(userItems, users, items, options.Regularization));
        }

        return (users, items);
    }
}
