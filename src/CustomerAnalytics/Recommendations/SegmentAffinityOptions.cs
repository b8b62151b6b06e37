namespace CustomerAnalytics.Recommendations;

/// <summary>Options of a <see cref="SegmentAffinityRecommender"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record SegmentAffinityOptions
{
    /// <summary>The default options: the remainder is filled, and unknown customers served, by popularity by revenue.</summary>
    public static SegmentAffinityOptions Default { get; } = new();

    /// <summary>
    /// The measure of the global popularity list that fills the remainder once the segment's favourite categories are
    /// exhausted, and that serves customers the model has never seen.
    /// </summary>
    /// <value>Defaults to <see cref="PopularityMeasure.Revenue"/>.</value>
    public PopularityMeasure FillMeasure { get; init; } = PopularityMeasure.Revenue;

    /// <summary>
    /// What ranks a segment's categories (the segment's Σ over its lines in the category) and the products within a
    /// category (Σ over all lines of the product): revenue, units, purchase lines, or the loaded weight
    /// (<see cref="AffinityWeight.Weight"/>, which needs a dataset with <see cref="Enrichment.EnrichedDataset.HasWeights"/>).
    /// </summary>
    /// <value>Defaults to <see cref="AffinityWeight.Revenue"/>.</value>
    public AffinityWeight Weight { get; init; } = AffinityWeight.Revenue;

    /// <summary>How many of the segment's favourite categories are used, best first; the rest are left to the fill.</summary>
    /// <value>Defaults to <see cref="int.MaxValue"/>: every category the segment bought from. Must be at least 1.</value>
    public int MaxCategories { get; init; } = int.MaxValue;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(FillMeasure))
        {
            errors.Add($"{nameof(FillMeasure)} is not a defined measure (was {(int)FillMeasure}).");
        }

        if (!Enum.IsDefined(Weight))
        {
            errors.Add($"{nameof(Weight)} is not a defined weight (was {(int)Weight}).");
        }

        if (MaxCategories < 1)
        {
            errors.Add($"{nameof(MaxCategories)} must be at least 1 (was {MaxCategories}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SegmentAffinityOptions: " + string.Join(" ", errors));
        }
    }
}
