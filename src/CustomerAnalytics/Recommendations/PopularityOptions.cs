namespace CustomerAnalytics.Recommendations;

/// <summary>Options of a <see cref="PopularityRecommender"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record PopularityOptions
{
    /// <summary>The default options: products ranked by revenue.</summary>
    public static PopularityOptions Default { get; } = new();

    /// <summary>What products are ranked by.</summary>
    /// <value>Defaults to <see cref="PopularityMeasure.Revenue"/>.</value>
    public PopularityMeasure Measure { get; init; } = PopularityMeasure.Revenue;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Measure))
        {
            throw new ArgumentException($"Invalid PopularityOptions: {nameof(Measure)} is not a defined measure (was {(int)Measure}).");
        }
    }
}
