using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Recommends the dataset's best sellers to everyone: products ranked by a <see cref="PopularityMeasure"/> over the
/// whole dataset, net of returns (revenue by default). The baseline every other strategy should beat, and the
/// fallback of the others for customers they have never seen.
/// </summary>
/// <remarks>
/// <para><b>Score:</b> the measure, as a <see cref="double"/> (revenue in currency units, units, buyers, or the Σ of
/// the loaded weights with <see cref="PopularityMeasure.Weight"/>).
/// Ties are broken by product id (ordinal). Products whose measure is zero or negative are never recommended.</para>
/// <para><b>Reason:</b> <c>top seller: 4 units, 796.00 revenue</c> (invariant culture; with the buyers first, as in
/// <c>top seller: 2 buyers, 4 units, 796.00 revenue</c>, when ranked by buyers; <c>most popular: weight 9.5, 3 units,
/// 30.00 revenue</c> when ranked by weight).</para>
/// <para><b>Unknown customers</b> get the same list, with nothing excluded as purchased.</para>
/// <para>The fitted model is immutable and thread-safe; see <c>docs/recommenders.md</c>.</para>
/// </remarks>
/// <example>On the seed sample, customer C001 (who bought P100, P200 and P400) is recommended P300; with
/// <see cref="RecommendationRequest.ExcludePurchased"/> off, P200, P300, P100, P400.</example>
public sealed class PopularityRecommender : IRecommender
{
    /// <summary>Creates the recommender.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="PopularityOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public PopularityRecommender(PopularityOptions? options = null)
    {
        options ??= PopularityOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options the recommender was created with.</summary>
    public PopularityOptions Options { get; }

    /// <inheritdoc/>
    /// <value><c>popularity</c>.</value>
    public string Name => "popularity";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The measure is <see cref="PopularityMeasure.Weight"/> and the dataset has no weights.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset) => Fit(SalesStatistics.Compute(dataset));

    /// <summary>
    /// Fits the model from statistics computed elsewhere (for example by a database): the same model as
    /// <see cref="Fit(EnrichedDataset)"/> on the transactions the statistics were computed from.
    /// </summary>
    /// <param name="statistics">The products' sales and the customers' purchases.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The measure is <see cref="PopularityMeasure.Weight"/>: statistics carry no weights.</exception>
    public IRecommenderModel Fit(RecommenderStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Fit(statistics.Sales);
    }

    private CandidateListModel Fit(SalesStatistics statistics)
    {
        var list = Candidates(statistics, Options.Measure);
        return new CandidateListModel(Name, statistics, [list], null, list);
    }

    /// <summary>The popularity list: products with a positive measure, highest first, ties by product id.</summary>
    internal static RankedCandidates Candidates(SalesStatistics statistics, PopularityMeasure measure)
    {
        var builder = new RankedCandidates.Builder();
        foreach (var product in statistics.RankProducts(measure))
        {
            var weight = measure == PopularityMeasure.Weight ? statistics.ProductWeights![product] : 0;
            var reason = ReasonText.TopSeller(measure, statistics.ProductUnits[product], statistics.ProductBuyers[product], statistics.RevenueOf(product), weight);
            builder.Add(product, statistics.ScoreOf(measure, product), reason);
        }

        return builder.Build();
    }
}
