using System.Globalization;

namespace CustomerAnalytics.Recommendations;

/// <summary>Options of an <see cref="ItemCooccurrenceRecommender"/>. Immutable: derive variants with <c>with</c>.</summary>
public sealed record ItemCooccurrenceOptions
{
    /// <summary>The default options: affinity by purchases without decay, co-occurrence by customer, Jaccard, support 1, 200 neighbours.</summary>
    public static ItemCooccurrenceOptions Default { get; } = new();

    /// <summary>What each line adds to the customer's affinity to its product.</summary>
    /// <value>Defaults to <see cref="AffinityWeight.Purchases"/>.</value>
    public AffinityWeight Weight { get; init; } = AffinityWeight.Purchases;

    /// <summary>
    /// When set, each line's weight is multiplied by 0.5^((t0 − t) ÷ half-life), t its time and t0 the
    /// <see cref="ReferenceTime"/>, both in days.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: no decay. Must be finite and positive when set.</value>
    public double? HalfLifeDays { get; init; }

    /// <summary>The t0 of the time decay.</summary>
    /// <value>Defaults to <see langword="null"/>: the latest timestamp of the dataset fitted on.</value>
    public DateTimeOffset? ReferenceTime { get; init; }

    /// <summary>What counts as bought together.</summary>
    /// <value>Defaults to <see cref="CooccurrenceScope.Customer"/>.</value>
    public CooccurrenceScope Scope { get; init; } = CooccurrenceScope.Customer;

    /// <summary>Pairs bought together fewer times than this get similarity 0.</summary>
    /// <value>Defaults to 1 (every pair seen together counts). Must be at least 1.</value>
    public int MinimumSupport { get; init; } = 1;

    /// <summary>How co-occurrence counts become similarities.</summary>
    /// <value>Defaults to <see cref="ItemSimilarity.Jaccard"/>.</value>
    public ItemSimilarity Similarity { get; init; } = ItemSimilarity.Jaccard;

    /// <summary>
    /// How many most similar products each product keeps (highest similarity first, ties by product id, ordinal): the
    /// sparsity that keeps large catalogues fast. <see cref="int.MaxValue"/> keeps every pair, as SAR does.
    /// </summary>
    /// <value>Defaults to 200. Must be at least 1.</value>
    public int MaxNeighbors { get; init; } = 200;

    /// <summary>Checks the options, listing every invalid one.</summary>
    /// <exception cref="ArgumentException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Weight))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Weight)} is not a defined weight (was {(int)Weight})."));
        }

        if (HalfLifeDays is { } halfLife && !(double.IsFinite(halfLife) && halfLife > 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(HalfLifeDays)} must be finite and positive, or null for no decay (was {halfLife})."));
        }

        if (!Enum.IsDefined(Scope))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Scope)} is not a defined scope (was {(int)Scope})."));
        }

        if (MinimumSupport < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MinimumSupport)} must be at least 1 (was {MinimumSupport})."));
        }

        if (!Enum.IsDefined(Similarity))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(Similarity)} is not a defined similarity (was {(int)Similarity})."));
        }

        if (MaxNeighbors < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxNeighbors)} must be at least 1 (was {MaxNeighbors})."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ItemCooccurrenceOptions: " + string.Join(" ", errors));
        }
    }
}
