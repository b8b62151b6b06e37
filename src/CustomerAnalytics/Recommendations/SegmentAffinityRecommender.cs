using CustomerAnalytics.Enrichment;

namespace CustomerAnalytics.Recommendations;

/// <summary>
/// Recommends the best sellers of the categories the customer's segment spends most on, then fills the remainder
/// with global best sellers.
/// </summary>
/// <remarks>
/// <para><b>Ranking:</b> by <see cref="SegmentAffinityOptions.Weight"/>, revenue by default (units, purchase lines or
/// the loaded weight otherwise; "revenue" below stands for the chosen value). For each segment, its categories with
/// positive revenue are ranked by the segment's revenue
/// in them (highest first, ties by category, ordinal), keeping the first <see cref="SegmentAffinityOptions.MaxCategories"/>.
/// Within a category, products are ranked by their revenue over the whole dataset (highest first, ties by product
/// id), so a product the segment has not bought yet is still recommended in its favourite category; only products
/// with positive revenue are listed. After the favourite categories come the products of the global popularity list
/// (<see cref="SegmentAffinityOptions.FillMeasure"/>) not listed yet. Overall revenue rather than the segment's own
/// revenue orders products within a category because it rests on more sales, which matters for small segments.</para>
/// <para><b>Score:</b> for a product of a favourite category, the segment's revenue in that category (so scores never
/// rise down the list and products of one category tie); for a product from the popularity fill, 0.</para>
/// <para><b>Reason:</b> <c>top seller in your segment's favourite category, Software</c>; for the segment's second,
/// third, … category <c>top seller in your segment's 2nd favourite category, Accessories</c>; for the fill, the
/// popularity reason (<c>top seller: 4 units, 796.00 revenue</c>).</para>
/// <para><b>Unknown customers</b> (not in the fitted dataset) get the global popularity list, with its scores and
/// reasons. A known customer whose segment bought nothing gets the fill only.</para>
/// </remarks>
/// <example>On the seed sample, the Consumer segment spent 199.00 on Software and 119.95 on Accessories; customer
/// C004 (Consumer, bought P100) is recommended P200 (Software), P400 (Accessories), then P300 from the fill.</example>
public sealed class SegmentAffinityRecommender : IRecommender
{
    /// <summary>Creates the recommender.</summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="SegmentAffinityOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public SegmentAffinityRecommender(SegmentAffinityOptions? options = null)
    {
        options ??= SegmentAffinityOptions.Default;
        options.Validate();
        Options = options;
    }

    /// <summary>The options the recommender was created with.</summary>
    public SegmentAffinityOptions Options { get; }

    /// <inheritdoc/>
    /// <value><c>segment-affinity</c>.</value>
    public string Name => "segment-affinity";

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="SegmentAffinityOptions.Weight"/> is <see cref="AffinityWeight.Weight"/>, or
    /// <see cref="SegmentAffinityOptions.FillMeasure"/> is <see cref="PopularityMeasure.Weight"/>, and the dataset has no weights.</exception>
    public IRecommenderModel Fit(EnrichedDataset dataset) => Fit(SalesStatistics.Compute(dataset));

    /// <summary>
    /// Fits the model from statistics computed elsewhere (for example by a database): the same model as
    /// <see cref="Fit(EnrichedDataset)"/> on the transactions the statistics were computed from.
    /// </summary>
    /// <param name="statistics">The products' sales, the customers' purchases and the segments' revenue by category.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><see cref="SegmentAffinityOptions.Weight"/> is not <see cref="AffinityWeight.Revenue"/>:
    /// statistics carry revenue sums, not the lines the other weights are counted from.</exception>
    public IRecommenderModel Fit(RecommenderStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (Options.Weight != AffinityWeight.Revenue)
        {
            throw new NotSupportedException(
                $"A segment-affinity model fitted from RecommenderStatistics ranks by revenue only, but SegmentAffinityOptions.Weight is {Options.Weight}. "
                + "Use AffinityWeight.Revenue, or fit from an EnrichedDataset for the other weights.");
        }

        return Fit(statistics.Sales);
    }

    private CandidateListModel Fit(SalesStatistics statistics)
    {
        var dataset = statistics.Dataset;
        var fill = PopularityRecommender.Candidates(statistics, Options.FillMeasure);
        var scores = SegmentCategoryScores.Compute(statistics, Options.Weight);

        // Products of each category by their overall value: one global ranking, split by category in order.
        var categoryOfProduct = dataset.ProductCategoryTable;
        var productsByCategory = new List<int>[dataset.CategoryTable.Length];
        foreach (var product in scores.RankProducts())
        {
            (productsByCategory[categoryOfProduct[product]] ??= []).Add(product);
        }

        var lists = new RankedCandidates[dataset.SegmentTable.Length];
        for (var segment = 0; segment < lists.Length; segment++)
        {
            var builder = new RankedCandidates.Builder();
            var categories = scores.RankCategories(segment);
            for (var rank = 1; rank <= Math.Min(categories.Length, Options.MaxCategories); rank++)
            {
                var category = categories[rank - 1];
                var score = scores.Of(segment, category);
                var reason = ReasonText.SegmentFavourite(rank, dataset.CategoryTable[category]);
                foreach (var product in productsByCategory[category] ?? [])
                {
                    builder.Add(product, score, reason);
                }
            }

            builder.AddRange(fill, score: 0);
            lists[segment] = builder.Build();
        }

        return new CandidateListModel(Name, statistics, lists, dataset.CustomerSegmentTable, fill);
    }
}
